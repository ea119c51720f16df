/**
 * exceljs drops a formula's cached result from cell.value when it is 0; Kensa must still read 0, not empty —
 * with the reader it uses (src/adapters/xlsx) and with the exceljs reader kept as its oracle.
 */
import ExcelJS from "exceljs";
import { readWorkbookBuffer as readWithExcelJS } from "../../src/adapters/exceljs/read";
import { readWorkbookBuffer } from "../../src/adapters/xlsx/read";
import { checkWorkbook } from "../../src/core/engine";

async function roundTrip(build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("予算"));
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const model = await readWorkbookBuffer(bytes);
  expect(model).toEqual(await readWithExcelJS(bytes));
  return model;
}

test("a formula whose cached result is 0 reads as 0 with its formula", async () => {
  const model = await roundTrip((ws) => {
    ws.getCell("A1").value = 0;
    ws.getCell("B1").value = { formula: "A1*2", result: 0 };
  });
  expect(model.sheets[0].rows[0][1]).toMatchObject({ value: 0, formula: "A1*2" });
});

test("so a required amount computed as 0 is not reported missing", async () => {
  const model = await roundTrip((ws) => {
    ws.addRow(["機関名", "所管", "全体", "健康・医療関係"]);
    ws.addRow(["機関A", "文", 10, 0]);
    ws.addRow(["機関B", "文", 5, { formula: "D2*3", result: 0 }]);
  });
  expect(checkWorkbook(model).findings.filter((f) => f.rule === "value/missing")).toEqual([]);
});
