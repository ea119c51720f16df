/**
 * `npm run package -- --url https://kensa.example.go.jp/addin/` end to end: the package is made (from the production
 * build the e2e suites share, so webpack runs once per test session; dist/ is only read) into a temporary folder, its
 * manifest is checked and its web/ folder is served on 127.0.0.1 under the same path (/addin/), with the headers
 * docs/deploy.md asks of the web server (scripts/package-server.ts, the optional Content-Security-Policy included). Debian's Chromium opens
 * taskpane.html there with no Office at all — Microsoft's office.js blocked, as on a closed network, and
 * answered by a stand-in that reports no host, as office.js does outside Office — and checks the R7 sample
 * in browser mode. Nothing but the package's own files is requested.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { createHash } from "node:crypto";
import JSZip from "jszip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildPackage, PACKAGE_DIR, type PackageResult } from "../../scripts/package";
import { cacheControlFor, CSP, HASHED, headersFor, LONG_CACHE, NO_CACHE } from "../../scripts/package-server";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { launchChromium, newContext, watchErrors, type Requests } from "../e2e/support/chromium";
import { ensureDist } from "../e2e/support/dist";
import { SAMPLE } from "../e2e/support/files";

jest.setTimeout(180_000);

const URL_ = "https://kensa.example.go.jp/addin/";
const PREFIX = "/addin/";

let out: string;
let pkg: PackageResult;
let web: string;
let server: Server;
let origin: string;
let browser: Browser | undefined;
let expected: CheckResult;
const served: { path: string; status: number; headers: Record<string, string> }[] = [];

/** Serves `web` under PREFIX, GET/HEAD only, with the production headers (CSP included). */
function serve(dir: string): Promise<Server> {
  const s = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const rel = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length) : undefined;
    const file = rel !== undefined ? path.resolve(dir, rel) : undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    if (!file || !file.startsWith(dir + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      served.push({ path: pathname, status: 404, headers: {} });
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const headers = headersFor(rel!, true);
    served.push({ path: pathname, status: 200, headers });
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "kensa-package-"));
  const [built] = await Promise.all([
    // the e2e suites' production build of these sources: one webpack run per test session, not two
    ensureDist().then((prebuilt) => buildPackage({ url: URL_, out, prebuilt })),
    (async () => (browser = await launchChromium()))(),
    (async () => (expected = checkWorkbook(await readWorkbookBuffer(readFileSync(SAMPLE)), { lang: "ja" })))(),
  ]);
  pkg = built;
  web = path.join(pkg.dir, "web");
  server = await serve(web);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("the package folder and zip", () => {
  test("holds the manifest, web/ with the content-hashed production bundles and pages, server settings and the docs", () => {
    const files = pkg.files.map((f) => f.path);
    for (const f of [
      "manifest.xml",
      "README.txt",
      "DEPLOY.md",
      "web/taskpane.html",
      "web/commands.html",
      "web/manifest.xml",
      "web/assets/help.html",
      "web/assets/icon-32.png",
      "server/web.config",
      "server/nginx.conf",
      "server/apache.htaccess",
    ]) {
      expect(files).toContain(f);
    }
    const scripts = files.filter((f) => f.startsWith("web/") && f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const s of scripts) expect(s).toMatch(HASHED); // so the long cache is safe for every script
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]); // no source maps unless --sourcemaps
    // production build: minified
    const taskpane = scripts.find((s) => /^web\/taskpane\.[0-9a-f]{20}\.js$/.test(s))!;
    expect(readFileSync(path.join(pkg.dir, taskpane), "utf8").split("\n").length).toBeLessThan(50);
  });

  test("both manifests are the one for the address; kensa-package.json has every file's SHA-256", () => {
    const manifest = readFileSync(path.join(pkg.dir, "manifest.xml"), "utf8");
    expect(readFileSync(path.join(web, "manifest.xml"), "utf8")).toBe(manifest);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${URL_}taskpane.html"/>`);
    expect(manifest).not.toContain("localhost");
    const info = JSON.parse(readFileSync(path.join(pkg.dir, "kensa-package.json"), "utf8"));
    expect(info).toMatchObject({
      url: URL_,
      browserMode: `${URL_}taskpane.html`,
      manifestVersion: pkg.manifestVersion,
    });
    for (const f of info.files as { path: string; sha256: string }[]) {
      expect(
        createHash("sha256")
          .update(readFileSync(path.join(pkg.dir, f.path)))
          .digest("hex"),
      ).toBe(f.sha256);
    }
  });

  test("the zip holds the same files under kensa-addin/", async () => {
    const zip = await JSZip.loadAsync(readFileSync(pkg.zip!));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names.sort()).toEqual(
      [...pkg.files.map((f) => `${PACKAGE_DIR}/${f.path}`), `${PACKAGE_DIR}/kensa-package.json`].sort(),
    );
    const inZip = await zip.file(`${PACKAGE_DIR}/manifest.xml`)!.async("string");
    expect(inZip).toBe(readFileSync(path.join(pkg.dir, "manifest.xml"), "utf8"));
  });

  test("the server settings serve under the address's path, cache the hashed bundles and never forbid framing", () => {
    const nginx = readFileSync(path.join(pkg.dir, "server", "nginx.conf"), "utf8");
    expect(nginx).toContain(`location ^~ ${PREFIX} {`);
    for (const f of ["web.config", "nginx.conf", "apache.htaccess"]) {
      const text = readFileSync(path.join(pkg.dir, "server", f), "utf8");
      expect(text).toContain("immutable");
      expect(text).toMatch(/no-cache|DisableCache/);
      expect(text).not.toMatch(/X-Frame-Options"? +(value=")?(DENY|SAMEORIGIN)/i);
      expect(text).not.toMatch(/^[^#\n]*frame-ancestors/m);
    }
  });
});

