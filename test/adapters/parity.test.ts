/**
 * The same workbooks through both readers must give the same model: written with exceljs to .xlsx and
 * read by the CLI's reader (readWorkbookFile), and loaded into FakeExcel (a test fake of the Excel
 * JavaScript API — not Excel) and read through ExcelHost. Cells, merged ranges, hidden rows and hidden
 * columns must be deep-equal. Then what only the Office.js reader does: older ExcelApi versions, the
 * fallback when the layout requests fail, and the fake's own documented edge cases.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { columnLetters, fromA1 } from "../../src/core/model/address";
import type { Workbook } from "../../src/core/model/workbook";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { ExcelHost } from "../../src/adapters/office";
import { parseAreas } from "../../src/adapters/office/read";
import { FakeExcel, FakeExcelError, type FakeInput } from "../fakes/fake-excel";
import { tempDir } from "../fixtures/workbooks";

/** A sheet as both readers should see it: values by A1 address, merges, 0-based hidden rows and column runs. */
interface SheetSpec {
  name: string;
  cells: Record<string, string | number>;
  merges?: string[];
  hiddenRows?: number[];
  hiddenColumns?: [number, number][];
}

interface Case {
  name: string;
  sheets: SheetSpec[];
}

function rowsOf(cells: Record<string, string | number>): FakeInput[][] {
  const rows: FakeInput[][] = [];
  for (const [a1, v] of Object.entries(cells)) {
    const { row, col } = fromA1(a1);
    (rows[row] ??= [])[col] = v;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

async function viaExcelJS(c: Case, dir: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const spec of c.sheets) {
    const ws = wb.addWorksheet(spec.name);
    for (const [a1, v] of Object.entries(spec.cells)) ws.getCell(a1).value = v;
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    for (const r of spec.hiddenRows ?? []) {
      ws.getRow(r + 1).hidden = true;
      ws.getRow(r + 1).height = 15; // exceljs writes a row without cells only with a height
    }
    for (const [first, last] of spec.hiddenColumns ?? [])
      for (let col = first; col <= last; col++) ws.getColumn(col + 1).hidden = true;
  }
  const file = path.join(dir, `${c.name}.xlsx`);
  await fs.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return readWorkbookFile(file);
}

function fakeOf(c: Case, apiVersion?: string): FakeExcel {
  const fake = new FakeExcel();
  if (apiVersion) fake.apiVersion = apiVersion;
  for (const spec of c.sheets) {
    const hiddenColumns: number[] = [];
    for (const [first, last] of spec.hiddenColumns ?? [])
      for (let col = first; col <= last; col++) hiddenColumns.push(col);
    fake.addSheet(spec.name, rowsOf(spec.cells), { merges: spec.merges, hiddenRows: spec.hiddenRows, hiddenColumns });
  }
  return fake;
}

function hostFor(fake: FakeExcel): ExcelHost {
  return new ExcelHost({ run: fake.run, requirements: fake.requirements });
}

async function viaOffice(c: Case, apiVersion?: string): Promise<{ wb: Workbook; syncs: number; fake: FakeExcel }> {
  const fake = fakeOf(c, apiVersion);
  const host = hostFor(fake);
  const wb = await host.read();
  return { wb, syncs: host.lastSyncs, fake };
}

/** Data rows under a two-row header: 機関名 merged down, 予算額 merged over 全体 / 健康・医療関係. */
function budgetCells(rows: number, top = 1, left = "A"): Record<string, string | number> {
  const col = (i: number) => String.fromCharCode(left.charCodeAt(0) + i);
  const cells: Record<string, string | number> = {
    [`${col(0)}${top}`]: "機関名",
    [`${col(1)}${top}`]: "予算額（億円）",
    [`${col(1)}${top + 1}`]: "全体",
    [`${col(2)}${top + 1}`]: "健康・医療関係",
    [`${col(3)}${top}`]: "健康・医療関係（百万円）",
    [`${col(4)}${top}`]: "備考",
  };
  for (let i = 0; i < rows; i++) {
    const r = top + 2 + i;
    cells[`${col(0)}${r}`] = `研究機関${i + 1}`;
    cells[`${col(1)}${r}`] = 100 + i;
    cells[`${col(2)}${r}`] = 10 + (i % 7) + 0.5;
    cells[`${col(3)}${r}`] = (10 + (i % 7) + 0.5) * 100;
  }
  return cells;
}

const CASES: Case[] = [
  {
    name: "two-row-header",
    sheets: [
      {
        name: "インハウス予算",
        cells: { ...budgetCells(6), E3: "3機関共通" },
        merges: ["A1:A2", "B1:C1", "D1:D2", "E1:E2", "E3:E5"],
        hiddenRows: [5],
        hiddenColumns: [[3, 3]],
      },
    ],
  },
  {
    name: "offset-title-block",
    // the table starts at B4 (the used range is not at A1), a title merged wider than the table, metadata
    // merged over columns, a collapsed group of rows, rows and columns hidden outside the table too
    sheets: [
      {
        name: "予算 内訳",
        cells: { ...budgetCells(8, 4, "B"), B1: "令和7年度 予算内訳", B2: "報告年度", D2: "令和7年度" },
        merges: ["B1:J1", "B2:C2", "D2:E2", "B4:B5", "C4:D4", "E4:E5", "F4:F5", "G6:G9"],
        hiddenRows: [0, 7, 8, 9, 20],
        hiddenColumns: [
          [0, 0],
          [4, 4],
          [7, 9],
        ],
      },
      { name: "空白", cells: {} },
      { name: "メモ", cells: { A1: "覚え書き", C3: 1 } },
    ],
  },
  {
    name: "quoted-sheet-names",
    sheets: [
      { name: "O'Brien,表", cells: { A1: "見出し", A2: 1, B2: 2, C2: 3 }, merges: ["A1:C1"], hiddenColumns: [[1, 1]] },
      {
        name: "PJ1 医薬品",
        cells: { A1: "x", B1: "y", A2: 1, B2: 2, A3: 3, B3: 4 },
        merges: ["A2:A3"],
        hiddenRows: [1],
      },
    ],
  },
  {
    name: "all-right-of-table-hidden",
    // Excel's habit of hiding every unused column: <col min="6" max="16384" hidden="1"/>
    sheets: [
      {
        name: "指標",
        cells: budgetCells(4),
        merges: ["A1:A2", "B1:C1"],
        hiddenColumns: [
          [3, 3],
          [5, 16383],
        ],
        hiddenRows: [40],
      },
    ],
  },
  {
    name: "every-other-row-hidden",
    sheets: [
      {
        name: "全体",
        cells: budgetCells(300),
        hiddenRows: Array.from({ length: 150 }, (_, i) => 3 + 2 * i),
        hiddenColumns: [[2, 2]],
      },
    ],
  },
  {
    name: "all-rows-or-columns-hidden",
    // no visible cell at all: getSpecialCellsOrNullObject answers a null object, rowHidden/columnHidden tell
    sheets: [
      { name: "行すべて非表示", cells: { A1: "a", B1: 1, A2: "b", B2: 2 }, hiddenRows: [0, 1] },
      { name: "列すべて非表示", cells: { A1: "a", B1: 1, A2: "b", B2: 2 }, hiddenColumns: [[0, 1]], merges: ["A1:A2"] },
    ],
  },
  {
    name: "more-than-512-merges",
    // 600 merged areas: getMergedAreasOrNullObject fails above 512; the reader reads the layout in bands
    sheets: [
      {
        name: "PJ2",
        cells: (() => {
          const cells: Record<string, string | number> = { A1: "指標", B1: "目標の種類", C1: "値" };
          for (let i = 0; i < 300; i++) {
            cells[`A${2 + 2 * i}`] = `指標${i + 1}`;
            cells[`B${2 + 2 * i}`] = "累積";
            cells[`C${2 + 2 * i}`] = i;
            cells[`C${3 + 2 * i}`] = i + 0.5;
          }
          return cells;
        })(),
        merges: Array.from({ length: 300 }, (_, i) => [
          `A${2 + 2 * i}:A${3 + 2 * i}`,
          `B${2 + 2 * i}:B${3 + 2 * i}`,
        ]).flat(),
        hiddenRows: [10, 11],
      },
      { name: "小さい表", cells: { A1: "x", A2: 1, B2: 2 }, merges: ["A1:B1"] },
    ],
  },
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir("kensa-parity-");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the exceljs reader and the Office.js reader give the same model", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const cli = await viaExcelJS(c, dir);
    const { wb: office } = await viaOffice(c);
    expect(office).toEqual(cli);
    // and the layout really is there (not equal because both lost it)
    c.sheets.forEach((spec, i) => {
      const s = cli.sheets[i];
      expect(s.name).toBe(spec.name);
      expect(s.layoutUnknown).toBeUndefined();
      if (spec.merges?.length) expect(s.merges?.length).toBeGreaterThan(0);
      if (spec.hiddenColumns?.length) expect(s.hiddenColumns?.length).toBeGreaterThan(0);
    });
  });

  it("FakeExcel.addWorkbook loads a model as Excel holds it, layout included", async () => {
    for (const c of CASES.slice(0, 3)) {
      const cli = await viaExcelJS(c, dir);
      const fake = new FakeExcel();
      fake.addWorkbook(cli);
      expect(await hostFor(fake).read()).toEqual(cli);
    }
  });

  it("states the layout of the two-row header exactly", async () => {
    const { wb } = await viaOffice(CASES[0]);
    const s = wb.sheets[0];
    expect(s.merges).toEqual(["A1:A2", "B1:C1", "D1:D2", "E1:E2", "E3:E5"]);
    expect(s.hiddenRows).toEqual([5]);
    expect(s.hiddenColumns).toEqual([3]);
    expect(s.rows[0][2]).toBeUndefined(); // C1, covered by B1:C1: Excel reads it as ""
    expect(s.rows[3][4]).toBeUndefined(); // E4, covered by E3:E5
  });

  it("cuts the layout to the used box: rows and columns hidden outside it and merges past it", async () => {
    const { wb } = await viaOffice(CASES[1]);
    const s = wb.sheets[0];
    expect(s.merges?.[0]).toBe("B1:F1"); // B1:J1, cut at the last used column F
    expect(s.hiddenRows).toEqual([0, 7, 8, 9]); // row 21 is below the used rows
    expect(s.hiddenColumns).toEqual([4]); // A is left of the table, H:J right of it
    expect(wb.sheets[1]).toEqual({ name: "空白", rows: [] });
  });
});

