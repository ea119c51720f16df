/**
 * What became of one workbook (DOMAIN §4: never a silent pass), shared by the CLI, browser mode and the
 * task pane:
 *
 * - `checked`: at least one sheet is of a known kind, so the rules ran on it;
 * - `unchecked` (未検証): the workbook was read but no sheet is of a known kind, so nothing was checked.
 *   Never reported as "no problems", whatever the findings say;
 * - `unreadable`: the file could not be read (not an .xlsx, corrupt, password-protected, empty…);
 * - `failed`: an unexpected error inside Kensa while checking it (a bug to report, not the file's fault).
 */
import type { SheetKind } from "../model/kinds";

export const FILE_STATUSES = ["checked", "unchecked", "unreadable", "failed"] as const;

export type FileStatus = (typeof FILE_STATUSES)[number];

/** A read workbook's status from its sheets' kinds: `unchecked` unless some sheet is of a known kind. */
export function checkStatus(sheets: readonly { kind: SheetKind | null }[]): "checked" | "unchecked" {
  return sheets.some((s) => s.kind !== null) ? "checked" : "unchecked";
}

/** True when no sheet of the workbook is of a known kind: nothing was checked. */
export function isUnchecked(result: { sheets: readonly { kind: SheetKind | null }[] }): boolean {
  return checkStatus(result.sheets) === "unchecked";
}
