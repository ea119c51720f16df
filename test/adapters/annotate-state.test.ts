/**
 * Kensa_state read back from a workbook is validated like any input (issue 14 item 4): a forged or oversized
 * record is set aside with a warning and never crashes or stalls annotating (exceljs) or clearing (Office.js).
 */
import ExcelJS from "exceljs";
import { annotateCopy } from "../../src/adapters/exceljs/annotate";
import { ExcelHost } from "../../src/adapters/office";
import { parseState } from "../../src/adapters/office/state";
import { exceljsFillOf, MAX_STATE_ROWS, STATE_MARK, STATE_SHEET } from "../../src/core/apply";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { FakeExcel, budgetSheetRows } from "../fakes/fake-excel";

const empty: CheckResult = { sheets: [], findings: [], summary: { error: 0, warning: 0, info: 0 }, computed: [] };

async function withState(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("B2").value = 1;
  ws.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  const state = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
  state.getCell("A1").value = STATE_MARK;
  rows.forEach((r, i) => (state.getRow(i + 2).values = r as ExcelJS.CellValue[]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe("the exceljs adapter (annotated copies)", () => {
  it("skips a forged fill (a gradient whose stops is not a list) with a warning, and still restores Kensa's rows", async () => {
    const input = await withState([
      ["S", "B2", ""],
      ["S", "B2", JSON.stringify({ type: "gradient", gradient: "angle", stops: "not a list" })],
      ["S", 42, "{}"],
      ["S", "XFD99999999", ""],
    ]);
    const { bytes, warnings } = await annotateCopy(input, empty, "ja");
    expect(warnings).toEqual([
      "Kensa の変更記録（シート「Kensa_state」）のうち3行は Kensa の形式ではないため読み飛ばしました。",
    ]);
    const wb = await load(bytes);
    // the first, genuine row gave B2 back its original "no fill"
    expect(wb.getWorksheet("S")!.getCell("B2").fill).toBeUndefined();
    // the warning is on the result sheet, where the reviewer sees it
    const rs = wb.getWorksheet("検証結果")!;
    const texts: string[] = [];
    rs.eachRow((row) => row.eachCell((c) => void texts.push(c.text)));
    expect(texts).toContain(warnings[0]);
  });

  it("goes through 60,000 forged rows at XFD in bounded time without creating a cell", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => ["S", `XFD${i + 1}`, ""]);
    const input = await withState(rows);
    const started = Date.now();
    const { bytes, warnings } = await annotateCopy(input, empty, "ja");
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(30_000); // about 2.3 s outside jest, most of it exceljs loading the 60,000 rows
    expect(warnings[0]).toMatch(/60000行は Kensa の形式ではない/);
    const ws = (await load(bytes)).getWorksheet("S")!;
    expect(ws.columnCount).toBeLessThanOrEqual(2);
  }, 60_000);

  it("ignores a record longer than Kensa writes, whole, and says so", async () => {
    // rows counted, not parsed: a sheet of MAX_STATE_ROWS + 1 blank-but-present rows is enough
    const wb = await load(await withState([]));
    const state = wb.getWorksheet(STATE_SHEET)!;
    state.getCell(`A${MAX_STATE_ROWS + 2}`).value = "S";
    const { warnings } = await annotateCopy(new Uint8Array(await wb.xlsx.writeBuffer()), empty, "ja");
    expect(warnings[0]).toMatch(/Kensa が書く上限（200000行）を超えるため読み込みませんでした/);
  }, 60_000);

  it("accepts only fills exceljs can write", () => {
    expect(exceljsFillOf("")).toBe("none");
    expect(
      exceljsFillOf(
        '{"type":"pattern","pattern":"solid","fgColor":{"theme":4,"tint":0.4},"kensaResolved":{"fg":"FF8FAADC"}}',
      ),
    ).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 4, tint: 0.4 },
    });
    expect(exceljsFillOf('{"type":"gradient","gradient":"angle","stops":"x"}')).toBeUndefined();
    expect(exceljsFillOf('{"type":"pattern","pattern":"solid","fgColor":"red"}')).toBeUndefined();
    expect(exceljsFillOf("null")).toBeUndefined();
    expect(exceljsFillOf("{")).toBeUndefined();
  });
});

describe("the Office.js adapter (the add-in)", () => {
  it("parses only rows in Kensa's format and reports the rest", () => {
    const parsed = parseState([
      [STATE_MARK],
      ["S", "b2", "", ""],
      [7, "B3", "", ""],
      ["S", "XFD99999999", "", ""],
      ["S", "B4", { not: "text" }, ""],
      ["", "", "", "", "", "S", "C2:C9", "=A2", "null"],
      ["", "", "", "", "", "S", "C2:D9", "=A2", ""],
    ]);
    expect(parsed.entries).toEqual([{ sheet: "S", cell: "B2", fill: null, row: 2 }]);
    // column I "null" is an unreadable "before": the cells were empty
    expect(parsed.written).toEqual([{ sheet: "S", range: "C2:C9", formula: "=A2", before: { nf: "General" }, row: 6 }]);
    expect(parsed.problems).toEqual([{ kind: "bad-rows", rows: 4 }]);
  });

  it("sets aside a record longer than Kensa writes, whole", () => {
    const grid: unknown[][] = [
      [STATE_MARK],
      ...Array.from({ length: MAX_STATE_ROWS + 1 }, (_, i) => ["S", `XFD${i + 1}`, "", ""]),
    ];
    const parsed = parseState(grid);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toEqual([{ kind: "too-large", rows: MAX_STATE_ROWS + 1 }]);
  });

  it("clears Kensa's highlights although forged rows were added to its record", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(40, 4));
    const host = new ExcelHost({ run: fake.run, requirements: fake.requirements, lang: "ja" });
    const before = fake.fills();
    await host.highlight(checkWorkbook(await host.read()));
    const state = fake.sheet(STATE_SHEET)!;
    let last = 0;
    for (const k of state.cells.keys()) last = Math.max(last, Number(k.split(",")[0]));
    const forged: unknown[][] = [
      ["予算", "A1", JSON.stringify({ type: "gradient", stops: "x", office: 5 }), "{"],
      ["予算", 12, "", ""],
      ["予算", "XFD1048577", "", ""],
    ];
    forged.forEach((row, i) => row.forEach((v, c) => fake.put(state, last + 1 + i, c, { v: v as string | number })));
    await expect(host.clearHighlights()).resolves.toMatchObject({ restored: 4 });
    expect([...fake.fills()].filter(([k, v]) => (before.get(k) ?? "") !== v && k.startsWith("予算"))).toEqual([]);
  });
});