describe("the Office.js reader's round trips and older Excel", () => {
  it("reads the layout without an extra sync: 3 syncs for a small workbook, as before", async () => {
    const { syncs, fake } = await viaOffice(CASES[0]);
    expect(syncs).toBe(3); // sheets; used ranges + merged areas + visible cells; all cells
    expect(fake.stats.layoutRequests).toBe(2); // one merged-area and one visible-cells request per sheet
    const plain = fakeOf({ name: "plain", sheets: [{ name: "S", cells: { A1: "x", B2: 1 } }] });
    const host = hostFor(plain);
    expect(await host.read()).toEqual({ sheets: [{ name: "S", rows: [[{ value: "x" }], [undefined, { value: 1 }]] }] });
    expect(host.lastSyncs).toBe(3);
  });

  it("below ExcelApi 1.13 every sheet says its merges are unknown, hidden rows and columns are still read", async () => {
    const { wb, syncs, fake } = await viaOffice(CASES[1], "1.12");
    expect(syncs).toBe(3);
    expect(fake.stats.layoutRequests).toBe(3); // visible cells only
    for (const s of wb.sheets) {
      expect(s.layoutUnknown).toEqual(["merges"]);
      expect(s.merges).toBeUndefined();
    }
    expect(wb.sheets[0].hiddenRows).toEqual([0, 7, 8, 9]);
    expect(wb.sheets[0].hiddenColumns).toEqual([4]);
    // the cells are those of 1.18
    const { wb: full } = await viaOffice(CASES[1]);
    expect(wb.sheets.map((s) => s.rows)).toEqual(full.sheets.map((s) => s.rows));
  });

  it("below ExcelApi 1.9 hidden rows and columns are known only when none or all are hidden", async () => {
    const { wb, syncs, fake } = await viaOffice(
      {
        name: "old",
        sheets: [
          { name: "一部非表示", cells: { A1: "a", A2: 1, A3: 2 }, hiddenRows: [1] },
          { name: "非表示なし", cells: { A1: "a", A2: 1 } },
          { name: "行すべて非表示", cells: { A1: "a", A2: 1 }, hiddenRows: [0, 1] },
        ],
      },
      "1.8",
    );
    expect(syncs).toBe(3);
    expect(fake.stats.layoutRequests).toBe(0);
    expect(wb.sheets.map((s) => [s.layoutUnknown, s.hiddenRows])).toEqual([
      [["merges", "hidden"], undefined],
      [["merges"], undefined],
      [["merges"], [0, 1]],
    ]);
  });

  it("when the shared layout sync fails (over 512 merged areas) it reads each sheet's layout alone", async () => {
    const c = CASES[CASES.length - 1];
    const { wb, syncs } = await viaOffice(c);
    expect(wb).toEqual(await viaExcelJS(c, dir));
    expect(wb.sheets[0].merges).toHaveLength(600);
    // sheets; failed shared sync; used ranges again; PJ2: visible cells, merged areas failing, two halves;
    // 小さい表: merged areas (its visible cells are known from rowHidden/columnHidden); cells
    expect(syncs).toBe(9);
  });

  it("marks only the sheet whose merged areas cannot be read at all", async () => {
    // 520 merged areas in one row: no band of rows is small enough
    const cells: Record<string, string | number> = { A2: "下" };
    const merges: string[] = [];
    for (let i = 0; i < 520; i++) {
      cells[`${columnLetters(2 * i)}1`] = i;
      merges.push(`${columnLetters(2 * i)}1:${columnLetters(2 * i + 1)}1`);
    }
    const { wb } = await viaOffice({
      name: "one-row",
      sheets: [
        { name: "横長", cells, merges },
        { name: "普通", cells: { A1: "x", B1: "y" } },
      ],
    });
    expect(wb.sheets[0].layoutUnknown).toEqual(["merges"]);
    expect(wb.sheets[0].merges).toBeUndefined();
    expect(wb.sheets[0].rows[0][2]).toEqual({ value: 1 });
    expect(wb.sheets[1].layoutUnknown).toBeUndefined();
  });

  it("does not hide Excel's own errors behind the layout fallback", async () => {
    const fake = fakeOf(CASES[0]);
    fake.cellEditMode = true;
    await expect(hostFor(fake).read()).rejects.toMatchObject({ code: "cell-edit-mode" });
  });
});

