/** The task pane's strings in Japanese, as a ministry reviewer writes them: 「」 around names, no spaced particles. */
import type { Severity } from "../core/model/finding";
import { SEVERITY_LABELS } from "../core/report/severity";
import { listOf, type ActionName } from "./strings-common";

/** Every language's strings have the shape of this table: the same keys, the same arguments. */
export type Strings = typeof ja;

export const ja = {
  appTitle: "Kensa 検査",
  // toolbar
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
  // status
  checking: "検証しています…",
  reading: "ブックを読み取っています…",
  analysing: "ルールを適用しています…",
  highlighting: "セルに結果を表示しています…",
  working: "処理しています…",
  progressLabel: "進行状況",
  // states
  emptyTitle: "まだ検証していません",
  emptyBody: "「検証」を押すと、ブックのすべてのシートを確認し、問題のあるセルを一覧にします。",
  noProblemsTitle: "問題は見つかりませんでした",
  noProblemsBody: (n: number) => `${n}枚のシートを確認しました。`,
  notCheckedTitle: "未検証：様式に当たるシートがありません",
  notCheckedBody: (n: number) =>
    n === 1
      ? "このブックのシートは Kensa の様式（インハウス予算・予算内訳・アウトプット指標・モニタリング）に当たりません。最初の30行に様式の見出し行が見つからなかったため、何も検証していません。"
      : `このブックの${n}枚のシートは、どれも Kensa の様式（インハウス予算・予算内訳・アウトプット指標・モニタリング）に当たりません。どのシートの最初の30行にも様式の見出し行が見つからなかったため、何も検証していません。`,
  /** In Excel, where the pane can insert the template's sheets. */
  notCheckedHint:
    "様式のシートを追加するには「テンプレート挿入」を押してください。既存の表を検証するには、見出しの文言（例:「機関名」「全体」「健康・医療関係」）が様式どおりか確認してください。",
  /** In browser mode, where the template is a download. */
  notCheckedHintFile:
    "「テンプレートをダウンロード」で様式を確かめ、見出しの文言（例:「機関名」「全体」「健康・医療関係」）が様式どおりか確認してください。",
  notCheckedReasons: "シートごとの理由は、下の「情報」の指摘にあります。",
  readAt: (t: string) => `${t}に読み取りました`,
  noMatches: "絞り込みに一致する指摘はありません。",
  notInExcelTitle: "Excel の外で開かれています",
  notInExcelBody:
    "この画面は Excel のアドインとして動作します。Excel でアドインを読み込んでから開いてください（Office.js を読み込めない場合もこの表示になります）。",
  // summary
  summaryHeading: "概要",
  bySheetHeading: "シート別",
  severity: SEVERITY_LABELS.ja,
  severityPlural: SEVERITY_LABELS.ja,
  countOf: (s: Severity, n: number) => `${SEVERITY_LABELS.ja[s]}${n}件`,
  sheetOfNoKind: "対象外のシート",
  sheetCounts: (e: number, w: number, i: number, a?: number) =>
    `エラー${e}件、警告${w}件、情報${i}件${a ? `、確認済み${a}件` : ""}`,
  /** The folded per-sheet counts. */
  bySheetToggle: (n: number) => `シート別の件数（${n}シート）`,
  /** The folded summary: counts by severity and by sheet. */
  summaryToggle: (n: number) => `概要：重要度別・シート別の件数（${n}シート）`,
  /** The folded workbook actions, naming what is inside. */
  moreActionsToggle: "その他の操作（テンプレート挿入など）",
  acceptedCount: (n: number) => `確認済み${n}件`,
  // findings
  findingsHeading: (shown: number, total: number) =>
    shown === total ? `指摘${total}件` : `指摘${total}件中${shown}件を表示`,
  filterSeverity: "重要度で絞り込み",
  filterRule: "ルールで絞り込み",
  /** The rule filter's visible label, beside it. */
  filterRuleShort: "ルール",
  allRules: "すべてのルール",
  /** State of a severity toggle, for its title. */
  filterShown: (sev: string) => `${sev}を表示中（押すと隠します）`,
  filterHidden: (sev: string) => `${sev}を隠しています（押すと表示します）`,
  ruleOption: (name: string, n: number) => `${name}（${n}件）`,
  // sections and navigation
  problemsHeading: (n: number) => `エラー・警告（${n}件）`,
  infosHeading: (n: number) => `情報（${n}件）`,
  acceptedHeading: (n: number) => `確認済み（${n}件）`,
  noProblemsLeft: "表示中のエラー・警告はありません。",
  prevProblem: "前の問題",
  nextProblem: "次の問題",
  navPosition: (i: number, n: number) => `${n}件中${i}件目`,
  navNone: (n: number) => `${n}件`,
  navLabel: "問題の移動（F8で次、Shift+F8で前）",
  // accepted findings (確認済み)
  accept: "確認済みにする",
  acceptLabel: (cell: string) => `${cell}の指摘を確認済みにする`,
  acceptTitle: (sheet: string, cell: string) => `${sheet}!${cell}の指摘を確認済みにする`,
  acceptIntro:
    "説明のつく指摘は、理由を付けて確認済みにできます。記録はこのブックの非表示のシート「Kensa_accepted」に残り、コマンドラインとブラウザー版でも同じように扱われます。関係するセルの値が変わると、確認済みは自動的に外れます。",
  acceptReason: "確認済みにする理由",
  acceptReasonHint: "例: 指標8は令和8年度からの事業のため、令和7年度の実績は0件",
  acceptBy: "確認者（任意）",
  acceptApply: "確認済みにする",
  acceptCancel: "キャンセル",
  acceptedBadge: "確認済み",
  acceptedReason: (t: string) => `理由: ${t}`,
  revoke: "取り消す",
  revokeLabel: (cell: string) => `${cell}の確認済みを取り消す`,
  acceptedNow: (cell: string) => `${cell}の指摘を確認済みにしました。`,
  revokedNow: (cell: string) => `${cell}の確認済みを取り消しました。`,
  // 記入値 is what the cell holds (JSON actual), 計算値 what Kensa computes (JSON expected): docs/messages.md
  expected: "計算値",
  actual: "記入値",
  selectFinding: (cell: string, message: string) => `${cell}を選択: ${message}`,
  fix: "修正",
  fixLabel: (cell: string) => `${cell}を修正`,
  groupLabel: (sheet: string, n: number) => `${sheet}（${n}件）`,
  // fix dialog
  fixTitle: (sheet: string, cell: string) => `${sheet}!${cell}の修正`,
  fixIntro: "次のとおりセルを書き換えます。よろしいですか。",
  fixCurrent: "現在",
  fixNew: "修正後",
  fixEmpty: "（空欄）",
  fixApply: "修正する",
  fixCancel: "キャンセル",
  fixFormulaNote: (v: string) => `計算結果: ${v}`,
  // notices
  computedFilled: (n: number) => `計算セル${n}個を入力しました。`,
  /** Exactly the cells 再計算・検証 wrote. */
  computedWritten: (cells: string[]) =>
    `計算セル${cells.length}個に数式を入れました: ${listOf(cells, "、", (n) => `ほか${n}個`)}。`,
  computedUnchanged: "計算セルに変更はありません。",
  computedLeftAlone: (n: number) => `入力済みのセル${n}個はそのままにしました。`,
  protectedSheets: (sheets: string[]) =>
    `保護されたシート${sheets.map((x) => `「${x}」`).join("")}には書き込んでいません（検証は行いました。指摘は一覧のとおりです）。`,
  blocked: {
    "workbook-protected":
      "ブックの構成が保護されているため、Kensa は記録用の非表示シートを追加できず、何も書き込んでいません（検証結果は一覧のとおりです）。",
    "state-protected":
      "Kensa の記録用シート「Kensa_state」が保護されているため、何も書き込んでいません（検証結果は一覧のとおりです）。",
    "state-foreign":
      "「Kensa_state」という名前のシートが Kensa のものではないため、何も書き込んでいません（検証結果は一覧のとおりです）。",
  },
  unrestorable: (cells: string[]) =>
    `記録された元の塗りつぶしを読み取れないため、次のセルはそのままにしました: ${listOf(cells, "、", (n) => `ほか${n}個`)}。`,
  notHighlighted: (cells: string[]) =>
    `グラデーションの塗りつぶしは元に戻せないため、次のセルには色を付けていません: ${listOf(cells, "、", (n) => `ほか${n}個`)}。`,
  highlightsSkipped: "セルには何も書き込んでいません（検証結果は一覧のとおりです）。",
  removedAll: (formulas: number, sheets: string[]) =>
    `Kensa が入れた数式${formulas}個${sheets.length ? `とシート${sheets.map((x) => `「${x}」`).join("")}` : ""}を削除しました。`,
  keptFormulas: (n: number) => `その後に変更された計算セル${n}個はそのままにしました。`,
  // the question before the first write
  undoTitle: "Excel の「元に戻す」について",
  undoEveryWrite:
    "この Excel では、アドインがブックに書き込むと「元に戻す」（Ctrl+Z）の履歴が消えます。Kensa はこれから問題のセルに色とメモを付けます（値は変えません。「ハイライト解除」で元に戻せます）。続けますか？",
  undoSheetChanges:
    "Kensa が記録用の非表示シートを追加・削除するとき、Excel の「元に戻す」（Ctrl+Z）の履歴が消えます。それ以外の書き込みは Ctrl+Z で1回ずつ取り消せます。続けますか？",
  undoContinue: "続行",
  undoCancel: "書き込まない",
  checkedAt: (t: string) => `${t}に検証しました`,
  templateAdded: (names: string[]) => `シートを追加しました: ${names.join("、")}`,
  templateNone: "追加するシートはありません（すべて揃っています）。",
  resultSheetWritten: "結果シートを出力しました。",
  highlightsCleared: "ハイライトを解除しました。",
  fixApplied: (cell: string) => `${cell}を修正しました。`,
  // errors
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
  } satisfies Record<ActionName, string>,
  unexpected: (d: string) => `予期しないエラーが発生しました: ${d}`,
};
