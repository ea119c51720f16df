/**
 * The task pane's strings, Japanese first, English otherwise. The language follows Office's display
 * language inside Excel, and the browser's language outside it.
 */
import { createContext, useContext } from "react";
import type { Severity } from "../core/model/finding";
import type { Lang } from "../core/values/format";

export type { Lang };

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

const ja: Strings = {
  appTitle: "Kensa 検査",
  check: "検証",
  recalcCheck: "再計算・検証",
  checkHint: "ブックを読み取り、すべてのルールで検証します。値は変えず、問題のセルに色とメモを付けます",
  recalcCheckHint: "ブックを再計算し、空欄の計算セルに数式を入れてから検証します",
  insertTemplate: "テンプレート挿入",
  writeResultSheet: "結果シート出力",
  clearHighlights: "ハイライト解除",
  clearHighlightsHint: "Kensa が付けた色とメモを消し、各セルを元の塗りつぶしとメモに戻します",
  removeAll: "Kensa の変更を削除",
  removeAllHint:
    "ハイライトとメモに加え、Kensa が入れた数式・結果シート・記録用シートも削除して、ブックを元の状態に戻します",
  moreActions: "その他の操作",
  autoRecheck: "編集後に自動で再検証",
  autoRecheckHint: "セルを編集すると約1.5秒後に再検証します",
  autoRecheckUnavailable: "この環境では自動再検証を利用できません",
  checking: "検証しています…",
  reading: "ブックを読み取っています…",
  analysing: "ルールを適用しています…",
  highlighting: "セルに結果を表示しています…",
  working: "処理しています…",
  progressLabel: "進行状況",
  emptyTitle: "まだ検証していません",
  emptyBody: "「検証」を押すと、ブックのすべてのシートを確認し、問題のあるセルを一覧にします。",
  noProblemsTitle: "問題は見つかりませんでした",
  noProblemsBody: (n) => `${n} 枚のシートを確認しました。`,
  notCheckedTitle: "未検証：様式に当たるシートがありません",
  notCheckedBody: (n) =>
    n === 1
      ? "このブックのシートは Kensa の様式（インハウス予算・予算内訳・アウトプット指標・モニタリング）に当たりません。最初の30行に様式の見出し行が見つからなかったため、何も検証していません。"
      : `このブックの ${n} 枚のシートは、どれも Kensa の様式（インハウス予算・予算内訳・アウトプット指標・モニタリング）に当たりません。どのシートの最初の30行にも様式の見出し行が見つからなかったため、何も検証していません。`,
  notCheckedHint:
    "様式のシートを追加するには「テンプレート挿入」を押してください。既存の表を検証するには、見出しの文言（例:「機関名」「全体」「健康・医療関係」）が様式どおりか確認してください。",
  notCheckedHintFile:
    "「テンプレートをダウンロード」で様式を確かめ、見出しの文言（例:「機関名」「全体」「健康・医療関係」）が様式どおりか確認してください。",
  notCheckedReasons: "シートごとの理由は、下の「情報」の指摘にあります。",
  readAt: (t) => `${t} に読み取りました`,
  noMatches: "絞り込みに一致する指摘はありません。",
  notInExcelTitle: "Excel の外で開かれています",
  notInExcelBody:
    "この画面は Excel のアドインとして動作します。Excel でアドインを読み込んでから開いてください（Office.js を読み込めない場合もこの表示になります）。",
  summaryHeading: "概要",
  bySheetHeading: "シート別",
  severity: { error: "エラー", warning: "警告", info: "情報" },
  severityPlural: { error: "エラー", warning: "警告", info: "情報" },
  countOf: (s, n) => `${ja.severity[s]} ${n} 件`,
  sheetOfNoKind: "対象外のシート",
  sheetCounts: (e, w, i, a) => `エラー ${e} 件、警告 ${w} 件、情報 ${i} 件${a ? `、確認済み ${a} 件` : ""}`,
  bySheetToggle: (n) => `シート別の件数（${n} シート）`,
  summaryToggle: (n) => `概要：重要度別・シート別の件数（${n} シート）`,
  moreActionsToggle: "その他の操作（テンプレート挿入など）",
  acceptedCount: (n) => `確認済み ${n} 件`,
  findingsHeading: (shown, total) => (shown === total ? `指摘 ${total} 件` : `指摘 ${shown} / ${total} 件`),
  filterSeverity: "重要度で絞り込み",
  filterRule: "ルールで絞り込み",
  filterRuleShort: "ルール",
  allRules: "すべてのルール",
  filterShown: (sev) => `${sev}を表示中（押すと隠します）`,
  filterHidden: (sev) => `${sev}を隠しています（押すと表示します）`,
  ruleOption: (name, n) => `${name}（${n} 件）`,
  problemsHeading: (n) => `エラー・警告（${n} 件）`,
  infosHeading: (n) => `情報（${n} 件）`,
  acceptedHeading: (n) => `確認済み（${n} 件）`,
  noProblemsLeft: "表示中のエラー・警告はありません。",
  prevProblem: "前の問題",
  nextProblem: "次の問題",
  navPosition: (i, n) => `${i} / ${n} 件目`,
  navNone: (n) => `${n} 件`,
  navLabel: "問題の移動（F8 で次、Shift+F8 で前）",
  accept: "確認済みにする",
  acceptLabel: (cell) => `${cell} の指摘を確認済みにする`,
  acceptTitle: (sheet, cell) => `${sheet}!${cell} の指摘を確認済みにする`,
  acceptIntro:
    "説明のつく指摘は、理由を付けて確認済みにできます。記録はこのブックの非表示のシート「Kensa_accepted」に残り、コマンドラインとブラウザー版でも同じように扱われます。関係するセルの値が変わると、確認済みは自動的に外れます。",
  acceptReason: "確認済みにする理由",
  acceptReasonHint: "例: 指標8は令和8年度からの事業のため、令和7年度の実績は0件",
  acceptBy: "確認者（任意）",
  acceptApply: "確認済みにする",
  acceptCancel: "キャンセル",
  acceptedBadge: "確認済み",
  acceptedReason: (t) => `理由: ${t}`,
  revoke: "取り消す",
  revokeLabel: (cell) => `${cell} の確認済みを取り消す`,
  acceptedNow: (cell) => `${cell} の指摘を確認済みにしました。`,
  revokedNow: (cell) => `${cell} の確認済みを取り消しました。`,
  // 記入値 is what the cell holds (JSON actual), 計算値 what Kensa computes (JSON expected): docs/messages.md
  expected: "計算値",
  actual: "記入値",
  selectFinding: (cell, message) => `${cell} を選択: ${message}`,
  fix: "修正",
  fixLabel: (cell) => `${cell} を修正`,
  groupLabel: (sheet, n) => `${sheet}（${n} 件）`,
  fixTitle: (sheet, cell) => `${sheet}!${cell} の修正`,
  fixIntro: "次のとおりセルを書き換えます。よろしいですか。",
  fixCurrent: "現在",
  fixNew: "修正後",
  fixEmpty: "（空欄）",
  fixApply: "修正する",
  fixCancel: "キャンセル",
  fixFormulaNote: (v) => `計算結果: ${v}`,
  computedFilled: (n) => `計算セル ${n} 個を入力しました。`,
  computedWritten: (cells) =>
    `計算セル ${cells.length} 個に数式を入れました: ${listOf(cells, "、", (n) => `ほか ${n} 個`)}。`,
  computedUnchanged: "計算セルに変更はありません。",
  computedLeftAlone: (n) => `入力済みのセル ${n} 個はそのままにしました。`,
  protectedSheets: (sheets) =>
    `保護されたシート${sheets.map((x) => `「${x}」`).join("")}には書き込んでいません（検証は行いました。指摘は一覧のとおりです）。`,
  blocked: {
    "workbook-protected":
      "ブックの構成が保護されているため、Kensa は記録用の非表示シートを追加できず、何も書き込んでいません（検証結果は一覧のとおりです）。",
    "state-protected":
      "Kensa の記録用シート「Kensa_state」が保護されているため、何も書き込んでいません（検証結果は一覧のとおりです）。",
    "state-foreign":
      "「Kensa_state」という名前のシートが Kensa のものではないため、何も書き込んでいません（検証結果は一覧のとおりです）。",
  },
  unrestorable: (cells) =>
    `記録された元の塗りつぶしを読み取れないため、次のセルはそのままにしました: ${listOf(cells, "、", (n) => `ほか ${n} 個`)}。`,
  notHighlighted: (cells) =>
    `グラデーションの塗りつぶしは元に戻せないため、次のセルには色を付けていません: ${listOf(cells, "、", (n) => `ほか ${n} 個`)}。`,
  highlightsSkipped: "セルには何も書き込んでいません（検証結果は一覧のとおりです）。",
  removedAll: (formulas, sheets) =>
    `Kensa が入れた数式 ${formulas} 個${sheets.length ? `とシート${sheets.map((x) => `「${x}」`).join("")}` : ""}を削除しました。`,
  keptFormulas: (n) => `その後に変更された計算セル ${n} 個はそのままにしました。`,
  undoTitle: "Excel の「元に戻す」について",
  undoEveryWrite:
    "この Excel では、アドインがブックに書き込むと「元に戻す」（Ctrl+Z）の履歴が消えます。Kensa はこれから問題のセルに色とメモを付けます（値は変えません。「ハイライト解除」で元に戻せます）。続けますか？",
  undoSheetChanges:
    "Kensa が記録用の非表示シートを追加・削除するとき、Excel の「元に戻す」（Ctrl+Z）の履歴が消えます。それ以外の書き込みは Ctrl+Z で 1 回ずつ取り消せます。続けますか？",
  undoContinue: "続行",
  undoCancel: "書き込まない",
  checkedAt: (t) => `${t} に検証しました`,
  templateAdded: (names) => `シートを追加しました: ${names.join("、")}`,
  templateNone: "追加するシートはありません（すべて揃っています）。",
  resultSheetWritten: "結果シートを出力しました。",
  highlightsCleared: "ハイライトを解除しました。",
  fixApplied: (cell) => `${cell} を修正しました。`,
  retry: "再試行",
  dismiss: "閉じる",
  failedAction: {
    check: "検証できませんでした",
    recalcCheck: "再計算・検証できませんでした",
    select: "セルを選択できませんでした",
    applyFix: "修正を適用できませんでした",
    insertTemplate: "テンプレートを挿入できませんでした",
    writeResultSheet: "結果シートを出力できませんでした",
    clearHighlights: "ハイライトを解除できませんでした",
    removeAll: "Kensa の変更を削除できませんでした",
    autoRecheck: "自動再検証を開始できませんでした",
    accept: "確認済みにできませんでした",
    revoke: "確認済みを取り消せませんでした",
  },
  unexpected: (d) => `予期しないエラーが発生しました: ${d}`,
};

