/**
 * Merging single cells into few rectangles, so an adapter can format them in few calls
 * (Office.js: one RangeAreas per severity; exceljs: a loop over the rectangles).
 */
import { columnLetters } from "../model/address";

export interface Rect {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectToA1(r: Rect): string {
  const tl = columnLetters(r.left) + String(r.top + 1);
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:${columnLetters(r.right)}${r.bottom + 1}`;
}

/**
 * Covers exactly the given cells with rectangles: horizontal runs per row first, then runs with the
 * same column span on consecutive rows are stacked. Duplicates are ignored. O(n log n).
 */
export function mergeIntoRectangles(cells: readonly { row: number; col: number }[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  // 1. horizontal runs
  const runs: Rect[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === c.row) {
      if (c.col <= last.right) continue; // duplicate
      if (c.col === last.right + 1) {
        last.right = c.col;
        continue;
      }
    }
    runs.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  // 2. stack runs with the same span on consecutive rows
  const open = new Map<string, Rect>(); // "left:right" → rectangle whose bottom may still grow
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const prev = open.get(key);
    if (prev && prev.bottom === run.top - 1) {
      prev.bottom = run.top;
      continue;
    }
    const rect = { ...run };
    open.set(key, rect);
    out.push(rect);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}
