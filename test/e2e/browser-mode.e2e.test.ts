/**
 * Browser mode end to end: the built task pane page opened outside Office (office.js blocked), in
 * Debian's Chromium driven by playwright-core. Builds dist/ first when it is missing or stale.
 * Screenshots go to test-results/e2e/.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { planForBuffer } from "../../src/adapters/exceljs/annotate";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { SEVERITY_FILL } from "../../src/core/apply";
import { runCaptured } from "../../src/cli/capture";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { ReportSchema, type Report } from "../../src/core/report/schema";
import { otherFilesText } from "../../src/browser/cross-file";
import { SPLIT, writeSplit } from "../fixtures/split";
import { axeViolations } from "./support/axe";
import { launchChromium, newContext, watchErrors, type Requests } from "./support/chromium";
import { ensureDist } from "./support/dist";
import { SAMPLE, SHOTS, screenshot } from "./support/files";

jest.setTimeout(180_000);

let browser: Browser | undefined;
let server: RunningServer | undefined;
let expectedJa: CheckResult;
let expectedEn: CheckResult;

beforeAll(async () => {
  const [dist] = await Promise.all([ensureDist(), (async () => (browser = await launchChromium()))()]);
  server = await startServer(dist, 0);
  const wb = await readWorkbookBuffer(readFileSync(SAMPLE));
  expectedJa = checkWorkbook(wb, { lang: "ja" });
  expectedEn = checkWorkbook(wb, { lang: "en" });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(
  locale: "ja-JP" | "en-US",
): Promise<{ context: BrowserContext; page: Page; requests: Requests; errors: string[] }> {
  const { context, requests } = await newContext(browser!, { locale });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server!.url}taskpane.html`);
  await page.getByTestId("browser-mode").waitFor({ timeout: 30_000 });
  return { context, page, requests, errors };
}

async function openSample(page: Page): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(SAMPLE);
  await page.locator('[data-testid="file-item"][data-status="ready"]').first().waitFor({ timeout: 60_000 });
  await page.getByTestId("finding").first().waitFor({ timeout: 30_000 });
}

function finding(page: Page, sheet: string, rule: string, cell: string) {
  return page
    .locator(`[data-testid="sheet-group"][data-sheet="${sheet}"] [data-testid="finding"][data-rule="${rule}"]`)
    .filter({ hasText: cell });
}

/** Only this machine's server was asked, only with GET: nothing was uploaded. */
function expectNothingSent(requests: Requests): void {
  const off = requests.all.filter((r) => {
    const u = new URL(r.url);
    return (
      !["127.0.0.1", "localhost"].includes(u.hostname) &&
      u.protocol !== "blob:" &&
      u.protocol !== "data:" &&
      u.hostname !== "appsforoffice.microsoft.com"
    );
  });
  expect(off).toEqual([]);
  expect(requests.all.filter((r) => r.method !== "GET")).toEqual([]);
}

