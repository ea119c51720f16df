/**
 * 修正履歴: every fix Kensa applies is logged with the figure it replaced — browser mode (exceljs), the add-in
 * (Office.js on FakeExcel) and the computed cells an annotated copy fills — so the submitted figure is never lost.
 */
import ExcelJS from "exceljs";
import { annotateBuffer, applyFixToBytes } from "../../src/adapters/exceljs/annotate";
import { ExcelHost } from "../../src/adapters/office";
import { FIX_LOG_HEADER_ROW, FIX_LOG_MARKER } from "../../src/core/apply";
import type { CheckResult } from "../../src/core/engine";
import { checkWorkbook } from "../../src/core/engine";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { FakeExcel } from "../fakes/fake-excel";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function budget(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("予算内訳");
  ws.getCell("D28").value = 16;
  ws.getCell("D25").value = 10.4;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Rows of the log from its header down, as text. */
function logRows(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  for (let r = FIX_LOG_HEADER_ROW; r <= ws.rowCount; r++)
    out.push(Array.from({ length: 8 }, (_, c) => ws.getCell(r, c + 1).text));
  return out;
}

describe("fix log, browser mode (exceljs)", () => {
  it("logs the submitted figure and the formula that replaced it, as text, and appends on the next fix", async () => {
    const once = await applyFixToBytes(
      await budget(),
      { sheet: "予算内訳", cell: "D28", formula: "SUM(D25:D27)" },
      { lang: "ja", rule: "sum/subtotal", result: 15.2 },
    );
    const twice = await applyFixToBytes(once, { sheet: "予算内訳", cell: "D25", value: 10.5 }, { lang: "ja" });
    const wb = await load(twice);
    expect(wb.getWorksheet("予算内訳")!.getCell("D28").formula).toBe("SUM(D25:D27)");
    const log = wb.getWorksheet("修正履歴")!;
    expect(log.getCell("A1").value).toBe(FIX_LOG_MARKER);
    const [header, first, second] = logRows(log);
    expect(header).toEqual(["日時", "シート", "セル", "種類", "ルール・項目", "修正前", "修正後", "ルールID"]);
    expect(first.slice(1)).toEqual([
      "予算内訳",
      "D28",
      "修正の適用",
      "小計・合計",
      "16",
      "=SUM(D25:D27)",
      "sum/subtotal",
    ]);
    expect(first[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(second.slice(1, 7)).toEqual(["予算内訳", "D25", "修正の適用", "", "10.4", "10.5"]);
    // the formula is logged as its text, never run
    expect(log.getCell(`G${FIX_LOG_HEADER_ROW + 1}`).type).toBe(ExcelJS.ValueType.String);
  });

  it("is never checked as a sheet of the workbook", async () => {
    const fixed = await applyFixToBytes(
      await budget(),
      { sheet: "予算内訳", cell: "D28", value: 15.2 },
      { lang: "ja" },
    );
    const result = checkWorkbook(await readWorkbookBuffer(fixed), { lang: "ja" });
    expect(result.findings.filter((f) => f.sheet === "修正履歴")).toEqual([]);
  });

  it("logs the computed cells an annotated copy fills, and keeps the log when the copy is annotated again", async () => {
    const result: CheckResult = {
      sheets: [],
      findings: [],
      summary: { error: 0, warning: 0, info: 0 },
      computed: [{ sheet: "予算内訳", cell: "E28", value: 1365, formula: "D28*100", label: "年度目標" }],
    };
    const first = await annotateBuffer(await budget(), result, "ja");
    const again = await load(await annotateBuffer(first, result, "ja"));
    const rows = logRows(again.getWorksheet("修正履歴")!).slice(1);
    // the first run filled a blank cell; the second only refreshed Kensa's own formula: not logged again
    expect(rows.map((r) => [r[2], r[3], r[5], r[6]])).toEqual([["E28", "計算セルの記入", "（空欄）", "=D28*100"]]);
    const cell = again.getWorksheet("予算内訳")!.getCell("E28");
    expect(cell.formula).toBe("D28*100");
    expect(cell.numFmt).toBe("#,##0");
    // Excel's Calculation style: orange bold text on light grey
    expect(cell.font).toMatchObject({ bold: true, color: { argb: "FFFA7D00" } });
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF2F2F2");
  });
});

describe("fix log, the add-in (Office.js)", () => {
  it("logs the figure before the fix and appends to the same sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算内訳", [[16], [7]]);
    const host = new ExcelHost({ run: fake.run, requirements: fake.requirements, lang: "ja" });
    await host.applyFix({ sheet: "予算内訳", cell: "A1", formula: "SUM(B1:B2)" });
    await host.applyFix({ sheet: "予算内訳", cell: "A2", value: "=not a formula" });
    expect(fake.cell("予算内訳", "A1")!.formula).toBe("=SUM(B1:B2)");
    const log = fake.sheet("修正履歴")!;
    expect(log.get(0, 0)!.value).toBe(FIX_LOG_MARKER);
    const row = (r: number) => Array.from({ length: 7 }, (_, c) => log.get(r, c)?.value ?? "");
    expect(row(FIX_LOG_HEADER_ROW).slice(1)).toEqual(["予算内訳", "A1", "修正の適用", "", "16", "=SUM(B1:B2)"]);
    expect(row(FIX_LOG_HEADER_ROW + 1).slice(1)).toEqual(["予算内訳", "A2", "修正の適用", "", "7", "=not a formula"]);
    // logged formulas are text cells, never formulas
    expect(log.get(FIX_LOG_HEADER_ROW, 6)!.formula).toBeUndefined();
    expect(log.get(FIX_LOG_HEADER_ROW, 6)!.numberFormat).toBe("@");
    expect(fake.sheets.map((s) => s.name)).toEqual(["予算内訳", "修正履歴"]);
  });

  it("refuses the fix, changing nothing, when the log cannot be added (workbook structure protected)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [[16]]);
    fake.workbookProtected = true;
    const host = new ExcelHost({ run: fake.run, requirements: fake.requirements, lang: "ja" });
    await expect(host.applyFix({ sheet: "S", cell: "A1", value: 15 })).rejects.toMatchObject({ code: "protected" });
    expect(fake.cell("S", "A1")!.value).toBe(16);
  });
});
