/** What the pane's string tables (./strings-ja.ts, ./strings-en.ts) share besides their shape. */

/** The pane's actions; a failure remembers which one to retry. */
export type ActionName =
  | "check"
  | "recalcCheck"
  | "select"
  | "applyFix"
  | "insertTemplate"
  | "writeResultSheet"
  | "clearHighlights"
  | "removeAll"
  | "autoRecheck"
  | "accept"
  | "revoke";

/** Up to 12 items, then "and n more". */
export function listOf(items: readonly string[], sep: string, more: (n: number) => string, max = 12): string {
  return items.length <= max ? items.join(sep) : `${items.slice(0, max).join(sep)}${sep}${more(items.length - max)}`;
}