describe("browser mode (Japanese)", () => {
  let context: BrowserContext;
  let page: Page;
  let requests: Requests;
  let errors: string[];

  beforeAll(async () => {
    ({ context, page, requests, errors } = await openPage("ja-JP"));
  });
  afterAll(async () => {
    await context?.close();
  });

  it("offers to open files, says nothing is uploaded, and loads the .xlsx reader only now", async () => {
    await expect(page.getByTestId("privacy-notice").textContent()).resolves.toMatch(
      /どこにも送信（アップロード）されません/,
    );
    await expect(page.getByRole("button", { name: "ファイルを選択" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("drop-zone").textContent()).resolves.toMatch(/ドロップ/);
    // the browser-mode chunk (with exceljs) was fetched on demand: a script not in taskpane.html
    const html = await (await page.request.get(`${server!.url}taskpane.html`)).text();
    const lazy = requests.all.filter(
      (r) => r.url.endsWith(".js") && !html.includes(path.basename(new URL(r.url).pathname)),
    );
    expect(lazy.length).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "browser-open-ja");
  });

  it("checks samples/r7-report.xlsx and shows the same findings as the core", async () => {
    await openSample(page);
    const counts = page.getByTestId("file-counts");
    await expect(counts.getAttribute("data-error")).resolves.toBe(String(expectedJa.summary.error));
    await expect(counts.getAttribute("data-warning")).resolves.toBe(String(expectedJa.summary.warning));
    await expect(counts.getAttribute("data-info")).resolves.toBe(String(expectedJa.summary.info));
    await expect(page.getByTestId("finding").count()).resolves.toBe(expectedJa.findings.length);
    await expect(page.getByRole("heading", { name: `指摘${expectedJa.findings.length}件` }).isVisible()).resolves.toBe(
      true,
    );
    const pj5 = finding(page, "PJ5", "sum/breakdown", "C5");
    await expect(pj5.textContent()).resolves.toContain("導出形態別の合計33件が指標値20件と一致しません");
    const rollup = finding(page, "全体", "rollup/additive", "G6");
    await expect(rollup.textContent()).resolves.toMatch(/実施許諾：全体の36件が各PJの合計49件と一致しません/);
    await screenshot(page, "browser-findings-ja");
  });

  it("shows the surrounding cells where Excel would select them", async () => {
    await finding(page, "PJ5", "sum/breakdown", "C5").locator("[data-finding-select]").click();
    const grid = page.getByTestId("preview-grid");
    await grid.waitFor();
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("PJ5");
    await expect(grid.getAttribute("data-anchor")).resolves.toBe("C5");
    const selected = await grid
      .locator("td[data-selected]")
      .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-address")));
    expect(selected.sort()).toEqual(["C5", "G5", "G6", "G7"]);
    await expect(grid.locator('td[data-address="C5"]').textContent()).resolves.toMatch(/^20/);
    await expect(grid.locator('td[data-address="G6"]').textContent()).resolves.toMatch(/^14/);
    // a spreadsheet's headers: column letters over the grid, row numbers beside it, those of the finding's cells marked
    await expect(grid.locator("thead th").allTextContents()).resolves.toEqual(["B", "C", "D", "E", "F", "G"]);
    await expect(grid.locator("tbody th").allTextContents()).resolves.toEqual(["3", "4", "5", "6", "7", "8", "9"]);
    await expect(grid.locator('th[data-active="true"]').allTextContents()).resolves.toEqual(["C", "G", "5", "6", "7"]);
    // what C5 is: the indicator of its row, in the 指標値 column
    await expect(page.getByTestId("preview-cell").textContent()).resolves.toBe("PJ5!C5");
    await expect(page.getByTestId("preview-row-label").textContent()).resolves.toMatch(
      /^1 権利譲渡契約・実施許諾契約・共同研究開発契約件数/,
    );
    await expect(page.getByTestId("preview-column-label").textContent()).resolves.toBe("指標値");
    await screenshot(page, "browser-preview-ja");
    const pj5g6 = (await grid.locator('td[data-address="G6"]').getAttribute("title"))!.replace(/^G6: /, "");

    // a roll-up on 全体: the PJ sheets' cells listed with their values and items
    await finding(page, "全体", "rollup/additive", "G6").locator("[data-finding-select]").click();
    await page.locator('[data-testid="preview-grid"][data-sheet="全体"][data-anchor="G6"]').waitFor();
    const related = page.locator(`[data-testid="preview-elsewhere"] li[data-ref="'PJ5'!G6"]`);
    await expect(related.getByTestId("related-value").textContent()).resolves.toBe(pj5g6);
    await expect(related.getByTestId("related-label").textContent()).resolves.toMatch(
      /導出形態別の件数 › 実施許諾契約/,
    );
    await expect(page.locator('[data-testid="preview-elsewhere"] li').count()).resolves.toBe(8);
    await expect(page.getByTestId("preview-row-label").textContent()).resolves.toMatch(/導出形態別の件数›実施許諾契約/);
  });

  it("is usable with the keyboard: Tab to the findings, arrows and Enter select", async () => {
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let onFinding = false;
    for (let i = 0; i < 80 && !onFinding; i++) {
      await page.keyboard.press("Tab");
      onFinding = await page.evaluate(() => document.activeElement?.hasAttribute("data-finding-select") ?? false);
    }
    expect(onFinding).toBe(true);
    await page.keyboard.press("ArrowDown");
    const cell = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return {
        cell: el.querySelector("span span")?.textContent,
        sheet: el.closest("[data-sheet]")?.getAttribute("data-sheet"),
      };
    });
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid="preview-grid"][data-sheet="${cell.sheet}"]`).waitFor();
    await expect(
      page.getByTestId("preview-grid").locator("td[data-primary]").getAttribute("data-address"),
    ).resolves.toBe(cell.cell);
    await screenshot(page, "browser-keyboard-ja");
  });

  it("has no serious or critical accessibility violations with findings shown", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it("downloads the annotated copy: highlights, computed cells and the 検証結果 sheet", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").first().click()]);
    expect(download.suggestedFilename()).toBe("r7-report.kensa.xlsx");
    const file = await download.path();
    const bytes = readFileSync(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const fillOf = (sheet: string, cell: string) =>
      (wb.getWorksheet(sheet)!.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fillOf("PJ5", "C5")).toBe(SEVERITY_FILL.error);
    expect(fillOf("全体", "G6")).toBe(SEVERITY_FILL.error);
    expect(fillOf("予算内訳", "D28")).toBe(SEVERITY_FILL.error);
    // the computed cells Kensa may write (planned on the original file) are there
    const plan = await planForBuffer(readFileSync(SAMPLE), expectedJa, "ja");
    expect(plan.writes.length).toBeGreaterThan(0);
    for (const w of plan.writes) {
      const c = wb.getWorksheet(w.sheet)!.getCell(w.cell);
      if (w.formula) expect(c.formula).toBe(w.formula);
      else expect(c.value).toEqual(w.value);
    }
    const result = wb.worksheets.find((ws) => ws.name === "検証結果");
    expect(result).toBeDefined();
    const texts: string[] = [];
    result!.eachRow((row) => row.eachCell((c) => texts.push(String(c.text ?? ""))));
    expect(texts.join("\n")).toContain("導出形態別の合計33件が指標値20件と一致しません");
    await expect(page.getByTestId("browser-notice").textContent()).resolves.toContain("r7-report.kensa.xlsx");
    await screenshot(page, "browser-downloaded-ja");
  });

  it("shows a clear message for a truncated .xlsx and for a text file renamed .xlsx (dropped)", async () => {
    const truncated = readFileSync(SAMPLE).subarray(0, 4096);
    const text = Buffer.from("機関名,全体\n研究所A,100\n", "utf8");
    await page.evaluate(
      ({ files }) => {
        const dt = new DataTransfer();
        for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
        const zone = document.querySelector('[data-testid="drop-zone"]')!;
        for (const type of ["dragenter", "dragover", "drop"])
          zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      {
        files: [
          { name: "壊れた.xlsx", b64: truncated.toString("base64") },
          { name: "本当はテキスト.xlsx", b64: text.toString("base64") },
        ],
      },
    );
    const broken = page.locator('[data-testid="file-item"][data-file="壊れた.xlsx"] [data-testid="file-error"]');
    const notXlsx = page.locator(
      '[data-testid="file-item"][data-file="本当はテキスト.xlsx"] [data-testid="file-error"]',
    );
    await broken.waitFor();
    await notXlsx.waitFor();
    await expect(broken.textContent()).resolves.toMatch(
      /「壊れた.xlsx」を読み込めません: ファイルが壊れているか途中で切れています/,
    );
    await expect(notXlsx.textContent()).resolves.toMatch(/Excelブック（.xlsx）ではありません/);
    // the good file stays shown
    await expect(page.getByTestId("finding").count()).resolves.toBe(expectedJa.findings.length);
    await screenshot(page, "browser-bad-files-ja");
    expectNothingSent(requests);
    expect(errors).toEqual([]);
  });
});

/** A workbook that has nothing to do with Kensa: no sheet has a header of any known kind. */
async function unrelatedXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("会議メモ").addRows([
    ["日時", "2025年4月1日"],
    ["出席者", "山田、佐藤"],
    ["議題", "来年度の予定"],
  ]);
  wb.addWorksheet("予定").addRows([
    ["日付", "内容", "担当"],
    ["4月10日", "打合せ", "山田"],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("browser mode: a workbook with no sheet of a known kind is 未検証", () => {
  it("shows a 未検証 badge (not E 0) next to a checked file, and the pane says nothing was checked and why", async () => {
    const { context, page, requests, errors } = await openPage("ja-JP");
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openSample(page);
      await page.getByTestId("file-input").setInputFiles({
        name: "会議メモ.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await unrelatedXlsx(),
      });
      const memo = page.locator('[data-testid="file-item"][data-file="会議メモ.xlsx"]');
      await memo.locator('[data-testid="file-unchecked"]').waitFor({ timeout: 60_000 });
      await expect(memo.getAttribute("data-result")).resolves.toBe("unchecked");
      await expect(memo.getByTestId("file-unchecked").textContent()).resolves.toBe(
        "未検証様式に当たるシートがないため、何も検証していません",
      );
      await expect(memo.getByTestId("file-counts").count()).resolves.toBe(0);
      await expect(memo.textContent()).resolves.not.toMatch(/E 0|エラー0件/);
      // the sample keeps its counts
      const sample = page.locator('[data-testid="file-item"][data-file="r7-report.xlsx"]');
      await expect(sample.getAttribute("data-result")).resolves.toBe("checked");
      await expect(sample.getByTestId("file-counts").getAttribute("data-error")).resolves.toBe(
        String(expectedJa.summary.error),
      );
      await screenshot(page, "browser-unchecked-list-ja");

      // shown in the pane: the 未検証 message, the sheets as not checked, the infos naming them; no 問題なし
      await memo.getByRole("button", { name: "表示: 会議メモ.xlsx" }).click();
      const bar = page.getByTestId("not-checked");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.getByRole("heading").textContent()).resolves.toBe("未検証：様式に当たるシートがありません");
      await expect(bar.textContent()).resolves.toContain(
        "どのシートの最初の30行にも様式の見出し行が見つからなかったため、何も検証していません。",
      );
      await expect(bar.textContent()).resolves.toContain("「テンプレートをダウンロード」で様式を確かめ");
      await expect(page.getByTestId("no-problems").count()).resolves.toBe(0);
      await expect(page.getByTestId("severity-summary").count()).resolves.toBe(0);
      const infos = await page
        .locator('[data-testid="finding"][data-rule="structure/unknown-sheet"]')
        .allTextContents();
      expect(infos).toHaveLength(2);
      expect(infos[0]).toContain("シート「会議メモ」は見出し行が見つからないため検証していません");
      expect(infos[1]).toContain("シート「予定」は見出し行が見つからないため検証していません");
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "browser-unchecked-ja", true);
      // the narrow width of a side panel
      await page.setViewportSize({ width: 420, height: 900 });
      await screenshot(page, "browser-unchecked-narrow-ja", true);
      expectNothingSent(requests);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("English: a “Not checked” badge and message", async () => {
    const { context, page, errors } = await openPage("en-US");
    try {
      await page.getByTestId("file-input").setInputFiles({
        name: "memo.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await unrelatedXlsx(),
      });
      const memo = page.locator('[data-testid="file-item"][data-file="memo.xlsx"]');
      await memo.locator('[data-testid="file-unchecked"]').waitFor({ timeout: 60_000 });
      await expect(memo.getByTestId("file-unchecked").textContent()).resolves.toBe(
        "Not checkedNo sheet matches a Kensa template, so nothing was checked",
      );
      const bar = page.getByTestId("not-checked");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.getByRole("heading").textContent()).resolves.toBe(
        "Not checked: no sheet matches a Kensa template",
      );
      await expect(page.getByTestId("no-problems").count()).resolves.toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "browser-unchecked-en", true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("browser mode (English)", () => {
  it("shows the page, the findings and the preview in English", async () => {
    const { context, page, requests, errors } = await openPage("en-US");
    try {
      await expect(page.getByTestId("privacy-notice").textContent()).resolves.toMatch(
        /Nothing is sent \(uploaded\) anywhere/,
      );
      await openSample(page);
      await expect(page.getByTestId("finding").count()).resolves.toBe(expectedEn.findings.length);
      const pj5 = expectedEn.findings.find((f) => f.sheet === "PJ5" && f.rule === "sum/breakdown")!;
      await expect(finding(page, "PJ5", "sum/breakdown", "C5").textContent()).resolves.toContain(pj5.message);
      await expect(
        page.getByRole("heading", { name: `${expectedEn.findings.length} findings` }).isVisible(),
      ).resolves.toBe(true);
      await finding(page, "PJ5", "sum/breakdown", "C5").locator("[data-finding-select]").click();
      // the preview's code is fetched on the first selection
      await page.locator('[data-testid="preview-grid"][data-sheet="PJ5"][data-anchor="C5"]').waitFor();
      await expect(page.getByTestId("cell-preview").textContent()).resolves.toContain("Around PJ5!C5");
      await expect(page.getByTestId("download").textContent()).resolves.toBe("Annotated copy");
      await expect(page.getByTestId("download").getAttribute("aria-label")).resolves.toBe(
        "Download annotated copy of r7-report.xlsx",
      );
      await screenshot(page, "browser-findings-en");
      expectNothingSent(requests);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The R7 sample split per submitter (test/fixtures/split): every file opened in the page is one submission set,
 * checked as `kensa check` checks the folder.
 */
describe("browser mode: the opened files are one submission set (the split R7 sample)", () => {
  let dir: string;
  let paths: string[];
  let cli: Report;
  const fileOf = (name: string) => cli.files.find((f) => path.basename(f.file) === name)!;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kensa-e2e-split-"));
    paths = await writeSplit(dir);
    const r = await runCaptured(["check", dir, "--format", "json"]);
    cli = ReportSchema.parse(JSON.parse(r.stdout));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const item = (page: Page, name: string) => page.locator(`[data-testid="file-item"][data-file="${name}"]`);
  /** Waits until every open file is checked and the set summary is settled. */
  async function settled(page: Page, files: number): Promise<void> {
    await page.locator(`[data-testid="set-summary"][data-files="${files}"][data-verdict]`).waitFor({ timeout: 60_000 });
    await expect(
      page.locator('[data-testid="file-item"]:not([data-status="ready"]):not([data-status="error"])').count(),
    ).resolves.toBe(0);
  }
  /** The finding rows of the shown file, as rule|sheet|cell lines. */
  async function shownFindings(page: Page): Promise<string[]> {
    return page
      .locator('[data-testid="sheet-group"]')
      .evaluateAll((groups) =>
        groups.flatMap((g) =>
          Array.from(g.querySelectorAll('[data-testid="finding"]')).map(
            (f) =>
              `${f.getAttribute("data-rule")}|${g.getAttribute("data-sheet")}|${f.querySelector("[data-finding-select] span span")?.textContent}`,
          ),
        ),
      );
  }
  const expectedRows = (findings: Finding[]) => findings.map((f) => `${f.rule}|${f.sheet}|${f.cell}`).sort();

  it("opens all 11 files: the same findings as kensa check on the folder, and a complete set summary", async () => {
    const { context, page, requests, errors } = await openPage("ja-JP");
    try {
      await page.getByTestId("file-input").setInputFiles(paths);
      await settled(page, 11);
      const summary = page.getByTestId("set-summary");
      await expect(summary.getByRole("heading", { name: "提出セット（11ファイル）" }).isVisible()).resolves.toBe(true);
      await expect(summary.getAttribute("data-rollup")).resolves.toBe("checked");
      await expect(summary.getAttribute("data-missing")).resolves.toBe("");
      await expect(summary.getAttribute("data-verdict")).resolves.toBe("errors");
      await expect(page.getByTestId("set-verdict").textContent()).resolves.toBe("エラーあり");
      await expect(page.getByTestId("set-status").textContent()).resolves.toBe(
        "全体・PJ1〜PJ8 がそろっており、ファイルをまたぐ集計と参照を検証しました。",
      );
      // where each project was found: by its metadata, whatever the file and sheet are called
      const places = await page
        .getByTestId("set-project")
        .evaluateAll((lis) => lis.map((li) => `${li.getAttribute("data-project")}=${li.getAttribute("data-places")}`));
      expect(places).toEqual(
        cli.set!.projects.map(
          (p) => `${p.project}=${p.sheets.map((x) => `${path.basename(x.file)}:${x.sheet}`).join("|")}`,
        ),
      );
      await expect(page.locator('[data-testid="set-project"][data-project="PJ8"]').textContent()).resolves.toBe(
        "PJ8「提出_エコシステム.xlsx」の「PJ1」",
      );
      const t = cli.set!.summary;
      await expect(page.getByTestId("set-total").textContent()).resolves.toBe(
        `合計11ファイル：エラー${t.error}件・警告${t.warning}件・情報${t.info}件`,
      );
      expect(t).toMatchObject({ error: 12, warning: 2 });

      // each file's counts are kensa check's
      for (const f of SPLIT) {
        const counts = item(page, f.file).getByTestId("file-counts");
        const want = fileOf(f.file).summary;
        await expect(counts.getAttribute("data-error")).resolves.toBe(String(want.error));
        await expect(counts.getAttribute("data-warning")).resolves.toBe(String(want.warning));
        await expect(counts.getAttribute("data-info")).resolves.toBe(String(want.info));
      }
      await page.getByTestId("set-summary").scrollIntoViewIfNeeded();
      await screenshot(page, "browser-set-ja");
      await page.getByTestId("set-summary").screenshot({ path: path.join(SHOTS, "browser-set-summary-ja.png") });

      // each file's list: its own findings, the roll-ups under the 全体 file
      for (const f of SPLIT) {
        if ((await item(page, f.file).getAttribute("aria-current")) !== "true")
          await item(page, f.file)
            .getByRole("button", { name: `表示: ${f.file}` })
            .click();
        await page.locator(`[role="region"][aria-label="「${f.file}」の検証結果"]`).waitFor();
        const want = fileOf(f.file).findings;
        await page.getByRole("heading", { name: `指摘${want.length}件` }).waitFor({ timeout: 30_000 });
        expect((await shownFindings(page)).sort()).toEqual(expectedRows(want));
      }

      // the 全体 file: the six roll-up errors, each naming the PJ files' cells readably
      await item(page, "提出_総括.xlsx").getByRole("button", { name: "表示: 提出_総括.xlsx" }).click();
      const g6want = fileOf("提出_総括.xlsx").findings.find((f) => f.rule === "rollup/additive" && f.cell === "G6")!;
      const g6 = finding(page, "様式1", "rollup/additive", "G6");
      await g6.waitFor({ timeout: 30_000 });
      const g6text = (await g6.textContent())!;
      expect(g6text).toContain("指標1 実施許諾：全体の36件が各PJの合計49件と一致しません");
      expect(g6text).toContain(`${g6want.message} ${otherFilesText(g6want, "ja")}`);
      expect(g6text).toContain("他のファイル: 「提出_医薬品.xlsx」の様式2!G6、");
      expect(g6text).toContain("「提出 データ利活用.xlsx」のSheet 1!G6");
      await expect(page.locator('[data-testid="finding"][data-rule^="rollup/"]').count()).resolves.toBe(6);

      // selecting it: the 全体 cell previewed in its file; the PJ files' cells listed as text, with their values
      await g6.locator("[data-finding-select]").click();
      await page.locator('[data-testid="preview-grid"][data-sheet="様式1"][data-anchor="G6"]').waitFor();
      const others = page.getByTestId("preview-other-files");
      await expect(others.locator("li").count()).resolves.toBe(8);
      await expect(others.locator("li").first().textContent()).resolves.toBe("「提出_医薬品.xlsx」の様式2!G611件");
      await expect(others.locator('li[data-file="提出_エコシステム.xlsx"]').textContent()).resolves.toBe(
        "「提出_エコシステム.xlsx」のPJ1!G60件",
      );
      await expect(page.getByTestId("preview-elsewhere").count()).resolves.toBe(0);
      await screenshot(page, "browser-set-crossfile-ja");

      // an output indicator ↔ 全体 reference, if the sample has one across the files, previews the same way
      expect(await axeViolations(page)).toEqual([]);

      // per-file annotated copies stay as they were
      const [copy] = await Promise.all([
        page.waitForEvent("download"),
        item(page, "提出_総括.xlsx").getByTestId("download").click(),
      ]);
      expect(copy.suggestedFilename()).toBe("提出_総括.kensa.xlsx");
      const annotated = new ExcelJS.Workbook();
      await annotated.xlsx.load(readFileSync(await copy.path()) as unknown as ExcelJS.Buffer);
      expect(
        (annotated.getWorksheet("様式1")!.getCell("G6").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
      ).toBe(SEVERITY_FILL.error);
      const sheetTexts: string[] = [];
      annotated.getWorksheet("検証結果")!.eachRow((row) => row.eachCell((c) => sheetTexts.push(String(c.text ?? ""))));
      // the copy keeps the messages exactly as kensa check writes them
      expect(sheetTexts).toContain(g6want.message);

      // まとめてダウンロード, from the keyboard: the findings workbook of the whole set
      await page.getByTestId("download-all").focus();
      const [all] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      expect(all.suggestedFilename()).toMatch(/^指摘一覧_提出セット_\d{8}\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await all.path()) as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["指摘一覧", "ファイル別", "提出セット"]);
      const total = cli.files.reduce((n, f) => n + f.findings.length, 0);
      expect(wb.getWorksheet("指摘一覧")!.rowCount).toBe(total + 1);
      const rows: string[] = [];
      wb.getWorksheet("指摘一覧")!.eachRow((row) =>
        rows.push(
          (row.values as unknown[])
            .map((v) => (v && typeof v === "object" && "result" in v ? String(v.result) : String(v ?? "")))
            .join("\t"),
        ),
      );
      expect(rows.join("\n")).toContain("[提出_医薬品.xlsx]様式2!G6");
      expect(rows.join("\n")).toContain(g6want.message);
      const byFile = wb.getWorksheet("ファイル別")!;
      expect(byFile.rowCount).toBe(12);
      const set = wb.getWorksheet("提出セット")!;
      expect(set.getCell("A10").value).toBe("PJ8");
      expect(set.getCell("C10").value).toBe("提出_エコシステム.xlsx");
      await expect(page.getByTestId("browser-notice").textContent()).resolves.toBe(
        `「${all.suggestedFilename()}」を保存しました。`,
      );
      expectNothingSent(requests);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("files added one at a time: 「不足: …」 shrinks, the roll-up appears in the 全体 file; closing a PJ file takes it away", async () => {
    const { context, page, errors } = await openPage("ja-JP");
    try {
      const byName = new Map(paths.map((p) => [path.basename(p), p]));
      const order = [
        "提出_総括.xlsx",
        ...SPLIT.map((f) => f.file).filter(
          (f) =>
            f.startsWith("提出_") && f !== "提出_総括.xlsx" && f !== "提出_成果指標.xlsx" && f !== "提出_予算.xlsx",
        ),
      ];
      // PJ1…PJ8 in order, PJ5 being the file with a space in its name
      order.splice(5, 0, "提出 データ利活用.xlsx");
      expect(order).toHaveLength(9);
      const missingSeen: string[] = [];
      const totalErrors = () => item(page, "提出_総括.xlsx").getByTestId("file-counts").getAttribute("data-error");
      for (let i = 0; i < order.length; i++) {
        await page.getByTestId("file-input").setInputFiles(byName.get(order[i])!);
        if (i === 0) {
          await page
            .locator(`[data-testid="file-item"][data-file="${order[0]}"][data-status="ready"]`)
            .waitFor({ timeout: 60_000 });
          await expect(page.getByTestId("set-summary").count()).resolves.toBe(0); // one file alone: its pane says it all
          continue;
        }
        await settled(page, i + 1);
        const missing = (await page.getByTestId("set-summary").getAttribute("data-missing"))!;
        missingSeen.push(missing);
        if (missing) {
          await expect(page.getByTestId("set-missing").textContent()).resolves.toBe(
            `不足: ${missing.split(",").join("、")}`,
          );
          await expect(page.getByTestId("set-summary").getAttribute("data-rollup")).resolves.toBe("skipped");
          await expect(page.getByTestId("set-verdict").textContent()).resolves.not.toBe("問題なし");
          // the 全体 file has no roll-up error yet
          await expect(totalErrors()).resolves.toBe("0");
        }
        if (i === 3)
          await page.getByTestId("set-summary").screenshot({ path: path.join(SHOTS, "browser-set-incomplete-ja.png") });
      }
      expect(missingSeen).toEqual([
        "PJ2,PJ3,PJ4,PJ5,PJ6,PJ7,PJ8",
        "PJ3,PJ4,PJ5,PJ6,PJ7,PJ8",
        "PJ4,PJ5,PJ6,PJ7,PJ8",
        "PJ5,PJ6,PJ7,PJ8",
        "PJ6,PJ7,PJ8",
        "PJ7,PJ8",
        "PJ8",
        "",
      ]);
      await expect(page.getByTestId("set-summary").getAttribute("data-rollup")).resolves.toBe("checked");
      await expect(page.getByTestId("set-missing").count()).resolves.toBe(0);
      // the 全体 file was not touched, yet it now holds the six roll-up errors
      await expect(totalErrors()).resolves.toBe("6");

      // the shown file (the first one) refreshed by itself: its pane lists the roll-ups
      await page.locator('[data-testid="finding"][data-rule="rollup/additive"]').first().waitFor({ timeout: 30_000 });
      await expect(page.locator('[data-testid="finding"][data-rule^="rollup/"]').count()).resolves.toBe(6);

      // closing PJ3's file: the roll-up goes, 「不足: PJ3」 is back
      await item(page, "提出_再生医療.xlsx").getByRole("button", { name: "「提出_再生医療.xlsx」を閉じる" }).click();
      await settled(page, 8);
      await expect(page.getByTestId("set-missing").textContent()).resolves.toBe("不足: PJ3");
      await expect(totalErrors()).resolves.toBe("0");
      // an info: listed (folded below the problems)
      await page
        .locator('[data-testid="finding"][data-rule="structure/rollup-skipped"]')
        .waitFor({ state: "attached", timeout: 30_000 });
      await expect(page.locator('[data-testid="finding"][data-rule^="rollup/"]').count()).resolves.toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("leads with the problems at 1280 px; 「次の問題」 (F8) walks every file's errors and warnings, Shift+F8 goes back", async () => {
    const { context, page, errors } = await openPage("ja-JP");
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByTestId("file-input").setInputFiles(paths);
      await settled(page, 11);
      // the walk kensa check's report gives: files as opened, each file's errors and warnings sheet by sheet in its order
      const walk = SPLIT.flatMap((f) => {
        const problems = fileOf(f.file).findings.filter((x) => x.severity !== "info");
        const sheets = [...new Set(problems.map((x) => x.sheet))];
        return sheets.flatMap((sheet) =>
          problems.filter((x) => x.sheet === sheet).map((x) => ({ file: f.file, sheet, cell: x.cell, rule: x.rule })),
        );
      });
      expect(walk.length).toBe(cli.set!.summary.error + cli.set!.summary.warning);
      // the first file shown is the first with a problem, and its findings are on the first screen, beside the file list
      const shown = page.locator('[data-testid="file-item"][aria-current="true"]');
      await expect(shown.getAttribute("data-file")).resolves.toBe(walk[0].file);
      const firstRow = page.locator('[role="region"] [data-testid="finding"]').first();
      await firstRow.waitFor({ timeout: 30_000 });
      const box = (await firstRow.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(900);
      const list = (await page.getByTestId("file-list").boundingBox())!;
      expect(list.x + list.width).toBeLessThanOrEqual(box.x);
      // Japanese lines break between phrases
      await expect(page.getByTestId("browser-mode").evaluate((el) => getComputedStyle(el).wordBreak)).resolves.toBe(
        "auto-phrase",
      );
      const nav = page.getByTestId("set-problem-nav");
      await expect(nav.getAttribute("data-count")).resolves.toBe(String(walk.length));
      await expect(page.getByTestId("nav-position").textContent()).resolves.toBe(
        `エラー・警告${walk.length}件（開いたすべてのファイル）`,
      );
      await screenshot(page, "browser-set-first-screen-ja");

      await page.locator("body").click({ position: { x: 1, y: 1 } });
      for (let i = 0; i < walk.length; i++) {
        const want = walk[i];
        await page.keyboard.press("F8");
        await page.locator(`[data-testid="set-problem-nav"][data-index="${i + 1}"]`).waitFor({ timeout: 30_000 });
        await expect(shown.getAttribute("data-file")).resolves.toBe(want.file);
        // the file in sight in the file list's column (it scrolls on its own beside the findings)
        await expect(
          shown.evaluate((el) => {
            const [box, item] = [el.closest("section")!.getBoundingClientRect(), el.getBoundingClientRect()];
            return item.top >= box.top - 1 && item.bottom <= box.bottom + 1;
          }),
        ).resolves.toBe(true);
        // its row selected in that file's pane, its cell in the preview
        const current = page.locator('[role="region"] [data-finding-select][aria-current="true"]');
        await current.waitFor({ timeout: 30_000 });
        await expect(
          current.locator("xpath=ancestor::*[@data-testid='finding'][1]").getAttribute("data-rule"),
        ).resolves.toBe(want.rule);
        await page
          .locator(`[data-testid="preview-grid"][data-sheet="${want.sheet}"][data-anchor="${want.cell}"]`)
          .waitFor({ timeout: 30_000 });
        await expect(page.getByTestId("nav-position").textContent()).resolves.toBe(`${walk.length}件中${i + 1}件目`);
        await expect(page.getByTestId("nav-where").textContent()).resolves.toMatch(
          new RegExp(`^「${want.file}」の${want.sheet}!${want.cell}：`),
        );
        if (want.rule === "rollup/additive" && want.cell === "G6") await screenshot(page, "browser-set-nav-ja");
      }
      // round again from the start; Shift+F8 back to the last
      await page.keyboard.press("F8");
      await page.locator('[data-testid="set-problem-nav"][data-index="1"]').waitFor({ timeout: 30_000 });
      await expect(shown.getAttribute("data-file")).resolves.toBe(walk[0].file);
      await page.keyboard.press("Shift+F8");
      await page.locator(`[data-testid="set-problem-nav"][data-index="${walk.length}"]`).waitFor({ timeout: 30_000 });
      await expect(shown.getAttribute("data-file")).resolves.toBe(walk[walk.length - 1].file);
      // the buttons do the same
      await page.getByRole("button", { name: "前の問題" }).click();
      await page
        .locator(`[data-testid="set-problem-nav"][data-index="${walk.length - 1}"]`)
        .waitFor({ timeout: 30_000 });
      // a finding clicked in the pane: the walk goes on from it
      if ((await item(page, "提出_総括.xlsx").getAttribute("aria-current")) !== "true")
        await item(page, "提出_総括.xlsx").getByRole("button", { name: "表示: 提出_総括.xlsx" }).click();
      const c28 = finding(page, "様式1", "rollup/additive", "C28");
      await c28.locator("[data-finding-select]").click();
      const at = walk.findIndex((w) => w.file === "提出_総括.xlsx" && w.cell === "C28" && w.rule === "rollup/additive");
      await page.locator(`[data-testid="set-problem-nav"][data-index="${at + 1}"]`).waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "次の問題" }).click();
      await page.locator(`[data-testid="set-problem-nav"][data-index="${at + 2}"]`).waitFor({ timeout: 30_000 });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("English: the set summary and the other files' cells", async () => {
    const { context, page, errors } = await openPage("en-US");
    try {
      await page.getByTestId("file-input").setInputFiles(paths);
      await settled(page, 11);
      const summary = page.getByTestId("set-summary");
      await expect(summary.getByRole("heading", { name: "Submission set (11 files)" }).isVisible()).resolves.toBe(true);
      await expect(page.getByTestId("set-status").textContent()).resolves.toBe(
        "全体 and PJ1–PJ8 are all present; the roll-up and references were checked across the files.",
      );
      await expect(page.locator('[data-testid="set-project"][data-project="PJ5"]').textContent()).resolves.toBe(
        "PJ5Sheet 1 in 提出 データ利活用.xlsx",
      );
      await expect(page.getByTestId("download-all").textContent()).resolves.toBe("Download all findings");
      await item(page, "提出_総括.xlsx").getByRole("button", { name: "Show: 提出_総括.xlsx" }).click();
      const g6 = finding(page, "様式1", "rollup/additive", "G6");
      await g6.waitFor({ timeout: 30_000 });
      await expect(g6.textContent()).resolves.toContain(
        "In other files: 様式2!G6 in 提出_医薬品.xlsx, 様式2!G6 in 提出_医療機器.xlsx",
      );
      await page.getByTestId("set-summary").screenshot({ path: path.join(SHOTS, "browser-set-summary-en.png") });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a file that cannot be read and one with no known sheet are counted apart: never 問題なし", async () => {
    const { context, page, errors } = await openPage("ja-JP");
    try {
      const byName = new Map(paths.map((p) => [path.basename(p), p]));
      await page.getByTestId("file-input").setInputFiles([
        {
          name: "提出_予算.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: readFileSync(byName.get("提出_予算.xlsx")!),
        },
        {
          name: "会議メモ.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: await unrelatedXlsx(),
        },
        { name: "壊れた.xlsx", mimeType: "application/octet-stream", buffer: readFileSync(SAMPLE).subarray(0, 4096) },
      ]);
      await settled(page, 3);
      const total = (await page.getByTestId("set-total").textContent())!;
      expect(total).toMatch(/^合計3ファイル（未検証1件・読めなかったファイル1件）：エラー\d+件・警告\d+件・情報\d+件$/);
      await expect(page.getByTestId("set-summary").textContent()).resolves.not.toContain("問題なし");
      await expect(page.getByTestId("set-status").textContent()).resolves.toBe(
        "全体・PJ のモニタリングシートはありません（集計の検証は対象外です）。",
      );
      await page.getByTestId("set-summary").screenshot({ path: path.join(SHOTS, "browser-set-unchecked-ja.png") });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
