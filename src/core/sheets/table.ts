import type { Sheet } from "../model/workbook";
import type { SheetKind } from "./kinds";

/** A sheet recognised as one of the kinds: where its header is and which column holds what. */
export interface DetectedTable {
  sheet: Sheet;
  kind: SheetKind;
  /** 0-based row of the header. */
  headerRow: number;
  /** Column key → 0-based columns (more than one only for repeated columns). */
  columns: Record<string, number[]>;
  /** Header text of every non-empty header cell, by column. */
  headers: Map<number, string>;
  /** Metadata found above the header: 報告年度, 単位, 統合プロジェクト, … (label → raw text). */
  metadata: Record<string, string>;
  /** 0-based data rows: below the header, not blank, not footnotes. */
  dataRows: number[];
}

export function column(table: DetectedTable, key: string): number | undefined {
  return table.columns[key]?.[0];
}
