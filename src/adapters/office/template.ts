/**
 * Kensa's template (core/template, the plan the CLI's file is written from too) inserted through Office.js as new
 * sheets: the cells and their number formats, the Japanese font upright, the shaded computed cells, widths and
 * row heights that fit the Japanese labels, merged hints, frozen headers, the print setup (A4 landscape, one
 * page wide, header rows on every page; ExcelApi 1.9) and data validation with Japanese prompts and error
 * messages (Range.dataValidation, ExcelApi 1.8; docs/excel/excel-add-ins-data-validation.md): the lists, amounts
 * ≥ 0, counts whole or half, and a prompt on free-text cells. Below 1.8 (1.9) the sheets are written without
 * their validation (print setup). One sync for every sheet.
 */
import {
  buildTemplate,
  TEMPLATE_FONT,
  type TemplateInputRule,
  type TemplateMessage,
  type TemplateSheet,
  type TemplateStyle,
  type TemplateValidation,
} from "../../core/template";
import { mergeIntoRectangles, rectToA1 } from "../../core/apply";
import { columnLetters } from "../../core/model/address";
import { TEMPLATE_MARGINS } from "../../core/apply/print";
import { hostError } from "./errors";
import type { Pos } from "./runs";
import type { Session } from "./session";
import { formatAreas, needsTextFormat, setColumnWidths, setPrintLayout, setRowHeights } from "./sheet-format";
import { loadWorkbookInfo } from "./workbook-info";

const STYLE_FILL: Partial<Record<TemplateStyle, string>> = {
  header: "#D9E1F2",
  computed: "#F2F2F2",
  totalComputed: "#F2F2F2",
};
const STYLE_BOLD: TemplateStyle[] = ["title", "metaLabel", "header", "total", "totalComputed", "section"];
/** Texts that wrap within their column (a label never spills into the next column). */
const STYLE_WRAP: TemplateStyle[] = ["hint", "header", "label"];

