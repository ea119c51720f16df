/**
 * The pane's state: the last result, what is running, the one message bar, and the filters.
 * A plain reducer, so every transition is testable without React.
 */
import type { CheckResult } from "../core/engine";
import type { Finding, Severity } from "../core/model/finding";
import type { Progress } from "../host/host";
import type { AddedBook, PaneSet } from "./added-books";
import type { ActionName } from "./i18n";

export interface Failure {
  action: ActionName;
  /** Bold title: what failed. */
  title: string;
  /** Why, as the host said it. */
  message: string;
  intent: "error" | "warning";
  retryable: boolean;
}

export interface Notice {
  text: string;
  intent: "success" | "info" | "warning";
}

/** A question the pane asks before it goes on (the one before Kensa's first write of the session). */
export interface Question {
  kind: "undo";
  /** "every-write": any write clears Excel's undo history here; "sheet-changes": adding or deleting Kensa's sheets does. */
  risk: "every-write" | "sheet-changes";
}

export interface PaneState {
  result: CheckResult | null;
  /** When the result was produced (ms since epoch). */
  checkedAt: number | null;
  busy: { action: ActionName; progress: Progress | null } | null;
  failure: Failure | null;
  notice: Notice | null;
  question: Question | null;
  severities: Record<Severity, boolean>;
  /** A rule id, or null for every rule. */
  rule: string | null;
  autoRecheck: boolean;
  /** Other submitters' workbooks added to the set (「他のブックを追加」), in the order added. */
  added: AddedBook[];
  /** The set's outcome at the last check with added workbooks; null when the open workbook was checked alone. */
  set: PaneSet | null;
}

export const initialState: PaneState = {
  result: null,
  checkedAt: null,
  busy: null,
  failure: null,
  notice: null,
  question: null,
  severities: { error: true, warning: true, info: true },
  rule: null,
  autoRecheck: false,
  added: [],
  set: null,
};

export type PaneEvent =
  | { type: "start"; action: ActionName }
  | { type: "progress"; progress: Progress }
  | { type: "result"; result: CheckResult; at: number }
  | { type: "done"; notice?: Notice }
  | { type: "fail"; failure: Failure }
  | { type: "ask"; question: Question }
  | { type: "answered" }
  | { type: "dismiss" }
  /** A notice's time is up (it goes only if it is still the one shown). */
  | { type: "expireNotice"; notice: Notice }
  | { type: "toggleSeverity"; severity: Severity }
  | { type: "setRule"; rule: string | null }
  | { type: "setAutoRecheck"; on: boolean }
  | { type: "addBooks"; books: AddedBook[] }
  | { type: "bookRead"; id: string; error?: string }
  | { type: "removeBook"; id: string }
  | { type: "setResult"; set: PaneSet | null };

export function reducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "start":
      // a new action replaces the previous message: there is only ever one
      return { ...state, busy: { action: event.action, progress: null }, failure: null, notice: null };
    case "progress":
      return state.busy ? { ...state, busy: { ...state.busy, progress: event.progress } } : state;
    case "result": {
      const rules = new Set(event.result.findings.map((f) => f.rule));
      return {
        ...state,
        result: event.result,
        checkedAt: event.at,
        rule: state.rule && rules.has(state.rule) ? state.rule : null,
      };
    }
    case "done":
      return { ...state, busy: null, notice: event.notice ?? state.notice };
    case "fail":
      return { ...state, busy: null, failure: event.failure, notice: null, question: null };
    case "ask":
      return { ...state, question: event.question };
    case "answered":
      return { ...state, question: null };
    case "dismiss":
      return { ...state, failure: null, notice: null };
    case "expireNotice":
      return state.notice === event.notice ? { ...state, notice: null } : state;
    case "toggleSeverity":
      return { ...state, severities: { ...state.severities, [event.severity]: !state.severities[event.severity] } };
    case "setRule":
      return { ...state, rule: event.rule };
    case "setAutoRecheck":
      return { ...state, autoRecheck: event.on };
    case "addBooks":
      return { ...state, added: [...state.added, ...event.books] };
    case "bookRead":
      return {
        ...state,
        added: state.added.map((b) =>
          b.id === event.id ? { ...b, status: event.error === undefined ? "ready" : "error", error: event.error } : b,
        ),
      };
    case "removeBook":
      return { ...state, added: state.added.filter((b) => b.id !== event.id) };
    case "setResult": {
      const set = event.set;
      return {
        ...state,
        set,
        added: state.added.map((b) => {
          const r = set?.added.get(b.id);
          if (!r) return b.result || b.setName ? { ...b, result: undefined, setName: undefined } : b;
          return {
            ...b,
            result: r.result,
            setName: r.name !== b.name ? r.name : undefined,
            error: r.result ? b.error : (r.error ?? b.error),
          };
        }),
      };
    }
  }
}