describe("merged-area and visible-cell addresses", () => {
  it("parses sheet-qualified areas, quoted names, $ signs and comma-separated lists", () => {
    expect(parseAreas("Sheet1!A1:C2")).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
    expect(parseAreas("'予算 内訳'!$B$4:$B$5")).toEqual([{ top: 3, left: 1, bottom: 4, right: 1 }]);
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { top: 0, left: 0, bottom: 3, right: 1 },
      { top: 0, left: 3, bottom: 3, right: 3 },
    ]);
    expect(parseAreas("'O''Brien,表'!E3,'O''Brien,表'!AA10:AB12")).toEqual([
      { top: 2, left: 4, bottom: 2, right: 4 },
      { top: 9, left: 26, bottom: 11, right: 27 },
    ]);
    expect(() => parseAreas("Sheet1!A:C")).toThrow();
  });
});

describe("FakeExcel's layout API follows Excel's documented behaviour", () => {
  function fake(apiVersion?: string): FakeExcel {
    const f = new FakeExcel();
    if (apiVersion) f.apiVersion = apiVersion;
    f.addSheet(
      "S",
      [
        ["見出し", "b", "c"],
        [1, 2, 3],
        [4, 5, 6],
      ],
      { merges: ["A1:C1", "B2:B3"], hiddenRows: [1], hiddenColumns: [2] },
    );
    return f;
  }

  it("keeps a merged area's value in its top-left cell only", () => {
    const f = fake();
    expect(f.cell("S", "A1")!.value).toBe("見出し");
    expect(f.cell("S", "B1")!.value).toBe("");
    expect(f.cell("S", "B3")!.value).toBe("");
  });

  it("getMergedAreasOrNullObject: areas whose top-left cell is in the range, whole; a null object when none", async () => {
    const f = fake();
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const all = ws.getRange("A1:C3").getMergedAreasOrNullObject();
      all.load("address,areaCount,areas/items/address");
      const inner = ws.getRange("B3:C3").getMergedAreasOrNullObject(); // B2:B3 starts above it (issue 3611)
      const partial = ws.getRange("A1:A3").getMergedAreasOrNullObject();
      partial.load("areas/items/address");
      await ctx.sync();
      expect(all.isNullObject).toBe(false);
      expect(all.address).toBe("S!A1:C1, S!B2:B3");
      expect(all.areaCount).toBe(2);
      expect(all.areas.items.map((r) => r.address)).toEqual(["S!A1:C1", "S!B2:B3"]);
      expect(inner.isNullObject).toBe(true);
      expect(partial.areas.items.map((r) => r.address)).toEqual(["S!A1:C1"]);
    });
  });

  it("getMergedAreasOrNullObject is ExcelApi 1.13: ApiNotFound below, and isSetSupported says so", async () => {
    const f = fake("1.12");
    expect(f.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    const err = await f
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:C3").getMergedAreasOrNullObject();
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FakeExcelError);
    expect((err as FakeExcelError).code).toBe("ApiNotFound");
  });

  it("rowHidden/columnHidden: true when all, false when none, null when some", async () => {
    const f = fake();
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const ranges = ["A1:C3", "A2:C2", "A1:B1"].map((a) => {
        const r = ws.getRange(a);
        r.load("rowHidden,columnHidden");
        return r;
      });
      await ctx.sync();
      expect(ranges.map((r) => [r.rowHidden, r.columnHidden])).toEqual([
        [null, null],
        [true, null],
        [false, false],
      ]);
    });
  });

  it("visible cells: runs of visible rows × runs of visible columns; ItemNotFound or a null object when none", async () => {
    const f = fake();
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const visible = ws.getRange("A1:C3").getSpecialCellsOrNullObject("Visible");
      visible.load("address");
      const none = ws.getRange("C1:C3").getSpecialCellsOrNullObject("Visible");
      await ctx.sync();
      expect(visible.address).toBe("S!A1:B1, S!A3:B3");
      expect(none.isNullObject).toBe(true);
    });
    const err = await f
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A2:C2").getSpecialCells("Visible");
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect((err as FakeExcelError).code).toBe("ItemNotFound");
  });
});
