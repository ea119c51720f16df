/**
 * Writes Kensa's template (src/core/template) with exceljs. Browser-safe: no Node imports
 * (writeTemplate, which writes a file, is in ./files.ts).
 */
import ExcelJS from "exceljs";
import type { Lang } from "../../core/values/format";
import {
  buildTemplate,
  TEMPLATE_FONT,
  type TemplateInputRule,
  type TemplateOptions,
  type TemplateSheet,
  type TemplateSpec,
  type TemplateStyle,
} from "../../core/template";
import { TEMPLATE_MARGINS } from "../../core/apply/print";
import { landscapeA4 } from "./print";

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/**
 * Every cell in the Japanese font, upright (italic Japanese is a synthesised slant that reads badly). family 3
 * and charset 128 (SHIFTJIS) are what Excel writes for 游ゴシック, so that Excel keeps the font for Japanese text.
 */
function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: TEMPLATE_FONT.name, size: TEMPLATE_FONT.size, family: 3, charset: 128, ...extra };
}

const TOP_WRAP: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };

const STYLES: Record<TemplateStyle, Partial<ExcelJS.Style>> = {
  title: { font: font({ bold: true, size: 14 }) },
  hint: { font: font({ color: { argb: "FF404040" } }), alignment: TOP_WRAP },
  metaLabel: { font: font({ bold: true }) },
  metaValue: { font: font(), border: BORDER },
  header: {
    font: font({ bold: true }),
    fill: fill("FFD9E1F2"),
    border: BORDER,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  },
  input: { font: font(), border: BORDER, alignment: { vertical: "top" } },
  label: { font: font(), border: BORDER, alignment: TOP_WRAP },
  computed: {
    font: font({ color: { argb: "FF404040" } }),
    border: BORDER,
    fill: fill("FFF2F2F2"),
    alignment: { vertical: "top" },
  },
  total: { font: font({ bold: true }), border: BORDER },
  totalComputed: { font: font({ bold: true }), border: BORDER, fill: fill("FFF2F2F2") },
  section: { font: font({ bold: true }) },
};

/** Excel refuses a data validation whose title is over 32 characters or whose message is over 255. */
function clip(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : [...text].slice(0, max).join("");
}

/** The exceljs validation for an input rule. A custom formula is relative to the range's first cell. */
function inputValidation(rule: TemplateInputRule): ExcelJS.DataValidation {
  const first = rule.range.split(":")[0];
  const base = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(rule.prompt.title, 32),
    prompt: clip(rule.prompt.message, 255),
    ...(rule.error
      ? {
          showErrorMessage: true,
          errorStyle: rule.strict ? "stop" : "warning",
          errorTitle: clip(rule.error.title, 32),
          error: clip(rule.error.message, 255),
        }
      : {}),
  };
  switch (rule.type) {
    case "decimal":
      return { ...base, type: "decimal", operator: "greaterThanOrEqual", formulae: [rule.min ?? 0] };
    case "half":
      return {
        ...base,
        type: "custom",
        formulae: [`AND(ISNUMBER(${first}),${first}>=${rule.min ?? 0},MOD(${first}*2,1)=0)`],
      };
    case "any":
      // exceljs writes type "any" as a validation with no type attribute: Excel's "any value", with its prompt.
      return { ...base, type: "any" as ExcelJS.DataValidation["type"], formulae: [] };
  }
}

function writeSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: sheet.freezeCols, ySplit: sheet.freezeRows }],
  });
  const [top, bottom] = sheet.print.titleRows;
  // A4 landscape, every column on the page width, as many pages down as needed, the header on each page.
  ws.pageSetup = landscapeA4(`${top + 1}:${bottom + 1}`, { centered: true, margins: TEMPLATE_MARGINS });
  ws.headerFooter = { oddHeader: "&L&A", oddFooter: "&C&P / &N" };
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    // What a person types below the prepared rows gets the same font.
    col.font = font();
  });
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) cell.value = { formula: c.formula, date1904: false };
    else if (c.value !== undefined) cell.value = c.value;
    const style: Partial<ExcelJS.Style> = { ...(c.style ? STYLES[c.style] : { font: font() }) };
    if (c.numFmt) style.numFmt = c.numFmt;
    cell.style = style;
  }
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  for (const range of sheet.merges) ws.mergeCells(range);
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of sheet.validations) {
    validations.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: v.strict ? "stop" : "warning",
      ...(v.prompt
        ? { showInputMessage: true, promptTitle: clip(v.prompt.title, 32), prompt: clip(v.prompt.message, 255) }
        : {}),
      ...(v.error ? { errorTitle: clip(v.error.title, 32), error: clip(v.error.message, 255) } : {}),
    });
  }
  for (const rule of sheet.inputRules) validations.add(rule.range, inputValidation(rule));
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
  return new Uint8Array(out);
}
