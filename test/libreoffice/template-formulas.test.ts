/**
 * The template's formulas give the engine's numbers: fill a copy of the template with exceljs,
 * recalculate it with LibreOffice headless, read the cached results back, and compare them with
 * hand-computed numbers and with checkWorkbook(...).computed for the same filled workbook.
 *
 * Needs LibreOffice: `apt-get install -y libreoffice-calc-nogui` (.ci/run installs it). Without it
 * these tests fail, loudly; they are never skipped.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { templateBuffer } from "../../src/adapters/exceljs/template";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { toA1 } from "../../src/core/model/address";
import { buildTemplate } from "../../src/core/template";

const INSTALL_HINT =
  "LibreOffice (soffice) is required for test/libreoffice but was not found on PATH. " +
  "Install it with `apt-get update && apt-get install -y libreoffice-calc-nogui` (CI's .ci/run does this), " +
  "or point KENSA_SOFFICE at the soffice binary.";

function findSoffice(): string | undefined {
  const fromEnv = process.env.KENSA_SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const p = path.join(dir, name);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

/** Recalculates an .xlsx with LibreOffice (private profile, time-limited) and returns the result. */
function recalculate(soffice: string, bytes: Uint8Array, work: string): Uint8Array {
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  execFileSync("mkdir", ["-p", inDir, outDir]);
  const input = path.join(inDir, "filled.xlsx");
  writeFileSync(input, bytes);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      input,
    ],
    { timeout: 180_000, stdio: "pipe" },
  );
  const output = path.join(outDir, "filled.xlsx");
  if (!existsSync(output)) throw new Error(`LibreOffice did not write ${output}`);
  return new Uint8Array(readFileSync(output));
}

/** Input values by header label, written into the template's blank rows. */
const INPUT: Record<string, { sheet: string; rows: Record<string, string | number>[] }> = {
  inhouse: {
    sheet: "インハウス予算",
    rows: [
      { 機関名: "機関A", 所管: "文", 全体: 100, "健康・医療関係": 40, "外部資金（健康・医療関係）": 10 },
      { 機関名: "機関B", 所管: "厚", 全体: 50.5, "健康・医療関係": 20.2, "外部資金（健康・医療関係）": "—" },
      { 機関名: "機関C", 所管: "経", 全体: 0, "健康・医療関係": 0, "外部資金（健康・医療関係）": 0 },
      { 機関名: "機関D", 所管: "経", 全体: 12.3, "健康・医療関係": 4.5, "外部資金（健康・医療関係）": 6.1 },
    ],
  },
  breakdown: {
    sheet: "予算内訳",
    rows: [
      { 区分: "明細", 名称: "事業a", 前年度予算額: 10, 当年度予算額: 12 },
      { 区分: "明細", 名称: "事業b", 前年度予算額: 5, 当年度予算額: 4 },
      { 区分: "小計", 名称: "小計", 前年度予算額: 15, 当年度予算額: 16 },
      { 区分: "うち", 名称: "（うち事業a）", 前年度予算額: 10, 当年度予算額: 12 },
      { 区分: "その他", 名称: "その他", 前年度予算額: 1, 当年度予算額: 1.5 },
      { 区分: "内数", 名称: "他省庁の内数", 前年度予算額: 3, 当年度予算額: 3 },
      { 名称: "事業c", 前年度予算額: 0, 当年度予算額: 2 },
    ],
  },
  output: {
    sheet: "アウトプット指標",
    rows: [
      {
        番号: "1",
        区分: "全体目標",
        指標: "期間累計",
        目標値: 500,
        目標の種類: "期間累計",
        期間: "R7-R11",
        実績: 158,
        進捗: "A",
      },
      {
        番号: "2",
        区分: "全体目標",
        指標: "累積",
        目標値: 750,
        目標の種類: "累積",
        期間: "R6-R10",
        実績: 271,
        進捗: "A",
      },
      {
        番号: "3",
        区分: "全体目標",
        指標: "年度",
        目標値: 10,
        目標の種類: "年度",
        期間: "R7～R11",
        実績: 9,
        進捗: "B",
      },
      {
        番号: "4",
        区分: "特設目標",
        指標: "累積0",
        目標値: 10,
        目標の種類: "累積",
        期間: "令和６～１０年度",
        実績: 0,
        進捗: "A",
      },
      {
        番号: "5",
        区分: "全体目標",
        指標: "基準値超",
        目標値: 5,
        目標の種類: "基準値超",
        期間: "R7",
        実績: 5,
        進捗: "B",
      },
      {
        番号: "6",
        区分: "全体目標",
        指標: "基準値以上",
        目標値: 5,
        目標の種類: "基準値以上",
        期間: "Ｒ７－Ｒ１１",
        実績: 5,
        進捗: "A",
      },
      {
        番号: "7",
        区分: "全体目標",
        指標: "年平均",
        目標値: 3,
        目標の種類: "年平均",
        期間: "令和7年度～令和11年度",
        実績: 2.5,
        進捗: "B",
      },
      { 番号: "8", 区分: "全体目標", 指標: "定性", 目標値: 1, 目標の種類: "定性", 期間: "R7-R11", 実績: 1, 進捗: "A" },
      {
        番号: "O1",
        区分: "アウトカム",
        指標: "アウトカム",
        目標値: 5,
        目標の種類: "年度",
        期間: "R7-R11",
        実績: 4,
        進捗: "-",
      },
      {
        番号: "9",
        区分: "全体目標",
        指標: "累積(未来)",
        目標値: 100,
        目標の種類: "累積",
        期間: "R9-R11",
        実績: 0,
        進捗: "B",
      },
    ],
  },
};

