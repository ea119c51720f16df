/** The sheet Kensa writes its findings to; never checked itself. */
import type { Sheet } from "../../model/workbook";

export const RESULT_SHEET_NAMES = { ja: "検証結果", en: "Kensa results" } as const;

/** Marker Kensa puts in A1 of its result sheet, so a user's own sheet of that name is never mistaken for it. */
export const RESULT_SHEET_MARKER = "Kensa 検証結果";

export function isKensaResultSheet(sheet: Sheet): boolean {
  const a1 = sheet.rows[0]?.[0]?.value;
  return typeof a1 === "string" && a1.startsWith(RESULT_SHEET_MARKER);
}
