/**
 * The blank template as staff print and fill it: `kensa template` written to a file, converted to PDF by
 * LibreOffice, its pages rendered to PNG with poppler's pdftoppm (test-results/template-page-*.png, to look at).
 * Asserts what the print setup and the layout promise: A4 landscape, every column on the page width, the header
 * row on every page, no sheet spilling onto a nearly empty page, labels and metadata whole, upright Japanese in a
 * CJK font. Then the template as Excel saves it unfilled (recalculated by LibreOffice) still checks as 未入力, one
 * info per sheet, and the annual targets its formulas compute for the prefilled indicators are the engine's.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`), poppler (`apt-get install -y poppler-utils`) and
 * fonts-noto-cjk; without them this test fails, loudly; it is never skipped.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { runCaptured } from "../../src/cli/capture";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { checkWorkbook } from "../../src/core/engine";
import { toA1 } from "../../src/core/model/address";
import { buildTemplate, STANDARD_OUTPUT_INDICATORS } from "../../src/core/template";

const HINT =
  "test/libreoffice/template-render needs `soffice` (apt-get install -y libreoffice-calc-nogui) and poppler's " +
  "`pdftoppm`, `pdftotext`, `pdfinfo`, `pdffonts` (apt-get install -y poppler-utils) on PATH.";

function which(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`${name} not found. ${HINT}`);
}

const RESULTS = path.join(__dirname, "..", "..", "test-results");
const spec = buildTemplate("ja");
let work: string;
let pdf: string;
let pages: number;
let recalculated: Uint8Array;

function soffice(args: string[]): void {
  execFileSync(
    process.env.KENSA_SOFFICE ?? which("soffice"),
    [`-env:UserInstallation=file://${path.join(work, "profile")}`, "--headless", "--norestore", "--nologo", ...args],
    {
      timeout: 180_000,
      stdio: "pipe",
    },
  );
}

const text = (page: number) =>
  execFileSync(which("pdftotext"), ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });

/** The words of a page with their box, as poppler lays them out. */
function words(page: number): { x0: number; x1: number; y: number; text: string }[] {
  const xml = execFileSync(which("pdftotext"), ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y: Number(m[2]),
    x1: Number(m[3]),
    text: m[4],
  }));
}

/**
 * Texts as printed in one cell: a word, or the lines of a wrapped cell joined (a word starting on the next line
 * whose middle lies within the line above: left-aligned labels and centred headers alike).
 */
function cellTexts(page: number): Set<string> {
  const ws = words(page).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out = new Set(ws.map((w) => w.text));
  const extend = (joined: string, last: (typeof ws)[number], depth: number): void => {
    if (depth === 0) return;
    for (const next of ws) {
      const mid = (next.x0 + next.x1) / 2;
      if (next.y - last.y > 4 && next.y - last.y < 16 && mid >= last.x0 - 2 && mid <= last.x1 + 2) {
        out.add(joined + next.text);
        extend(joined + next.text, next, depth - 1);
      }
    }
  };
  for (const w of ws) extend(w.text, w, 3);
  return out;
}

