/**
 * The 検証結果 sheet of the annotated R7 sample as a reviewer prints it (issue 11): `kensa check --annotate`, the
 * result sheet alone converted to PDF by LibreOffice, the pages rendered to PNG (test-results/result-sheet-page-*.png,
 * to look at). Asserts the page setup: A4 landscape, every column on the page, the header row at the top of every
 * page, errors listed before warnings before infos, the rules by their Japanese names; and that the whole copy,
 * which printed as 75 portrait pages before, stays a handful of pages for the result sheet.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`) and poppler (`apt-get install -y poppler-utils`);
 * without them this test fails, loudly; it is never skipped.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCaptured } from "../../src/cli/capture";

function which(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter))
    if (existsSync(path.join(dir, name))) return path.join(dir, name);
  throw new Error(`${name} not found: apt-get install -y libreoffice-calc-nogui poppler-utils`);
}

const SAMPLE = path.join(__dirname, "..", "..", "samples", "r7-report.xlsx");
const RESULTS = path.join(__dirname, "..", "..", "test-results");
let work: string;
let pdf: string;
let pages: number;
let findings: { severity: string }[];
let summary: { error: number; warning: number; info: number };

const text = (page: number) =>
  execFileSync(which("pdftotext"), ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "kensa-result-render-"));
  const run = await runCaptured(["check", SAMPLE, "--annotate", work, "--format", "json", "--quiet"]);
  ({ findings, summary } = (
    JSON.parse(run.stdout) as { files: { findings: typeof findings; summary: typeof summary }[] }
  ).files[0]);
  const copy = path.join(work, "r7-report.kensa.xlsx");
  expect(existsSync(copy)).toBe(true);
  // the result sheet alone: what a reviewer prints from it (the workbook's own sheets print as their authors set them)
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(copy);
  for (const ws of [...wb.worksheets]) if (ws.name !== "検証結果") wb.removeWorksheet(ws.id);
  const only = path.join(work, "result-sheet.xlsx");
  writeFileSync(only, new Uint8Array(await wb.xlsx.writeBuffer()));
  execFileSync(
    process.env.KENSA_SOFFICE ?? which("soffice"),
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      only,
    ],
    { timeout: 180_000, stdio: "pipe" },
  );
  pdf = path.join(work, "result-sheet.pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync(which("pdfinfo"), [pdf], { encoding: "utf8" }))![1]);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test("prints on a few A4 landscape pages (75 portrait pages before)", () => {
  // 44 findings at one to three lines each: about 20 rows a page
  expect(findings.length).toBeGreaterThan(20);
  expect(pages).toBeLessThanOrEqual(Math.ceil(findings.length / 10));
  const info = execFileSync(which("pdfinfo"), ["-f", "1", "-l", String(pages), pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  expect(sizes).toEqual(Array.from({ length: pages }, () => [842, 595]));
});

test("every column on the page, the header row on every page, the summary first", () => {
  const pageTexts = Array.from({ length: pages }, (_, i) => text(i + 1));
  for (const t of pageTexts)
    expect(t).toMatch(
      /重要度\s+ルール\s+シート\s+セル\s+メッセージ\s+記入値\s+計算値\s+修正案\s+状態\s+確認の理由\s+ルールID/,
    );
  expect(pageTexts[0]).toMatch(/Kensa 検証結果/);
  for (const [label, n] of [
    ["エラー", summary.error],
    ["警告", summary.warning],
    ["情報", summary.info],
  ] as const)
    expect(pageTexts[0]).toMatch(new RegExp(`^\\s*${label}\\s+${n}\\s*$`, "m"));
  expect(pageTexts[0]).toContain("計算セル");
});

test("errors first, then warnings, then infos, by the rules' Japanese names", () => {
  const all = Array.from({ length: pages }, (_, i) => text(i + 1)).join("\n");
  const body = all.slice(all.search(/重要度\s+ルール/));
  const severities = [...body.matchAll(/^\s*(エラー|警告|情報)\s/gm)].map((m) => m[1]);
  const rank = { エラー: 0, 警告: 1, 情報: 2 } as Record<string, number>;
  expect(severities.length).toBeGreaterThan(10);
  expect(severities.map((s) => rank[s])).toEqual([...severities.map((s) => rank[s])].sort((a, b) => a - b));
  expect(body).toContain("小計・合計");
  expect(body).toContain("進捗ペース未達");
});

test("rendered to PNG for a person to look at (test-results/result-sheet-page-*.png)", () => {
  mkdirSync(RESULTS, { recursive: true });
  for (const old of readdirSync(RESULTS)) if (old.startsWith("result-sheet-page-")) rmSync(path.join(RESULTS, old));
  execFileSync(which("pdftoppm"), ["-r", "80", "-png", pdf, path.join(RESULTS, "result-sheet-page")], {
    timeout: 120_000,
  });
  const pngs = readdirSync(RESULTS).filter((f) => /^result-sheet-page-\d+\.png$/.test(f));
  expect(pngs).toHaveLength(pages);
  for (const p of pngs) expect(statSync(path.join(RESULTS, p)).size).toBeGreaterThan(10_000);
});
