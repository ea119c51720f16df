/**
 * Browser mode end to end: the built task pane page opened outside Office (office.js blocked), in
 * Debian's Chromium driven by playwright-core. Builds dist/ first when it is missing or stale.
 * Screenshots go to test-results/e2e/.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { planForBuffer } from "../../src/adapters/exceljs/annotate";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { SEVERITY_FILL } from "../../src/core/apply";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { axeViolations } from "./support/axe";
import { launchChromium, newContext, watchErrors, type Requests } from "./support/chromium";
import { ensureDist } from "./support/dist";
import { SAMPLE, screenshot } from "./support/files";

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

async function openPage(locale: "ja-JP" | "en-US"): Promise<{ context: BrowserContext; page: Page; requests: Requests; errors: string[] }> {
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
  return page.locator(`[data-testid="sheet-group"][data-sheet="${sheet}"] [data-testid="finding"][data-rule="${rule}"]`).filter({ hasText: cell });
}

/** Only this machine's server was asked, only with GET: nothing was uploaded. */
function expectNothingSent(requests: Requests): void {
  const off = requests.all.filter((r) => {
    const u = new URL(r.url);
    return !["127.0.0.1", "localhost"].includes(u.hostname) && u.protocol !== "blob:" && u.protocol !== "data:" && u.hostname !== "appsforoffice.microsoft.com";
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
    await expect(page.getByTestId("privacy-notice").textContent()).resolves.toMatch(/どこにも送信（アップロード）されません/);
    await expect(page.getByRole("button", { name: "ファイルを選択" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("drop-zone").textContent()).resolves.toMatch(/ドロップ/);
    // the browser-mode chunk (with exceljs) was fetched on demand: a script not in taskpane.html
    const html = await (await page.request.get(`${server!.url}taskpane.html`)).text();
    const lazy = requests.all.filter((r) => r.url.endsWith(".js") && !html.includes(path.basename(new URL(r.url).pathname)));
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
    await expect(page.getByRole("heading", { name: `指摘 ${expectedJa.findings.length} 件` }).isVisible()).resolves.toBe(true);
    const pj5 = finding(page, "PJ5", "sum/breakdown", "C5");
    await expect(pj5.textContent()).resolves.toContain("導出形態別の合計 33件 が指標値 20件 と一致しません");
    const rollup = finding(page, "全体", "rollup/additive", "G6");
    await expect(rollup.textContent()).resolves.toMatch(/実施許諾: 全体 36件 が各PJの合計 49件 と一致しません/);
    await screenshot(page, "browser-findings-ja");
  });

  it("shows the surrounding cells where Excel would select them", async () => {
    await finding(page, "PJ5", "sum/breakdown", "C5").locator("[data-finding-select]").click();
    const grid = page.getByTestId("preview-grid");
    await grid.waitFor();
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("PJ5");
    await expect(grid.getAttribute("data-anchor")).resolves.toBe("C5");
    const selected = await grid.locator("td[data-selected]").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-address")));
    expect(selected.sort()).toEqual(["C5", "G5", "G6", "G7"]);
    await expect(grid.locator('td[data-address="C5"]').textContent()).resolves.toMatch(/^20/);
    await expect(grid.locator('td[data-address="G6"]').textContent()).resolves.toMatch(/^14/);
    await screenshot(page, "browser-preview-ja");

    await finding(page, "全体", "rollup/additive", "G6").locator("[data-finding-select]").click();
    await page.locator('[data-testid="preview-grid"][data-sheet="全体"][data-anchor="G6"]').waitFor();
    await expect(page.getByTestId("preview-elsewhere").textContent()).resolves.toContain("'PJ5'!G6");
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
      return { cell: el.querySelector("span span")?.textContent, sheet: el.closest("[data-sheet]")?.getAttribute("data-sheet") };
    });
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid="preview-grid"][data-sheet="${cell.sheet}"]`).waitFor();
    await expect(page.getByTestId("preview-grid").locator("td[data-primary]").getAttribute("data-address")).resolves.toBe(cell.cell);
    await screenshot(page, "browser-keyboard-ja");
  });

  it("has no serious or critical accessibility violations with findings shown", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it("downloads the annotated copy: highlights, computed cells and the 検証結果 sheet", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").first().click()]);
    expect(download.suggestedFilename()).toBe("r7-report_検証済.xlsx");
    const file = await download.path();
    const bytes = readFileSync(file!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const fillOf = (sheet: string, cell: string) => (wb.getWorksheet(sheet)!.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
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
    expect(texts.join("\n")).toContain("導出形態別の合計 33件 が指標値 20件 と一致しません");
    await expect(page.getByTestId("browser-notice").textContent()).resolves.toContain("r7-report_検証済.xlsx");
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
        for (const type of ["dragenter", "dragover", "drop"]) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      { files: [ { name: "壊れた.xlsx", b64: truncated.toString("base64") }, { name: "本当はテキスト.xlsx", b64: text.toString("base64") } ] },
    );
    const broken = page.locator('[data-testid="file-item"][data-file="壊れた.xlsx"] [data-testid="file-error"]');
    const notXlsx = page.locator('[data-testid="file-item"][data-file="本当はテキスト.xlsx"] [data-testid="file-error"]');
    await broken.waitFor();
    await notXlsx.waitFor();
    await expect(broken.textContent()).resolves.toMatch(/「壊れた.xlsx」を読み込めません: ファイルが壊れているか途中で切れています/);
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
      await page.getByTestId("file-input").setInputFiles({ name: "会議メモ.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await unrelatedXlsx() });
      const memo = page.locator('[data-testid="file-item"][data-file="会議メモ.xlsx"]');
      await memo.locator('[data-testid="file-unchecked"]').waitFor({ timeout: 60_000 });
      await expect(memo.getAttribute("data-result")).resolves.toBe("unchecked");
      await expect(memo.getByTestId("file-unchecked").textContent()).resolves.toBe("未検証様式に当たるシートがないため、何も検証していません");
      await expect(memo.getByTestId("file-counts").count()).resolves.toBe(0);
      await expect(memo.textContent()).resolves.not.toMatch(/E 0|エラー 0 件/);
      // the sample keeps its counts
      const sample = page.locator('[data-testid="file-item"][data-file="r7-report.xlsx"]');
      await expect(sample.getAttribute("data-result")).resolves.toBe("checked");
      await expect(sample.getByTestId("file-counts").getAttribute("data-error")).resolves.toBe(String(expectedJa.summary.error));
      await screenshot(page, "browser-unchecked-list-ja");

      // shown in the pane: the 未検証 message, the sheets as not checked, the infos naming them; no 問題なし
      await memo.getByRole("button", { name: "表示: 会議メモ.xlsx" }).click();
      const bar = page.getByTestId("not-checked");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.getByRole("heading").textContent()).resolves.toBe("未検証：様式に当たるシートがありません");
      await expect(bar.textContent()).resolves.toContain("どのシートの最初の30行にも様式の見出し行が見つからなかったため、何も検証していません。");
      await expect(bar.textContent()).resolves.toContain("「テンプレートをダウンロード」で様式を確かめ");
      await expect(page.getByTestId("no-problems").count()).resolves.toBe(0);
      await expect(page.getByTestId("severity-summary").count()).resolves.toBe(0);
      const infos = await page.locator('[data-testid="finding"][data-rule="structure/unknown-sheet"]').allTextContents();
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
      await page.getByTestId("file-input").setInputFiles({ name: "memo.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await unrelatedXlsx() });
      const memo = page.locator('[data-testid="file-item"][data-file="memo.xlsx"]');
      await memo.locator('[data-testid="file-unchecked"]').waitFor({ timeout: 60_000 });
      await expect(memo.getByTestId("file-unchecked").textContent()).resolves.toBe("Not checkedNo sheet matches a Kensa template, so nothing was checked");
      const bar = page.getByTestId("not-checked");
      await bar.waitFor({ timeout: 30_000 });
      await expect(bar.getByRole("heading").textContent()).resolves.toBe("Not checked: no sheet matches a Kensa template");
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
      await expect(page.getByTestId("privacy-notice").textContent()).resolves.toMatch(/Nothing is sent \(uploaded\) anywhere/);
      await openSample(page);
      await expect(page.getByTestId("finding").count()).resolves.toBe(expectedEn.findings.length);
      const pj5 = expectedEn.findings.find((f) => f.sheet === "PJ5" && f.rule === "sum/breakdown")!;
      await expect(finding(page, "PJ5", "sum/breakdown", "C5").textContent()).resolves.toContain(pj5.message);
      await expect(page.getByRole("heading", { name: `${expectedEn.findings.length} findings` }).isVisible()).resolves.toBe(true);
      await finding(page, "PJ5", "sum/breakdown", "C5").locator("[data-finding-select]").click();
      await expect(page.getByTestId("cell-preview").textContent()).resolves.toContain("Around PJ5!C5");
      await expect(page.getByTestId("download").textContent()).resolves.toBe("Download annotated copy");
      await screenshot(page, "browser-findings-en");
      expectNothingSent(requests);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
