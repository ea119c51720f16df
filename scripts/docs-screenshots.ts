/**
 * `npm run docs:screenshots`: regenerates the screenshots of the user guides (docs/images/*.png) from the
 * real task pane, driven in Debian's Chromium exactly as the e2e tests drive it (test/e2e/support/):
 *
 *   - the Excel task pane over the e2e tests' FAKE Office host (test/e2e/support/fake-office.ts), holding the
 *     R7 sample (samples/r7-report.xlsx) — so the pane is the real one and the findings are the real ones, but
 *     there is no Excel around it;
 *   - browser mode, the same page opened outside Office, checking the R7 sample and a workbook of no known kind.
 *
 * Each shot first checks that the page shows what the guide says it shows (the findings, the 未検証 message…)
 * and stops with an error otherwise, so a changed pane cannot leave a guide describing an old picture.
 *
 * The production bundles are built into a temporary folder (dist/ is left alone), or taken from
 * --dist DIR / KENSA_E2E_DIST. Needs /usr/bin/chromium and fonts-noto-cjk (npm test installs them).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readWorkbookBuffer } from "../src/adapters/exceljs/read";
import { checkWorkbook } from "../src/core/engine";
import { launchChromium, newContext, watchErrors } from "../test/e2e/support/chromium";
import { fakeOfficeScript } from "../test/e2e/support/fake-office";
import { startServer } from "./serve";

const ROOT = path.resolve(__dirname, "..");
export const IMAGES = path.join(ROOT, "docs", "images");
const SAMPLE = path.join(ROOT, "samples", "r7-report.xlsx");

/** Every screenshot the guides use, with what it must show. */
export const SHOTS = {
  "pane-start-ja.png": "the Excel task pane before a check: the 検証 button and the other actions",
  "pane-undo-question-ja.png": "the question about Excel's undo history before the first write (続行 / 書き込まない)",
  "pane-findings-ja.png": "the task pane after 検証 on the R7 sample: counts by severity and the findings by sheet",
  "pane-finding-selected-ja.png": "a finding selected in the task pane (its cell is selected in Excel)",
  "pane-unchecked-ja.png": "未検証: a workbook with no template sheet, with テンプレート挿入",
  "browser-open-ja.png": "browser mode before a file is opened: file picker, drop zone, the privacy notice",
  "browser-findings-ja.png": "browser mode after opening the R7 sample: the file list with counts and the findings",
  "browser-preview-ja.png": "browser mode with a finding selected: the cells around it",
  "browser-set-ja.png":
    "browser mode with two files open: the submission set summary (全体・PJ1〜PJ8 found, まとめてダウンロード)",
  "browser-unchecked-ja.png": "browser mode with a file of no known kind: the 未検証 badge and message",
} as const;

type ShotName = keyof typeof SHOTS;

/**
 * The time every page sees: the panes show when they checked (「10:00に検証しました」), so a real clock would
 * make every run rewrite the PNGs. Timers still run (notices clear themselves); Chromium's time zone is fixed too.
 */
const SHOT_TIME = new Date("2026-04-01T10:00:00+09:00");

async function freezeClock(context: BrowserContext): Promise<void> {
  await context.clock.setFixedTime(SHOT_TIME);
}

function webpack(outputPath: string): Promise<void> {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production", "--output-path", outputPath, "--stats", "errors-only"],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`webpack failed:\n${stderr || stdout}`)) : resolve()),
    );
  });
}

/** A screenshot of the viewport, cut below the last visible content (no empty pane under a short page). */
async function shoot(page: Page, name: ShotName): Promise<void> {
  const file = path.join(IMAGES, name);
  const viewport = page.viewportSize()!;
  const bottom = await page.evaluate(() => {
    let max = 0;
    // leaves only (text, icons, controls): layout wrappers may stretch to the bottom of the window
    for (const el of Array.from(document.querySelectorAll("#container *"))) {
      if (el.childElementCount > 0 && !(el instanceof SVGElement) && !(el instanceof HTMLButtonElement)) continue;
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.width > 0 && r.top < window.innerHeight) max = Math.max(max, r.bottom);
    }
    return Math.ceil(max);
  });
  const height = Math.min(viewport.height, Math.max(200, bottom + 16));
  // no control under the pointer: the last click's spot may hover a button once the page has scrolled
  await page.mouse.move(viewport.width - 1, viewport.height - 1);
  await page.screenshot({
    path: file,
    clip: { x: 0, y: 0, width: viewport.width, height },
    animations: "disabled",
    caret: "hide",
  });
  console.log(`wrote docs/images/${name}  — ${SHOTS[name]}`);
}

