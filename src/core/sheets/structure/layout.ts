/**
 * A sheet's layout as a person sees it: which cells a merged range covers (its value lives in the
 * top-left cell only, as Excel keeps it) and which rows and columns are hidden.
 */
import { fromA1 } from "../../model/address";
import { isEmptyCell, type Cell, type Sheet } from "../../model/workbook";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B2:D3" (or a single "B2") → a rectangle; undefined for anything else. */
export function parseRect(range: string): Rect | undefined {
  const [a, b = a] = range.split(":");
  try {
    const p = fromA1(a);
    const q = fromA1(b);
    return {
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
  } catch {
    return undefined;
  }
}

/** The text a cell shows, for labels and metadata (number formats aside). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.text !== undefined && cell.text !== "") return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return v.error;
  return String(v);
}

export class Layout {
  readonly merges: readonly Rect[];
  private readonly byRow = new Map<number, Rect[]>();
  private readonly hiddenCols: ReadonlySet<number>;
  private readonly hiddenRowSet: ReadonlySet<number>;

  constructor(readonly sheet: Sheet) {
    this.merges = (sheet.merges ?? [])
      .map(parseRect)
      .filter((r): r is Rect => r !== undefined && (r.bottom > r.top || r.right > r.left));
    // Indexed by row, up to the last row with cells: a lookup is one map access for rows with no merge.
    const lastRow = sheet.rows.length - 1;
    for (const m of this.merges) {
      for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
        let list = this.byRow.get(r);
        if (!list) this.byRow.set(r, (list = []));
        list.push(m);
      }
    }
    this.hiddenCols = new Set(sheet.hiddenColumns ?? []);
    this.hiddenRowSet = new Set(sheet.hiddenRows ?? []);
  }

  get rowCount(): number {
    return this.sheet.rows.length;
  }

  /** The merged range covering (row, col). */
  mergeAt(row: number, col: number): Rect | undefined {
    const list = this.byRow.get(row);
    if (!list) return undefined;
    for (const m of list) if (m.left <= col && m.right >= col) return m;
    return undefined;
  }

  hasMerges(row: number): boolean {
    return this.byRow.has(row);
  }

  cell(row: number, col: number): Cell | undefined {
    return this.sheet.rows[row]?.[col];
  }

  /** The trimmed text of (row, col), or of the top-left cell of the merged range covering it. */
  textAt(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return cellText(m ? this.cell(m.top, m.left) : this.cell(row, col)).trim();
  }

  /** True for the top-left cell of a merged range and for cells outside any. */
  isAnchor(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !m || (m.top === row && m.left === col);
  }

  /** Columns [left, right] a cell spans: its merged range, or itself. */
  span(row: number, col: number): { left: number; right: number } {
    const m = this.mergeAt(row, col);
    return m ? { left: m.left, right: m.right } : { left: col, right: col };
  }

  width(row: number): number {
    return this.sheet.rows[row]?.length ?? 0;
  }

  isEmpty(row: number, col: number): boolean {
    return isEmptyCell(this.cell(row, col));
  }

  columnHidden(col: number): boolean {
    return this.hiddenCols.has(col);
  }

  rowHidden(row: number): boolean {
    return this.hiddenRowSet.has(row);
  }
}