/** The findings that pass the severity and rule filters. */
export function visibleFindings(state: Pick<PaneState, "result" | "severities" | "rule">): Finding[] {
  if (!state.result) return [];
  return state.result.findings.filter(
    (f) => state.severities[f.severity] && (state.rule === null || f.rule === state.rule),
  );
}

/**
 * The visible findings as the pane lists them: the problems (errors and warnings) first, the infos apart (folded),
 * and the accepted findings (確認済み) apart — never among the problems, whatever their severity.
 */
export interface FindingSections {
  problems: Finding[];
  infos: Finding[];
  accepted: Finding[];
}

export function findingSections(findings: readonly Finding[]): FindingSections {
  const out: FindingSections = { problems: [], infos: [], accepted: [] };
  for (const f of findings) {
    if (f.accepted) out.accepted.push(f);
    else if (f.severity === "info") out.infos.push(f);
    else out.problems.push(f);
  }
  return out;
}

/**
 * The order 「次の問題」/「前の問題」 walk: the problems (errors and warnings) across sheets as listed; the infos
 * when there is no problem left to see.
 */
export function problemOrder(sections: FindingSections): Finding[] {
  return sections.problems.length ? sections.problems : sections.infos;
}

/** The index `step` away from the current one in `order` (wrapping), or the first/last when none is current. */
export function stepIndex(length: number, current: number, step: 1 | -1): number {
  if (length === 0) return -1;
  if (current < 0) return step === 1 ? 0 : length - 1;
  return (current + step + length) % length;
}

export interface SheetGroup {
  sheet: string;
  findings: Finding[];
}

/** Findings grouped by sheet, in workbook order (the engine already sorts them that way). */
export function groupBySheet(findings: readonly Finding[]): SheetGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.sheet);
    if (g) g.push(f);
    else groups.set(f.sheet, [f]);
  }
  return [...groups].map(([sheet, list]) => ({ sheet, findings: list }));
}

/**
 * Rule ids present in a result with the number of findings each has under the severity filter (so the counts
 * follow the other filters), sorted by id. A rule with no finding under the filter is left out, unless it is
 * the one chosen (`keep`), so the list never offers a choice that shows nothing without saying so.
 */
export function rulesPresent(
  result: CheckResult | null,
  severities?: Record<Severity, boolean>,
  keep?: string | null,
): { id: string; count: number }[] {
  if (!result) return [];
  const counts = new Map<string, number>();
  for (const f of result.findings) {
    const n = counts.get(f.rule) ?? 0;
    counts.set(f.rule, n + (!severities || severities[f.severity] ? 1 : 0));
  }
  return [...counts]
    .filter(([id, count]) => count > 0 || id === keep)
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Findings by severity under the rule filter, accepted ones counted apart (the severity toggles' counts). */
export function severityCounts(
  result: CheckResult | null,
  rule: string | null,
): Record<Severity, number> & { accepted: number } {
  const out = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of result?.findings ?? []) {
    if (rule !== null && f.rule !== rule) continue;
    if (f.accepted) out.accepted++;
    else out[f.severity]++;
  }
  return out;
}

export type SheetCounts = Record<Severity, number> & { accepted: number };

/** Per sheet counts by severity, for every sheet of the result; accepted findings (確認済み) are counted apart. */
export function countsBySheet(
  result: CheckResult,
): { name: string; kind: CheckResult["sheets"][number]["kind"]; counts: SheetCounts }[] {
  const bySheet = new Map<string, SheetCounts>();
  const zero = (): SheetCounts => ({ error: 0, warning: 0, info: 0, accepted: 0 });
  for (const s of result.sheets) bySheet.set(s.name, zero());
  for (const f of result.findings) {
    let c = bySheet.get(f.sheet);
    if (!c) {
      c = zero();
      bySheet.set(f.sheet, c);
    }
    if (f.accepted) c.accepted++;
    else c[f.severity]++;
  }
  const kinds = new Map(result.sheets.map((s) => [s.name, s.kind]));
  return [...bySheet].map(([name, counts]) => ({ name, kind: kinds.get(name) ?? null, counts }));
}
