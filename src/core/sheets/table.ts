import type { Cell, Sheet } from "../model/workbook";
import type { SheetKind } from "../model/kinds";
import type { RowRole } from "./structure/rows";

/** A sheet recognised as one of the kinds: where its header is and which column holds what. */
export interface DetectedTable {
  sheet: Sheet;
  kind: SheetKind;
  /** 0-based first row of the header block (one to three rows). */
  headerTop: number;
  /** 0-based last row of the header block. */
  headerRow: number;
  /** Column key → 0-based columns (more than one only for repeated columns). */
  columns: Readonly<Record<string, readonly number[]>>;
  /**
   * Header text by column, for messages and qualifiers: the reading that matched for a key column
   * (`全体` under `予算額（億円）`), else the column's label with its parent as a qualifier.
   */
  headers: ReadonlyMap<number, string>;
  /** Every label above each column, top first (`予算額（億円）`, `全体`), with units from an annex row. */
  headerPaths: ReadonlyMap<number, readonly string[]>;
  /** Metadata found above the data: 報告年度, 単位, 統合プロジェクト, … (label → raw text). */
  metadata: Record<string, string>;
  /** Where each metadata value was read (label → A1). */
  metadataCells: Record<string, string>;
  /** Other texts above the header (titles such as 「モニタリング指標（PJ1 医薬品プロジェクト）」), top first. */
  titles: readonly { cell: string; text: string }[];
  /** 0-based data rows: below the header and its annex, not blank, footnotes, legends or headings. */
  dataRows: number[];
  /** The role of every row below the header block that is not data. */
  roles: ReadonlyMap<number, RowRole>;
  /** Hidden columns whose label repeats a visible column's: working columns, not read. */
  hiddenDuplicates: readonly { key: string; hidden: number; visible: number }[];
  /**
   * The grid readers read: the sheet's cells, except that an attribute merged down over several data rows
   * (目標の種類, 期間, 区分, 所管, 内訳) is given to every row it spans. Addresses are the sheet's own.
   */
  rows: (Cell | undefined)[][];
}

export function column(table: DetectedTable, key: string): number | undefined {
  return table.columns[key]?.[0];
}

/** Every label above a column joined into one text, to find units and years in any of them. */
export function headerPathText(table: DetectedTable, col: number | undefined): string | undefined {
  if (col === undefined) return undefined;
  const path = table.headerPaths.get(col);
  return path ? path.join(" ") : table.headers.get(col);
}
