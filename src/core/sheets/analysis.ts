/**
 * What every kind reader gives the shared rules (value/*, structure/duplicate-row, part/exceeds-whole,
 * xref/mismatch, date/era-mismatch and the typed-vs-computed rules). Kind-specific rules use the
 * reader's own typed table instead.
 */
import type { Figure, Parsed, UnitKind } from "../values/types";

/** A numeric cell as the reader sees it. */
export interface NumericCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** Column header label, for messages ("健康・医療関係"). */
  column: string;
  /** Row label, for messages ("国立健康危機管理研究機構"). */
  rowLabel: string;
  parsed: Parsed;
  /** Empty is `value/missing` (error) when true. */
  required: boolean;
  /** A placeholder (`—`) here is info when true, error otherwise. */
  placeholderAllowed: boolean;
  /** Negative values are an error unless true (増減額 may be negative). */
  negativeAllowed?: boolean;
}

/** A text cell scanned for era mismatches (備考, 進捗の詳細, …). */
export interface TextCell {
  sheet: string;
  cell: string;
  text: string;
}

/** A row identity that must be unique within its sheet (機関名, 指標 番号). */
export interface RowKey {
  sheet: string;
  cell: string;
  key: string;
  /** What the key is, for messages: "機関名" or "番号". */
  label: string;
}

/** A reference to a figure in a cell, with what tolerance needs. */
export interface FigureRef {
  sheet: string;
  cell: string;
  value: number;
  decimals: number;
  unitKind: UnitKind;
  unit?: string;
  /** What it is, for messages: "健康・医療関係", "うち国際共同治験数". */
  label: string;
}

/**
 * A cell named by its row and column, as messages quote it: 「理化学研究所」の「健康・医療関係」. The rules' messages
 * read this form back for English (“健康・医療関係” of “理化学研究所”, src/core/rules/message.ts), so it is written here
 * only.
 */
export function rowColumnLabel(row: string, column: string): string {
  return `「${row}」の「${column}」`;
}

/** A figure in `cell` of `sheet`, named `label` in messages. */
export function figureRef(sheet: string, cell: string, f: Figure, unitKind: UnitKind, label: string): FigureRef {
  const r: FigureRef = { sheet, cell, value: f.value, decimals: f.decimals, unitKind, label };
  if (f.unit !== undefined) r.unit = f.unit;
  return r;
}

/** `part/exceeds-whole`: part must not exceed whole. */
export interface PartOfWhole {
  part: FigureRef;
  whole: FigureRef;
}

/** `xref/mismatch`: two figures that must be equal. `b` may be a sum of several cells. */
export interface Equality {
  a: FigureRef;
  b: FigureRef;
  /** Extra cells involved in b (the parts of a sum). */
  bCells?: string[];
  /** Why they must agree, for messages: "アウトプット指標1 = 全体 #1". */
  reason: string;
}

/**
 * A cell the product computes (DOMAIN §3: computed columns). When a person typed a value there,
 * `typed` holds it and the rule named in `rule` compares the two at the typed value's precision.
 */
/** A ratio or achievement rate; an annual target; a year-on-year change as an amount or as a rate. */
export type ComputedKind = "ratio" | "annual-target" | "change-amount" | "change-rate";

/**
 * Why Kensa writes a computed cell as a fixed value instead of a formula: the referenced cell whose text no formula
 * can read (a range, an approximate figure, bracketed parts, a per-year mark…). The apply layer styles such a cell
 * apart from live ones and notes the reason on it.
 */
export interface FixedBecause {
  cell: string;
  /** The referenced cell's header, for the note: "実績". */
  column: string;
  /** The referenced cell as displayed: "51件* (22件/29件)". */
  text: string;
}

export interface ComputedCell {
  sheet: string;
  cell: string;
  /** The computed value (a number, or text such as a suggested grade "A"). */
  value: number | string | null;
  /** Decimals to show the computed number with. */
  decimals?: number;
  /** An Excel formula (without "=") that keeps the workbook live; absent when only a value fits. */
  formula?: string;
  /** Excel number format for the cell when Kensa fills it ("0.0%"). */
  numFmt?: string;
  /** What the cell is, for messages: "健康・医療比率". */
  label: string;
  /**
   * What the computation is, when a value typed in its place is compared with it (the rules layer picks the rule:
   * rules/shared/typed-vs-computed.ts). A suggested grade has none.
   */
  computes?: ComputedKind;
  /** The value a person typed there, when there is one. */
  typed?: { parsed: Parsed; text: string };
  /** Percent values are stored as fractions in Excel but compared in percent. */
  percent?: boolean;
  /** Why there is no formula, when there is none although the cell is written back. */
  fixedBecause?: FixedBecause;
}

export interface SheetAnalysis {
  numericCells: NumericCell[];
  textCells: TextCell[];
  rowKeys: RowKey[];
  partsOfWhole: PartOfWhole[];
  equalities: Equality[];
  computed: ComputedCell[];
}

export function emptyAnalysis(): SheetAnalysis {
  return { numericCells: [], textCells: [], rowKeys: [], partsOfWhole: [], equalities: [], computed: [] };
}
