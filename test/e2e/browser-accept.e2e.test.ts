/**
 * Accepted findings across faces, end to end (issue 8, item 5): an acceptance made with `kensa accept` is
 * honoured in browser mode (the built page in Debian's Chromium) and lapses there when a value changes; an
 * acceptance made in browser mode is saved into the file, and `kensa check` honours the saved file.
 * Screenshots go to test-results/e2e/.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { readStoreFromPackage } from "../../src/adapters/exceljs/accept";
import { runCaptured } from "../../src/cli/capture";
import { ReportSchema } from "../../src/core/report/schema";
import { axeViolations } from "./support/axe";
import { launchChromium, newContext, watchErrors } from "./support/chromium";
import { ensureDist } from "./support/dist";
import { SAMPLE, screenshot } from "./support/files";

jest.setTimeout(180_000);

const REASON = "指標8は令和8年度からの事業のため、令和7年度の実績は0件";

let browser: Browser | undefined;
let server: RunningServer | undefined;
let dir: string;
/** The sample with indicator 8's finding accepted by the CLI. */
let accepted: string;
/** The same, with indicator 8's 実績 changed afterwards (saved through exceljs, as Excel would keep the record). */
let changed: string;
let baseline: { error: number; warning: number; info: number };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kensa-e2e-accept-"));
  accepted = path.join(dir, "accepted", "r7-report.xlsx");
  changed = path.join(dir, "changed", "r7-report.xlsx");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(path.dirname(accepted), { recursive: true });
  mkdirSync(path.dirname(changed), { recursive: true });
  copyFileSync(SAMPLE, accepted);
  const before = ReportSchema.parse(JSON.parse((await runCaptured(["check", SAMPLE, "--format", "json"])).stdout));
  baseline = before.files[0].summary;
  const r = await runCaptured([
    "accept",
    accepted,
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
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(accepted) as unknown as ExcelJS.Buffer);
  wb.getWorksheet("アウトプット指標")!.getCell("H15").value = 2;
  writeFileSync(changed, new Uint8Array(await wb.xlsx.writeBuffer()));

  const [dist] = await Promise.all([ensureDist(), (async () => (browser = await launchChromium()))()]);
  server = await startServer(dist, 0);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context } = await newContext(browser!, { locale: "ja-JP" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server!.url}taskpane.html`);
  await page.getByTestId("browser-mode").waitFor({ timeout: 30_000 });
  return { context, page, errors };
}

async function open(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await page.locator('[data-testid="file-item"][data-status="ready"]').first().waitFor({ timeout: 60_000 });
  await page.getByTestId("finding").first().waitFor({ timeout: 30_000 });
}

function finding(page: Page, sheet: string, rule: string, cell: string) {
  return page
    .locator(`[data-testid="sheet-group"][data-sheet="${sheet}"] [data-testid="finding"][data-rule="${rule}"]`)
    .filter({ hasText: cell });
}

async function counts(page: Page): Promise<Record<string, string | null>> {
  const c = page.getByTestId("file-counts");
  const out: Record<string, string | null> = {};
  for (const k of ["error", "warning", "info", "accepted"]) out[k] = await c.getAttribute(`data-${k}`);
  return out;
}

describe("an acceptance made with the CLI, in browser mode", () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ context, page, errors } = await openPage());
  });
  afterAll(async () => {
    await context?.close();
  });

  it("is honoured: the finding is 確認済み with its reason and counted apart", async () => {
    await open(page, accepted);
    expect(await counts(page)).toEqual({
      error: String(baseline.error),
      warning: String(baseline.warning - 1),
      info: String(baseline.info),
      accepted: "1",
    });
    await expect(page.getByTestId("file-accepted").textContent()).resolves.toBe("確認済み1件");
    const j15 = finding(page, "アウトプット指標", "grade/below-pace", "J15");
    await expect(j15.getAttribute("data-accepted")).resolves.toBe("true");
    await expect(j15.getByTestId("accepted-note").textContent()).resolves.toContain("確認済み");
    await expect(j15.textContent()).resolves.toContain(`「指標8」の進捗はAですが`);
    await expect(j15.textContent()).resolves.toContain(`理由: ${REASON}（審査担当、`);
    // the aside lists it, and selecting it shows its reason and a revoke button
    const item = page.locator('[data-testid="accepted-item"][data-cell="J15"]');
    await expect(item.getByTestId("accepted-item-reason").textContent()).resolves.toBe(`${REASON}（審査担当）`);
    await page.getByTestId("accepted-findings").locator("summary").click(); // the pane lists accepted findings apart, folded
    await j15.locator("[data-finding-select]").click();
    await page.locator('[data-testid="accept-selected"][data-cell="J15"][data-accepted="true"]').waitFor();
    await expect(page.getByTestId("accepted-reason").textContent()).resolves.toBe(REASON);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "browser-accepted-from-cli-ja");
    expect(errors).toEqual([]);
  });
});

describe("the same acceptance after the value changed", () => {
  it("lapses, and an info says so", async () => {
    const { context, page, errors } = await openPage();
    try {
      await open(page, changed);
      const c = await counts(page);
      expect(c.accepted).toBe("0");
      const lapsed = finding(page, "アウトプット指標", "accepted/lapsed", "J15");
      await expect(lapsed.textContent()).resolves.toContain("値が変わったため確認済みではなくなりました（H15: 0 → 2");
      await expect(page.getByTestId("accepted-list").count()).resolves.toBe(0);
      await screenshot(page, "browser-accepted-lapsed-ja");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("accepting in browser mode", () => {
  it("accepts with a reason, saves the file with the record, and the CLI honours it; revoking takes it back", async () => {
    const { context, page, errors } = await openPage();
    try {
      await open(page, SAMPLE);
      expect((await counts(page)).accepted).toBe("0");
      await expect(page.getByTestId("accept-none").isVisible()).resolves.toBe(true);
      const j23 = finding(page, "アウトプット指標", "grade/below-pace", "J23");
      await j23.locator("[data-finding-select]").click();
      await page.locator('[data-testid="accept-selected"][data-cell="J23"][data-accepted="false"]').waitFor();
      await expect(page.getByTestId("accept-button").isDisabled()).resolves.toBe(true);
      await page.getByTestId("accept-reason").fill("指標16は年度後半に実績が集中するため");
      await page.getByTestId("accept-by").fill("記入担当");
      await expect(page.getByTestId("accept-button").isEnabled()).resolves.toBe(true);
      await page.waitForTimeout(400); // the button's colour transition
      await screenshot(page, "browser-accept-form-ja");
      await page.getByTestId("accept-button").click();
      await page.locator('[data-testid="file-counts"][data-accepted="1"]').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("browser-notice").textContent()).resolves.toContain(
        "J23の指摘を確認済みにしました",
      );
      await expect(
        finding(page, "アウトプット指標", "grade/below-pace", "J23").getAttribute("data-accepted"),
      ).resolves.toBe("true");
      await page.locator('[data-testid="accept-selected"][data-cell="J23"][data-accepted="true"]').waitFor();
      await screenshot(page, "browser-accepted-ja");

      // the file with its record, under its own name
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-store").click()]);
      expect(download.suggestedFilename()).toBe("r7-report.xlsx");
      const saved = path.join(dir, "from-browser", "r7-report.xlsx");
      await download.saveAs(saved);
      const store = await readStoreFromPackage(new Uint8Array(readFileSync(saved)));
      expect(store.entries.map((e) => [e.rule, e.cell, e.reason, e.by])).toEqual([
        ["grade/below-pace", "J23", "指標16は年度後半に実績が集中するため", "記入担当"],
      ]);
      const cli = ReportSchema.parse(JSON.parse((await runCaptured(["check", saved, "--format", "json"])).stdout));
      expect(cli.files[0].summary).toEqual({ ...baseline, warning: baseline.warning - 1, accepted: 1 });
      expect(cli.files[0].findings.filter((f) => f.accepted).map((f) => f.cell)).toEqual(["J23"]);
      // the annotated copy carries it too
      const [copy] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
      const copyPath = path.join(dir, "from-browser", "annotated.xlsx");
      await copy.saveAs(copyPath);
      expect((await readStoreFromPackage(new Uint8Array(readFileSync(copyPath)))).entries).toHaveLength(1);

      // revoke from the list
      await page.locator('[data-testid="accepted-item"][data-cell="J23"]').getByTestId("revoke").click();
      await page.locator('[data-testid="file-counts"][data-accepted="0"]').waitFor({ timeout: 30_000 });
      await expect(
        finding(page, "アウトプット指標", "grade/below-pace", "J23").getAttribute("data-accepted"),
      ).resolves.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
