/**
 * The computed cells of an annotated copy on アウトプット指標 (issue 11): live formulas wherever the 目標値 and 実績
 * they read are figures, even written as text (`650件`, `1,365件`, `120万件`, `85%`), and a fixed value, styled
 * apart and noted, only where no formula can read the text (`51件* (22件/29件)`, `平均3件 (4件/2件)`). The copies are
 * recalculated by LibreOffice headless and every formula Kensa wrote must give Kensa's own computed value.
 *
 * Needs LibreOffice: `apt-get install -y libreoffice-calc-nogui`. Without it these tests fail, loudly; they are
 * never skipped.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { annotateCopy } from "../../src/adapters/exceljs/annotate";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { COMPUTED_FIXED_STYLE, COMPUTED_STYLE } from "../../src/core/apply";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { convertAll } from "./soffice";
import { OUTPUT_LEAD } from "../support/sheets";

const SHEET = "アウトプット指標";
const SAMPLE = path.join(__dirname, "..", "..", "samples", "r7-report.xlsx");

/** Figures written as text the way ministries write them, with kinds that give each formula shape. */
async function textFigures(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(["アウトカム指標・アウトプット指標"]);
  ws.addRow(["報告年度", "令和7年度"]);
  ws.addRow([]);
  ws.addRow([...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗", "判定", "R6実績", "R7実績"]);
  const rows: (string | number | null)[][] = [
    [1, "全体目標", "割合", "85%", "年度", "R7-R11", null, "80.5%", null, "B"],
    [2, "全体目標", "割合（全角）", "85.5％", "年度", "R7-R11", null, "90％", null, "A"],
    [3, "全体目標", "金額", "1,200,000円", "期間累計", "R7-R11", null, "300,000円", null, "A"],
    [4, "特設目標", "万件", "120万件", "累積", "R6-R10", null, "50万件", null, "A"],
    [5, "特設目標", "億円", "3.5億円", "基準値以上", "R6-R10", null, "4億円", null, "A"],
    [6, "特設目標", "数値セル", 1365, "基準値超", "R6-R10", null, 1443, null, "A"],
    [7, "特設目標", "年平均（各年度）", "3件", "年平均", "R6-R10", null, null, null, "A", null, "4件", "2件"],
    [8, "特設目標", "内訳付き", "750名", "累積", "R6-R10", null, "271人* (125人/146人)", null, "B"],
    [9, "特設目標", "範囲", "10～20件", "年度", "R6-R10", null, "12件", null, "A"],
    [10, "特設目標", "概数", "100件", "年度", "R6-R10", null, "約90件", null, "B"],
  ];
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface Copy {
  result: CheckResult;
  annotated: ExcelJS.Worksheet;
  recalculated: ExcelJS.Worksheet;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.getWorksheet(SHEET)!;
}

let work: string;
const copies: Record<string, Copy> = {};

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "kensa-annotated-formulas-"));
  const inputs: Record<string, Uint8Array> = {
    "sample.xlsx": new Uint8Array(readFileSync(SAMPLE)),
    "text-figures.xlsx": await textFigures(),
  };
  const results: Record<string, CheckResult> = {};
  const annotated: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(inputs)) {
    results[name] = checkWorkbook(await readWorkbookBuffer(bytes), { lang: "ja" });
    annotated[name] = (await annotateCopy(bytes, results[name], "ja")).bytes;
  }
  const recalculated = convertAll(annotated, "xlsx", work);
  for (const name of Object.keys(inputs))
    copies[name] = {
      result: results[name],
      annotated: await load(annotated[name]),
      recalculated: await load(recalculated[name]),
    };
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Kensa's computed cells on the sheet, with what the copy holds there before and after LibreOffice. */
function computedCells(copy: Copy) {
  return copy.result.computed
    .filter((c) => c.sheet === SHEET)
    .map((c) => {
      const cell = copy.annotated.getCell(c.cell);
      return { c, cell, formula: cell.formula, recalculated: copy.recalculated.getCell(c.cell).result };
    });
}

