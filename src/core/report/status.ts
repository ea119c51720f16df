/**
 * What became of one workbook (DOMAIN §4: never a silent pass), shared by the CLI, browser mode and the
 * task pane:
 *
 * - `checked`: at least one sheet is of a known kind, so the rules ran on it;
 * - `unchecked` (未検証): the workbook was read but no sheet is of a known kind, so nothing was checked.
 *   Never reported as "no problems", whatever the findings say;
 * - `unfilled` (未入力): every sheet of a known kind is still blank (structure/unfilled): a template sent back
 *   empty is not a pass either;
 * - `unreadable`: the file could not be read (not an .xlsx, corrupt, password-protected, empty…);
 * - `failed`: an unexpected error inside Kensa while checking it (a bug to report, not the file's fault).
 */
import type { SheetKind } from "../model/kinds";

export const FILE_STATUSES = ["checked", "unchecked", "unfilled", "unreadable", "failed"] as const;

export type FileStatus = (typeof FILE_STATUSES)[number];

/** The rule that marks a sheet of a known kind where nothing has been entered yet. */
const UNFILLED_RULE = "structure/unfilled";

/**
 * A read workbook's status: `unchecked` unless some sheet is of a known kind; `unfilled` when every such sheet
 * is still blank (each carries a structure/unfilled finding).
 */
export function checkStatus(
  sheets: readonly { name: string; kind: SheetKind | null }[],
  findings: readonly { rule: string; sheet: string }[] = [],
): "checked" | "unchecked" | "unfilled" {
  const known = sheets.filter((s) => s.kind !== null);
  if (!known.length) return "unchecked";
  const blank = new Set(findings.filter((f) => f.rule === UNFILLED_RULE).map((f) => f.sheet));
  return known.every((s) => blank.has(s.name)) ? "unfilled" : "checked";
}

/** True when no sheet of the workbook is of a known kind: nothing was checked. */
export function isUnchecked(result: { sheets: readonly { name: string; kind: SheetKind | null }[] }): boolean {
  return checkStatus(result.sheets) === "unchecked";
}
