/**
 * The Excel task pane in Chromium over the FAKE Office host (test/e2e/support/fake-office.ts), with the R7 sample:
 *
 * - issue 8, item 5: an acceptance made with the CLI (`kensa accept`, written into the .xlsx) is honoured in the
 *   pane — 確認済み with its reason, never counted as a warning — and lapses when a person changes a value it
 *   involves; an acceptance made in the pane is written very hidden, as text, and read back by the core;
 * - issue 11, item 4, at Excel's 350 px: the first screen shows the first problems (the summary, the other
 *   actions and the 提出セット box fold); on/off severity toggles; 「次の問題」/「前の問題」 and F8 / Shift+F8 across
 *   sheets; Japanese phrase breaking; a success notice clears itself. Screenshots in test-results/e2e.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { runCaptured } from "../../src/cli/capture";
import { parseAcceptanceGrid } from "../../src/core/accept/index";
import type { Workbook } from "../../src/core/model/workbook";
import { ReportSchema, type Report } from "../../src/core/report/schema";
import { startServer, type RunningServer } from "../../scripts/serve";
import { axeViolations } from "./support/axe";
import { launchChromium, newContext, watchErrors } from "./support/chromium";
import { ensureDist } from "./support/dist";
import { fakeOfficeScript } from "./support/fake-office";
import { SAMPLE, screenshot } from "./support/files";

jest.setTimeout(240_000);

const REASON = "指標8は令和8年度からの事業のため、令和7年度の実績は0件";

let browser: Browser | undefined;
let server: RunningServer | undefined;
let dir: string;
let baseline: Report["files"][number];
/** The sample with indicator 8's finding accepted by the CLI, as the pane's fake Excel holds it. */
let accepted: Workbook;
let plain: Workbook;

