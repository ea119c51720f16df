/**
 * Reading an .xlsx into the core workbook model with exceljs: the previous reader, now the oracle of the
 * equivalence tests (test/adapters/xlsx-equivalence.test.ts) and the reader of workbooks exceljs already
 * holds (fromExcelJS, the annotate path). Kensa reads files with ../xlsx/read.ts, which builds the same
 * model without exceljs.
 *
 * Browser-safe: no Node imports here (file access is in ./read-file.ts). The whole file is loaded with
 * `wb.xlsx.load` (JSZip), which works on a Buffer, a Uint8Array or an ArrayBuffer alike. The streaming
 * `WorkbookReader` was considered and rejected: it drops merged ranges, turns a formula's cached error
 * value (`#REF!`) into NaN, needs Node streams and temp files, and only finds sheets named sheetN.xml.
 *
 * Mapping (one small object per non-empty cell, nothing else copied):
 * - numbers, strings, booleans, dates → value; a number format other than General is kept as numFmt
 *   (the value parser derives percent and displayed decimals from it);
 * - rich text and hyperlinks → their plain text;
 * - formulas (also shared and array formulas) → the cached result as value, the formula text in `formula`;
 * - error values, typed or cached → { error: "#REF!" };
 * - the cells covered by a merged range other than its top-left are empty; the ranges are in `merges`;
 * - hidden rows (`<row hidden="1">`) and hidden columns (`<col min max hidden="1">` runs) are in
 *   `hiddenRows` / `hiddenColumns`. Rows and columns of a collapsed outline group are hidden this way too:
 *   Excel writes `hidden` on each of them and `collapsed` on the summary row or column (ECMA-376 Part 1,
 *   §18.3.1.73 row, §18.3.1.13 col), and shows or hides a row or column by `hidden` alone.
 * Merges and hidden rows and columns are cut to the sheet's used box like the Office.js reader's
 * (../layout.ts), so that both readers give the same model.
 */
import ExcelJS from "exceljs";
import type { Cell, CellValue, Sheet, Workbook } from "../../core/model/workbook";
import { applyLayout, type Rect, type Span } from "../layout";
import { ascii, indexOfBytes, sniffWorkbookBytes } from "../xlsx/sniff";
import { WorkbookReadError } from "./errors";

// exceljs ValueType (enums.js); numbers so the hot loop does not go through the enum object.
const T_NULL = 0;
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_DATE = 4;
const T_HYPERLINK = 5;
const T_FORMULA = 6;
const T_SHARED_STRING = 7;
const T_RICH_TEXT = 8;
const T_BOOLEAN = 9;
const T_ERROR = 10;

/**
 * Worksheet parts Kensa never reads; skipping them saves parse time (values, merges, hyperlinks and the
 * `cols` runs, for hidden columns, are kept).
 */
const IGNORED_NODES = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "autoFilter",
  "rowBreaks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
];

function toBytes(buf: ArrayBuffer | Uint8Array): Uint8Array {
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
}

function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    const parts = (v as { richText: { text?: string }[] }).richText;
    let s = "";
    for (let i = 0; i < parts.length; i++) s += parts[i].text ?? "";
    return s;
  }
  return v === null || v === undefined ? "" : String(v);
}

function mapResult(r: unknown): CellValue {
  if (r === undefined || r === null) return null;
  const t = typeof r;
  if (t === "number" || t === "string" || t === "boolean") return r as CellValue;
  if (r instanceof Date) return r;
  if (t === "object") {
    const o = r as { error?: unknown; richText?: unknown };
    if (o.error !== undefined) return { error: String(o.error) };
    if (o.richText !== undefined) return plainText(r);
  }
  return String(r);
}

function withFormat(value: CellValue, numFmt: string | undefined): Cell {
  return numFmt && numFmt !== "General" ? { value, numFmt } : { value };
}

