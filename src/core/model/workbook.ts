/**
 * The workbook model every face and adapter shares: sheets as grids of cells.
 * Adapters (exceljs, Office.js) build it; the core only reads it.
 */

/** An error value such as #REF! or #DIV/0!, from a formula's cached result or typed in. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | Date | CellError | null;

export interface Cell {
  /** The value, or a formula's cached result. */
  value: CellValue;
  /** The text Excel displays, when the adapter knows it (it carries percent signs and displayed decimals). */
  text?: string;
  /** Number format code, e.g. "0.0%" or "#,##0". */
  numFmt?: string;
  /** Formula without the leading "=". */
  formula?: string;
}

export interface Sheet {
  name: string;
  /** rows[r][c]; missing rows and cells are empty. */
  rows: (Cell | undefined)[][];
  /** Merged ranges as A1 rectangles ("A1:C1"); the value is in the top-left cell only, as Excel keeps it. */
  merges?: string[];
  /** 0-based rows hidden by the person (or grouped and collapsed); they are still data. */
  hiddenRows?: number[];
  /** 0-based hidden columns; a hidden column repeating a visible column's label is a working column. */
  hiddenColumns?: number[];
  /** What the adapter could not load for this sheet (Excel below ExcelApi 1.13 has no merged areas). */
  layoutUnknown?: ("merges" | "hidden")[];
}

export interface Workbook {
  sheets: Sheet[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  const v = cell.value;
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Convenience for tests and generators: a sheet from plain values (strings starting with "=" stay text). */
export function sheetFromValues(name: string, values: (CellValue | undefined)[][]): Sheet {
  return {
    name,
    rows: values.map((r) => r.map((v) => (v === undefined || v === null ? undefined : { value: v }))),
  };
}
