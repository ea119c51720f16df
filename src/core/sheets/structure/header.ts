/**
 * Header blocks (DOMAIN §2): one to three rows within the first 30 whose columns carry every required
 * label of a kind. In a block, a column's label is the path of labels above it: a parent cell (merged
 * across its children, or written once over empty cells whose children sit below), then the child; a
 * label merged down over the header rows belongs to each of them.
 */
import { normalizeLabel } from "../../values/normalize";
import { KIND_SPECS, type KindSpec } from "../kinds";
import {
  columnSpecOf,
  matchedColumns,
  matchKind,
  type HeaderBlock,
  type HeaderColumn,
  type KindMatch,
} from "./header-match";

export type { HeaderBlock, HeaderColumn, KindMatch } from "./header-match";
import type { Layout } from "./layout";
import { isMetadataText } from "./metadata";
import { memoByText } from "../../values/text-memo";

export const HEADER_SEARCH_ROWS = 30;
export const MAX_HEADER_ROWS = 3;
/** Header cells read per row: enough for any template, bounded for sheets with 16,384 used columns. */
const MAX_HEADER_COLUMNS = 256;

/** Footnote marks people append to a header label: `全体※1`, `実績＊`, `健康・医療関係 注2`. */
const TRAILING_MARKS = /(\s*(※\s*\d*|[*＊]\s*\d*|注\s*\d+|[(（]注\s*\d*[)）]|[(（]\s*※\s*\d*\s*[)）]))+$/;

/**
 * Texts read before, for readings() and specKeysOf(): header detection reads the same labels in every block it
 * tries, in every sheet of a workbook (2,000 PJ sheets of one template) and in every file of a batch. Bounded.
 */
/**
 * Readings of one header cell: the text; its first line, when a line break separates the label from a
 * qualifier (`備考\n出典・留意事項等`); and the text without trailing footnote marks.
 */
const readings: (text: string) => readonly string[] = memoByText(readingsOf);

function readingsOf(text: string): string[] {
  const out = [text];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1) out.push(lines[0]);
  for (const t of [...out]) {
    const bare = t.replace(TRAILING_MARKS, "");
    if (bare && bare !== t) out.push(bare);
  }
  return out;
}

