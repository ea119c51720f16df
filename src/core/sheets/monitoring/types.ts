/** What the モニタリング reader (./read.ts) gives the rules: a sheet's indicators, groups, items, 細目, shares, うち. */
import type { CatalogueGroup, CatalogueIndicator, CatalogueItem } from "../../catalogue/schema";
import type { Figure, Parsed, UnitKind } from "../../values/types";
import type { DetectedTable } from "../table";

/** Which project a sheet (or a re-listed row) belongs to: PJ1…PJ8, or the whole plan (全体). */
export type ProjectId = { kind: "project"; number: number; code: string } | { kind: "overall"; code: "全体" };

/** How a label matched the catalogue: exactly (after normalisation and aliases), or as a near miss. */
export interface LabelMatch {
  exact: boolean;
  /** The catalogue label a near miss was taken for. */
  suggestion?: string;
  /** Not even a near miss: the text names something else than the catalogue entry (indicator labels only). */
  differs?: boolean;
}

export interface MonSubItem {
  /** The label as written (細目 cell or the composite part's label); undefined for unnamed parts. */
  label?: string;
  key?: string;
  /** Canonical catalogue label, when matched. */
  canonical?: string;
  match?: LabelMatch;
  /** Where the label is written (the 細目 cell); undefined for composite parts. */
  labelCell?: string;
  /** The figure; undefined when the 値 cell is not a number. */
  figure?: Figure;
  unitKind: UnitKind;
  /** The 値 cell of a 細目 row, or the composite cell. */
  cell: string;
  /** True for a part of a composite value (`12件（9件／3件）`). */
  composite: boolean;
  /** The parsed 値 of a 細目 row (undefined for composite parts). */
  parsed?: Parsed;
}

/** One share of a percentages item (indicator 7: 男 / 女 / その他). */
export interface MonShare {
  /** As written: the 項目 or 細目 text of a share row, or the label inside the value (`男：89.0%`). */
  label: string;
  /** The catalogue share key (male, female, other); undefined for a label the catalogue does not list. */
  key?: string;
  /** Canonical catalogue label (男), when matched. */
  canonical?: string;
  match?: LabelMatch;
  /** Where the label is: 項目 or 細目 of a share row, or inside the 値 cell. */
  labelColumn: "項目" | "細目" | "値";
  /** The label's own cell (項目 or 細目); undefined when the label is inside the value. */
  labelCell?: string;
  /** The percentage; undefined when the 値 is not a number (or is a count or an amount). */
  figure?: Figure;
  /** The 値 cell: the share row's, or the composite cell shared by every part. */
  cell: string;
  /** A part of the item's own 値 (`男：89.0% 女：11.0%`, or `男：89.0%` on the item's row). */
  composite: boolean;
  /** The parsed 値 of a share row of its own (undefined for composite parts). */
  parsed?: Parsed;
}

export interface MonOfWhich {
  figure: Figure;
  unitKind: UnitKind;
  cell: string;
  /** From the うち column (true) or a composite `29件（0件）` (false). */
  fromColumn: boolean;
}

export interface MonItem {
  row: number;
  /** As written in 項目 ("" when blank). */
  label: string;
  labelCell: string;
  key?: string;
  canonical?: string;
  catalogueItem?: CatalogueItem;
  match?: LabelMatch;
  /** The label matched nothing in the catalogue (nearest label when one is close). */
  unknown?: { nearest?: string };
  /** The 値 of the item's own row; kind "empty" when the item only appears on 細目 rows. */
  value: Parsed;
  valueCell: string;
  /** The item has a row of its own (細目 blank); false when only its 細目 rows are written. */
  hasValueRow: boolean;
  ofWhich: MonOfWhich[];
  /** The うち column of the item's row, parsed, when the column exists and the cell is not empty. */
  ofWhichColumn?: { parsed: Parsed; cell: string };
  subItems: MonSubItem[];
  /** The shares of a percentages item (composite parts and share rows, in reading order); [] for other items. */
  shares: MonShare[];
}

export interface MonGroup {
  /** As written in 内訳; null for a blank 内訳. */
  label: string | null;
  labelCell?: string;
  key?: string;
  catalogueGroup?: CatalogueGroup;
  match?: LabelMatch;
  /**
   * 内訳 names an item rather than a group (`研究者の男女（その他）比率` written in 内訳): the group is the item's
   * catalogue group, its only item is that one, and match tells how the 内訳 text matched the item.
   */
  namesItem?: boolean;
  items: MonItem[];
}

export interface MonIndicator {
  row: number;
  number: string;
  numberCell: string;
  /** アウトプット指標 as written. */
  label: string;
  labelCell: string;
  catalogue?: CatalogueIndicator;
  labelMatch?: LabelMatch;
  /** 指標値. */
  total: Parsed;
  totalCell: string;
  groups: MonGroup[];
}

export interface ProjectSpecificRow {
  row: number;
  /** On the 全体 sheet: the project named in 内訳 (inherited from the row above when blank). */
  project?: ProjectId;
  projectText?: string;
  label: string;
  labelCell: string;
  value: Parsed;
  valueCell: string;
  /** Which column the value was read from. */
  valueColumn: "指標値" | "値";
}

export interface MonitoringSheet {
  table: DetectedTable;
  sheet: string;
  /** From the 統合プロジェクト metadata, else from a title above the table; undefined when neither names one. */
  project?: ProjectId;
  projectText?: string;
  /** Where the project was read: the metadata value's cell, or the title's. */
  projectCell?: string;
  /** True when no 統合プロジェクト was written and the project was taken from a title. */
  projectFromTitle?: boolean;
  indicators: MonIndicator[];
  projectSpecific: ProjectSpecificRow[];
  /** Non-empty 備考 cells. */
  notes: { cell: string; text: string }[];
}
