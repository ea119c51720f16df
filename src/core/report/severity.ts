/**
 * The order and the names of the severities, one table for every face and writer: the CLI's --severity filter and
 * text report, the pane's badges and filters, the 検証結果 sheet and the findings table.
 */
import { SEVERITY_RANK, type Severity } from "../model/finding";
import type { Lang } from "../values/format";

export { SEVERITY_RANK };

/** The name of each severity as a label or a column title (English capitalised; lower-case it inside a sentence). */
export const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

/** Whether a finding of `severity` is at least as serious as `least`. */
export function atLeast(severity: Severity, least: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[least];
}

/** Most serious first; stable for equal severities. */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}
