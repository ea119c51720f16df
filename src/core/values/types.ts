/** What a cell means once parsed (DOMAIN §2.1). Produced by parseCell() in ./parse.ts. */

/** How a figure is compared (DOMAIN §2.2): counts exactly, amounts and percentages by interval. */
export type UnitKind = "count" | "amount" | "percent" | "none";

/** One figure with the precision it was displayed with. */
export interface Figure {
  value: number;
  /** Displayed decimals: "16" → 0, "59.9" → 1. Negative for multipliers ("145.7万" → −3). */
  decimals: number;
  unit?: string;
  label?: string;
}

export interface NumberValue extends Figure {
  kind: "number";
  unitKind: UnitKind;
  /** Trailing bracket that is not a list of numbers: "(臨床医学・R3~R5 平均)". */
  remark?: string;
  /**
   * Bracketed figures after the main one:
   * - cumulative: "51件* (22件/29件)" (per-year parts of a cumulative value)
   * - average:    "平均3件 (4件/2件)"
   * - breakdown:  "12件（9件／3件）", "5件（低分子医薬品2件／高分子医薬品－抗体3件）" (two or more parts)
   * - of-which:   "29件（0件）" (one うち figure)
   */
  parts?: Figure[];
  partsKind?: "cumulative" | "average" | "breakdown" | "of-which";
  /** "採択件数：43件 (採択企業数：40社)" → secondary 採択企業数 40社. */
  secondary?: Figure;
}

/** "男：89.0% 女：11.0%" */
export interface SharesValue {
  kind: "shares";
  shares: Figure[];
}

export interface PlaceholderValue {
  kind: "placeholder";
  text: string;
}

export interface EmptyValue {
  kind: "empty";
}

export interface ErrorValue {
  kind: "error";
  /** "#REF!", "#DIV/0!", … */
  code: string;
}

/**
 * An approximate figure (DOMAIN §2.1): `約70`, `70件程度`, `概ね70`, `70前後`, `70強`, `～70`, `12件（約9件／3件）`.
 * Not a number to compute with; the exact figure is needed.
 */
export interface Approximate {
  /** The qualifier as written: `約`, `程度`, `概ね`, `前後`, `強`, `～`, `余`, `概数` (a remark `（概数）`)… */
  qualifier: string;
  /** The approximate figure as written, qualifier included: `約9件` in `12件（約9件／3件）`; the whole text when it is the figure. */
  figure: string;
}

export interface NotANumber {
  kind: "not-a-number";
  text: string;
  reason: "text" | "date" | "boolean" | "too-large" | "approximate";
  /** Set when reason is "approximate". */
  approximate?: Approximate;
}

export type Parsed = NumberValue | SharesValue | PlaceholderValue | EmptyValue | ErrorValue | NotANumber;
