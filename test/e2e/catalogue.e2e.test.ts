/**
 * A workbook's own catalogue (its 「Kensa_カタログ」 sheet) through the two faces that run in a page: the browser
 * mode and the Excel task pane (over the FAKE Office host of test/e2e/support/fake-office.ts). Indicator 8 of
 * test/fixtures/catalogue-eight.ts, defined only in that sheet, must be checked exactly like a built-in indicator:
 * the same findings as the core gives (and as `kensa check` gives: test/cli/catalogue.test.ts). A broken sheet is
 * an error finding, never a silent fallback. The support helpers are used as they are.
 */
import type { Browser, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { SEVERITY_FILL } from "../../src/core/apply";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { EIGHT_FINDINGS, eightSheets, xlsxOf, type Row } from "../fixtures/catalogue-eight";
import { launchChromium, newContext, watchErrors } from "./support/chromium";
import { ensureDist } from "./support/dist";
import { fakeOfficeScript } from "./support/fake-office";
import { screenshot } from "./support/files";

jest.setTimeout(180_000);

let browser: Browser | undefined;
let server: RunningServer | undefined;
let good: Buffer;
let broken: Buffer;
let brokenSheets: Record<string, Row[]>;
let expected: CheckResult;

beforeAll(async () => {
  const [dist] = await Promise.all([ensureDist(), (async () => (browser = await launchChromium()))()]);
  server = await startServer(dist, 0);
  good = await xlsxOf(eightSheets(true));
  brokenSheets = eightSheets(true);
  brokenSheets["Kensa_カタログ"] = brokenSheets["Kensa_カタログ"].map((r) => [...r]);
  brokenSheets["Kensa_カタログ"][5][5] = "一部分"; // F6: not a relation word
  broken = await xlsxOf(brokenSheets);
  expected = checkWorkbook(await readWorkbookBuffer(good), { lang: "ja" });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function finding(page: Page, sheet: string, rule: string, cell: string) {
  return page
    .locator(`[data-testid="sheet-group"][data-sheet="${sheet}"] [data-testid="finding"][data-rule="${rule}"]`)
    .filter({ hasText: cell });
}

/** Every finding of indicator 8 is shown at its sheet and cell, and the sheet's own info says it was used. */
async function expectIndicatorEight(page: Page): Promise<void> {
  for (const f of EIGHT_FINDINGS) {
    await expect(finding(page, f.sheet, f.rule, f.cell).count()).resolves.toBeGreaterThan(0);
  }
  await expect(finding(page, "PJ2", "sum/breakdown", "C3").first().textContent()).resolves.toContain(
    "利用者別の合計11件が指標値12件と一致しません",
  );
  await expect(finding(page, "全体", "rollup/additive", "C3").first().textContent()).resolves.toContain(
    "指標8 研究開発基盤の利用件数：全体の54件が各PJの合計55件と一致しません",
  );
  await expect(finding(page, "Kensa_カタログ", "catalogue/sheet", "A3").textContent()).resolves.toContain(
    "シート「Kensa_カタログ」の指標一覧を使いました（指標8を追加）。",
  );
  await expect(page.locator('[data-testid="finding"][data-rule="structure/unknown-sheet"]').count()).resolves.toBe(0);
  await expect(page.locator('[data-testid="finding"][data-rule="label/unknown"]').count()).resolves.toBe(0);
}

describe("browser mode: the catalogue sheet of an opened file", () => {
  async function openFile(name: string, buffer: Buffer) {
    const { context } = await newContext(browser!, { locale: "ja-JP" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server!.url}taskpane.html`);
    await page.getByTestId("browser-mode").waitFor({ timeout: 30_000 });
    await page
      .getByTestId("file-input")
      .setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await page.locator('[data-testid="file-item"][data-status="ready"]').first().waitFor({ timeout: 60_000 });
    await page.getByTestId("finding").first().waitFor({ timeout: 30_000 });
    return { context, page, errors };
  }

  it("indicator 8, defined in the workbook's Kensa_カタログ sheet, is checked like a built-in one", async () => {
    const { context, page, errors } = await openFile("指標8_提出.xlsx", good);
    try {
      const counts = page.getByTestId("file-counts");
      await expect(counts.getAttribute("data-error")).resolves.toBe(String(expected.summary.error));
      await expect(counts.getAttribute("data-info")).resolves.toBe(String(expected.summary.info));
      await expect(page.getByTestId("finding").count()).resolves.toBe(expected.findings.length);
      await expectIndicatorEight(page);
      await screenshot(page, "catalogue-browser-ja");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a broken sheet is an error at its cell, and indicator 8 is then not checked", async () => {
    const { context, page, errors } = await openFile("壊れたカタログ.xlsx", broken);
    try {
      const bad = finding(page, "Kensa_カタログ", "catalogue/sheet", "F6");
      await expect(bad.getAttribute("data-severity")).resolves.toBe("error");
      await expect(bad.textContent()).resolves.toContain(
        "F6: 関係「一部分」は「全数」「一部」「独立」「大小」「割合」のいずれかです）。このシートの定義は一つも使わずに検証しました。",
      );
      await expect(page.locator('[data-testid="finding"][data-rule="rollup/additive"]').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="finding"][data-rule="label/unknown"]').count()).resolves.toBe(9);
      await screenshot(page, "catalogue-browser-broken-ja");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("Excel task pane: the catalogue sheet of the open workbook", () => {
  async function openPane(sheets: Record<string, Row[]>) {
    const { context } = await newContext(browser!, { locale: "en-US", officeJs: "/* fake: office.js not loaded */" });
    await context.addInitScript({ content: fakeOfficeScript("ja-JP") });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server!.url}taskpane.html`);
    const check = page.getByRole("button", { name: "検証", exact: true });
    await check.waitFor({ timeout: 30_000 });
    // the open workbook becomes the indicator-8 workbook, catalogue sheet included
    await page.evaluate(
      (s) => {
        const fake = (
          window as unknown as { __kensaFakeExcel: { sheets: unknown[]; addSheet(n: string, rows: unknown[][]): void } }
        ).__kensaFakeExcel;
        fake.sheets.splice(0, fake.sheets.length);
        for (const [name, rows] of Object.entries(s))
          fake.addSheet(
            name,
            rows.map((r) => r.map((v) => (v === undefined ? null : v))),
          );
      },
      sheets as Record<string, unknown[][]>,
    );
    await check.click();
    // the pane may first ask before its first write of the session (undo history): go on
    const question = page.getByTestId("undo-question");
    const first = page.getByTestId("finding").first();
    await Promise.race([question.waitFor({ timeout: 30_000 }), first.waitFor({ timeout: 30_000 })]);
    if (await question.count()) await question.getByRole("button", { name: "続行" }).click();
    await first.waitFor({ timeout: 30_000 });
    return { context, page, errors };
  }

  async function fill(page: Page, sheet: string, a1: string): Promise<string | undefined> {
    return page.evaluate(
      ([s, a]) => {
        const fake = (
          window as unknown as {
            __kensaFakeExcel: { cell(s: string, a: string): { fill: { color: string } | null } | undefined };
          }
        ).__kensaFakeExcel;
        return fake.cell(s, a)?.fill?.color;
      },
      [sheet, a1] as const,
    );
  }

  it("indicator 8, defined in the Kensa_カタログ sheet, is checked like a built-in one, and its cells highlighted", async () => {
    const { context, page, errors } = await openPane(eightSheets(true));
    try {
      await expect(page.getByTestId("finding").count()).resolves.toBe(expected.findings.length);
      await expectIndicatorEight(page);
      expect((await fill(page, "全体", "C3"))?.replace("#", "FF").toUpperCase()).toBe(
        SEVERITY_FILL.error.toUpperCase(),
      );
      expect((await fill(page, "PJ2", "C3"))?.replace("#", "FF").toUpperCase()).toBe(SEVERITY_FILL.error.toUpperCase());
      await screenshot(page, "catalogue-pane-ja");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a broken sheet is an error at its cell, never a silent fallback", async () => {
    const { context, page, errors } = await openPane(brokenSheets);
    try {
      const bad = finding(page, "Kensa_カタログ", "catalogue/sheet", "F6");
      await expect(bad.getAttribute("data-severity")).resolves.toBe("error");
      await expect(bad.textContent()).resolves.toContain("このシートの定義は一つも使わずに検証しました。");
      expect((await fill(page, "Kensa_カタログ", "F6"))?.replace("#", "FF").toUpperCase()).toBe(
        SEVERITY_FILL.error.toUpperCase(),
      );
      await expect(page.locator('[data-testid="finding"][data-rule="rollup/additive"]').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