/** The sheet each page belongs to: the page header prints the sheet name (&A) first. */
function sheetOf(page: number): string {
  return text(page).trim().split("\n")[0].trim();
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "kensa-template-render-"));
  const out = path.join(work, "template.xlsx");
  const run = await runCaptured(["template", "--out", out]);
  expect(run.code).toBe(0);
  soffice(["--convert-to", "pdf", "--outdir", work, out]);
  pdf = path.join(work, "template.pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync(which("pdfinfo"), [pdf], { encoding: "utf8" }))![1]);
  // The template as Excel saves it unfilled: every formula recalculated and cached.
  soffice(["--convert-to", "xlsx", "--outdir", path.join(work, "saved"), out]);
  recalculated = new Uint8Array(readFileSync(path.join(work, "saved", "template.xlsx")));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test("every page is A4 landscape", () => {
  const info = execFileSync(which("pdfinfo"), ["-f", "1", "-l", String(pages), pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  expect(sizes).toHaveLength(pages);
  for (const size of sizes) expect(size).toEqual([842, 595]);
});

test("each sheet prints on as few pages as its rows need: one for the budgets and the output indicators, two for the monitoring items", () => {
  const bySheet = new Map<string, number>();
  for (let p = 1; p <= pages; p++) bySheet.set(sheetOf(p), (bySheet.get(sheetOf(p)) ?? 0) + 1);
  expect(Object.fromEntries(bySheet)).toEqual({ インハウス予算: 1, 予算内訳: 1, アウトプット指標: 1, モニタリング: 2 });
});

test("every column is on the page (fitted to the width) and the header row heads every page", () => {
  for (let p = 1; p <= pages; p++) {
    const sheet = spec.sheets.find((s) => s.name === sheetOf(p))!;
    const printed = cellTexts(p);
    for (const c of sheet.columns) expect([p, c.header, printed.has(c.header)]).toEqual([p, c.header, true]);
  }
});

test("metadata labels stand apart from their values, and every prefilled label prints whole", () => {
  const all = new Set<string>();
  for (let p = 1; p <= pages; p++) for (const t of cellTexts(p)) all.add(t);
  for (const t of ["報告年度", "令和7年度", "統合プロジェクト", "PJ1", "単位", "億円"])
    expect([t, all.has(t)]).toEqual([t, true]);
  for (const t of all) expect(t).not.toMatch(/報告年度令和|統合プロジェPJ|統合プロジェクトPJ/);
  const labels = [
    ...defaultCatalogue.indicators.flatMap((i) =>
      i.groups.flatMap((g) => [...(g.label ? [g.label] : []), ...g.items.map((it) => it.label)]),
    ),
    ...STANDARD_OUTPUT_INDICATORS.map((o) => o.label),
  ];
  // poppler splits a word at an ASCII space: compare without them.
  const printed = new Set([...all].map((t) => t.replace(/\s/g, "")));
  for (const label of labels) expect([label, printed.has(label.replace(/\s/g, ""))]).toEqual([label, true]);
});

test("the Japanese text is upright, in an embedded CJK font", () => {
  const fonts = execFileSync(which("pdffonts"), [pdf], { encoding: "utf8" });
  expect(fonts).toMatch(/NotoSansCJK/);
  expect(fonts).not.toMatch(/Italic|Oblique/i);
});

test("rendered to PNG for a person to look at (test-results/template-page-*.png)", () => {
  mkdirSync(RESULTS, { recursive: true });
  for (const old of readdirSync(RESULTS)) if (old.startsWith("template-page-")) rmSync(path.join(RESULTS, old));
  execFileSync(which("pdftoppm"), ["-r", "80", "-png", pdf, path.join(RESULTS, "template-page")], { timeout: 120_000 });
  const pngs = readdirSync(RESULTS)
    .filter((f) => /^template-page-\d+\.png$/.test(f))
    .map((f) => path.join(RESULTS, f));
  expect(pngs).toHaveLength(pages);
  for (const p of pngs) {
    expect(statSync(p).size).toBeGreaterThan(10_000);
    expect(readFileSync(p).subarray(1, 4).toString("latin1")).toBe("PNG");
  }
});

describe("the template saved unfilled (recalculated by LibreOffice)", () => {
  test("checks as 未入力, one info per sheet, nothing else", async () => {
    const result = checkWorkbook(await readWorkbookBuffer(recalculated));
    expect(result.findings.map((f) => [f.rule, f.severity, f.sheet])).toEqual(
      spec.sheets.map((s) => ["structure/unfilled", "info", s.name]),
    );
  });

  test("the prefilled indicators' annual targets are the engine's: 目標値 ÷ years, or the 累積 pace", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(recalculated as unknown as ExcelJS.Buffer);
    const output = spec.sheets.find((s) => s.kind === "output-indicators")!;
    const ws = wb.getWorksheet(output.name)!;
    const annual = output.columns.findIndex((c) => c.key === "annualTarget");
    const engine = new Map(
      checkWorkbook(await readWorkbookBuffer(recalculated))
        .computed.filter((c) => c.sheet === output.name)
        .map((c) => [c.cell, c.value]),
    );
    let compared = 0;
    STANDARD_OUTPUT_INDICATORS.forEach((ind, i) => {
      const a1 = toA1(output.firstDataRow + i, annual);
      const cell = ws.getCell(a1);
      const lo = cell.result ?? null;
      if (ind.target === undefined || ind.category === "アウトカム")
        return expect([ind.number, lo === "" ? null : lo]).toEqual([ind.number, null]);
      expect([ind.number, typeof lo]).toEqual([ind.number, "number"]);
      expect([ind.number, lo]).toEqual([ind.number, expect.closeTo(Number(engine.get(a1)), 9)]);
      compared++;
    });
    expect(compared).toBe(20);
    // Two by hand: 指標1 650件 over R7–R11 is 130 a year; 指標16 750名 累積 over R6–R10 is 300 by the end of R7.
    expect(ws.getCell(toA1(output.firstDataRow + 3, annual)).result).toBe(130);
    expect(ws.getCell(toA1(output.firstDataRow + 18, annual)).result).toBe(300);
  });
});
