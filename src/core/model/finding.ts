/** Findings are plain, serialisable objects (DOMAIN §4). */

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Most serious first: the order of every list of findings, and of `--severity` (a finding shows at most its rank). */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A proposed correction, returned as data; the caller decides whether to apply it. */
export interface Fix {
  sheet: string;
  cell: string;
  /** The corrected value, when it is a constant. */
  value?: number | string;
  /** An Excel formula (without "="), when the cell should stay live. */
  formula?: string;
}

/**
 * A finding accepted (確認済み) with a reason: set by the engine from the workbook's acceptance store
 * (src/core/accept) when the values the finding involves are still the ones accepted. An accepted finding keeps
 * its severity but is never counted as an error, warning or info (Summary.accepted counts it apart).
 */
export interface Accepted {
  reason: string;
  /** Who accepted it, when they said. */
  by?: string;
  /** When, as ISO 8601 (`2025-12-02T10:15:00+09:00`). */
  at?: string;
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
  /** 計算値: what Kensa computes (docs/messages.md). */
  expected?: number;
  /** 記入値: the figure the cell holds (docs/messages.md). */
  actual?: number;
  fix?: Fix;
  /** Present when the finding is accepted (確認済み). */
  accepted?: Accepted;
}
