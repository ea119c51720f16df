/** Cells grouped into vertical runs down a column: how the adapter reads and writes scattered cells in few ranges. */
import { toA1 } from "../../core/model/address";
import type { Session } from "./session";

/** Rows of a column that a read run may bridge to save a range object. */
export const RUN_GAP = 8;

export interface Pos {
  row: number;
  col: number;
}
/** A vertical run of cells in one column, rows first..last inclusive (0-based). */
export interface ColumnRun {
  sheet: string;
  col: number;
  first: number;
  last: number;
}

/** Groups cells into vertical runs per sheet and column, bridging gaps of up to `gap` rows. */
export function columnRuns(cells: readonly { sheet: string; row: number; col: number }[], gap = RUN_GAP): ColumnRun[] {
  const sorted = [...cells].sort((a, b) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row,
  );
  const runs: ColumnRun[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === c.sheet && last.col === c.col && c.row <= last.last + gap + 1) {
      last.last = Math.max(last.last, c.row);
      continue;
    }
    runs.push({ sheet: c.sheet, col: c.col, first: c.row, last: c.row });
  }
  return runs;
}

/**
 * Runs for reading cells: starts from exact runs and bridges the smallest gaps first while the extra
 * cells read stay under `extraCells` — few range objects, bounded payload, however scattered the cells.
 */
export function readRuns(
  cells: readonly { sheet: string; row: number; col: number }[],
  extraCells: number,
): ColumnRun[] {
  const runs = columnRuns(cells, 0);
  const gaps: { i: number; size: number }[] = [];
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i];
    const b = runs[i + 1];
    if (a.sheet === b.sheet && a.col === b.col) gaps.push({ i, size: b.first - a.last - 1 });
  }
  gaps.sort((x, y) => x.size - y.size);
  const joinNext = new Set<number>();
  let spent = 0;
  for (const g of gaps) {
    if (spent + g.size > extraCells) break;
    spent += g.size;
    joinNext.add(g.i);
  }
  const out: ColumnRun[] = [];
  runs.forEach((r, i) => {
    if (i > 0 && joinNext.has(i - 1)) out[out.length - 1].last = r.last;
    else out.push({ ...r });
  });
  return out;
}

export function runAddress(r: ColumnRun): string {
  const l = toA1(0, r.col).replace(/\d+$/, "");
  return r.first === r.last ? `${l}${r.first + 1}` : `${l}${r.first + 1}:${l}${r.last + 1}`;
}

export { tryFromA1 as parseCell } from "../../core/model/a1";

/** A run of cells in two halves (a request or response too large for one sync); undefined for one cell. */
export function splitRun<T extends ColumnRun>(r: T): T[] | undefined {
  if (r.first === r.last) return undefined;
  const mid = Math.floor((r.first + r.last) / 2);
  return [
    { ...r, last: mid },
    { ...r, first: mid + 1 },
  ];
}

/** Queues loading `props` of each run's range (read back once synced, in the runs' order). */
export function loadRuns(s: Session, runs: readonly ColumnRun[], props: string): Excel.Range[] {
  return runs.map((r) => {
    const range = s.sheet(r.sheet).getRange(runAddress(r));
    range.load(props);
    return range;
  });
}