const en: Strings = {
  appTitle: "Kensa",
  check: "Check",
  recalcCheck: "Recalculate & check",
  checkHint: "Read the workbook and run every rule; changes no value, only colours and notes the cells with problems",
  recalcCheckHint: "Recalculate the workbook, put formulas in the empty computed cells, then check it",
  insertTemplate: "Insert template",
  writeResultSheet: "Write result sheet",
  clearHighlights: "Clear highlights",
  clearHighlightsHint: "Removes Kensa's colours and notes and gives every cell back its own fill and note",
  removeAll: "Remove Kensa's changes",
  removeAllHint:
    "Besides the highlights and notes, removes the formulas, the result sheet and the record sheet Kensa added: the workbook as you had it",
  moreActions: "More actions",
  autoRecheck: "Re-check automatically after edits",
  autoRecheckHint: "Re-checks about 1.5 seconds after you edit a cell",
  autoRecheckUnavailable: "Automatic re-check is not available here",
  checking: "Checking…",
  reading: "Reading the workbook…",
  analysing: "Applying the rules…",
  highlighting: "Showing the results on the cells…",
  working: "Working…",
  progressLabel: "Progress",
  emptyTitle: "Not checked yet",
  emptyBody: "Press “Check” to examine every sheet of the workbook and list the cells with problems.",
  noProblemsTitle: "No problems found",
  noProblemsBody: (n) => `${n} sheet${n === 1 ? "" : "s"} checked.`,
  notCheckedTitle: "Not checked: no sheet matches a Kensa template",
  notCheckedBody: (n) =>
    `${n === 1 ? "The one sheet" : `None of the ${n} sheets`} of this workbook ${n === 1 ? "does not match" : "matches"} a Kensa template (in-house budget, budget breakdown, output indicators, monitoring): no template header row was found in the first 30 rows of any sheet, so nothing was checked.`,
  notCheckedHint:
    "Press “Insert template” to add the template's sheets, or, to check an existing table, make sure its header labels read as in the template (e.g. 機関名, 全体, 健康・医療関係).",
  notCheckedHintFile:
    "Download the template to compare, and make sure the header labels read as in the template (e.g. 機関名, 全体, 健康・医療関係).",
  notCheckedReasons: "The info findings below say why for each sheet.",
  readAt: (t) => `Read at ${t}`,
  noMatches: "No findings match the filters.",
  notInExcelTitle: "Not running inside Excel",
  notInExcelBody:
    "This pane runs as an Excel add-in. Load the add-in in Excel and open it from there (you also see this when Office.js could not be loaded).",
  summaryHeading: "Summary",
  bySheetHeading: "By sheet",
  severity: { error: "Error", warning: "Warning", info: "Info" },
  severityPlural: { error: "Errors", warning: "Warnings", info: "Info" },
  countOf: (s, n) => `${n} ${n === 1 ? en.severity[s].toLowerCase() : en.severityPlural[s].toLowerCase()}`,
  sheetOfNoKind: "Not a checked sheet",
  sheetCounts: (e, w, i, a) => `${e} errors, ${w} warnings, ${i} info${a ? `, ${a} accepted` : ""}`,
  bySheetToggle: (n) => `Counts by sheet (${n} sheet${n === 1 ? "" : "s"})`,
  summaryToggle: (n) => `Summary: counts by severity and by sheet (${n} sheet${n === 1 ? "" : "s"})`,
  moreActionsToggle: "More actions (insert template…)",
  acceptedCount: (n) => `${n} accepted`,
  findingsHeading: (shown, total) =>
    shown === total ? `${total} finding${total === 1 ? "" : "s"}` : `${shown} of ${total} findings`,
  filterSeverity: "Filter by severity",
  filterRule: "Filter by rule",
  filterRuleShort: "Rule",
  allRules: "All rules",
  filterShown: (sev) => `${sev}: shown (press to hide)`,
  filterHidden: (sev) => `${sev}: hidden (press to show)`,
  ruleOption: (name, n) => `${name} (${n})`,
  problemsHeading: (n) => `Errors and warnings (${n})`,
  infosHeading: (n) => `Info (${n})`,
  acceptedHeading: (n) => `Accepted (${n})`,
  noProblemsLeft: "No errors or warnings are shown.",
  prevProblem: "Previous problem",
  nextProblem: "Next problem",
  navPosition: (i, n) => `${i} of ${n}`,
  navNone: (n) => `${n}`,
  navLabel: "Move between problems (F8 next, Shift+F8 previous)",
  accept: "Accept",
  acceptLabel: (cell) => `Accept the finding at ${cell}`,
  acceptTitle: (sheet, cell) => `Accept the finding at ${sheet}!${cell}`,
  acceptIntro:
    "A finding that has an explanation can be accepted with a reason. The record stays in this workbook, on the hidden sheet “Kensa_accepted”, and the command line and browser mode honour it too. It lapses by itself when a value involved changes.",
  acceptReason: "Reason for accepting",
  acceptReasonHint: "E.g. indicator 8 starts in R8, so R7 has no result",
  acceptBy: "Accepted by (optional)",
  acceptApply: "Accept",
  acceptCancel: "Cancel",
  acceptedBadge: "Accepted",
  acceptedReason: (t) => `Reason: ${t}`,
  revoke: "Revoke",
  revokeLabel: (cell) => `Revoke the acceptance at ${cell}`,
  acceptedNow: (cell) => `Accepted the finding at ${cell}.`,
  revokedNow: (cell) => `Revoked the acceptance at ${cell}.`,
  expected: "Computed",
  actual: "Entered",
  selectFinding: (cell, message) => `Select ${cell}: ${message}`,
  fix: "Fix",
  fixLabel: (cell) => `Fix ${cell}`,
  groupLabel: (sheet, n) => `${sheet} (${n})`,
  fixTitle: (sheet, cell) => `Fix ${sheet}!${cell}`,
  fixIntro: "Kensa will change the cell as follows. Continue?",
  fixCurrent: "Now",
  fixNew: "After",
  fixEmpty: "(empty)",
  fixApply: "Apply fix",
  fixCancel: "Cancel",
  fixFormulaNote: (v) => `Evaluates to ${v}`,
  computedFilled: (n) => `Filled ${n} computed cell${n === 1 ? "" : "s"}.`,
  computedWritten: (cells) =>
    `Put formulas in ${cells.length} computed cell${cells.length === 1 ? "" : "s"}: ${listOf(cells, ", ", (n) => `and ${n} more`)}.`,
  computedUnchanged: "No computed cell changed.",
  computedLeftAlone: (n) => `${n} cell${n === 1 ? "" : "s"} with a typed value left as they are.`,
  protectedSheets: (sheets) =>
    `Nothing was written to the protected sheet${sheets.length === 1 ? "" : "s"} ${sheets.map((x) => `“${x}”`).join(", ")} (they were checked; the findings are in the list).`,
  blocked: {
    "workbook-protected":
      "The workbook's structure is protected, so Kensa cannot add its hidden record sheet and wrote nothing (the findings are in the list).",
    "state-protected":
      "Kensa's record sheet “Kensa_state” is protected, so Kensa wrote nothing (the findings are in the list).",
    "state-foreign":
      "A sheet named “Kensa_state” is not Kensa's, so Kensa wrote nothing (the findings are in the list).",
  },
  unrestorable: (cells) =>
    `These cells were left as they are, because their recorded original fill cannot be read: ${listOf(cells, ", ", (n) => `and ${n} more`)}.`,
  notHighlighted: (cells) =>
    `A gradient fill cannot be put back, so these cells were not coloured: ${listOf(cells, ", ", (n) => `and ${n} more`)}.`,
  highlightsSkipped: "Nothing was written to the cells (the findings are in the list).",
  removedAll: (formulas, sheets) =>
    `Removed ${formulas} formula${formulas === 1 ? "" : "s"} Kensa had put in${sheets.length ? ` and the sheet${sheets.length === 1 ? "" : "s"} ${sheets.map((x) => `“${x}”`).join(", ")}` : ""}.`,
  keptFormulas: (n) => `${n} computed cell${n === 1 ? "" : "s"} changed since were left as they are.`,
  undoTitle: "About Excel's Undo",
  undoEveryWrite:
    "In this Excel, a write by an add-in clears the Undo (Ctrl+Z) history. Kensa is about to colour and note the cells with problems (no value changes; Clear highlights takes them off). Continue?",
  undoSheetChanges:
    "When Kensa adds or deletes its hidden record sheet, Excel's Undo (Ctrl+Z) history is cleared; its other writes can be undone one at a time. Continue?",
  undoContinue: "Continue",
  undoCancel: "Don't write",
  checkedAt: (t) => `Checked at ${t}`,
  templateAdded: (names) => `Added sheets: ${names.join(", ")}`,
  templateNone: "No sheets to add (every kind is already there).",
  resultSheetWritten: "Result sheet written.",
  highlightsCleared: "Highlights cleared.",
  fixApplied: (cell) => `Fixed ${cell}.`,
  retry: "Retry",
  dismiss: "Dismiss",
  failedAction: {
    check: "Could not check the workbook",
    recalcCheck: "Could not recalculate and check",
    select: "Could not select the cells",
    applyFix: "Could not apply the fix",
    insertTemplate: "Could not insert the template",
    writeResultSheet: "Could not write the result sheet",
    clearHighlights: "Could not clear the highlights",
    removeAll: "Could not remove Kensa's changes",
    autoRecheck: "Could not start the automatic re-check",
    accept: "Could not accept the finding",
    revoke: "Could not revoke the acceptance",
  },
  unexpected: (d) => `Unexpected error: ${d}`,
};

export const STRINGS: Record<Lang, Strings> = { ja, en };

/** Up to 12 items, then "and n more". */
export function listOf(items: readonly string[], sep: string, more: (n: number) => string, max = 12): string {
  return items.length <= max ? items.join(sep) : `${items.slice(0, max).join(sep)}${sep}${more(items.length - max)}`;
}

/** "ja", "ja-JP" → Japanese; anything else → English. */
export function langFromTag(tag: string | undefined | null): Lang {
  return tag && /^ja(\b|[-_])/i.test(tag.trim()) ? "ja" : "en";
}

/** Office's display language when Office.js is ready, else the browser's. */
export function detectLanguage(): Lang {
  let tag: string | undefined;
  try {
    if (typeof Office !== "undefined") tag = Office.context?.displayLanguage;
  } catch {
    tag = undefined;
  }
  if (!tag && typeof navigator !== "undefined") tag = navigator.language;
  return langFromTag(tag);
}

export interface I18n {
  lang: Lang;
  s: Strings;
}

export const I18nContext = createContext<I18n>({ lang: "ja", s: ja });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Numbers as users read them: grouped, at most 4 decimals. */
export function formatValue(v: number | string | boolean | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return v.toLocaleString(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 4 });
  return String(v);
}
