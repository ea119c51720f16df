/**
 * Sheet-kind detection and table structure (DOMAIN §2): the header block, the columns, the metadata above,
 * the role of every row below, and merged attribute spans. Kind readers build on the result and detect
 * nothing themselves.
 */
import type { Sheet } from "../model/workbook";
import type { SheetKind } from "../model/kinds";
import { normalizeLabel } from "../values/normalize";
import { findHeader, nearestKind, type KindMatch } from "./structure/header";
import { matchedColumns } from "./structure/header-match";
import { Layout, cellText } from "./structure/layout";
import { isMetadataText, readMetadata } from "./structure/metadata";
import { toA1 } from "../model/address";
import { isAnnexRow, readerSees, rowRole, type RowRole } from "./structure/rows";
import { spreadAttributes } from "./structure/spans";
import type { DetectedTable } from "./table";

export { cellText };

/** Header annex rows right below the header: at most this many (a unit row and a column-number row, and a spare). */
const MAX_ANNEX_ROWS = 3;

export function detectTable(sheet: Sheet): DetectedTable | undefined {
  const layout = new Layout(sheet);
  const found = findHeader(layout);
  if (!found) return undefined;
  const { block, match } = found;
  const kind = match.spec.kind;

  const headerPaths = new Map<number, string[]>();
  const headers = new Map<number, string>();
  for (const c of block.columns) {
    headerPaths.set(c.col, [...c.path]);
    headers.set(c.col, match.labels.get(c.col) ?? c.candidates[0]);
  }

  // Annex rows: units become qualifiers of their columns; `（単位：億円）` is the sheet's unit.
  const roles = new Map<number, RowRole>();
  let sheetUnit: string | undefined;
  let first = block.bottom + 1;
  for (let n = 0; n < MAX_ANNEX_ROWS && first < layout.rowCount;) {
    if (isBlankRow(layout, first)) {
      roles.set(first++, "blank");
      continue;
    }
    const annex = isAnnexRow(layout, first);
    if (!annex) break;
    for (const [col, unit] of annex.units) {
      const path = headerPaths.get(col);
      if (path) path.push(unit);
      else headerPaths.set(col, [unit]);
    }
    sheetUnit ??= annex.sheetUnit;
    roles.set(first++, "annex");
    n++;
  }

  const keyColumns = matchedColumns(match);
  const requiredColumns = new Set<number>();
  for (const c of match.spec.columns)
    if (c.required) for (const col of match.columns[c.key] ?? []) requiredColumns.add(col);
  const headerLabels = new Map<number, Set<string>>();
  for (const c of block.columns) headerLabels.set(c.col, new Set(c.path.map((t) => normalizeLabel(t))));
  const dataRows: number[] = [];
  const rowContext = { kind, keyColumns, requiredColumns, headerLabels };
  for (let r = first; r < layout.rowCount; r++) {
    const role = rowRole(layout, r, rowContext);
    if (readerSees(kind, role, layout, r)) dataRows.push(r);
    if (role !== "data") roles.set(r, role);
  }

  const headerCells = (r: number, c: number) => r >= block.top && r <= block.bottom && keyColumns.has(c);
  const { values: metadata, cells: metadataCells } = readMetadata(layout, first - 1, block.top, headerCells);
  if (metadata["単位"] === undefined && sheetUnit)
    metadata["単位"] = sheetUnit.normalize("NFKC").replace(/^[(（]?\s*単位\s*[:：]?\s*(.*?)\s*[)）]?$/, "$1");
  const titles: { cell: string; text: string }[] = [];
  const metadataAt = new Set(Object.values(metadataCells));
  for (let r = 0; r < block.top; r++) {
    const n = layout.width(r);
    for (let c = 0; c < n; c++) {
      const text = layout.isAnchor(r, c) ? layout.textAt(r, c) : "";
      if (!text) continue;
      const cell = toA1(r, c);
      if (!metadataAt.has(cell) && !isMetadataText(text)) titles.push({ cell, text });
    }
  }

  const rows = spreadAttributes(layout, kind, match.columns, first);
  const structure = sharedStructure(kind, { columns: match.columns, headers, headerPaths });
  return {
    sheet,
    kind,
    headerTop: block.top,
    headerRow: block.bottom,
    columns: structure.columns,
    headers: structure.headers,
    headerPaths: structure.headerPaths,
    metadata,
    metadataCells,
    titles: titles.length ? titles : NONE,
    dataRows,
    roles: roles.size ? roles : NO_ROLES,
    hiddenDuplicates: match.hiddenDuplicates.length ? match.hiddenDuplicates : NONE,
    rows,
  };
}

/** What a table has none of (no title, no hidden duplicate, no row that is not data): one value for all. */
const NONE: readonly never[] = Object.freeze([]);
const NO_ROLES: ReadonlyMap<number, RowRole> = new Map();

type Structure = Pick<DetectedTable, "columns" | "headers" | "headerPaths">;

/**
 * Column keys, headers and header paths of the templates seen last, by kind. Sheets of one template (2,250
 * monitoring sheets in a set, 8 in a file) have the same, and the tables of a check are kept till its end: each
 * keeps one copy, not its own (read-only, as DetectedTable types them). A few per kind, compared in full.
 */
const STRUCTURES = new Map<SheetKind, Structure[]>();
const STRUCTURES_PER_KIND = 8;

function sharedStructure(kind: SheetKind, built: Structure): Structure {
  let seen = STRUCTURES.get(kind);
  if (!seen) STRUCTURES.set(kind, (seen = []));
  for (const s of seen) if (sameStructure(s, built)) return s;
  if (seen.length >= STRUCTURES_PER_KIND) seen.pop();
  seen.unshift(built);
  return built;
}

/** Same keys, columns, headers and paths, in the same order (readers iterate them). */
function sameStructure(a: Structure, b: Structure): boolean {
  if (a.headers.size !== b.headers.size || a.headerPaths.size !== b.headerPaths.size) return false;
  const bHeaders = b.headers.entries();
  for (const [col, text] of a.headers) {
    const [bCol, bText] = bHeaders.next().value!;
    if (col !== bCol || text !== bText) return false;
  }
  const bPaths = b.headerPaths.entries();
  for (const [col, path] of a.headerPaths) {
    const [bCol, bPath] = bPaths.next().value!;
    if (col !== bCol || !sameList(path, bPath)) return false;
  }
  const keys = Object.keys(a.columns);
  const bKeys = Object.keys(b.columns);
  if (!sameList(keys, bKeys)) return false;
  for (const k of keys) if (!sameList(a.columns[k], b.columns[k])) return false;
  return true;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isBlankRow(layout: Layout, row: number): boolean {
  const n = layout.width(row);
  for (let c = 0; c < n; c++) if (!layout.isEmpty(row, c)) return false;
  return true;
}

/** For a sheet of no kind: the kind it nearly is, and the required labels it lacks. */
export function nearKind(sheet: Sheet): Pick<KindMatch, "spec" | "missing"> | undefined {
  return nearestKind(new Layout(sheet));
}