interface CspReport {
  directive: string;
  blocked: string;
  file: string;
  line: number;
  column: number;
}

/**
 * zod 4 checks once whether it may compile validators with `new Function` (its allowsEval, skipped when
 * z.config({ jitless: true })): `try { return new Function(""), !0 } catch (e) { return !1 }`. Under a CSP
 * without 'unsafe-eval' the browser reports that probe and zod falls back; nothing breaks.
 */
function isZodEvalProbe(v: CspReport): boolean {
  if (v.directive !== "script-src" || v.blocked !== "eval" || !v.file.startsWith(origin + PREFIX)) return false;
  const text =
    readFileSync(path.join(web, v.file.slice((origin + PREFIX).length)), "utf8").split("\n")[v.line - 1] ?? "";
  const at = text.slice(Math.max(0, v.column - 1 - 12), v.column - 1 + 40);
  return /try\{return new Function\(""\),!0\}catch/.test(at);
}

async function openBrowserMode(
  officeJs: string | undefined,
): Promise<{ context: BrowserContext; page: Page; requests: Requests; errors: string[] }> {
  const { context, requests } = await newContext(browser!, { locale: "ja-JP", officeJs });
  await context.addInitScript({
    content: `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, file: e.sourceFile, line: e.lineNumber, column: e.columnNumber }));`,
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${origin}${PREFIX}taskpane.html`);
  await page.getByTestId("browser-mode").waitFor({ timeout: 30_000 });
  return { context, page, requests, errors };
}

describe("browser mode from the package, on the same host, with no Office", () => {
  test.each([
    ["office.js unreachable (a closed network)", undefined],
    [
      "office.js reporting no host (a browser outside Office)",
      "window.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: null, platform: null }) };",
    ],
  ])("%s: checks the R7 sample and shows the core's findings", async (_name, officeJs) => {
    const { context, page, requests, errors } = await openBrowserMode(officeJs);
    try {
      await page.getByTestId("file-input").setInputFiles(SAMPLE);
      await page.locator('[data-testid="file-item"][data-status="ready"]').first().waitFor({ timeout: 60_000 });
      await page.getByTestId("finding").first().waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("finding").count()).resolves.toBe(expected.findings.length);
      const counts = page.getByTestId("file-counts");
      await expect(counts.getAttribute("data-error")).resolves.toBe(String(expected.summary.error));
      // the annotated copy is made in the page
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("download").first().click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

      // only the package's own files, under /addin/, all found; nothing sent anywhere
      const local = requests.all.filter((r) => r.url.startsWith(origin));
      const elsewhere = requests.all.filter(
        (r) =>
          !r.url.startsWith(origin) &&
          !/^(blob|data):/.test(r.url) &&
          !r.url.startsWith("https://appsforoffice.microsoft.com/"),
      );
      expect(elsewhere).toEqual([]);
      expect(requests.all.filter((r) => r.method !== "GET")).toEqual([]);
      for (const r of local) expect(new URL(r.url).pathname.startsWith(PREFIX)).toBe(true);
      const lazy = local.filter((r) => /\/browser(-vendor)?\.[0-9a-f]{20}\.js$/.test(r.url));
      expect(lazy.length).toBe(2); // the browser-mode chunks, loaded from the sub-path
      expect(served.filter((s) => s.status !== 200 && !s.path.endsWith(".map"))).toEqual([]);
      // under the Content-Security-Policy of docs/deploy.md, nothing was blocked
      // (zod's feature test `try { new Function("") } catch` is reported and refused, as it should be)
      const csp = await page.evaluate(() => (window as unknown as { __csp: CspReport[] }).__csp);
      expect(csp.filter((v) => !isZodEvalProbe(v))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the server sent the cache policy of docs/deploy.md", () => {
    const byPath = (p: string) => served.find((s) => s.path === p && s.status === 200);
    expect(byPath(`${PREFIX}taskpane.html`)?.headers["Cache-Control"]).toBe(NO_CACHE);
    expect(byPath(`${PREFIX}taskpane.html`)?.headers["Content-Security-Policy"]).toBe(CSP);
    const bundles = served.filter((s) => s.status === 200 && s.path.endsWith(".js"));
    expect(bundles.length).toBeGreaterThanOrEqual(4);
    for (const b of bundles) expect(b.headers["Cache-Control"]).toBe(LONG_CACHE);
    expect(cacheControlFor("assets/icon-32.png")).not.toMatch(/no-cache|no-store/); // Office requires cacheable icons
    expect(cacheControlFor("manifest.xml")).toBe(NO_CACHE);
  });
});
