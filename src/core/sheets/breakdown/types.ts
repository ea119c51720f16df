/** What the 予算内訳 reader (./read.ts) gives the rules: typed rows, the groups that add them up, うち sets. */
import type { Parsed, Figure } from "../../values/types";
import type { DetectedTable } from "../table";
import type { BreakdownRow } from "./row";
import type { SumPart } from "../inhouse/sums";
import type { AmountColumn } from "./columns";

/** A 増減額 / 増減率 cell (./row.ts: ChangeCell). */
export interface ComputedColumnCell {
  cell: string;
  col: number;
  parsed: Parsed;
  /** As written or shown, trimmed. */
  text: string;
}

export type { BreakdownRow };

export type GroupStyle = "below" | "above" | "nested" | "grand" | "empty";

export interface BreakdownGroup {
  row: BreakdownRow;
  kind: "subtotal" | "total";
  style: GroupStyle;
  /** The rows added, in row order. */
  parts: BreakdownRow[];
}

export interface OfWhichSet {
  whole: BreakdownRow;
  parts: BreakdownRow[];
}

export interface BreakdownTable {
  table: DetectedTable;
  sheet: string;
  unit: string;
  amountCols: AmountColumn[];
  /** Indexes into amountCols of 前年度 and 当年度 (only with two or more amount columns). */
  prev?: number;
  cur?: number;
  labels: { name: string; change: string; changeRate: string };
  rows: BreakdownRow[];
  groups: BreakdownGroup[];
  groupOf: Map<BreakdownRow, BreakdownGroup>;
  ofWhich: OfWhichSet[];
  /** Prefix counts of non-heading data rows (a SUM range over parts must not cross another one). */
  blocking: Int32Array;
  /** Figure of a row in an amount column: the stated one, or for an empty 小計 / 合計 the computed sum. */
  effective(row: BreakdownRow, ci: number): Figure | undefined;
  /** The parts of a group in one amount column, as the sum helpers take them. */
  partsOf(group: BreakdownGroup, ci: number): SumPart[];
  /** Placeholders (`—`) are accepted here: previous-year columns (a new programme) and うち / 内数 / 再掲 rows. */
  placeholderAllowed(row: BreakdownRow, ci: number): boolean;
}
