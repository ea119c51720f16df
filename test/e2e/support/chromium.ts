/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). The flags are those this
 * closed network needs (no background networking, no component updates); Playwright itself starts every
 * launch with a fresh temporary --user-data-dir.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.KENSA_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the e2e tests need Debian's Chromium. Install it with\n` +
        `  apt-get update && apt-get install -y chromium fonts-noto-cjk\n(or set KENSA_CHROMIUM to another Chromium binary).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface Requests {
  /** Every request the page made: method and URL. */
  all: { method: string; url: string }[];
}

/**
 * A context that only reaches the local server: Microsoft's office.js (a <script> in taskpane.html) is
 * answered with `officeJs` (empty: the page sees no Office at all), everything else off 127.0.0.1 is
 * refused. Every request is recorded, so a test can prove nothing was sent anywhere.
 */
export async function newContext(
  browser: Browser,
  opts: { locale: "ja-JP" | "en-US"; officeJs?: string },
): Promise<{ context: BrowserContext; requests: Requests }> {
  const context = await browser.newContext({
    locale: opts.locale,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const requests: Requests = { all: [] };
  context.on("request", (r) => requests.all.push({ method: r.method(), url: r.url() }));
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") {
      if (opts.officeJs === undefined) await route.abort("blockedbyclient");
      else await route.fulfill({ status: 200, contentType: "text/javascript", body: opts.officeJs });
      return;
    }
    if (
      url.hostname === "127.0.0.1" ||
      url.hostname === "localhost" ||
      url.protocol === "data:" ||
      url.protocol === "blob:"
    )
      await route.fallback();
    else await route.abort("blockedbyclient");
  });
  return { context, requests };
}

/** Collects console errors and page errors, to fail on a broken page rather than on a timeout. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/appsforoffice|ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}