/** Hand-computed results of the template's formulas, by sheet and A1 (null = blank). */
const EXPECTED: Record<string, Record<string, number | string | null>> = {
  インハウス予算: {
    F6: 0.4,
    G6: 0.25,
    F7: 0.4,
    G7: null,
    F8: null,
    G8: null,
    F9: 4.5 / 12.3,
    G9: 6.1 / 4.5,
    F10: null,
    G10: null,
    C36: 162.8,
    D36: 64.7,
    E36: 16.1,
    F36: 64.7 / 162.8,
    G36: 16.1 / 64.7,
  },
  予算内訳: {
    E6: 2,
    F6: 0.2,
    E7: -1,
    F7: -0.2,
    E8: 1,
    F8: 1 / 15,
    E9: 2,
    F9: 0.2,
    E10: 0.5,
    F10: 0.5,
    E11: 0,
    F11: 0,
    E12: 2,
    F12: null,
    C36: 16,
    D36: 19.5,
    E36: 3.5,
    F36: 3.5 / 16,
  },
  アウトプット指標: {
    G6: 7,
    H6: 5,
    I6: 100,
    K6: 1.58,
    M6: "A",
    G7: 6,
    H7: 5,
    I7: 300,
    K7: 271 / 300,
    M7: "B",
    G8: 7,
    H8: 5,
    I8: 10,
    K8: 0.9,
    M8: "B",
    G9: 6,
    H9: 5,
    I9: 4,
    K9: 0,
    M9: "B",
    G10: 7,
    H10: 1,
    I10: 5,
    K10: 1,
    M10: "B",
    G11: 7,
    H11: 5,
    I11: 5,
    K11: 1,
    M11: "A",
    G12: 7,
    H12: 5,
    I12: 3,
    K12: 2.5 / 3,
    M12: "B",
    G13: 7,
    H13: 5,
    I13: null,
    K13: null,
    M13: null,
    G14: 7,
    H14: 5,
    I14: null,
    K14: null,
    M14: null,
    G15: 9,
    H15: 3,
    I15: 0,
    K15: null,
    M15: "A",
    G16: null,
    H16: null,
    I16: null,
    K16: null,
    M16: null,
  },
};

function fill(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  firstRow: number,
  rows: Record<string, string | number>[],
): void {
  const header = new Map<string, number>();
  ws.getRow(headerRow + 1).eachCell((cell, col) => header.set(String(cell.value), col));
  rows.forEach((r, i) => {
    for (const [label, value] of Object.entries(r)) {
      const col = header.get(label);
      if (!col) throw new Error(`no column ${label} on ${ws.name}`);
      ws.getCell(firstRow + 1 + i, col).value = value;
    }
  });
}

/** The cached value as LibreOffice left it (exceljs's cell.value drops a cached 0; cell.result keeps it). */
function cached(cell: ExcelJS.Cell): number | string | null {
  const v = cell.formula ? cell.result : cell.value;
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number" || typeof v === "string") return v;
  throw new Error(`${cell.address}: unexpected cached value ${JSON.stringify(v)}`);
}

