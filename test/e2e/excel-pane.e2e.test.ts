/**
 * The Excel task pane end to end, with a scripted FAKE Office host (test/e2e/support/fake-office.ts)
 * injected before the page loads: the pane renders over the Office.js adapter, runs a check, shows the
 * findings, highlights cells in the fake workbook and selects them from the keyboard.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { runCaptured } from "../../src/cli/capture";
import type { Workbook } from "../../src/core/model/workbook";
import { ReportSchema, type Report } from "../../src/core/report/schema";
import { SPLIT, writeSplit } from "../fixtures/split";
import { startServer, type RunningServer } from "../../scripts/serve";
import { SEVERITY_FILL } from "../../src/core/apply";
import { otherFilesText } from "../../src/core/report/other-files";
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
  return page.evaluate(
    ([s, a]) => {
      const fake = (window as unknown as { __kensaFakeExcel: { cell(s: string, a: string): FakeCellView } })
        .__kensaFakeExcel;
      const c = fake.cell(s, a);
      return c ? { value: c.value, fill: c.fill } : undefined;
    },
    [sheet, a1] as const,
  );
}

async function openPane(displayLanguage: "ja-JP" | "en-US", open: { workbook?: Workbook; url?: string } = {}) {
  // the page's own office.js request gets an empty script: the fake defined before it is the only Office
  const { context, requests } = await newContext(browser!, {
    locale: displayLanguage === "ja-JP" ? "en-US" : "ja-JP",
    officeJs: "/* fake: office.js not loaded */",
  });
  await context.addInitScript({ content: fakeOfficeScript(displayLanguage, open) });
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
      await expect(total.textContent()).resolves.toContain(
        "「合計」の「全体」190億円が機関の行の合計180億円と一致しません",
      );
      await expect(page.locator('[data-testid="finding"][data-rule="value/missing"]').textContent()).resolves.toContain(
        "「研究所B」の「健康・医療関係」が空欄です",
      );
      // highlights reached the (fake) workbook
      expect((await fakeCell(page, "インハウス予算", "C6"))?.fill?.color?.replace("#", "FF").toUpperCase()).toBe(
        SEVERITY_FILL.error.toUpperCase(),
      );
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
        (cell) =>
          (
            window as unknown as { __kensaFakeExcel: { selection?: { address: string } } }
          ).__kensaFakeExcel.selection?.address?.startsWith(cell as string),
        second,
      );
      const selection = await page.evaluate(
        () => (window as unknown as { __kensaFakeExcel: { selection?: unknown } }).__kensaFakeExcel.selection,
      );
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
        const fake = (
          window as unknown as { __kensaFakeExcel: { sheets: unknown[]; addSheet(n: string, rows: unknown[][]): void } }
        ).__kensaFakeExcel;
        fake.sheets.splice(0, fake.sheets.length);
        fake.addSheet("会議メモ", [
          ["日時", "2025年4月1日"],
          ["出席者", "山田、佐藤"],
        ]);
        fake.addSheet("予定", [
          ["日付", "内容", "担当"],
          ["4月10日", "打合せ", "山田"],
        ]);
      });
      await check.click();
      // the first write of the session (the infos' highlights): the undo question, once
      await page.getByTestId("undo-question").getByRole("button", { name: "続行" }).click({ timeout: 30_000 });
      const bar = page.getByTestId("not-checked");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.getByRole("heading").textContent()).resolves.toBe("未検証：様式に当たるシートがありません");
      await expect(bar.textContent()).resolves.toContain("何も検証していません。");
      await expect(bar.textContent()).resolves.toContain(
        "様式のシートを追加するには「テンプレート挿入」を押してください。",
      );
      await expect(page.getByTestId("no-problems").count()).resolves.toBe(0);
      await expect(page.getByTestId("severity-summary").count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="finding"][data-rule="structure/unknown-sheet"]').count()).resolves.toBe(
        2,
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "excel-pane-unchecked-ja", true);
      // the width of Excel's task pane
      await page.setViewportSize({ width: 350, height: 900 });
      await screenshot(page, "excel-pane-unchecked-narrow-ja", true);

      // the message's own button inserts the template's sheets; the next check is no longer 未検証
      await bar.getByRole("button", { name: "テンプレート挿入" }).click();
      await page.getByText(/^シートを追加しました: /).waitFor({ timeout: 30_000 });
      await check.click();
      // the counts are in the folded summary: there, not necessarily in view
      await page.getByTestId("severity-summary").waitFor({ state: "attached", timeout: 30_000 });
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
        const w = window as unknown as {
          __kensaFakeExcel: { failNextSyncWith?: string };
          __kensaRibbon: { press(n: string): Promise<boolean> };
        };
        w.__kensaFakeExcel.failNextSyncWith = "GeneralException";
        return w.__kensaRibbon.press("kensaRecheck");
      });
      expect(completed).toBe(true);
      const bar = page.getByTestId("failure");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.textContent()).resolves.toContain("再計算・検証できませんでした");
      await expect(
        page.evaluate(() => (window as unknown as { __kensaPaneShown: number }).__kensaPaneShown),
      ).resolves.toBeGreaterThan(0);
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
      await expect(page.locator('[data-testid="finding"][data-rule="value/missing"]').textContent()).resolves.toMatch(
        /研究所B/,
      );
      await screenshot(page, "excel-pane-findings-en");
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * 「他のブックを追加」: the split R7 sample's 全体 file open in the (fake) Excel, the other 10 submitters' files added
 * from disk in the pane. The open workbook shows what `kensa check` on the folder gives it (the six roll-up errors);
 * the added files' findings are listed apart; nothing is written for an added file's cells.
 */
