/**
 * The findings workbook as a reviewer prints it: the split R7 set checked with `--out findings.xlsx`, converted to
 * PDF by LibreOffice, the pages rendered to PNG with poppler's pdftoppm (test-results/findings-page-*.png, to look
 * at). Asserts what the page setup promises: A4 landscape, every column on the page (fitted to the width), the
 * header row repeated at the top of every page of the findings, and the per-file and set sheets after them.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`) and poppler (`apt-get install -y poppler-utils`);
 * without them this test fails, loudly; it is never skipped.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { runCaptured } from "../../src/cli/capture";
import { writeSplit } from "../fixtures/split";

const HINT =
  "test/libreoffice/findings-render needs `soffice` (apt-get install -y libreoffice-calc-nogui) and poppler's " +
  "`pdftoppm`, `pdftotext`, `pdfinfo` (apt-get install -y poppler-utils) on PATH.";

function which(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`${name} not found. ${HINT}`);
}

const RESULTS = path.join(__dirname, "..", "..", "test-results");
let work: string;
let pdf: string;
let pages: number;

const text = (page: number) =>
  execFileSync(which("pdftotext"), ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });

beforeAll(async () => {
  const soffice = process.env.KENSA_SOFFICE ?? which("soffice");
  work = mkdtempSync(path.join(os.tmpdir(), "kensa-render-"));
  const split = path.join(work, "split");
  await writeSplit(split);
  const out = path.join(work, "out", "findings.xlsx");
  const run = await runCaptured(["check", split, "--out", out, "--quiet"]);
  expect(run.code).toBe(1);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--convert-to",
      "pdf",
      "--outdir",
      path.join(work, "out"),
      out,
    ],
    { timeout: 180_000, stdio: "pipe" },
  );
  pdf = path.join(work, "out", "findings.pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  const info = execFileSync(which("pdfinfo"), [pdf], { encoding: "utf8" });
  pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test("every page is A4 landscape", () => {
  const info = execFileSync(which("pdfinfo"), ["-f", "1", "-l", String(pages), pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  expect(sizes).toHaveLength(pages);
  for (const [w, h] of sizes) {
    expect(Math.round(w)).toBe(842);
    expect(Math.round(h)).toBe(595);
  }
});

test("the findings: every column on the first page, the header repeated on each page, then the files and the set", () => {
  expect(pages).toBeGreaterThanOrEqual(3);
  const first = text(1);
  // the first and the last column on one page: fitted to the width
  for (const h of [
    "ファイル",
    "シート",
    "セル",
    "重要度",
    "ルールID",
    "メッセージ",
    "記入値",
    "計算値",
    "状態",
    "関連セル",
  ])
    expect(first).toContain(h);
  expect(first).toContain("提出 データ利活用.xlsx");
  const pageTexts = Array.from({ length: pages }, (_, i) => text(i + 1));
  const findingPages = pageTexts.filter((t) => t.includes("関連セル"));
  expect(findingPages.length).toBeGreaterThanOrEqual(2); // the findings run over several pages…
  for (const t of findingPages) expect(t).toMatch(/ファイル\s+シート\s+セル\s+重要度/); // …each with the header
  const all = pageTexts.join("\n");
  expect(all).toMatch(/全体との集計（加算）/);
  expect(all).toContain("[提出_医薬品.xlsx]様式2!G6");
  expect(all).toMatch(/ファイル\s+状態\s+エラー\s+警告\s+情報/); // ファイル別
  expect(all).toContain("エラーあり");
  expect(all).toContain("合格");
  expect(all).toMatch(/プロジェクト\s+状態\s+ファイル\s+シート/); // 提出セット
  expect(all).toContain("全体・PJ1〜PJ8 がそろい、集計を検証しました");
});

test("rendered to PNG for a person to look at (test-results/findings-page-*.png)", () => {
  mkdirSync(RESULTS, { recursive: true });
  for (const old of readdirSync(RESULTS)) if (old.startsWith("findings-page-")) rmSync(path.join(RESULTS, old));
  execFileSync(which("pdftoppm"), ["-r", "80", "-png", pdf, path.join(RESULTS, "findings-page")], { timeout: 120_000 });
  const pngs = readdirSync(RESULTS)
    .filter((f) => /^findings-page-\d+\.png$/.test(f))
    .map((f) => path.join(RESULTS, f));
  expect(pngs).toHaveLength(pages);
  for (const p of pngs) {
    expect(statSync(p).size).toBeGreaterThan(10_000);
    expect(readFileSync(p).subarray(1, 4).toString("latin1")).toBe("PNG");
  }
});