/** Columns of row `row` that hold a label, directly or through a merge. */
function labelledColumns(layout: Layout, row: number): number[] {
  const out: number[] = [];
  const width = Math.min(layout.width(row), MAX_HEADER_COLUMNS);
  for (let c = 0; c < width; c++) if (layout.textAt(row, c)) out.push(c);
  const inRow = out.length;
  for (const m of layout.merges) {
    if (m.top <= row && m.bottom >= row && m.right >= width) {
      for (let c = Math.max(m.left, width); c <= Math.min(m.right, MAX_HEADER_COLUMNS - 1); c++)
        if (layout.textAt(row, c)) out.push(c);
    }
  }
  // The row's own cells come in order; only columns merged in from beyond the row's end need sorting.
  return out.length === inRow ? out : [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Labels of row `row` by column. A cell in a row above the block's last spans the empty cells to its right
 * whose column has a label lower down (an unmerged parent written once over its children).
 */
function rowLabels(
  layout: Layout,
  row: number,
  isParentRow: boolean,
  childCols: ReadonlySet<number>,
): Map<number, { text: string; span: number }> {
  const out = new Map<number, { text: string; span: number }>();
  const cols = labelledColumns(layout, row);
  for (const c of cols) {
    const { left, right } = layout.span(row, c);
    out.set(c, { text: layout.textAt(row, c), span: right - left + 1 });
  }
  if (!isParentRow || !mayParent(layout, row, cols)) return out;
  // Unmerged parents: extend over empty cells that have a child below, up to the next label.
  for (const c of cols) {
    const { left, right } = layout.span(row, c);
    if (c !== left || !childCols.has(c)) continue;
    let end = right;
    while (!out.has(end + 1) && childCols.has(end + 1) && end + 1 < MAX_HEADER_COLUMNS) end++;
    if (end === right) continue;
    const text = out.get(c)!.text;
    const span = end - left + 1;
    for (let k = left; k <= end; k++) out.set(k, { text, span });
  }
  return out;
}

/**
 * Whether a row's labels may be written once over several children without a merge: only in a row of two
 * or more labels that holds no metadata (`報告年度 | 令和7年度` is not a parent over the table).
 */
function mayParent(layout: Layout, row: number, cols: readonly number[]): boolean {
  const anchors = cols.filter((c) => layout.isAnchor(row, c));
  return anchors.length >= 2 && !anchors.some((c) => isMetadataText(layout.textAt(row, c)));
}

/** The block's columns with their label paths and the readings to match. */
export function headerBlock(layout: Layout, top: number, bottom: number): HeaderBlock {
  const rows: Map<number, { text: string; span: number }>[] = [];
  for (let r = bottom; r >= top; r--) {
    const below = new Set<number>();
    for (const m of rows) for (const c of m.keys()) below.add(c);
    rows.unshift(rowLabels(layout, r, r < bottom, below));
  }
  const allCols = new Set<number>();
  for (const m of rows) for (const c of m.keys()) allCols.add(c);
  const columns: HeaderColumn[] = [];
  for (const col of [...allCols].sort((a, b) => a - b)) {
    const path: string[] = [];
    const spans: number[] = [];
    for (const m of rows) {
      const l = m.get(col);
      if (!l) continue;
      if (path.length && path[path.length - 1] === l.text) continue;
      path.push(l.text);
      spans.push(l.span);
    }
    columns.push({ col, path, candidates: candidatesOf(path, spans), hidden: layout.columnHidden(col) });
  }
  return { top, bottom, columns };
}

/**
 * Readings of a label path, most specific first. Under a parent spanning several columns the child is the
 * label (`予算額（億円）` / `全体`); a parent over one column is the label and the child its qualifier
 * (`外部資金` / `（健康・医療関係）`). Either way the parent with the child as a qualifier is also tried.
 */
function candidatesOf(path: string[], spans: number[]): readonly string[] {
  const out: string[] = [];
  const leaf = path[path.length - 1];
  if (path.length === 1) return readings(leaf);
  const parent = path[path.length - 2];
  const combined = `${parent}（${leaf.replace(/^[（(](.*)[）)]$/s, "$1")}）`;
  const parentSpansOne = spans[spans.length - 2] === 1;
  const order = parentSpansOne ? [combined, leaf] : [leaf, combined];
  for (const t of order) out.push(...readings(t));
  // A grandparent over a parent and child: the parent as the label, the child a qualifier.
  if (path.length > 2) out.push(...readings(`${path[path.length - 3]}（${parent}）`));
  return [...new Set(out)];
}

/** A row above the block belongs to it when a label is merged down into the block or it parents some columns. */
function joinsBelow(layout: Layout, row: number, block: HeaderBlock, matched: ReadonlySet<number>): boolean {
  const cols = labelledColumns(layout, row);
  if (cols.length === 0) return false;
  if (cols.some((c) => layout.isAnchor(row, c) && isMetadataText(layout.textAt(row, c)))) return false;
  const unmergedParents = mayParent(layout, row, cols);
  for (const c of cols) {
    const m = layout.mergeAt(row, c);
    if (m && m.bottom > row && m.top <= row) return true;
  }
  // A parent spans two or more labelled columns of the block, but not all of them (that is a title).
  const anchors = cols.filter((c) => layout.isAnchor(row, c));
  const labelled = block.columns.map((c) => c.col);
  for (const c of anchors) {
    const { left, right } = layout.span(row, c);
    let end = right;
    if (left === right && unmergedParents)
      while (labelled.includes(end + 1) && !layout.textAt(row, end + 1) && end + 1 < MAX_HEADER_COLUMNS) end++;
    const under = labelled.filter((k) => k >= left && k <= end);
    const underMatched = under.filter((k) => matched.has(k));
    if (under.length >= 2 && under.length < labelled.length && underMatched.length >= 1) return true;
  }
  return false;
}

const FIGURE = /^[\d,.\s▲△\-－]+(億円|百万円|千円|円|件|人|名|社|%|％)?$/;

/**
 * A row below the block continues it when a label of the block is merged down into it and the rest of the
 * row is label text, or when each of its cells is a child under a parent merged across columns.
 */
function continuesAbove(layout: Layout, row: number, block: HeaderBlock): boolean {
  const width = Math.min(layout.width(row), MAX_HEADER_COLUMNS);
  let mergedDown = false;
  for (const col of block.columns) {
    const m = layout.mergeAt(row, col.col);
    if (m && m.top <= block.bottom && m.top >= block.top && m.bottom >= row) mergedDown = true;
  }
  let children = 0;
  let others = 0;
  let underEmpty = 0;
  for (let c = 0; c < width; c++) {
    if (!layout.isAnchor(row, c) || layout.isEmpty(row, c)) continue;
    const cell = layout.cell(row, c);
    if (typeof cell?.value === "number" || FIGURE.test(layout.textAt(row, c).normalize("NFKC"))) return false;
    const parent = layout.mergeAt(block.bottom, c);
    if (parent && parent.right > parent.left && parent.bottom === block.bottom) children++;
    else if (unmergedParentOver(layout, block.bottom, row, c)) {
      children++;
      if (!layout.textAt(block.bottom, c)) underEmpty++;
    } else others++;
  }
  if (children + others === 0) return false;
  if (mergedDown) return true;
  // Only children: of a parent merged across columns, or of parents written once (one child under an empty cell).
  return others === 0 && children > 0 && (underEmpty > 0 || !hasUnmergedOnly(layout, block.bottom, row, width));
}

/** True when no cell of `row` sits under a parent merged across columns in `parentRow`. */
function hasUnmergedOnly(layout: Layout, parentRow: number, row: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    if (layout.isEmpty(row, c)) continue;
    const parent = layout.mergeAt(parentRow, c);
    if (parent && parent.right > parent.left) return false;
  }
  return true;
}

/**
 * Whether (row, col) sits under a parent in `parentRow` written once without a merge: the parent cell itself
 * when the cell right of it is empty with a label below, or an empty cell with such a parent to its left.
 */
function unmergedParentOver(layout: Layout, parentRow: number, row: number, col: number): boolean {
  if (layout.mergeAt(parentRow, col)) return false;
  const isParent = (k: number) =>
    layout.textAt(parentRow, k) !== "" &&
    !layout.mergeAt(parentRow, k) &&
    !layout.textAt(parentRow, k + 1) &&
    layout.textAt(row, k + 1) !== "";
  if (layout.textAt(parentRow, col)) return isParent(col);
  for (let k = col - 1; k >= 0; k--) {
    if (!layout.textAt(row, k)) return false;
    if (layout.textAt(parentRow, k)) return isParent(k);
  }
  return false;
}

export interface HeaderFound {
  block: HeaderBlock;
  match: KindMatch;
}

function bestMatch(block: HeaderBlock, specs: readonly KindSpec[] = KIND_SPECS): KindMatch | undefined {
  let best: KindMatch | undefined;
  for (const spec of specs) {
    const m = matchKind(block, spec);
    if (m.missing.length) continue;
    if (!best || m.score > best.score) best = m;
  }
  return best;
}

/**
 * The first header block within 30 rows that carries every required label of a kind; ties go to the kind
 * with more matched columns. The block is then widened up and down to the rows that belong to it.
 */
export function findHeader(layout: Layout): HeaderFound | undefined {
  const limit = Math.min(HEADER_SEARCH_ROWS, layout.rowCount);
  const keysOfRow: Map<KindSpec, Set<string>>[] = [];
  for (let last = 0; last < limit; last++) {
    keysOfRow.push(specKeysOfRow(layout, last));
    let found: HeaderFound | undefined;
    for (let h = 1; h <= MAX_HEADER_ROWS && last - h + 1 >= 0; h++) {
      const specs = possibleSpecs(keysOfRow, last - h + 1, last);
      if (specs.length === 0) continue;
      const block = headerBlock(layout, last - h + 1, last);
      const match = bestMatch(block, specs);
      if (match && (!found || match.score > found.match.score)) found = { block, match };
    }
    if (!found) continue;
    return widen(layout, found);
  }
  return undefined;
}

/**
 * The column keys of each kind that some label of the row matches, read cell by cell. A block's columns read
 * their cells alone or joined (`外部資金（健康・医療関係）`); a joined reading matches a column only when one of
 * its parts does (no label holds a bracket, and no amount word or year spans one), so a block whose rows
 * together lack a required key of a kind cannot match that kind, and is not built for it.
 */
function specKeysOfRow(layout: Layout, row: number): Map<KindSpec, Set<string>> {
  const out = new Map<KindSpec, Set<string>>();
  for (const c of labelledColumns(layout, row)) {
    for (const [spec, key] of specKeysOf(layout.textAt(row, c))) {
      let keys = out.get(spec);
      if (!keys) out.set(spec, (keys = new Set()));
      keys.add(key);
    }
  }
  return out;
}

/** The (kind, column key) pairs some reading of one cell's text matches. */
const specKeysOf: (text: string) => readonly (readonly [KindSpec, string])[] = memoByText((text) => {
  const found: [KindSpec, string][] = [];
  for (const reading of readings(text)) {
    const normalized = normalizeLabel(reading);
    for (const spec of KIND_SPECS) {
      const cs = columnSpecOf(spec, normalized);
      if (cs) found.push([spec, cs.key]);
    }
  }
  return found;
});

/** The kinds whose every required key some row of top..bottom carries. */
function possibleSpecs(keysOfRow: Map<KindSpec, Set<string>>[], top: number, bottom: number): KindSpec[] {
  // Asked for every row and height of the first 30 rows: no copy of the rows per question.
  const carried = (spec: KindSpec, key: string) => {
    for (let r = top; r <= bottom; r++) if (keysOfRow[r].get(spec)?.has(key)) return true;
    return false;
  };
  return KIND_SPECS.filter((spec) => spec.columns.every((cs) => !cs.required || carried(spec, cs.key)));
}

function widen(layout: Layout, found: HeaderFound): HeaderFound {
  let { block, match } = found;
  const matchedCols = () => matchedColumns(match);
  for (;;) {
    const height = block.bottom - block.top + 1;
    if (height >= MAX_HEADER_ROWS) break;
    let next: HeaderBlock | undefined;
    if (block.bottom + 1 < layout.rowCount && continuesAbove(layout, block.bottom + 1, block)) {
      next = headerBlock(layout, block.top, block.bottom + 1);
    } else if (block.top > 0 && joinsBelow(layout, block.top - 1, block, matchedCols())) {
      next = headerBlock(layout, block.top - 1, block.bottom);
    }
    if (!next) break;
    const m = matchKind(next, match.spec);
    if (m.missing.length || m.score < match.score) break;
    block = next;
    match = m;
  }
  return { block, match };
}

/** For a sheet of no kind: the kind whose required labels it nearly carries (more found than missing). */
export function nearestKind(layout: Layout): KindMatch | undefined {
  const limit = Math.min(HEADER_SEARCH_ROWS, layout.rowCount);
  let best: KindMatch | undefined;
  for (let last = 0; last < limit; last++) {
    for (let h = 1; h <= MAX_HEADER_ROWS && last - h + 1 >= 0; h++) {
      const block = headerBlock(layout, last - h + 1, last);
      for (const spec of KIND_SPECS) {
        const m = matchKind(block, spec);
        if (m.missing.length === 0 || m.requiredFound < 2 || m.requiredFound <= m.missing.length) continue;
        if (!best || m.requiredFound - m.missing.length > best.requiredFound - best.missing.length) best = m;
      }
    }
  }
  return best;
}
