/**
 * Cell references and merged ranges of a worksheet as ./sheet.ts reads them: a cell's column, a reference or a
 * range parsed as exceljs's Range does, and the cells a merged range covers emptied as exceljs empties them.
 */
import type { Cell } from "../../core/model/workbook";
import { WorkbookReadError } from "../exceljs/errors";
import type { Rect } from "../layout";
import { lettersToColumn } from "./formats";
import * as limits from "./limits";
import { parseXmlPart } from "./xml";
import type { ZipArchive } from "./zip";

const { MAX_COLUMNS, MAX_ROWS } = limits;

/** The `r` of every empty `<c>` element of a sheet (a second, rare pass: only for hyperlinks on empty cells). */
export function emptyCellRefs(zip: ZipArchive, part: string): Set<string> {
  const refs = new Set<string>();
  let ref: string | undefined;
  let filled = false;
  parseXmlPart(zip, part, {
    open(el, a) {
      if (el === "c") {
        ref = a.r;
        filled = false;
      } else if (el === "v" || el === "f" || el === "is") filled = true;
    },
    close(el) {
      if (el === "c" && !filled && ref !== undefined) refs.add(ref);
    },
    text() {},
  });
  return refs;
}

/** Sheet parts declared at least this large are looked at from their end first (a smaller one parses in under a second). */
const TAIL_CHECK_BYTES = 16 * 1024 * 1024;
/** How much of their end: some hundreds of rows. */
const TAIL_BYTES = 64 * 1024;
const ROW_AT = /<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br\s*=\s*["']\s*(\d+)/g;
const CELL_AT = /<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["']\s*([A-Za-z]+\d+)/g;

/**
 * A row or cell past Excel's grid among a large sheet's last rows, read from the end of its XML before the
 * part is parsed: "1100000行", "XFE12", or undefined. Rows come in ascending order in a valid sheet, so a
 * sheet grown past the grid shows it at its end (issue 13's bomb: 1.1 million one-cell rows, 47 MB of XML,
 * refused in a fraction of a second instead of after parsing 1,048,576 valid rows). Anything past the grid
 * elsewhere is still refused by the parse, within MAX_INFLATED_BYTES.
 */
export function pastGridAtEnd(zip: ZipArchive, part: string): string | undefined {
  if (zip.declaredSize(part) < TAIL_CHECK_BYTES) return undefined;
  const tail = zip.peekTail(part, TAIL_BYTES);
  if (!tail) return undefined;
  const text = new TextDecoder("utf-8").decode(tail);
  for (const m of text.matchAll(ROW_AT)) if (Number(m[1]) > MAX_ROWS || m[1] === "0") return `${m[1]}行`;
  for (const m of text.matchAll(CELL_AT)) {
    const col = cellColumn(m[1]);
    if (col < 0 || col >= MAX_COLUMNS) return m[1];
  }
  return undefined;
}

/** 0-based column of a cell reference ("B12" → 1), -1 when it is not one. */
export function cellColumn(ref: string): number {
  let i = 0;
  let n = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
    if (n > MAX_COLUMNS) return MAX_COLUMNS;
  }
  if (i === 0) return -1;
  if (i < ref.length) {
    const r = Number(ref.slice(i));
    if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) return -1;
  }
  return n - 1;
}

/** "B3" → { row: 2, col: 1 }, with optional $; undefined when not a single cell. */
export function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) return undefined;
  const col = lettersToColumn(m[1]) - 1;
  const row = parseInt(m[2], 10) - 1;
  return col < MAX_COLUMNS && row < MAX_ROWS ? { row, col } : undefined;
}

/** "A1:C3" (or "A1") → a rectangle, corners in either order, as exceljs's Range reads it. */
export function parseRange(ref: string): Rect | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Inserts a range into ranges sorted by left column that all span one row; false when it overlaps one. */
function insertByLeft(active: Rect[], m: Rect): boolean {
  let lo = 0;
  let hi = active.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (active[mid].left < m.left) lo = mid + 1;
    else hi = mid;
  }
  if ((lo > 0 && active[lo - 1].right >= m.left) || (lo < active.length && active[lo].left <= m.right)) return false;
  active.splice(lo, 0, m);
  return true;
}

/**
 * Empties the cells covered by merged ranges (all but each range's top-left). Overlapping ranges are
 * refused as a damaged file (two ranges overlap only if both span the lower one's top row, where the
 * ranges active are disjoint and sorted by left column, so its neighbours tell). Then one sweep of the rows
 * with the ranges spanning each: about cells + ranges² in the worst case, ranges ≤ MAX_MERGES.
 */
export function emptyMerged(rows: (Cell | undefined)[][], merges: Rect[], part: string): void {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let active: Rect[] = [];
  for (const m of byTop) {
    active = active.filter((x) => x.bottom >= m.top);
    if (!insertByLeft(active, m)) {
      throw new WorkbookReadError("corrupt", undefined, {
        cause: new Error("overlapping merged ranges"),
        detail: { part },
      });
    }
  }
  active = [];
  let next = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    if (active.some((x) => x.bottom < r)) active = active.filter((x) => x.bottom >= r);
    while (next < byTop.length && byTop[next].top <= r) {
      const m = byTop[next++];
      if (m.bottom >= r) insertByLeft(active, m);
    }
    if (!active.length) continue;
    let k = 0;
    for (let c = 0; c < row.length && k < active.length; c++) {
      if (row[c] === undefined) continue;
      while (k < active.length && active[k].right < c) k++;
      if (k < active.length && c >= active[k].left && (r > active[k].top || c > active[k].left)) row[c] = undefined;
    }
  }
}