describe("Excel task pane: the open workbook with the other submitters' workbooks added (the split R7 sample)", () => {
  const OPEN = "提出_総括.xlsx";
  let dir: string;
  let paths: string[];
  let cli: Report;
  let workbook: Workbook;
  const fileOf = (name: string) => cli.files.find((f) => path.basename(f.file) === name)!;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kensa-e2e-pane-set-"));
    paths = await writeSplit(dir);
    const r = await runCaptured(["check", dir, "--format", "json"]);
    cli = ReportSchema.parse(JSON.parse(r.stdout));
    workbook = await readWorkbookBuffer(readFileSync(path.join(dir, OPEN)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  type Dump = Record<
    string,
    { cells: Record<string, { value: unknown; formula?: string; fill: unknown }>; notes: Record<string, string> }
  >;
  /** Every cell of every sheet of the fake workbook: value, formula, fill, and the notes. */
  const dump = (page: Page): Promise<Dump> =>
    page.evaluate(() => {
      const fake = (
        window as unknown as {
          __kensaFakeExcel: {
            sheets: {
              name: string;
              cells: Map<string, { value: unknown; formula?: string; fill: unknown }>;
              notes: Map<string, string>;
            }[];
          };
        }
      ).__kensaFakeExcel;
      const out: Record<string, { cells: Record<string, unknown>; notes: Record<string, string> }> = {};
      for (const sh of fake.sheets) {
        const cells: Record<string, unknown> = {};
        for (const [k, c] of sh.cells) cells[k] = { value: c.value, formula: c.formula, fill: c.fill };
        out[sh.name] = { cells, notes: Object.fromEntries(sh.notes) };
      }
      return out as never;
    });

  it("adds the other 10 files: the same findings as kensa check for the open workbook, writes only to it", async () => {
    const { context, page, errors } = await openPane("ja-JP", { workbook, url: `C:\\審査\\2025\\${OPEN}` });
    try {
      const check = page.getByRole("button", { name: "検証", exact: true });
      await check.waitFor({ timeout: 30_000 });
      const before = await dump(page);
      expect(Object.keys(before)).toEqual(["様式1"]);
      await check.click();
      await page.getByTestId("undo-question").getByRole("button", { name: "続行" }).click({ timeout: 30_000 });
      // alone, 全体 has infos only: listed, folded
      await page.getByTestId("finding").first().waitFor({ state: "attached", timeout: 30_000 });
      // alone, 全体 cannot be rolled up
      await expect(page.locator('[data-testid="finding"][data-rule^="rollup/"]').count()).resolves.toBe(0);

      // the other 10 files, picked from disk (read in the page: no request carries them)
      const others = paths.filter((p) => path.basename(p) !== OPEN);
      expect(others).toHaveLength(10);
      await page.getByTestId("add-books-input").setInputFiles(others);
      await page.locator('[data-testid="pane-set"][data-rollup="checked"]').waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="finding"][data-rule^="rollup/"]').length === 6,
        undefined,
        { timeout: 60_000 },
      );
      for (let i = 0; i < 600 && !(await check.isEnabled()); i++) await page.waitForTimeout(100);
      await expect(check.isEnabled()).resolves.toBe(true);

      // the open workbook's list: exactly kensa check's findings for 提出_総括.xlsx
      const want = fileOf(OPEN).findings;
      const shown = await page
        .locator('[data-testid="sheet-group"]')
        .evaluateAll((groups) =>
          groups.flatMap((g) =>
            Array.from(g.querySelectorAll('[data-testid="finding"]')).map(
              (f) =>
                `${f.getAttribute("data-rule")}|${g.getAttribute("data-sheet")}|${f.querySelector("[data-finding-select] span span")?.textContent}`,
            ),
          ),
        );
      expect(shown.sort()).toEqual(want.map((f) => `${f.rule}|${f.sheet}|${f.cell}`).sort());
      expect(want.filter((f) => f.rule.startsWith("rollup/") && f.severity === "error")).toHaveLength(6);
      const g6 = page.locator('[data-testid="finding"][data-rule="rollup/additive"]').filter({ hasText: "G6" });
      // the other files' cells after the message, as kensa check names them
      const g6Others = otherFilesText(
        want.find((f) => f.rule === "rollup/additive" && f.cell === "G6")!,
        "ja",
      );
      expect(g6Others).toMatch(/^他のファイル: .*提出_医薬品\.xlsx.*様式2!G6、/);
      await expect(g6.textContent()).resolves.toContain(g6Others);

      // the set: 11 books, the open one named by Office's URL; the added files' findings apart, as kensa check lists them
      await expect(page.getByTestId("set-book").count()).resolves.toBe(11);
      await expect(page.locator('[data-testid="set-book"][data-open="true"]').getAttribute("data-file")).resolves.toBe(
        OPEN,
      );
      await expect(page.getByTestId("pane-set-status").textContent()).resolves.toBe(
        "全体・PJ1〜PJ8 がそろっており、ファイルをまたぐ集計と参照を検証しました。",
      );
      const t = cli.set!.summary;
      await expect(page.getByTestId("pane-set-total").textContent()).resolves.toBe(
        `合計11ファイル：エラー${t.error}件・警告${t.warning}件・情報${t.info}件`,
      );
      for (const f of SPLIT.filter((x) => x.file !== OPEN)) {
        const got = await page
          .locator(`[data-testid="added-finding"][data-file="${f.file}"]`)
          .evaluateAll((lis) =>
            lis.map(
              (li) =>
                `${li.getAttribute("data-rule")}|${li.getAttribute("data-sheet")}|${li.getAttribute("data-cell")}`,
            ),
          );
        expect(got.sort()).toEqual(
          fileOf(f.file)
            .findings.map((x) => `${x.rule}|${x.sheet}|${x.cell}`)
            .sort(),
        );
      }
      await expect(page.getByTestId("added-findings").getByRole("button").count()).resolves.toBe(0);

      // selecting the G6 roll-up selects G6 of the open workbook only
      await g6.locator("[data-finding-select]").click();
      await page.waitForFunction(
        () =>
          (window as unknown as { __kensaFakeExcel: { selection?: { address: string } } }).__kensaFakeExcel.selection
            ?.address === "G6",
      );
      await expect(
        page.evaluate(
          () =>
            (window as unknown as { __kensaFakeExcel: { selection?: { sheet: string } } }).__kensaFakeExcel.selection
              ?.sheet,
        ),
      ).resolves.toBe("様式1");

      // what Excel got: fills and notes on the open workbook's flagged cells only, no value changed, no other sheet
      const after = await dump(page);
      expect(Object.keys(after).filter((n) => n !== "Kensa_state")).toEqual(["様式1"]);
      const flagged = new Set(want.filter((f) => !f.accepted).map((f) => f.cell.replace(/\$/g, "")));
      const changed: string[] = [];
      for (const [key, c] of Object.entries(after["様式1"].cells)) {
        const b = before["様式1"].cells[key];
        expect({ key, value: c.value, formula: c.formula }).toEqual({
          key,
          value: b?.value ?? c.value,
          formula: b?.formula,
        });
        if (JSON.stringify(c.fill) !== JSON.stringify(b?.fill ?? null)) changed.push(key);
      }
      const noted = Object.keys(after["様式1"].notes);
      expect(noted.length).toBeGreaterThan(0);
      const a1 = (k: string) => {
        const [r, c] = k.split(",").map(Number);
        let n = c + 1;
        let col = "";
        while (n > 0) {
          col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
          n = Math.floor((n - 1) / 26);
        }
        return `${col}${r + 1}`;
      };
      const changedA1 = changed.map((k) => (/^\d+,\d+$/.test(k) ? a1(k) : k));
      expect(changedA1.length).toBeGreaterThan(0);
      for (const cell of [...changedA1, ...noted]) expect(flagged.has(cell)).toBe(true);
      // the cells the added files' findings name are nowhere in the open workbook's writes
      const addedCells = SPLIT.filter((x) => x.file !== OPEN).flatMap((x) =>
        fileOf(x.file).findings.map((f) => `${f.sheet}!${f.cell}`),
      );
      expect(addedCells.length).toBeGreaterThan(0);
      for (const sheet of Object.keys(after))
        expect(SPLIT.filter((x) => x.file !== OPEN).some((x) => x.sheets.some((s) => s.name === sheet))).toBe(false);

      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "excel-pane-set-ja");
      // the width of Excel's task pane
      await page.setViewportSize({ width: 350, height: 1000 });
      await page.getByTestId("pane-set").scrollIntoViewIfNeeded();
      await screenshot(page, "excel-pane-set-narrow-ja");
      await page.getByTestId("added-findings").scrollIntoViewIfNeeded();
      await screenshot(page, "excel-pane-set-added-narrow-ja");

      // keyboard: the remove buttons are reachable and named; removing PJ1's file checks again (PJ1 missing)
      const remove = page.getByRole("button", { name: "「提出_医薬品.xlsx」を提出セットから外す" });
      await remove.focus();
      await page.keyboard.press("Enter");
      await page
        .locator('[data-testid="pane-set"][data-rollup="skipped"][data-missing="PJ1"]')
        .waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="finding"][data-rule^="rollup/"]').length === 0,
        undefined,
        { timeout: 60_000 },
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