async function expectText(page: Page, selector: string, pattern: RegExp, what: string): Promise<void> {
  const text = (await page.locator(selector).first().textContent({ timeout: 30_000 })) ?? "";
  if (!pattern.test(text))
    throw new Error(
      `screenshot precondition failed (${what}): ${selector} reads ${JSON.stringify(text.slice(0, 200))}`,
    );
}

/** Answers 続行 to the question about Excel's undo history and waits until the pane is idle again. */
async function continueAndWait(page: Page): Promise<void> {
  await page.getByTestId("undo-question").getByRole("button", { name: "続行" }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="undo-question"]'), undefined, {
    timeout: 30_000,
  });
  await page
    .getByRole("button", { name: "検証", exact: true })
    .and(page.locator(":not([disabled])"))
    .waitFor({ timeout: 60_000 });
}

/** A workbook with no sheet of a known kind, for the 未検証 shots. */
async function unrelatedXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("会議メモ").addRows([
    ["日時", "2025年4月1日"],
    ["出席者", "山田、佐藤"],
    ["議題", "来年度の予定"],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function paneShots(browser: Browser, url: string): Promise<void> {
  const sample = await readWorkbookBuffer(readFileSync(SAMPLE));
  const expected = checkWorkbook(sample, { lang: "ja" });
  const { context } = await newContext(browser, { locale: "ja-JP", officeJs: "/* fake: office.js not loaded */" });
  await freezeClock(context);
  try {
    await context.addInitScript({ content: fakeOfficeScript("ja-JP") });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 420, height: 860 });
    await page.goto(`${url}taskpane.html`);
    const check = page.getByRole("button", { name: "検証", exact: true });
    await check.waitFor({ timeout: 30_000 });
    // the fake workbook becomes the R7 sample
    await page.evaluate(
      (wb) => {
        const fake = (window as unknown as { __kensaFakeExcel: { sheets: unknown[]; addWorkbook(w: unknown): void } })
          .__kensaFakeExcel;
        fake.sheets.splice(0, fake.sheets.length);
        fake.addWorkbook(wb);
      },
      JSON.parse(JSON.stringify(sample)),
    );
    await shoot(page, "pane-start-ja.png");

    await check.click();
    await page.getByTestId("finding").first().waitFor({ timeout: 60_000 });
    const shown = await page.getByTestId("finding").count();
    if (shown !== expected.findings.length)
      throw new Error(`the pane shows ${shown} findings, the core finds ${expected.findings.length}`);
    // before its first write Kensa asks about Excel's undo history (where writing clears it): shown, then 続行
    const question = page.getByTestId("undo-question");
    await question.waitFor({ timeout: 30_000 });
    await expectText(page, '[data-testid="undo-question"]', /「元に戻す」/, "the question about Excel's undo history");
    await shoot(page, "pane-undo-question-ja.png");
    await continueAndWait(page);
    await shoot(page, "pane-findings-ja.png");

    const target = page
      .locator('[data-testid="sheet-group"][data-sheet="予算内訳"] [data-testid="finding"][data-rule="sum/subtotal"]')
      .filter({ hasText: "D28" })
      .first();
    await target.scrollIntoViewIfNeeded();
    await target.locator("[data-finding-select]").click();
    await page.locator('[data-finding-select][aria-current="true"]').waitFor({ timeout: 30_000 });
    await expectText(page, '[data-finding-select][aria-current="true"]', /D28/, "the selected finding is 予算内訳!D28");
    await shoot(page, "pane-finding-selected-ja.png");

    if (errors.length) throw new Error(`the pane logged errors:\n${errors.join("\n")}`);
  } finally {
    await context.close();
  }
  await paneUncheckedShot(browser, url);
}

