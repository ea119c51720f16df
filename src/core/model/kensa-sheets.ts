/**
 * How Kensa recognises the sheets it writes into a workbook, at the bottom layer because the rules need it
 * (a Kensa sheet is never checked) as much as the writers do. What goes on those sheets is planned in
 * ../apply/result-sheet.ts and ../apply/fix-log.ts.
 */
import type { Sheet } from "./workbook";

export const RESULT_SHEET_NAMES = { ja: "検証結果", en: "Kensa results" } as const;

/** Marker Kensa puts in A1 of its result sheet, so a user's own sheet of that name is never mistaken for it. */
export const RESULT_SHEET_MARKER = "Kensa 検証結果";

/** The log of the changes Kensa made to figures (../apply/fix-log.ts). */
export const FIX_LOG_NAMES = { ja: "修正履歴", en: "Kensa fixes" } as const;
/** A1 of the fix log. Unlike the result sheet, the log is kept and appended to, never replaced. */
export const FIX_LOG_MARKER = "Kensa 修正履歴";

/** True for a sheet Kensa wrote (its results, its fix log, its state): never checked. */
export function isKensaResultSheet(sheet: Sheet): boolean {
  const a1 = sheet.rows[0]?.[0]?.value;
  return typeof a1 === "string" && (a1.startsWith(RESULT_SHEET_MARKER) || a1.startsWith(FIX_LOG_MARKER));
}

/** True when a result sheet (to be replaced by the next one) starts with this A1. */
export function isResultSheetTitle(a1: unknown): boolean {
  return typeof a1 === "string" && a1.startsWith(RESULT_SHEET_MARKER);
}

/** True when a fix log (to be appended to) starts with this A1. */
export function isFixLogTitle(a1: unknown): boolean {
  return typeof a1 === "string" && a1.startsWith(FIX_LOG_MARKER);
}
