/**
 * The "surrounding values" preview: where Excel would select a finding's cells, browser mode shows a
 * small grid of the cells around them, read from the workbook model, with the selected cells marked.
 * Pure (no DOM, no exceljs), so it is tested in Node.
 */
import { columnLetters, toA1 } from "../core/model/address";
import { tryFromA1 } from "../core/model/a1";
import { formatNumber } from "../core/values/format";
import { formatValue } from "../taskpane/figures";
import { isCellError, type Cell, type Sheet, type Workbook } from "../core/model/workbook";
import { parseRef } from "../core/model/refs";
import { detectTable } from "../core/sheets/detect";
import { column, type DetectedTable } from "../core/sheets/table";

export interface PreviewCell {
  address: string;
  /** What the cell shows (numbers grouped, percentages as %, errors as #REF!…); "" when empty. */
  text: string;
  formula?: string;
  /** One of the finding's cells. */
  selected: boolean;
  /** The cell to look at first (the finding's `cell`). */
  primary: boolean;
}

export interface CellPreview {
  sheet: string;
  /** The first selected cell on this sheet. */
  anchor: string;
  /** Column letters shown, left to right. */
  columns: string[];
  rows: { number: number; cells: PreviewCell[] }[];
  /** What the anchor cell is: its row's item name and its column's header, as the sheet's table reads them. */
  label?: CellLabel;
  /** Cells of the finding on other sheets of this workbook, with what each shows and what it is. */
  elsewhere: RelatedCell[];
  /**
   * Cells of the finding in other workbooks of the submission set (`[提出_医薬品.xlsx]様式2!G6`), taken apart,
   * with what each shows when the caller could look it up. Never shown in the grid: the grid is this file's.
   */
  otherFiles: OtherFilePreview[];
  /** True when the workbook has no such sheet (nothing to show). */
  missingSheet?: boolean;
}

/**
 * What a cell is: `row` the item it belongs to, outermost first (`1 企業導出件数`, `導出形態別`, `実施許諾契約`), `column`
 * its column's header (`値`). Either may be missing (a cell above the header, a sheet of no known kind).
 */
export interface CellLabel {
  row: string[];
  column?: string;
}

/** A cell of the finding on another sheet of the same workbook. */
export interface RelatedCell {
  /** As written in the finding (`'PJ1'!G6`). */
  ref: string;
  sheet: string;
  /** The top-left cell (`G6`). */
  cell: string;
  /** What the cell shows; undefined when the workbook has no such sheet. */
  text?: string;
  label?: CellLabel;
}

export interface OtherFilePreview {
  ref: string;
  file: string;
  sheet: string;
  cell: string;
  /** What the cell shows in its workbook; undefined when it could not be looked up. */
  text?: string;
}

export interface PreviewOptions {
  /** The finding's own cell (`cell`): the anchor of the grid even when it is not the first of `cells`. */
  primary?: string;
  /** Looks up a cell of another workbook of the set (browser mode knows every open file). */
  lookup?(file: string, sheet: string, cell: string): string | undefined;
  /** Rows and columns shown around the selection. */
  padRows?: number;
  padCols?: number;
  maxRows?: number;
  maxCols?: number;
}

/** `A1`, `$A$1`, `'Sheet'!A1`, `Sheet!A1:B2` → sheet (or undefined) and the top-left and bottom-right cells. */
export function parseReference(
  ref: string,
): { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } } | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!'][^!]*))!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(
    ref.trim(),
  );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const from = tryFromA1(m[3]);
  const to = m[4] ? tryFromA1(m[4]) : from;
  if (!from || !to) return undefined;
  return {
    sheet,
    from: { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col) },
    to: { row: Math.max(from.row, to.row), col: Math.max(from.col, to.col) },
  };
}

/** A number as its format shows it: a percentage with the format's decimals, else grouped (../taskpane/figures.ts). */
function numberText(n: number, numFmt: string | undefined): string {
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ""))) {
    const decimals = /\.(0+)%/.exec(numFmt)?.[1].length ?? 0;
    return `${(n * 100).toFixed(decimals)}%`;
  }
  const decimals = numFmt ? /\.(0+)/.exec(numFmt)?.[1].length : undefined;
  return decimals !== undefined ? formatNumber(n, decimals) : formatValue(n);
}