/** A fresh pane over a workbook with nothing of Kensa's: 未検証, with テンプレート挿入. */
async function paneUncheckedShot(browser: Browser, url: string): Promise<void> {
  const { context } = await newContext(browser, { locale: "ja-JP", officeJs: "/* fake: office.js not loaded */" });
  await freezeClock(context);
  try {
    await context.addInitScript({ content: fakeOfficeScript("ja-JP") });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 420, height: 860 });
    await page.goto(`${url}taskpane.html`);
    const check = page.getByRole("button", { name: "検証", exact: true });
    await check.waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      const fake = (
        window as unknown as { __kensaFakeExcel: { sheets: unknown[]; addSheet(n: string, rows: unknown[][]): void } }
      ).__kensaFakeExcel;
      fake.sheets.splice(0, fake.sheets.length);
      fake.addSheet("会議メモ", [
        ["日時", "2025年4月1日"],
        ["出席者", "山田、佐藤"],
      ]);
    });
    await check.click();
    await page.getByTestId("not-checked").waitFor({ timeout: 30_000 });
    if (await page.getByTestId("undo-question").isVisible()) await continueAndWait(page);
    await expectText(
      page,
      '[data-testid="not-checked"]',
      /未検証：様式に当たるシートがありません/,
      "the 未検証 message",
    );
    await shoot(page, "pane-unchecked-ja.png");
    if (errors.length) throw new Error(`the pane logged errors:\n${errors.join("\n")}`);
  } finally {
    await context.close();
  }
}

async function browserShots(browser: Browser, url: string): Promise<void> {
  const expected = checkWorkbook(await readWorkbookBuffer(readFileSync(SAMPLE)), { lang: "ja" });
  const { context } = await newContext(browser, { locale: "ja-JP" });
  await freezeClock(context);
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${url}taskpane.html`);
    await page.getByTestId("browser-mode").waitFor({ timeout: 30_000 });
    await expectText(page, '[data-testid="privacy-notice"]', /アップロード/, "the privacy notice");
    await shoot(page, "browser-open-ja.png");

    await page.getByTestId("file-input").setInputFiles(SAMPLE);
    await page.locator('[data-testid="file-item"][data-status="ready"]').first().waitFor({ timeout: 60_000 });
    await page.getByTestId("finding").first().waitFor({ timeout: 30_000 });
    const shown = await page.getByTestId("finding").count();
    if (shown !== expected.findings.length)
      throw new Error(`browser mode shows ${shown} findings, the core finds ${expected.findings.length}`);
    await shoot(page, "browser-findings-ja.png");

    const pj5 = page
      .locator('[data-testid="sheet-group"][data-sheet="PJ5"] [data-testid="finding"][data-rule="sum/breakdown"]')
      .filter({ hasText: "C5" });
    await pj5.scrollIntoViewIfNeeded();
    await pj5.locator("[data-finding-select]").click();
    await page.locator('[data-testid="preview-grid"][data-sheet="PJ5"][data-anchor="C5"]').waitFor({ timeout: 30_000 });
    await page.getByTestId("preview-grid").scrollIntoViewIfNeeded();
    await shoot(page, "browser-preview-ja.png");

    await page.getByTestId("file-input").setInputFiles({
      name: "会議メモ.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await unrelatedXlsx(),
    });
    const memo = page.locator('[data-testid="file-item"][data-file="会議メモ.xlsx"]');
    await memo.locator('[data-testid="file-unchecked"]').waitFor({ timeout: 60_000 });
    // two files: one submission set, summarised above the file list
    await page.getByTestId("set-summary").waitFor({ timeout: 30_000 });
    await expectText(
      page,
      '[data-testid="set-summary"]',
      /提出セット（2ファイル）/,
      "the set summary of the two files",
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "browser-set-ja.png");
    await memo.getByRole("button", { name: "表示: 会議メモ.xlsx" }).click();
    await page.getByTestId("not-checked").waitFor({ timeout: 30_000 });
    await expectText(page, '[data-testid="not-checked"]', /未検証/, "the 未検証 message");
    // the file list at the top of the window, the pane's 未検証 message under it
    await memo.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await shoot(page, "browser-unchecked-ja.png");
    if (errors.length) throw new Error(`browser mode logged errors:\n${errors.join("\n")}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const distArg = args.indexOf("--dist");
  let dist =
    distArg >= 0
      ? path.resolve(args[distArg + 1])
      : process.env.KENSA_E2E_DIST
        ? path.resolve(process.env.KENSA_E2E_DIST)
        : undefined;
  let temp: string | undefined;
  if (!dist) {
    temp = mkdtempSync(path.join(tmpdir(), "kensa-docs-dist-"));
    dist = temp;
    console.log(`webpack (production) → ${dist}`);
    await webpack(dist);
  }
  mkdirSync(IMAGES, { recursive: true });
  // the time shown in the panes is Japan's, whatever the machine's zone (Chromium reads TZ when it starts)
  process.env.TZ = "Asia/Tokyo";
  const server = await startServer(dist, 0);
  const browser = await launchChromium();
  try {
    await paneShots(browser, server.url);
    await browserShots(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
