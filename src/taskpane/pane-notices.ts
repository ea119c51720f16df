/** What the pane says after an action: one failure message with its retry, or a notice of what was written. */
import { HostError, type ClearReport, type FillReport, type HighlightReport } from "../host/host";
import type { ActionName, Strings } from "./i18n";
import type { Failure, Notice } from "./state";

export function describeFailure(err: unknown, action: ActionName, s: Strings): Failure {
  const title = s.failedAction[action];
  if (err instanceof HostError || (err instanceof Error && err.name === "HostError" && "code" in err)) {
    const e = err as HostError;
    const soft = e.code === "cell-edit-mode" || e.code === "workbook-changed";
    return { action, title, message: e.message, intent: soft ? "warning" : "error", retryable: e.retryable !== false };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { action, title, message: s.unexpected(detail || "?"), intent: "error", retryable: true };
}

/** Notice parts, with whether any is a warning the person should see. */
export interface Parts {
  text: string[];
  warning: boolean;
}

function cellNames(cells: readonly { sheet: string; cell: string }[]): string[] {
  const out: string[] = [];
  let last = "";
  for (const c of cells) {
    out.push(c.sheet === last ? c.cell : `${c.sheet}!${c.cell}`);
    last = c.sheet;
  }
  return out;
}

/** What a highlight or a clear report says to the person. */
export function describeHighlight(r: HighlightReport | ClearReport | void, s: Strings, parts: Parts): void {
  if (!r) return;
  if (r.blocked) {
    parts.text.push(s.blocked[r.blocked]);
    parts.warning = true;
  }
  if (r.protectedSheets.length) {
    parts.text.push(s.protectedSheets(r.protectedSheets));
    parts.warning = true;
  }
  if (r.unrestorable.length) {
    parts.text.push(s.unrestorable(cellNames(r.unrestorable)));
    parts.warning = true;
  }
  if (r.notHighlighted.length) {
    parts.text.push(s.notHighlighted(cellNames(r.notHighlighted)));
    parts.warning = true;
  }
}

/** What 再計算・検証's writes say to the person: exactly the cells written. */
export function describeFill(r: number | FillReport, s: Strings, parts: Parts): void {
  if (typeof r === "number") {
    if (r > 0) parts.text.push(s.computedFilled(r));
    return;
  }
  if (r.blocked) {
    parts.text.push(s.blocked[r.blocked]);
    parts.warning = true;
  } else if (r.written.length) parts.text.push(s.computedWritten(cellNames(r.written)));
  else parts.text.push(s.computedUnchanged);
  if (r.leftAlone) parts.text.push(s.computedLeftAlone(r.leftAlone));
  if (r.protectedSheets.length) {
    parts.text.push(s.protectedSheets(r.protectedSheets));
    parts.warning = true;
  }
}

export function noticeOf(parts: Parts, okIntent: Notice["intent"]): Notice | undefined {
  const text = [...new Set(parts.text)].join(" ");
  return text ? { text, intent: parts.warning ? "warning" : okIntent } : undefined;
}