/** The text a cell shows, close to what Excel displays. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return numberText(v, cell.numFmt);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

/**
 * The grid around a finding's cells on `sheet` of this workbook. Cells on other sheets are listed in
 * `elsewhere`, cells in other workbooks of the set in `otherFiles`: neither ever breaks the grid.
 */
export function surroundingCells(
  workbook: Workbook,
  sheet: string,
  cells: readonly string[],
  options: PreviewOptions = {},
): CellPreview {
  const padRows = options.padRows ?? 2;
  const padCols = options.padCols ?? 2;
  const maxRows = options.maxRows ?? 9;
  const maxCols = options.maxCols ?? 6;
  const model = findSheet(workbook, sheet);
  const here: { row: number; col: number }[] = [];
  const elsewhere: RelatedCell[] = [];
  const otherFiles: OtherFilePreview[] = [];
  // the primary cell first, so that it anchors the grid; a cell listed twice counts once
  const ordered = options.primary ? [options.primary, ...cells.filter((c) => c !== options.primary)] : [...cells];
  for (const ref of ordered) {
    const external = parseRef(ref);
    if (external.file !== undefined) {
      const sheetName = external.sheet ?? "";
      const cell = external.cell.replace(/\$/g, "");
      let text: string | undefined;
      try {
        text = options.lookup?.(external.file, sheetName, cell);
      } catch {
        text = undefined;
      }
      otherFiles.push({ ref, file: external.file, sheet: sheetName, cell, ...(text !== undefined ? { text } : {}) });
      continue;
    }
    const p = parseReference(ref);
    if (!p) continue;
    if (p.sheet !== undefined && p.sheet !== sheet) {
      const other = findSheet(workbook, p.sheet);
      const cell = toA1(p.from.row, p.from.col);
      const seen = other
        ? { text: cellText(other.rows[p.from.row]?.[p.from.col]), label: labelOf(other, p.from.row, p.from.col) }
        : {};
      elsewhere.push({ ref, sheet: other?.name ?? p.sheet, cell, ...seen });
      continue;
    }
    for (let r = p.from.row; r <= p.to.row && here.length < 500; r++)
      for (let c = p.from.col; c <= p.to.col; c++) here.push({ row: r, col: c });
  }
  if (!model || here.length === 0) {
    return {
      sheet,
      anchor: options.primary ?? cells[0] ?? "",
      columns: [],
      rows: [],
      elsewhere,
      otherFiles,
      missingSheet: !model,
    };
  }
  const anchor = here[0];
  const minRow = Math.min(...here.map((c) => c.row));
  const maxRow = Math.max(...here.map((c) => c.row));
  const minCol = Math.min(...here.map((c) => c.col));
  const maxCol = Math.max(...here.map((c) => c.col));
  // padding around the selection, shrunk first when the window would be too large (the selection matters most)
  const pad = (span: number, max: number, want: number): [number, number] => {
    const extra = Math.max(0, max - span);
    return [Math.min(want, Math.ceil(extra / 2)), Math.min(want, Math.floor(extra / 2))];
  };
  const [padTop, padBottom] = pad(maxRow - minRow + 1, maxRows, padRows);
  const [padLeft, padRight] = pad(maxCol - minCol + 1, maxCols, padCols);
  let top = Math.max(0, minRow - padTop);
  let bottom = maxRow + padBottom;
  let left = Math.max(0, minCol - padLeft);
  let right = maxCol + padRight;
  // still too large: a window of the maximum size that starts near the anchor
  if (bottom - top + 1 > maxRows) {
    top = Math.max(top, anchor.row - 1);
    bottom = top + maxRows - 1;
  }
  if (right - left + 1 > maxCols) {
    left = Math.max(left, anchor.col - 1);
    right = left + maxCols - 1;
  }
  const selected = new Set(here.map((c) => `${c.row},${c.col}`));
  const columns: string[] = [];
  for (let c = left; c <= right; c++) columns.push(columnLetters(c));
  const rows: CellPreview["rows"] = [];
  for (let r = top; r <= bottom; r++) {
    const out: PreviewCell[] = [];
    for (let c = left; c <= right; c++) {
      const cell = model.rows[r]?.[c];
      const p: PreviewCell = {
        address: toA1(r, c),
        text: cellText(cell),
        selected: selected.has(`${r},${c}`),
        primary: r === anchor.row && c === anchor.col,
      };
      if (cell?.formula) p.formula = cell.formula;
      out.push(p);
    }
    rows.push({ number: r + 1, cells: out });
  }
  const label = labelOf(model, anchor.row, anchor.col);
  return {
    sheet: model.name,
    anchor: toA1(anchor.row, anchor.col),
    columns,
    rows,
    ...(label ? { label } : {}),
    elsewhere,
    otherFiles,
  };
}