/** One exceljs cell → a core cell, or undefined when empty (or covered by a merge). */
function mapCell(c: ExcelJS.Cell): Cell | undefined {
  const type = c.type as number;
  switch (type) {
    case T_NULL:
    case T_MERGE:
      return undefined;
    case T_NUMBER:
    case T_DATE:
      return withFormat(c.value as number | Date, c.numFmt);
    case T_STRING:
    case T_SHARED_STRING: {
      const v = c.value;
      return { value: typeof v === "string" ? v : plainText(v) };
    }
    case T_RICH_TEXT:
      return { value: plainText(c.value) };
    case T_HYPERLINK:
      return { value: plainText((c.value as { text?: unknown }).text) };
    case T_BOOLEAN:
      return { value: c.value as boolean };
    case T_ERROR:
      return { value: { error: String((c.value as { error?: unknown }).error) } };
    case T_FORMULA: {
      // exceljs leaves a cached result of 0 out of cell.value; cell.result still has it.
      const cached = (c.value as { result?: unknown }).result ?? (c as unknown as { result?: unknown }).result;
      const value = mapResult(cached);
      const cell: Cell = typeof value === "number" || value instanceof Date ? withFormat(value, c.numFmt) : { value };
      const formula = c.formula;
      if (formula) cell.formula = formula;
      return cell;
    }
    default:
      return { value: mapResult(c.value) };
  }
}

interface RowLike {
  _cells?: (ExcelJS.Cell | undefined)[];
}
interface WorksheetLike {
  _rows?: (ExcelJS.Row | undefined)[];
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
  _columns?: ({ hidden?: boolean } | undefined)[] | null;
}

/** One `<col>` run of a worksheet model as exceljs parses it (1-based, both ends included). */
interface ColModel {
  min?: number;
  max?: number;
  hidden?: boolean;
}

/** Hidden column runs by worksheet id, captured while exceljs loads (see captureColumns). */
interface ColumnCapture {
  ran: boolean;
  hidden: Map<number, Span[]>;
}

/**
 * Takes the hidden `<col>` runs out of the worksheet models before exceljs turns them into columns.
 * exceljs makes one Column object per column of every run (Column.fromModel), and a run such as
 * `<col min="10" max="16384" hidden="1"/>` (every column right of the table hidden, a habit of
 * templates) makes 16,375 of them per sheet: +44 % load time measured on 20 such sheets of 4,000 cells.
 * Kensa needs the runs, not the objects: this hook on this one workbook's loader keeps the hidden runs
 * and drops `cols` from the models, so the load costs what it did when `cols` was skipped. If exceljs
 * ever stops calling `reconcile`, `ran` stays false and the columns exceljs built are read instead.
 */
function captureColumns(wb: ExcelJS.Workbook): ColumnCapture {
  const capture: ColumnCapture = { ran: false, hidden: new Map() };
  const loader = wb.xlsx as unknown as { reconcile?: (model: unknown, options: unknown) => void };
  const reconcile = loader.reconcile;
  if (typeof reconcile !== "function") return capture;
  loader.reconcile = function (this: unknown, model: unknown, options: unknown) {
    reconcile.call(this, model, options);
    const sheets = (model as { worksheets?: ({ id?: number; cols?: ColModel[] } | undefined)[] } | undefined)
      ?.worksheets;
    if (!Array.isArray(sheets)) return;
    for (const ws of sheets) {
      if (!ws || typeof ws.id !== "number") continue;
      const runs: Span[] = [];
      for (const col of Array.isArray(ws.cols) ? ws.cols : []) {
        if (col?.hidden && typeof col.min === "number" && typeof col.max === "number")
          runs.push([col.min - 1, col.max - 1]);
      }
      if (runs.length) capture.hidden.set(ws.id, runs);
      ws.cols = undefined;
    }
    capture.ran = true;
  };
  return capture;
}

/** Hidden column runs of a sheet: captured while loading, or from exceljs's columns (fromExcelJS). */
function columnsOf(ws: ExcelJS.Worksheet, capture: ColumnCapture | undefined): Span[] {
  if (capture?.ran) return capture.hidden.get(ws.id) ?? [];
  const columns = (ws as unknown as WorksheetLike)._columns;
  const runs: Span[] = [];
  if (!Array.isArray(columns)) return runs;
  for (let c = 0; c < columns.length; c++) {
    if (!columns[c]?.hidden) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) runs[runs.length - 1] = [last[0], c];
    else runs.push([c, c]);
  }
  return runs;
}

