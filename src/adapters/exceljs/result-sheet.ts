/** The 検証結果 sheet of an annotated copy as exceljs writes it from its plan, and the copy's print setup. */
import type ExcelJS from "exceljs";
import { internalReference, RESULT_FONT, type ResultSheetPlan } from "../../core/apply";
import { PRINT_MARGINS } from "../../core/apply/print";

/**
 * The result sheet's and fix log's font. family 3 and charset 128 (SHIFTJIS) are what Excel writes for 游ゴシック,
 * so that Excel keeps the font for Japanese text (as the template does).
 */
export function kensaFont(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: RESULT_FONT.name, size: RESULT_FONT.size, family: 3, charset: 128, ...extra };
}

function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function writeResultSheet(wb: ExcelJS.Workbook, plan: ResultSheetPlan): ExcelJS.Worksheet {
  for (const name of plan.replace) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(plan.name);
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const wrap = new Set(plan.wrapColumns);
  plan.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    row.height = plan.heights[r];
    cells.forEach((c, col) => {
      if (!c) return;
      const cell = row.getCell(col + 1);
      cell.font = kensaFont();
      cell.alignment = { vertical: "top", ...(r >= plan.headerRow && wrap.has(col) ? { wrapText: true } : {}) };
      switch (c.type) {
        case "text":
          // A string value is stored as a string (shared string), never parsed as a formula.
          cell.value = c.text;
          if (c.bold) cell.font = kensaFont({ bold: true });
          if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill } };
          break;
        case "number":
          cell.value = c.value;
          if (c.numFmt) cell.numFmt = c.numFmt;
          break;
        case "link": {
          // exceljs 4.4 writes internal hyperlinks wrongly (exceljs#3027), so the link is a HYPERLINK
          // formula built only from escaped string literals.
          const target = "#" + internalReference(c.sheet, c.cell);
          cell.value = {
            formula: `HYPERLINK(${excelString(target)},${excelString(c.text)})`,
            result: c.text,
            date1904: false,
          };
          cell.font = kensaFont({ color: { argb: "FF0563C1" }, underline: true });
          break;
        }
      }
    });
  });
  for (const range of plan.merges) {
    ws.mergeCells(range);
    ws.getCell(range.split(":")[0]).alignment = { vertical: "top", wrapText: true };
  }
  const header = ws.getRow(plan.headerRow + 1);
  for (let c = 1; c <= plan.columnCount; c++) {
    const cell = header.getCell(c);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8A8886" } } };
    cell.alignment = { vertical: "middle", wrapText: true };
  }
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];
  ws.autoFilter = plan.autoFilter;
  ws.pageSetup = {
    paperSize: plan.print.paperSize,
    orientation: plan.print.orientation,
    fitToPage: true,
    fitToWidth: plan.print.fitToWidth,
    fitToHeight: plan.print.fitToHeight,
    printTitlesRow: plan.print.titleRows,
    margins: PRINT_MARGINS,
  };
  ws.headerFooter = { oddFooter: "&C&P / &N" };
  return ws;
}

/**
 * The copy is for a reviewer to print: a sheet its author gave no page setup at all (no paper size, not fitted)
 * prints A4 landscape, one page wide, in the copy — never in the input. A sheet with its own setup keeps it.
 */
export function printable(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const setup = ws.pageSetup ?? {};
    if (
      ws.state !== "visible" ||
      setup.paperSize !== undefined ||
      setup.fitToPage ||
      setup.orientation === "landscape" ||
      (setup.scale ?? 100) !== 100
    )
      continue;
    ws.pageSetup = { ...setup, paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
}

/** Annotates a workbook in memory. The input bytes are not modified. */
