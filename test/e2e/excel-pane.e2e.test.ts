/**
 * The Excel task pane end to end, with a scripted FAKE Office host (test/e2e/support/fake-office.ts)
 * injected before the page loads: the pane renders over the Office.js adapter, runs a check, shows the
 * findings, highlights cells in the fake workbook and selects them from the keyboard.
 */
import type { Browser, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { SEVERITY_FILL } from "../../src/core/apply";
import { axeViolations } from "./support/axe";
import { launchChromium, newContext, watchErrors } from "./support/chromium";
import { ensureDist } from "./support/dist";
import { fakeOfficeScript } from "./support/fake-office";
import { screenshot } from "./support/files";

jest.setTimeout(180_000);

let browser: Browser | undefined;
let server: RunningServer | undefined;

beforeAll(async () => {
  const [dist] = await Promise.all([ensureDist(), (async () => (browser = await launchChromium()))()]);
  server = await startServer(dist, 0);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type FakeCellView = { value: unknown; fill: { color: string } | null } | undefined;

async function fakeCell(page: Page, sheet: string, a1: string): Promise<FakeCellView> {
  return page.evaluate(([s, a]) => {
    const fake = (window as unknown as { __kensaFakeExcel: { cell(s: string, a: string): FakeCellView } }).__kensaFakeExcel;
    const c = fake.cell(s, a);
    return c ? { value: c.value, fill: c.fill } : undefined;
  }, [sheet, a1] as const);
}

async function openPane(displayLanguage: "ja-JP" | "en-US") {
  // the page's own office.js request gets an empty script: the fake defined before it is the only Office
  const { context, requests } = await newContext(browser!, { locale: displayLanguage === "ja-JP" ? "en-US" : "ja-JP", officeJs: "/* fake: office.js not loaded */" });
  await context.addInitScript({ content: fakeOfficeScript(displayLanguage) });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server!.url}taskpane.html`);
  return { context, page, requests, errors };
}

describe("Excel task pane over a fake Office host", () => {
  it("renders in Japanese, checks, highlights, and selects from the keyboard", async () => {
    // the browser's own language is English: the pane must follow Office's displayLanguage
    const { context, page, errors } = await openPane("ja-JP");
    try {
      const check = page.getByRole("button", { name: "検証", exact: true });
      await check.waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("browser-mode").count()).resolves.toBe(0);
      await screenshot(page, "excel-pane-empty-ja");
      await check.click();
      // before Kensa's first write of the session: the undo question, once
      const question = page.getByTestId("undo-question");
      await question.waitFor({ timeout: 30_000 });
      await expect(question.textContent()).resolves.toContain("「元に戻す」（Ctrl+Z）の履歴が消えます");
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "excel-pane-undo-question-ja");
      await question.getByRole("button", { name: "続行" }).click();
      await page.getByTestId("finding").first().waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("finding").count()).resolves.toBe(4);
      const total = page.locator('[data-testid="finding"][data-rule="total/row"]').filter({ hasText: "C6" });
      await expect(total.textContent()).resolves.toContain("合計 の 全体 190億円 が機関の行の合計 180億円 と一致しません");
      await expect(page.locator('[data-testid="finding"][data-rule="value/missing"]').textContent()).resolves.toContain("研究所B の 健康・医療関係 が空欄です");
      // highlights reached the (fake) workbook
      expect((await fakeCell(page, "インハウス予算", "C6"))?.fill?.color?.replace("#", "FF").toUpperCase()).toBe(SEVERITY_FILL.error.toUpperCase());
      await screenshot(page, "excel-pane-findings-ja");

      // keyboard only: Tab to the list, ↓ to the next finding, Enter selects it in the workbook
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let onFinding = false;
      for (let i = 0; i < 60 && !onFinding; i++) {
        await page.keyboard.press("Tab");
        onFinding = await page.evaluate(() => document.activeElement?.hasAttribute("data-finding-select") ?? false);
      }
      expect(onFinding).toBe(true);
      const first = await page.evaluate(() => document.activeElement?.querySelector("span span")?.textContent);
      await page.keyboard.press("ArrowDown");
      const second = await page.evaluate(() => document.activeElement?.querySelector("span span")?.textContent);
      expect(second).not.toBe(first);
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (cell) => (window as unknown as { __kensaFakeExcel: { selection?: { address: string } } }).__kensaFakeExcel.selection?.address?.startsWith(cell as string),
        second,
      );
      const selection = await page.evaluate(() => (window as unknown as { __kensaFakeExcel: { selection?: unknown } }).__kensaFakeExcel.selection);
      expect(selection).toMatchObject({ sheet: expect.any(String) });
      await expect(page.locator('[data-finding-select][aria-current="true"]').count()).resolves.toBe(1);
      await screenshot(page, "excel-pane-keyboard-ja");

      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a workbook with no sheet of a known kind: 未検証 with テンプレート挿入, never 問題なし", async () => {
    const { context, page, errors } = await openPane("ja-JP");
    try {
      const check = page.getByRole("button", { name: "検証", exact: true });
      await check.waitFor({ timeout: 30_000 });
      // the open workbook becomes one that has nothing to do with Kensa
      await page.evaluate(() => {
        const fake = (window as unknown as { __kensaFakeExcel: { sheets: unknown[]; addSheet(n: string, rows: unknown[][]): void } }).__kensaFakeExcel;
        fake.sheets.splice(0, fake.sheets.length);
        fake.addSheet("会議メモ", [["日時", "2025年4月1日"], ["出席者", "山田、佐藤"]]);
        fake.addSheet("予定", [["日付", "内容", "担当"], ["4月10日", "打合せ", "山田"]]);
      });
      await check.click();
      // the first write of the session (the infos' highlights): the undo question, once
      await page.getByTestId("undo-question").getByRole("button", { name: "続行" }).click({ timeout: 30_000 });
      const bar = page.getByTestId("not-checked");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.getByRole("heading").textContent()).resolves.toBe("未検証：様式に当たるシートがありません");
      await expect(bar.textContent()).resolves.toContain("何も検証していません。");
      await expect(bar.textContent()).resolves.toContain("様式のシートを追加するには「テンプレート挿入」を押してください。");
      await expect(page.getByTestId("no-problems").count()).resolves.toBe(0);
      await expect(page.getByTestId("severity-summary").count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="finding"][data-rule="structure/unknown-sheet"]').count()).resolves.toBe(2);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "excel-pane-unchecked-ja", true);
      // the width of Excel's task pane
      await page.setViewportSize({ width: 350, height: 900 });
      await screenshot(page, "excel-pane-unchecked-narrow-ja", true);

      // the message's own button inserts the template's sheets; the next check is no longer 未検証
      await bar.getByRole("button", { name: "テンプレート挿入" }).click();
      await page.getByText(/^シートを追加しました: /).waitFor({ timeout: 30_000 });
      await check.click();
      await page.getByTestId("severity-summary").waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("not-checked").count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a ribbon failure reaches the person: the shared runtime's pane shows it and is brought up", async () => {
    const { context, page, errors } = await openPane("ja-JP");
    try {
      await page.getByRole("button", { name: "検証", exact: true }).waitFor({ timeout: 30_000 });
      // the ribbon's 再計算・検証 runs in this page (shared runtime); Excel fails its first request
      const completed = await page.evaluate(async () => {
        const w = window as unknown as { __kensaFakeExcel: { failNextSyncWith?: string }; __kensaRibbon: { press(n: string): Promise<boolean> } };
        w.__kensaFakeExcel.failNextSyncWith = "GeneralException";
        return w.__kensaRibbon.press("kensaRecheck");
      });
      expect(completed).toBe(true);
      const bar = page.getByTestId("failure");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.textContent()).resolves.toContain("再計算・検証できませんでした");
      await expect(page.evaluate(() => (window as unknown as { __kensaPaneShown: number }).__kensaPaneShown)).resolves.toBeGreaterThan(0);
      await screenshot(page, "excel-pane-ribbon-failure-ja");
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("follows Office's display language: English", async () => {
    const { context, page, errors } = await openPane("en-US");
    try {
      const check = page.getByRole("button", { name: "Check", exact: true });
      await check.waitFor({ timeout: 30_000 });
      await check.click();
      await page.getByTestId("undo-question").getByRole("button", { name: "Continue" }).click({ timeout: 30_000 });
      await page.getByTestId("finding").first().waitFor({ timeout: 30_000 });
      await expect(page.getByRole("heading", { name: "4 findings" }).isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-testid="finding"][data-rule="value/missing"]').textContent()).resolves.toMatch(/研究所B/);
      await screenshot(page, "excel-pane-findings-en");
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