const soffice = findSoffice();
// The アウトプット指標 rows are typed from the first data row on: without the prefilled standard indicators here
// (test/libreoffice/template-render.test.ts recalculates the prefilled ones).
const OPTIONS = { outputIndicators: [], rows: 30 };
const spec = buildTemplate("ja", OPTIONS);
let work: string;
let recalculated: ExcelJS.Workbook;
let recalculatedBytes: Uint8Array;

beforeAll(async () => {
  if (!soffice) throw new Error(INSTALL_HINT);
  work = mkdtempSync(path.join(os.tmpdir(), "kensa-lo-"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateBuffer("ja", OPTIONS)) as unknown as ExcelJS.Buffer);
  for (const input of Object.values(INPUT)) {
    const s = spec.sheets.find((x) => x.name === input.sheet)!;
    fill(wb.getWorksheet(input.sheet)!, s.headerRow, s.firstDataRow, input.rows);
  }
  recalculatedBytes = recalculate(soffice, new Uint8Array(await wb.xlsx.writeBuffer()), work);
  recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.load(recalculatedBytes as unknown as ExcelJS.Buffer);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("LibreOffice is available", () => {
  it("finds soffice", () => {
    expect(soffice).toBeDefined();
  });
});

describe("template formulas recalculated by LibreOffice give the hand-computed numbers", () => {
  for (const [sheet, cells] of Object.entries(EXPECTED)) {
    it(sheet, () => {
      const ws = recalculated.getWorksheet(sheet)!;
      for (const [address, want] of Object.entries(cells)) {
        const got = cached(ws.getCell(address));
        if (typeof want === "number") {
          expect([address, typeof got]).toEqual([address, "number"]);
          expect([address, got as number]).toEqual([address, expect.closeTo(want, 10)]);
        } else expect([address, got]).toEqual([address, want]);
      }
    });
  }

  it("leaves blank rows blank (no error values, no zeros)", () => {
    for (const s of spec.sheets) {
      const ws = recalculated.getWorksheet(s.name)!;
      const used = INPUT[Object.keys(INPUT).find((k) => INPUT[k].sheet === s.name) ?? ""]?.rows.length ?? 0;
      for (let row = s.firstDataRow + used; row < s.lastDataRow; row++)
        for (const c of s.cells.filter((x) => x.row === row && x.formula))
          expect([toA1(row, c.col), cached(ws.getCell(toA1(row, c.col)))]).toEqual([toA1(row, c.col), null]);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Engine comparison: every computed cell of the recalculated template equals the engine's value.

/** Template columns the engine computes too (期間開始/期間年数 are the template's own helpers). */
const HELPER_COLUMNS = new Set(["periodStart", "periodYears"]);

describe("the engine computes what the template's formulas compute", () => {
  let result: CheckResult;
  beforeAll(async () => {
    result = checkWorkbook(await readWorkbookBuffer(recalculatedBytes));
  });

  for (const s of spec.sheets.filter((x) => x.columns.some((c) => c.computed))) {
    it(`${s.name}: every computed cell agrees`, () => {
      const ws = recalculated.getWorksheet(s.name)!;
      const engine = new Map(result.computed.filter((c) => c.sheet === s.name).map((c) => [c.cell, c]));
      const compared: string[] = [];
      for (const c of s.cells) {
        if (!c.formula || c.row < s.firstDataRow) continue;
        const col = s.columns[c.col];
        if (!col?.computed || HELPER_COLUMNS.has(col.key)) continue;
        const address = toA1(c.row, c.col);
        const lo = cached(ws.getCell(address));
        const mine = engine.get(address);
        if (lo === null) {
          if (mine)
            expect([address, mine.value === null || mine.value === "" ? null : mine.value]).toEqual([address, null]);
          continue;
        }
        expect([address, mine ? "computed" : "missing"]).toEqual([address, "computed"]);
        if (typeof lo === "number") expect([address, Number(mine!.value)]).toEqual([address, expect.closeTo(lo, 9)]);
        else expect([address, mine!.value]).toEqual([address, lo]);
        compared.push(address);
      }
      expect(compared.length).toBeGreaterThan(0);
      // And the typed-vs-computed rules find nothing: the formulas' results are the engine's numbers.
      const rules = new Set(["ratio/mismatch", "change/amount", "change/rate", "target/annual-share"]);
      expect(result.findings.filter((f) => f.sheet === s.name && rules.has(f.rule))).toEqual([]);
    });
  }
});
