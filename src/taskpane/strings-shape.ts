/** The shape of the task pane's strings (./i18n.ts): every text the pane shows, in each language. */
import type { Severity } from "../core/model/finding";

export interface Strings {
  appTitle: string;
  // toolbar
  check: string;
  recalcCheck: string;
  checkHint: string;
  recalcCheckHint: string;
  insertTemplate: string;
  writeResultSheet: string;
  clearHighlights: string;
  clearHighlightsHint: string;
  removeAll: string;
  removeAllHint: string;
  moreActions: string;
  autoRecheck: string;
  autoRecheckHint: string;
  autoRecheckUnavailable: string;
  // status
  checking: string;
  reading: string;
  analysing: string;
  highlighting: string;
  working: string;
  progressLabel: string;
  // states
  emptyTitle: string;
  emptyBody: string;
  noProblemsTitle: string;
  noProblemsBody: (sheets: number) => string;
  notCheckedTitle: string;
  notCheckedBody: (sheets: number) => string;
  /** In Excel, where the pane can insert the template's sheets. */
  notCheckedHint: string;
  /** In browser mode, where the template is a download. */
  notCheckedHintFile: string;
  notCheckedReasons: string;
  readAt: (time: string) => string;
  noMatches: string;
  notInExcelTitle: string;
  notInExcelBody: string;
  // summary
  summaryHeading: string;
  bySheetHeading: string;
  severity: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  countOf: (severity: Severity, n: number) => string;
  sheetOfNoKind: string;
  sheetCounts: (e: number, w: number, i: number, accepted?: number) => string;
  /** The folded per-sheet counts. */
  bySheetToggle: (sheets: number) => string;
  /** The folded summary: counts by severity and by sheet. */
  summaryToggle: (sheets: number) => string;
  /** The folded workbook actions, naming what is inside. */
  moreActionsToggle: string;
  acceptedCount: (n: number) => string;
  // findings
  findingsHeading: (shown: number, total: number) => string;
  filterSeverity: string;
  filterRule: string;
  /** The rule filter's visible label, beside it. */
  filterRuleShort: string;
  allRules: string;
  /** State of a severity toggle, for its title. */
  filterShown: (severity: string) => string;
  filterHidden: (severity: string) => string;
  ruleOption: (name: string, count: number) => string;
  // sections and navigation
  problemsHeading: (n: number) => string;
  infosHeading: (n: number) => string;
  acceptedHeading: (n: number) => string;
  noProblemsLeft: string;
  prevProblem: string;
  nextProblem: string;
  navPosition: (i: number, n: number) => string;
  navNone: (n: number) => string;
  navLabel: string;
  // accepted findings (確認済み)
  accept: string;
  acceptLabel: (cell: string) => string;
  acceptTitle: (sheet: string, cell: string) => string;
  acceptIntro: string;
  acceptReason: string;
  acceptReasonHint: string;
  acceptBy: string;
  acceptApply: string;
  acceptCancel: string;
  acceptedBadge: string;
  acceptedReason: (text: string) => string;
  revoke: string;
  revokeLabel: (cell: string) => string;
  acceptedNow: (cell: string) => string;
  revokedNow: (cell: string) => string;
  expected: string;
  actual: string;
  selectFinding: (cell: string, message: string) => string;
  fix: string;
  fixLabel: (cell: string) => string;
  groupLabel: (sheet: string, n: number) => string;
  // fix dialog
  fixTitle: (sheet: string, cell: string) => string;
  fixIntro: string;
  fixCurrent: string;
  fixNew: string;
  fixEmpty: string;
  fixApply: string;
  fixCancel: string;
  fixFormulaNote: (value: string) => string;
  // notices
  computedFilled: (n: number) => string;
  /** Exactly the cells 再計算・検証 wrote. */
  computedWritten: (cells: string[]) => string;
  computedUnchanged: string;
  computedLeftAlone: (n: number) => string;
  protectedSheets: (sheets: string[]) => string;
  blocked: Record<"workbook-protected" | "state-protected" | "state-foreign", string>;
  unrestorable: (cells: string[]) => string;
  notHighlighted: (cells: string[]) => string;
  highlightsSkipped: string;
  removedAll: (formulas: number, sheets: string[]) => string;
  keptFormulas: (n: number) => string;
  // the question before the first write
  undoTitle: string;
  undoEveryWrite: string;
  undoSheetChanges: string;
  undoContinue: string;
  undoCancel: string;
  checkedAt: (time: string) => string;
  templateAdded: (names: string[]) => string;
  templateNone: string;
  resultSheetWritten: string;
  highlightsCleared: string;
  fixApplied: (cell: string) => string;
  // errors
  retry: string;
  dismiss: string;
  failedAction: Record<ActionName, string>;
  unexpected: (detail: string) => string;
}

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
