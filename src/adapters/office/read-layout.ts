/**
 * The layout half of reading (see ./read.ts "Layout"): merged areas (ExcelApi 1.13) and hidden rows and columns
 * (rowHidden / columnHidden, ExcelApi 1.2, and the visible cells, ExcelApi 1.9), queued with the used ranges, or
 * read sheet by sheet when a shared sync with them failed.
 */
import { parseRect } from "../../core/sheets/structure/layout";
import type { Rect, SheetLayout, Span } from "../layout";
import { excelErrorCode } from "./errors";

/** A sheet's used range as the reader knows it (0-based position and size). */
export interface UsedBox {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Excel's errors that say nothing about the layout requests: they end the read as they would without them. */
const NOT_LAYOUT_ERRORS = new Set([
  "InvalidOperationInCellEditMode",
  "ItemNotFound",
  "InvalidReference",
  "InactiveWorkbook",
]);

export function isLayoutFailure(err: unknown): boolean {
  const code = excelErrorCode(err);
  return !(code && NOT_LAYOUT_ERRORS.has(code));
}

/** Splits an address list at the commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'")
      quoted = !quoted; // a doubled '' inside a quoted name toggles twice
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/**
 * The rectangles of an Excel address: "Sheet1!A1:C2", "'予算 内訳'!$A$1:$C$2", a single cell, or a list of
 * them ("Sheet1!A1:B4, Sheet1!D1:D4", as RangeAreas.address gives it). The sheet part is dropped (the A1
 * part never holds "!"). Rows and columns are absolute, 0-based. Throws on anything else.
 */
export function parseAreas(address: string): Rect[] {
  return splitAreas(address).map((part) => {
    const a1 = part.slice(part.lastIndexOf("!") + 1).replace(/\$/g, "");
    const rect = parseRect(a1);
    if (!rect) throw new Error(`not a range address: ${part}`);
    return rect;
  });
}

export function areasOf(ranges: Excel.RangeAreas): Rect[] {
  const out: Rect[] = [];
  for (const r of ranges.areas.items) out.push(...parseAreas(r.address));
  return out;
}

/** The indexes of [first, last] that no span covers, as spans. */
function uncovered(first: number, last: number, covered: Span[]): Span[] {
  const out: Span[] = [];
  let next = first;
  for (const [a, b] of [...covered].sort((x, y) => x[0] - y[0])) {
    if (b < next || a > last) continue;
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= last) out.push([next, last]);
  return out;
}

export interface LayoutQuery {
  /** ExcelApi 1.13; absent below. */
  merged?: Excel.RangeAreas;
  /** ExcelApi 1.9; absent below. */
  visible?: Excel.RangeAreas;
}

export interface LayoutResult extends SheetLayout {
  unknown: ("merges" | "hidden")[];
}

export function queueMerged(range: Excel.Range): Excel.RangeAreas {
  const m = range.getMergedAreasOrNullObject();
  m.load("areas/items/address");
  return m;
}

export function queueVisible(range: Excel.Range): Excel.RangeAreas {
  const v = range.getSpecialCellsOrNullObject("Visible");
  v.load("areas/items/address");
  return v;
}

/**
 * Hidden rows and columns of a used range from rowHidden/columnHidden and the visible areas
 * (undefined when they cannot tell).
 */
export function hiddenOf(
  s: UsedBox,
  rowHidden: boolean | null,
  columnHidden: boolean | null,
  visible: Excel.RangeAreas | undefined,
): Pick<SheetLayout, "hiddenRows" | "hiddenColumns"> | undefined {
  const rows: Span = [s.rowIndex, s.rowIndex + s.rowCount - 1];
  const cols: Span = [s.columnIndex, s.columnIndex + s.columnCount - 1];
  if (rowHidden !== null && columnHidden !== null)
    return { hiddenRows: rowHidden ? [rows] : [], hiddenColumns: columnHidden ? [cols] : [] };
  // Some rows or columns hidden, not all: the visible cells tell which (all rows or all columns hidden
  // leave no visible cell, and then the other dimension cannot be told).
  if (rowHidden || columnHidden || !visible || visible.isNullObject) return undefined;
  const visibleRows: Span[] = [];
  const visibleCols: Span[] = [];
  for (const a of areasOf(visible)) {
    visibleRows.push([a.top, a.bottom]);
    visibleCols.push([a.left, a.right]);
  }
  return {
    hiddenRows: uncovered(rows[0], rows[1], visibleRows),
    hiddenColumns: uncovered(cols[0], cols[1], visibleCols),
  };
}

/** Rows per band below which a failing merged-area request is given up (the sheet says "merges" unknown). */
const MIN_MERGE_BAND = 1;

/**
 * One sheet's layout, each request in its own sync (after a shared sync with them failed): the visible
 * cells, then the merged areas of the used range, halved into row bands while a band fails — a band
 * reports the areas whose top-left cell it holds (issue 3611), so the bands together report each area
 * once.
 */
export async function readLayoutAlone(
  ws: Excel.Worksheet,
  s: UsedBox,
  used: Excel.Range,
  canMerge: boolean,
  canSeeVisible: boolean,
  sync: () => Promise<void>,
): Promise<LayoutResult> {
  const out: LayoutResult = { unknown: [] };
  let hidden = hiddenOf(s, used.rowHidden, used.columnHidden, undefined);
  if (!hidden && canSeeVisible) {
    const visible = queueVisible(ws.getRangeByIndexes(s.rowIndex, s.columnIndex, s.rowCount, s.columnCount));
    try {
      await sync();
      hidden = hiddenOf(s, used.rowHidden, used.columnHidden, visible);
    } catch (err) {
      if (!isLayoutFailure(err)) throw err;
    }
  }
  if (hidden) Object.assign(out, hidden);
  else out.unknown.push("hidden");
  if (!canMerge) {
    out.unknown.unshift("merges");
    return out;
  }
  const merges: Rect[] = [];
  const bands: [number, number][] = [[0, s.rowCount]];
  while (bands.length) {
    const [first, count] = bands.shift()!;
    const merged = queueMerged(ws.getRangeByIndexes(s.rowIndex + first, s.columnIndex, count, s.columnCount));
    try {
      await sync();
      if (!merged.isNullObject) merges.push(...areasOf(merged));
    } catch (err) {
      if (!isLayoutFailure(err)) throw err;
      if (count <= MIN_MERGE_BAND) {
        out.unknown.unshift("merges");
        return out;
      }
      const half = Math.ceil(count / 2);
      bands.unshift([first, half], [first + half, count - half]);
    }
  }
  out.merges = merges;
  return out;
}