beforeAll(async () => {
  const [dist] = await Promise.all([ensureDist(), (async () => (browser = await launchChromium()))()]);
  server = await startServer(dist, 0);
  dir = mkdtempSync(path.join(tmpdir(), "kensa-e2e-pane-accept-"));
  const file = path.join(dir, "r7-report.xlsx");
  copyFileSync(SAMPLE, file);
  baseline = ReportSchema.parse(JSON.parse((await runCaptured(["check", SAMPLE, "--format", "json"])).stdout)).files[0];
  const r = await runCaptured([
    "accept",
    file,
    "--rule",
    "grade/below-pace",
    "--cell",
    "アウトプット指標!J15",
    "--reason",
    REASON,
    "--by",
    "審査担当",
  ]);
  if (r.code !== 0) throw new Error(`kensa accept failed: ${r.stderr}`);
  accepted = await readWorkbookBuffer(readFileSync(file));
  plain = await readWorkbookBuffer(readFileSync(SAMPLE));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Fake = {
  sheet(
    n: string,
  ): { visibility: string; cells: Map<string, { value: unknown; numberFormat: string; formula?: string }> } | undefined;
  edit(sheet: string, a1: string, v: unknown): void;
  selection?: { sheet: string; address: string };
};

async function openPane(workbook: Workbook, width = 350, height = 760) {
  const { context } = await newContext(browser!, { locale: "ja-JP", officeJs: "/* fake: office.js not loaded */" });
  await context.addInitScript({ content: fakeOfficeScript("ja-JP", { workbook, url: "C:\\審査\\r7-report.xlsx" }) });
  // the store is very hidden in the file (kensa accept writes state="veryHidden"): so in the fake Excel too
  await context.addInitScript(() => {
    const w = window as unknown as { __kensaFakeExcel?: Fake };
    const s = w.__kensaFakeExcel?.sheet("Kensa_accepted");
    if (s) s.visibility = "VeryHidden";
  });
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const errors = watchErrors(page);
  await page.goto(`${server!.url}taskpane.html`);
  return { context, page, errors };
}

async function checkAndContinue(page: Page, first = true): Promise<void> {
  await page.getByRole("button", { name: "検証", exact: true }).click();
  if (first) await page.getByTestId("undo-question").getByRole("button", { name: "続行" }).click({ timeout: 30_000 });
  await page.getByTestId("problem-findings").waitFor({ timeout: 60_000 });
  await page
    .getByRole("button", { name: "検証", exact: true })
    .and(page.locator(":not([disabled])"))
    .waitFor({ timeout: 60_000 });
}

function row(page: Page, cell: string, rule = "grade/below-pace") {
  return page.locator(`[data-testid="finding"][data-rule="${rule}"][data-cell="${cell}"]`);
}

async function summaryBadge(page: Page, pattern: RegExp): Promise<string> {
  const texts = await page.getByTestId("severity-summary").locator("li").allTextContents();
  return texts.find((t) => pattern.test(t)) ?? "";
}

describe("Excel pane: accepted findings (確認済み)", () => {
  it("honours an acceptance made with kensa accept, and it lapses when a value changes", async () => {
    const { context, page, errors } = await openPane(accepted);
    try {
      await checkAndContinue(page);
      const j15 = row(page, "J15");
      await expect(j15.getAttribute("data-accepted")).resolves.toBe("true");
      await expect(
        page.getByTestId("accepted-findings").locator('[data-testid="finding"][data-cell="J15"]').count(),
      ).resolves.toBe(1);
      await expect(
        page
          .getByTestId("problem-findings")
          .locator('[data-testid="finding"][data-cell="J15"][data-rule="grade/below-pace"]')
          .count(),
      ).resolves.toBe(0);
      await expect(j15.getByTestId("accepted-note").textContent()).resolves.toContain(`理由: ${REASON}（審査担当、`);
      // never counted as a warning; counted apart
      await expect(summaryBadge(page, /^警告/)).resolves.toBe(`警告${baseline.summary.warning - 1}件`);
      await expect(summaryBadge(page, /^エラー/)).resolves.toBe(`エラー${baseline.summary.error}件`);
      await expect(summaryBadge(page, /^確認済み/)).resolves.toBe("確認済み1件");
      await page.getByTestId("accepted-findings").locator("summary").click();
      await j15.scrollIntoViewIfNeeded();
      await screenshot(page, "excel-pane-accepted-from-cli-350-ja");
      expect(await axeViolations(page)).toEqual([]);

      // a person changes H15 (one of the values the finding involves): no longer accepted, and an info says why
      await page.evaluate(() =>
        (window as unknown as { __kensaFakeExcel: Fake }).__kensaFakeExcel.edit("アウトプット指標", "H15", 1),
      );
      await checkAndContinue(page, false);
      await expect(row(page, "J15").getAttribute("data-accepted")).resolves.toBeNull();
      await expect(
        page
          .getByTestId("problem-findings")
          .locator('[data-testid="finding"][data-cell="J15"][data-rule="grade/below-pace"]')
          .count(),
      ).resolves.toBe(1);
      await expect(row(page, "J15", "accepted/lapsed").textContent()).resolves.toContain(
        "値が変わったため確認済みではなくなりました",
      );
      await expect(page.getByTestId("accepted-findings").count()).resolves.toBe(0);
      await expect(summaryBadge(page, /^警告/)).resolves.toBe(`警告${baseline.summary.warning}件`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("accepts in the pane: written very hidden as text, read back by the core, and revoked", async () => {
    const { context, page, errors } = await openPane(plain, 350, 900);
    try {
      await checkAndContinue(page);
      await row(page, "J15").locator("[data-finding-select]").click();
      await row(page, "J15").getByTestId("accept").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByTestId("accept-reason").fill(`=${REASON}`);
      await dialog.getByTestId("accept-by").fill("記入担当");
      await screenshot(page, "excel-pane-accept-dialog-350-ja");
      await dialog.getByTestId("accept-confirm").click();
      await page
        .getByTestId("notice")
        .filter({ hasText: "アウトプット指標!J15の指摘を確認済みにしました。" })
        .waitFor({ timeout: 60_000 });
      await expect(row(page, "J15").getAttribute("data-accepted")).resolves.toBe("true");
      const store = await page.evaluate(() => {
        const s = (window as unknown as { __kensaFakeExcel: Fake }).__kensaFakeExcel.sheet("Kensa_accepted")!;
        const grid: unknown[][] = [];
        const formats = new Set<string>();
        let formulas = 0;
        for (const [k, c] of s.cells) {
          const [r, col] = k.split(",").map(Number);
          (grid[r] ??= [])[col] = c.value;
          formats.add(c.numberFormat);
          if (c.formula) formulas++;
        }
        return {
          visibility: s.visibility,
          grid: Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? "")),
          formats: [...formats],
          formulas,
        };
      });
      expect(store.visibility).toBe("VeryHidden");
      expect(store.formats).toEqual(["@"]);
      expect(store.formulas).toBe(0);
      expect(parseAcceptanceGrid(store.grid).entries.map((e) => [e.rule, e.sheet, e.cell, e.reason, e.by])).toEqual([
        ["grade/below-pace", "アウトプット指標", "J15", `=${REASON}`, "記入担当"],
      ]);
      // a success notice clears itself
      await page.getByTestId("notice").waitFor({ state: "detached", timeout: 15_000 });

      // listed apart, folded: opened to revoke
      await page.getByTestId("accepted-findings").locator("summary").click();
      await row(page, "J15").getByRole("button", { name: "J15の確認済みを取り消す" }).click();
      await page
        .getByTestId("notice")
        .filter({ hasText: "J15の確認済みを取り消しました。" })
        .waitFor({ timeout: 60_000 });
      await expect(row(page, "J15").getAttribute("data-accepted")).resolves.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("Excel pane at 350 px: problems first", () => {
  it("the first screen shows the first problems; filters on/off; 次の問題 / F8 across sheets; phrase breaking", async () => {
    const { context, page, errors } = await openPane(plain, 350, 700);
    try {
      await page.getByRole("button", { name: "検証", exact: true }).waitFor({ timeout: 30_000 });
      await screenshot(page, "excel-pane-start-350-ja");
      await checkAndContinue(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "excel-pane-first-screen-350-ja");

      // the first screen: the first problem whole and the second's cell and first lines in view, the folded parts closed
      const firstRows = page.getByTestId("problem-findings").locator('[data-testid="finding"]');
      const boxes = await firstRows.evaluateAll((lis) =>
        lis.slice(0, 2).map((li) => li.getBoundingClientRect().toJSON() as DOMRect),
      );
      expect(boxes).toHaveLength(2);
      expect(boxes[0].bottom).toBeLessThanOrEqual(700);
      expect(boxes[1].top + 60).toBeLessThanOrEqual(700);
      for (const id of ["workbook-actions", "pane-set-folded", "by-sheet", "info-findings"])
        await expect(page.getByTestId(id).getAttribute("open")).resolves.toBeNull();
      // errors and warnings only in the list; the infos folded apart
      const severities = await firstRows.evaluateAll((lis) => [
        ...new Set(lis.map((li) => li.getAttribute("data-severity"))),
      ]);
      expect(severities.sort()).toEqual(["error", "warning"]);
      await expect(page.getByTestId("info-findings").locator('[data-testid="finding"]').count()).resolves.toBe(
        baseline.summary.info,
      );

      // Japanese breaks between phrases
      await expect(page.locator("main").evaluate((m) => getComputedStyle(m).wordBreak)).resolves.toBe("auto-phrase");

      // on/off toggles: pressed state and a different look
      const warning = page.getByTestId("severity-filters").locator('[data-severity="warning"]');
      await expect(warning.getAttribute("aria-pressed")).resolves.toBe("true");
      const onLook = await warning.evaluate((b) => getComputedStyle(b).textDecorationLine);
      await warning.click();
      await expect(warning.getAttribute("aria-pressed")).resolves.toBe("false");
      expect(await warning.evaluate((b) => getComputedStyle(b).textDecorationLine)).not.toBe(onLook);
      await expect(page.getByTestId("problem-findings").locator('[data-severity="warning"]').count()).resolves.toBe(0);
      await screenshot(page, "excel-pane-filter-off-350-ja");
      await warning.click();

      // 次の問題 across sheets: the problems in the order listed, each selected in the workbook
      const order = await firstRows.evaluateAll((lis) =>
        lis.map((li) => ({
          sheet: li.closest("[data-sheet]")!.getAttribute("data-sheet")!,
          cell: li.getAttribute("data-cell")!,
        })),
      );
      const sheets = [...new Set(order.map((o) => o.sheet))];
      expect(sheets.length).toBeGreaterThan(1);
      const selection = () =>
        page.evaluate(() => (window as unknown as { __kensaFakeExcel: Fake }).__kensaFakeExcel.selection);
      await page.getByRole("button", { name: "次の問題" }).click();
      await page.waitForFunction(
        (c) => (window as unknown as { __kensaFakeExcel: Fake }).__kensaFakeExcel.selection?.address.startsWith(c),
        order[0].cell,
      );
      await expect(page.getByTestId("problem-position").textContent()).resolves.toBe(`${order.length}件中1件目`);
      // F8 from the keyboard, to the first problem of the next sheet
      const nextSheet = order.findIndex((o) => o.sheet !== order[0].sheet);
      for (let i = 1; i <= nextSheet; i++) await page.keyboard.press("F8");
      await page.waitForFunction(
        (s) => (window as unknown as { __kensaFakeExcel: Fake }).__kensaFakeExcel.selection?.sheet === s,
        order[nextSheet].sheet,
      );
      expect((await selection())!.address.startsWith(order[nextSheet].cell)).toBe(true);
      await expect(
        page.locator('[data-finding-select][aria-current="true"]').evaluate((b) => b === document.activeElement),
      ).resolves.toBe(true);
      await screenshot(page, "excel-pane-next-problem-350-ja");
      await page.keyboard.press("Shift+F8");
      await page.waitForFunction(
        (s) => (window as unknown as { __kensaFakeExcel: Fake }).__kensaFakeExcel.selection?.sheet === s,
        order[nextSheet - 1].sheet,
      );
      await expect(page.getByTestId("problem-position").textContent()).resolves.toBe(
        `${order.length}件中${nextSheet}件目`,
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
