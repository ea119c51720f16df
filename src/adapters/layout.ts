/**
 * The sheet layout both readers hand the core — merged ranges, hidden rows, hidden columns — cut to the
 * same extent, so that the exceljs reader and the Office.js reader build identical models:
 *
 * - the extent is the sheet's used box: from the first to the last row and column holding a cell of the
 *   model (what Excel's values-only used range covers); outside it there is nothing to check;
 * - a merged range is kept when its top-left cell is inside the box — the only ones Excel's
 *   `Range.getMergedAreasOrNullObject` reports (https://github.com/OfficeDev/office-js/issues/3611) — and
 *   is cut to the box; one that is left a single cell is dropped. Sorted by top row, then left column;
 * - hidden rows and hidden columns are the ones inside the box, sorted ascending;
 * - each is absent when empty.
 *
 * Browser-safe and free of exceljs and Office.js.
 */
import { toA1 } from "../core/model/address";
import type { Cell, Sheet } from "../core/model/workbook";

/** A rectangle of cells, 0-based, both ends included. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** First and last index of a run of rows or columns, 0-based, both included. */
export type Span = readonly [number, number];

export interface SheetLayout {
  merges?: readonly Rect[];
  hiddenRows?: readonly Span[];
  hiddenColumns?: readonly Span[];
}

/** The rectangle from the first to the last row and column holding a cell; undefined for a blank sheet. */
export function usedBox(rows: readonly (readonly (Cell | undefined)[])[]): Rect | undefined {
  let top = -1;
  let bottom = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let last = row.length - 1;
    while (last >= 0 && row[last] === undefined) last--;
    if (last < 0) continue;
    let first = 0;
    while (row[first] === undefined) first++;
    if (top < 0) top = r;
    bottom = r;
    if (first < left) left = first;
    if (last > right) right = last;
  }
  return top < 0 ? undefined : { top, left, bottom, right };
}

function indexesWithin(spans: readonly Span[] | undefined, lo: number, hi: number): number[] {
  if (!spans || spans.length === 0) return [];
  const out = new Set<number>();
  for (const [first, last] of spans) for (let i = Math.max(first, lo); i <= Math.min(last, hi); i++) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** The merged ranges of a layout as the model's A1 rectangles, cut to the box (see the file comment). */
export function mergesWithin(merges: readonly Rect[] | undefined, box: Rect): string[] {
  if (!merges || merges.length === 0) return [];
  const kept: Rect[] = [];
  for (const m of merges) {
    if (m.top < box.top || m.top > box.bottom || m.left < box.left || m.left > box.right) continue;
    const cut = {
      top: m.top,
      left: m.left,
      bottom: Math.min(m.bottom, box.bottom),
      right: Math.min(m.right, box.right),
    };
    if (cut.bottom > cut.top || cut.right > cut.left) kept.push(cut);
  }
  kept.sort((a, b) => a.top - b.top || a.left - b.left);
  return kept.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`);
}

/** Sets `merges`, `hiddenRows` and `hiddenColumns` of a sheet whose rows are final. */
export function applyLayout(sheet: Sheet, layout: SheetLayout): void {
  const box = usedBox(sheet.rows);
  if (!box) return;
  const merges = mergesWithin(layout.merges, box);
  if (merges.length) sheet.merges = merges;
  const rows = indexesWithin(layout.hiddenRows, box.top, box.bottom);
  if (rows.length) sheet.hiddenRows = rows;
  const cols = indexesWithin(layout.hiddenColumns, box.left, box.right);
  if (cols.length) sheet.hiddenColumns = cols;
}
