/**
 * A pure description of Kensa's blank template workbook: what each cell holds and how it looks.
 * The exceljs adapter writes it to a file; the Excel add-in inserts the same content via Office.js.
 * Rows and columns are 0-based.
 */
import type { SheetKind } from "../sheets/kinds";

/** How a cell looks; adapters map these to fonts, fills and borders. */
export type TemplateStyle = "title" | "hint" | "metaLabel" | "metaValue" | "header" | "input" | "computed" | "total" | "totalComputed" | "section";

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

export interface TemplateValidation {
  /** A1 range, e.g. "L6:L45". */
  range: string;
  /** Allowed values (shown as a drop-down). */
  list: string[];
  /** true: other values are refused; false: Excel warns but accepts them. */
  strict: boolean;
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
  validations: TemplateValidation[];
  /** Rows above this are frozen (the header stays visible). */
  freezeRows: number;
  freezeCols: number;
}

export interface TemplateSpec {
  sheets: TemplateSheet[];
}
