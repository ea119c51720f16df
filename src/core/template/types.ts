/**
 * A pure description of Kensa's blank template workbook: what each cell holds and how it looks.
 * The exceljs adapter writes it to a file; the Excel add-in inserts the same content via Office.js.
 * Rows and columns are 0-based.
 */
import type { SheetKind } from "../model/kinds";

/** How a cell looks; adapters map these to fonts, fills and borders. */
export type TemplateStyle =
  | "title"
  | "hint"
  | "metaLabel"
  | "metaValue"
  | "header"
  | "input"
  /** A prefilled label (指標, 内訳, 項目): wrapped within its column, never spilling into the next. */
  | "label"
  | "computed"
  | "total"
  | "totalComputed"
  | "section";

export interface TemplateCell {
  row: number;
  col: number;
  /** A constant (labels, sample 区分 of the total row). Never starts with "=": formulas go in `formula`. */
  value?: string | number;
  /** Excel formula without "=". Its cached result is left to the spreadsheet (the adapter asks for a full recalculation on load). */
  formula?: string;
  numFmt?: string;
  style?: TemplateStyle;
}

/** A short title and a message, as Excel shows them (title ≤ 32 characters, message ≤ 255). */
export interface TemplateMessage {
  title: string;
  message: string;
}

export interface TemplateValidation {
  /** A1 range, e.g. "L6:L45". */
  range: string;
  /** Allowed values (shown as a drop-down). */
  list: string[];
  /** true: other values are refused; false: Excel warns but accepts them. */
  strict: boolean;
  /** Shown while the cell is selected. */
  prompt?: TemplateMessage;
  /** Shown when a value outside the list is typed. */
  error?: TemplateMessage;
}

/**
 * What a typed figure may be: `decimal` any number ≥ min (amounts in 億円, targets), `half` a count, whole or
 * half (0.5 steps), ≥ min; `any` anything (a prompt only: 期間, 報告年度, a share written as text).
 */
export interface TemplateInputRule {
  range: string;
  type: "decimal" | "half" | "any";
  min?: number;
  /** true: other values are refused; false: Excel warns but accepts them (a placeholder such as —). */
  strict: boolean;
  prompt: TemplateMessage;
  error?: TemplateMessage;
}

/** How the sheet prints: A4 landscape, fitted to the page width, the header rows repeated on every page. */
export interface TemplatePrint {
  /** 0-based first and last rows repeated at the top of every page. */
  titleRows: [number, number];
}

export interface TemplateColumn {
  key: string;
  /** Header label exactly as the detector expects (DOMAIN §3; always Japanese). */
  header: string;
  /** Width in characters. */
  width: number;
  /** Number format of the data cells. */
  numFmt?: string;
  /** Filled by a formula (shaded, not for typing). */
  computed?: boolean;
}

export interface TemplateSheet {
  name: string;
  kind: SheetKind;
  columns: TemplateColumn[];
  headerRow: number;
  /** First and last 0-based rows of the block of data rows. */
  firstDataRow: number;
  lastDataRow: number;
  cells: TemplateCell[];
  /** Drop-down lists. */
  validations: TemplateValidation[];
  /** Limits and prompts of the typed figures and texts. */
  inputRules: TemplateInputRule[];
  /** Merged ranges (A1), e.g. the hint across the table's width. */
  merges: string[];
  /** Row heights in points by 0-based row, where a wrapped label needs more than one line. */
  rowHeights: Record<number, number>;
  print: TemplatePrint;
  /** Rows above this are frozen (the header stays visible). */
  freezeRows: number;
  freezeCols: number;
}

export interface TemplateSpec {
  sheets: TemplateSheet[];
}
