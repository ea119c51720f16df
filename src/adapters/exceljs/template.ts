/**
 * Writes Kensa's template (src/core/template) with exceljs. Browser-safe: no Node imports
 * (writeTemplate, which writes a file, is in ./files.ts).
 */
import ExcelJS from "exceljs";
import type { Lang } from "../../core/report/format";
import { buildTemplate, type TemplateOptions, type TemplateSheet, type TemplateSpec, type TemplateStyle } from "../../core/template";

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

const STYLES: Record<TemplateStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  hint: { font: { italic: true, color: { argb: "FF595959" } } },
  metaLabel: { font: { bold: true } },
  metaValue: { border: BORDER },
  header: { font: { bold: true }, fill: fill("FFD9E1F2"), border: BORDER, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  input: { border: BORDER },
  computed: { border: BORDER, fill: fill("FFF2F2F2"), font: { color: { argb: "FF404040" } } },
  total: { border: BORDER, font: { bold: true } },
  totalComputed: { border: BORDER, font: { bold: true }, fill: fill("FFF2F2F2") },
  section: { font: { bold: true } },
};

function writeSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: sheet.freezeCols, ySplit: sheet.freezeRows }],
  });
  sheet.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) cell.value = { formula: c.formula, date1904: false } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = c.value;
    const style: Partial<ExcelJS.Style> = { ...(c.style ? STYLES[c.style] : {}) };
    if (c.numFmt) style.numFmt = c.numFmt;
    cell.style = style as ExcelJS.Style;
  }
  ws.getRow(sheet.headerRow + 1).height = 30;
  for (const v of sheet.validations) {
    const validation: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: v.strict ? "stop" : "warning",
    };
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, validation);
  }
}

/** The template as an exceljs workbook (formulas without cached results; Excel recalculates on load). */
export function templateWorkbook(spec: TemplateSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kensa";
  for (const s of spec.sheets) writeSheet(wb, s);
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return wb;
}

export async function templateBuffer(lang: Lang, options: TemplateOptions = {}): Promise<Uint8Array> {
  const out = await templateWorkbook(buildTemplate(lang, options)).xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