function mapRow(row: ExcelJS.Row): (Cell | undefined)[] {
  const out: (Cell | undefined)[] = [];
  const cells = (row as unknown as RowLike)._cells;
  if (Array.isArray(cells)) {
    // exceljs keeps a row's cells in a sparse array indexed by column - 1.
    let last = -1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const mapped = mapCell(cell);
      if (mapped) {
        while (++last < c) out.push(undefined);
        out.push(mapped);
      }
    }
    return out;
  }
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const mapped = mapCell(cell);
    if (mapped) out[col - 1] = mapped;
  });
  for (let i = 0; i < out.length; i++) if (!(i in out)) out[i] = undefined;
  return out;
}

function mapSheet(ws: ExcelJS.Worksheet, release: boolean, capture?: ColumnCapture): Sheet {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: Span[] = [];
  const internal = ws as unknown as WorksheetLike;
  const source = internal._rows;
  if (Array.isArray(source)) {
    for (let r = 0; r < source.length; r++) {
      const row = source[r];
      if (!row) continue;
      if (row.hidden) hiddenRows.push([r, r]);
      const mapped = mapRow(row);
      if (mapped.length === 0) continue;
      while (rows.length < r) rows.push([]);
      rows.push(mapped);
    }
  } else {
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (row.hidden) hiddenRows.push([n - 1, n - 1]);
      const mapped = mapRow(row);
      if (mapped.length === 0) return;
      while (rows.length < n - 1) rows.push([]);
      rows[n - 1] = mapped;
    });
  }
  const sheet: Sheet = { name: ws.name, rows };
  const merges: Rect[] = [];
  for (const m of Object.values(internal._merges ?? {})) {
    if (m) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  applyLayout(sheet, { merges, hiddenRows, hiddenColumns: columnsOf(ws, capture) });
  // Let exceljs's cells of this sheet be collected while the next sheet is mapped (peak memory).
  if (release && Array.isArray(source)) internal._rows = [];
  return sheet;
}

/** Maps an exceljs workbook already in memory (also used by tests and by the annotate path). */
export function fromExcelJS(wb: ExcelJS.Workbook): Workbook {
  return { sheets: wb.worksheets.map((ws) => mapSheet(ws, false)) };
}

function hasCells(wb: Workbook): boolean {
  for (const s of wb.sheets) for (const r of s.rows) if (r.length) return true;
  return false;
}

/**
 * Reads an .xlsx held in memory. Throws WorkbookReadError (never anything else) when it cannot:
 * not-xlsx, corrupt, encrypted, xls or empty.
 */
export async function readWorkbookBuffer(buf: ArrayBuffer | Uint8Array): Promise<Workbook> {
  const bytes = toBytes(buf);
  const sniffed = sniffWorkbookBytes(bytes);
  if (sniffed !== "zip") throw new WorkbookReadError(sniffed);
  const wb = new ExcelJS.Workbook();
  const columns = captureColumns(wb);
  try {
    // exceljs's typings say Buffer; JSZip accepts any Uint8Array or ArrayBuffer.
    await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0], { ignoreNodes: IGNORED_NODES });
  } catch (err) {
    throw new WorkbookReadError("corrupt", undefined, { cause: err });
  }
  if (wb.worksheets.length === 0) {
    // A zip without xl/workbook.xml is some other zip (a .docx, an archive), not a workbook.
    const isWorkbook = indexOfBytes(bytes, ascii("xl/workbook.xml")) >= 0;
    throw new WorkbookReadError(isWorkbook ? "empty" : "not-xlsx");
  }
  let workbook: Workbook;
  try {
    workbook = { sheets: wb.worksheets.map((ws) => mapSheet(ws, true, columns)) };
  } catch (err) {
    throw new WorkbookReadError("corrupt", undefined, { cause: err });
  }
  if (!hasCells(workbook)) throw new WorkbookReadError("empty");
  return workbook;
}

export { classifyCompoundFile, sniffWorkbookBytes } from "../xlsx/sniff";
