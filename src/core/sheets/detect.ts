/**
 * Sheet-kind detection and table structure (DOMAIN §2): the header block, the columns, the metadata above,
 * the role of every row below, and merged attribute spans. Kind readers build on the result and detect
 * nothing themselves.
 */
import type { Sheet } from "../model/workbook";
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
  const requiredColumns = new Set(
    match.spec.columns.filter((c) => c.required).flatMap((c) => match.columns[c.key] ?? []),
  );
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
  const titles: DetectedTable["titles"] = [];
  for (let r = 0; r < block.top; r++) {
    const n = layout.width(r);
    for (let c = 0; c < n; c++) {
      const text = layout.isAnchor(r, c) ? layout.textAt(r, c) : "";
      if (text && !Object.values(metadataCells).includes(toA1(r, c)) && !isMetadataText(text))
        titles.push({ cell: toA1(r, c), text });
    }
  }

  return {
    sheet,
    kind,
    headerTop: block.top,
    headerRow: block.bottom,
    columns: match.columns,
    headers,
    headerPaths,
    metadata,
    metadataCells,
    titles,
    dataRows,
    roles,
    hiddenDuplicates: match.hiddenDuplicates,
    rows: spreadAttributes(layout, kind, match.columns, first),
  };
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
