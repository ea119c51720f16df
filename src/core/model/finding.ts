/** Findings are plain, serialisable objects (DOMAIN §4). */

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A proposed correction, returned as data; the caller decides whether to apply it. */
export interface Fix {
  sheet: string;
  cell: string;
  /** The corrected value, when it is a constant. */
  value?: number | string;
  /** An Excel formula (without "="), when the cell should stay live. */
  formula?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell to look at first. */
  cell: string;
  /** Every cell involved; the first is `cell`. Cells on other sheets are written `'Sheet'!A1`. */
  cells: string[];
  /** Japanese (or English with lang=en), with the numbers. */
  message: string;
  expected?: number;
  actual?: number;
  fix?: Fix;
}