function uniqueName(name: string, taken: Set<string>): string {
  let out = name.slice(0, 31);
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${name.slice(0, 31 - String(n).length - 3)} (${n})`;
  taken.add(out.toLowerCase());
  return out;
}

/** Excel refuses a validation title over 32 characters or a message over 255 (as the CLI's template clips them). */
function clip(text: string, max: number): string {
  return [...text].slice(0, max).join("");
}

function promptOf(m: TemplateMessage): Excel.DataValidationPrompt {
  return { showPrompt: true, title: clip(m.title, 32), message: clip(m.message, 255) };
}

function alertOf(m: TemplateMessage, strict: boolean): Excel.DataValidationErrorAlert {
  return {
    showAlert: true,
    style: strict ? "Stop" : "Warning",
    title: clip(m.title, 32),
    message: clip(m.message, 255),
  };
}

/** A drop-down list (the source is the items, comma-separated, as in Excel's dialog). */
function queueList(ws: Excel.Worksheet, v: TemplateValidation): void {
  const dv = ws.getRange(v.range).dataValidation;
  dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  if (v.prompt) dv.prompt = promptOf(v.prompt);
  dv.errorAlert = alertOf(v.error ?? { title: "Kensa", message: v.list.join(", ") }, v.strict);
}

/** A typed figure's limits (a custom formula is relative to the range's first cell, as Excel reads it). */
function queueInput(ws: Excel.Worksheet, rule: TemplateInputRule): void {
  const dv = ws.getRange(rule.range).dataValidation;
  const first = rule.range.split(":")[0];
  const min = rule.min ?? 0;
  if (rule.type === "decimal") dv.rule = { decimal: { formula1: min, operator: "GreaterThanOrEqualTo" } };
  else if (rule.type === "half")
    dv.rule = { custom: { formula: `=AND(ISNUMBER(${first}),${first}>=${min},MOD(${first}*2,1)=0)` } };
  dv.prompt = promptOf(rule.prompt);
  if (rule.error && rule.type !== "any") dv.errorAlert = alertOf(rule.error, rule.strict);
}

function writeTemplateSheet(s: Session, name: string, sheet: TemplateSheet): void {
  const ws = s.ctx.workbook.worksheets.add(name);
  let maxRow = 0;
  let maxCol = sheet.columns.length - 1;
  for (const c of sheet.cells) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  const fmt: (string | null)[][] = [];
  const val: (string | number | null)[][] = [];
  const fx: (string | null)[][] = [];
  for (let r = 0; r <= maxRow; r++) {
    fmt.push(new Array<string | null>(maxCol + 1).fill(null));
    val.push(new Array<string | number | null>(maxCol + 1).fill(null));
    fx.push(new Array<string | null>(maxCol + 1).fill(null));
  }
  const byStyle = new Map<TemplateStyle, Pos[]>();
  let anyFormula = false;
  for (const c of sheet.cells) {
    if (c.formula !== undefined) {
      fx[c.row][c.col] = `=${c.formula.replace(/^=/, "")}`;
      anyFormula = true;
    } else if (c.value !== undefined) {
      val[c.row][c.col] = c.value;
      if (typeof c.value === "string" && needsTextFormat(c.value)) fmt[c.row][c.col] = "@";
    }
    if (c.numFmt) fmt[c.row][c.col] = c.numFmt;
    if (c.style) (byStyle.get(c.style) ?? byStyle.set(c.style, []).get(c.style)!).push({ row: c.row, col: c.col });
  }
  const all = ws.getRange(`A1:${columnLetters(maxCol)}${maxRow + 1}`);
  all.numberFormat = fmt;
  all.values = val;
  if (anyFormula) all.formulas = fx;
  // every cell in the Japanese font, upright (italic Japanese is a synthesised slant that reads badly)
  all.format.font.name = TEMPLATE_FONT.name;
  all.format.font.size = TEMPLATE_FONT.size;
  all.format.font.italic = false;
  all.format.verticalAlignment = "Top";
  for (const [style, cells] of byStyle) {
    const fill = STYLE_FILL[style];
    const bold = STYLE_BOLD.includes(style);
    const wrap = STYLE_WRAP.includes(style);
    if (!fill && !bold && !wrap) continue;
    formatAreas(s, ws, mergeIntoRectangles(cells).map(rectToA1), (f) => {
      if (fill) f.fill.color = fill;
      if (bold) f.font.bold = true;
      if (wrap) f.wrapText = true;
      if (style === "title") f.font.size = 14;
      if (style === "header") f.horizontalAlignment = "Center";
    });
  }
  setColumnWidths(
    ws,
    sheet.columns.map((c) => c.width),
  );
  setRowHeights(ws, new Map(Object.entries(sheet.rowHeights).map(([r, h]) => [Number(r), h])));
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  if (s.supports("1.8")) {
    for (const v of sheet.validations) queueList(ws, v);
    for (const rule of sheet.inputRules) queueInput(ws, rule);
  }
  const [top, bottom] = sheet.print.titleRows;
  setPrintLayout(s, ws, {
    titleRows: `${top + 1}:${bottom + 1}`,
    margins: TEMPLATE_MARGINS,
    centered: true,
    nameInHeader: true,
  });
  if (sheet.freezeCols > 0)
    ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(sheet.freezeCols - 1)}${sheet.freezeRows}`));
  else ws.freezePanes.freezeRows(sheet.freezeRows);
}

export async function insertTemplate(s: Session): Promise<string[]> {
  const info = await loadWorkbookInfo(s, false);
  if (info.workbookProtected) throw hostError("protected", s.lang);
  const names = info.sheets.map((x) => x.name);
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const spec = buildTemplate(s.lang);
  const added: string[] = [];
  for (const sheet of spec.sheets) {
    const name = uniqueName(sheet.name, taken);
    writeTemplateSheet(s, name, sheet);
    added.push(name);
  }
  if (added.length) s.sheet(added[0]).activate();
  await s.sync();
  return added;
}