function expectSame(actual: unknown, expected: number | string | null, where: string): void {
  if (typeof expected === "number") {
    expect({
      where,
      ok: typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    }).toEqual({ where, ok: true });
  } else expect({ where, value: actual }).toEqual({ where, value: expected });
}

test("the sample: 46 of 58 computed cells are live formulas (none before), each giving Kensa's value in LibreOffice", () => {
  const cells = computedCells(copies["sample.xlsx"]);
  const live = cells.filter((x) => x.formula);
  expect(cells).toHaveLength(58);
  expect(live).toHaveLength(46);
  // the formulas read figures written as text: 650件, 1,365件, 120万件
  expect(copies["sample.xlsx"].annotated.getCell("G8").formula).toBe(
    'VALUE(SUBSTITUTE(SUBSTITUTE(D8,",",""),"件",""))/5',
  );
  expect(copies["sample.xlsx"].annotated.getCell("G21").formula).toBe(
    'VALUE(SUBSTITUTE(SUBSTITUTE(D21,",",""),"万件",""))*10000',
  );
  for (const x of live) expectSame(x.recalculated, x.c.value, `${x.c.cell} =${x.formula}`);
});

test("the sample: the 12 fixed values are those whose 実績 no formula reads, styled apart and noted", () => {
  const cells = computedCells(copies["sample.xlsx"]);
  const fixed = cells.filter((x) => !x.formula);
  expect(fixed.map((x) => x.c.cell).sort()).toEqual(
    ["I12", "K12", "I13", "K13", "I14", "K14", "I23", "K23", "I24", "K24", "I28", "K28"].sort(),
  );
  for (const x of fixed) {
    expect(x.cell.value).toEqual(x.c.value);
    expect(x.cell.font.color?.argb).toBe(COMPUTED_FIXED_STYLE.font);
    expect(
      String(typeof x.cell.note === "string" ? x.cell.note : x.cell.note?.texts?.map((t) => t.text).join("")),
    ).toMatch(/^Kensa:\n固定値：「実績」H\d+の「.+」は数値と単位だけの書き方ではないため計算式で読めず/);
  }
  for (const x of cells.filter((x) => x.formula)) {
    expect(x.cell.font.color?.argb).toBe(COMPUTED_STYLE.font);
    expect(x.cell.note).toBeUndefined();
  }
});

test("percent, amounts, multipliers, number cells and per-year text: formulas LibreOffice evaluates to Kensa's values", () => {
  const copy = copies["text-figures.xlsx"];
  const cells = computedCells(copy);
  const formulaOf = (a1: string) => copy.annotated.getCell(a1).formula;
  // 85% is read as the fraction a percent cell holds; 達成率 divides one percent by the other
  expect(formulaOf("G5")).toBe('VALUE(SUBSTITUTE(SUBSTITUTE(D5,",",""),"%",""))/100');
  expect(formulaOf("G6")).toBe('VALUE(SUBSTITUTE(SUBSTITUTE(D6,",",""),"％",""))/100');
  expect(formulaOf("G7")).toBe('VALUE(SUBSTITUTE(SUBSTITUTE(D7,",",""),"円",""))/5');
  expect(formulaOf("G9")).toBe('VALUE(SUBSTITUTE(SUBSTITUTE(D9,",",""),"億円",""))');
  expect(formulaOf("G10")).toBe("D10");
  expect(formulaOf("I11")).toMatch(/^AVERAGE\(VALUE\(SUBSTITUTE\(SUBSTITUTE\(L11,/);
  const live = cells.filter((x) => x.formula);
  expect(live.length).toBeGreaterThanOrEqual(20);
  for (const x of live) expectSame(x.recalculated, x.c.value, `${x.c.cell} =${x.formula}`);
  // a range or an approximate figure gives no annual target at all; bracketed parts give a fixed value
  expect(cells.filter((x) => !x.formula).map((x) => x.c.cell)).toEqual(["I12", "K12"]);
});