/** A sheet by name, as Excel finds it (names are case-insensitive). */
function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  return (
    workbook.sheets.find((s) => s.name === name) ??
    workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
  );
}

// detecting a table reads the whole sheet: once per sheet object (a re-read workbook has new ones)
const tables = new WeakMap<Sheet, DetectedTable | null>();
function tableOf(sheet: Sheet): DetectedTable | undefined {
  if (!tables.has(sheet)) tables.set(sheet, detectTable(sheet) ?? null);
  return tables.get(sheet) ?? undefined;
}

const textAt = (grid: (Cell | undefined)[][], row: number, col: number | undefined): string =>
  col === undefined ? "" : cellText(grid[row]?.[col]).replace(/\s+/g, " ").trim();

/** A text that names something, not a figure (`12件`, `—` and `1,234` name nothing). */
const isName = (text: string): boolean =>
  text !== "" && !/^[\s▲△+\-−―ー—–]*[\d,.]*\s*(%|件|人|億円|百万円|千円|円)?$/.test(text);

/**
 * What the cell at (row, col) of `sheet` is: the item of its row and the header of its column, read with the sheet's
 * table (DOMAIN §3) where it has one. On a monitoring sheet the item is the indicator (from the row holding its
 * 番号), then the 内訳 group and the 項目 / 細目 of the row; a cell of the indicator's own columns (番号, name,
 * 指標値) is the indicator alone. Elsewhere, the name-like texts left of the cell on its row.
 */
export function labelOf(sheet: Sheet, row: number, col: number): CellLabel | undefined {
  const table = tableOf(sheet);
  if (table && row > table.headerRow) {
    const rowLabel = tableRowLabel(table, row, col);
    if (rowLabel.length > 0)
      return { row: rowLabel, ...(table.headers.has(col) ? { column: table.headers.get(col) } : {}) };
  }
  const left: string[] = [];
  for (let c = 0; c < col && left.length < 2; c++) {
    const text = textAt(sheet.rows, row, c);
    if (isName(text)) left.push(text);
  }
  return left.length > 0 ? { row: left } : undefined;
}

function tableRowLabel(table: DetectedTable, row: number, col: number): string[] {
  const at = (key: string, r = row) => textAt(table.rows, r, column(table, key));
  switch (table.kind) {
    case "inhouse-budget":
    case "budget-breakdown":
      return [at("name")].filter(isName);
    case "output-indicators":
      return [[at("number"), at("indicator")].filter(Boolean).join(" ")].filter(isName);
    case "monitoring": {
      // the indicator starts on the nearest row above (or this one) with a 番号
      let start = row;
      while (start > table.headerRow + 1 && at("number", start) === "") start--;
      const indicator = [at("number", start), at("indicator", start)].filter(Boolean).join(" ");
      const own = ["number", "indicator", "indicatorValue"].map((k) => column(table, k));
      if (own.includes(col)) return [indicator].filter(isName);
      // 内訳 and 項目 left blank continue those of the rows above, within the indicator
      const above = (key: string): string => {
        for (let r = row; r >= start; r--) if (at(key, r) !== "") return at(key, r);
        return "";
      };
      const sub = at("subItem");
      return [indicator, above("group"), sub ? above("item") : at("item"), sub].filter(isName);
    }
  }
}

/** What a cell of `sheet` shows (`G6` or `$G$6`), or undefined when there is no such sheet or address. */
export function lookupCell(workbook: Workbook, sheet: string, cell: string): string | undefined {
  const model = findSheet(workbook, sheet);
  if (!model) return undefined;
  const p = parseReference(cell);
  if (!p || p.sheet !== undefined) return undefined;
  return cellText(model.rows[p.from.row]?.[p.from.col]);
}
