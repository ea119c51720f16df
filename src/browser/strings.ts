/** Browser mode's own strings (the findings pane keeps its strings in src/taskpane/i18n.ts). */
import type { Lang } from "../core/values/format";

export interface BrowserStrings {
  title: string;
  subtitle: string;
  privacy: string;
  dropTitle: string;
  dropHint: string;
  chooseFiles: string;
  dropActive: string;
  filesHeading: string;
  fileListLabel: string;
  reading: string;
  checking: string;
  show: string;
  showing: string;
  download: string;
  downloadLabel: (name: string) => string;
  downloading: string;
  downloaded: (name: string) => string;
  remove: string;
  removeLabel: (name: string) => string;
  template: string;
  cannotRead: (name: string) => string;
  notXlsxName: (name: string) => string;
  counts: (e: number, w: number, i: number) => string;
  /** The badge of a file with no sheet of a known kind, where the counts would be. */
  notChecked: string;
  notCheckedCaption: string;
  fixesApplied: (n: number) => string;
  noHighlights: string;
  previewHeading: string;
  previewEmpty: string;
  previewOf: (sheet: string, cell: string) => string;
  previewSelected: string;
  previewElsewhere: string;
  previewMissingSheet: (sheet: string) => string;
  previewFormula: (f: string) => string;
  paneLabel: (name: string) => string;
  previewOtherFiles: string;
  previewOtherCell: (file: string, sheet: string, cell: string) => string;
  previewNoValue: string;
  /** What the previewed cell is: the cell, its row's item, its column's header. */
  previewCell: string;
  previewRowLabel: string;
  previewColumnLabel: string;
  /** A related cell that holds nothing. */
  previewBlank: string;
  /** 「次の問題」/「前の問題」 over the errors and warnings of every open file. */
  navLabel: string;
  navPrev: string;
  navNext: string;
  navPosition: (at: number, of: number) => string;
  navCount: (n: number) => string;
  navNone: string;
  navHint: string;
  navWhere: (file: string, sheet: string, cell: string, rule: string) => string;
  /** The set summary (DOMAIN §3.4): every open file is one submission set. */
  setHeading: (files: number) => string;
  setIntro: string;
  setChecking: string;
  setComplete: string;
  setMissing: (codes: string[]) => string;
  setDuplicate: (code: string, places: string[]) => string;
  setSkipped: string;
  setNone: string;
  setProjectsLabel: string;
  setPlace: (file: string, sheet: string) => string;
  setMissingBadge: string;
  setDuplicateBadge: string;
  setTotal: (
    files: number,
    unchecked: number,
    unreadable: number,
    e: number,
    w: number,
    i: number,
    accepted?: number,
  ) => string;
  setPending: (n: number) => string;
  setVerdict: Record<
    "errors" | "unreadable" | "unchecked" | "unfilled" | "warnings" | "rollup-skipped" | "clean",
    string
  >;
  downloadAll: string;
  downloadAllLabel: string;
  downloadAllHint: string;
  /** A file whose name another open file has too: the name the set gives it. */
  setNameNote: (name: string) => string;
  checkFailed: (why: string) => string;
  /** Accepted findings (確認済み, src/core/accept). */
  acceptHeading: string;
  acceptIntro: string;
  acceptNone: string;
  acceptSelected: (cell: string, rule: string) => string;
  acceptReason: string;
  acceptReasonHint: string;
  acceptBy: string;
  acceptButton: string;
  acceptNotFor: string;
  acceptedNow: (cell: string) => string;
  acceptedAlready: string;
  acceptedBy: (by: string) => string;
  acceptedAt: (at: string) => string;
  revoke: string;
  revokeLabel: (cell: string, rule: string) => string;
  revokedNow: (cell: string) => string;
  acceptedList: (n: number) => string;
  acceptedCount: (n: number) => string;
  acceptSaved: string;
  downloadStore: string;
  downloadStoreLabel: (name: string) => string;
  downloadStoreHint: string;
}

const ja: BrowserStrings = {
  title: "Kensa 検査 — ブラウザで検証",
  subtitle: "Excel を使わずに、手元の .xlsx ファイルを検証します。",
  privacy:
    "ファイルはこのブラウザの中だけで読み込み・検証され、どこにも送信（アップロード）されません。注釈付きのコピーもこの端末に保存されます。",
  dropTitle: ".xlsx ファイルをここにドロップ",
  dropHint: "複数のファイルをまとめて開けます。",
  chooseFiles: "ファイルを選択",
  dropActive: "ドロップして開く",
  filesHeading: "開いたファイル",
  fileListLabel: "開いたファイルの一覧",
  reading: "読み込んでいます…",
  checking: "検証しています…",
  show: "表示",
  showing: "表示中",
  // short: the file list is a narrow column beside the findings (the button's accessible name says it in full)
  download: "注釈付きコピー",
  downloadLabel: (n) => `「${n}」の注釈付きコピーをダウンロード`,
  downloading: "作成しています…",
  downloaded: (n) => `「${n}」を保存しました。`,
  remove: "閉じる",
  removeLabel: (n) => `「${n}」を閉じる`,
  template: "テンプレートをダウンロード",
  cannotRead: (n) => `「${n}」を読み込めません`,
  notXlsxName: (n) => `「${n}」は .xlsx ファイルではありません`,
  counts: (e, w, i) => `エラー${e}件・警告${w}件・情報${i}件`,
  notChecked: "未検証",
  notCheckedCaption: "様式に当たるシートがないため、何も検証していません",
  fixesApplied: (n) => `修正${n}件を反映済み`,
  noHighlights: "ハイライトなし",
  previewHeading: "周辺のセル",
  previewEmpty: "指摘を選ぶと、そのセルと周りの値をここに表示します（Excel ではそのセルが選択されます）。",
  previewOf: (s, c) => `${s}!${c}の周辺`,
  previewSelected: "指摘のセル",
  previewElsewhere: "他のシートの関連セル",
  previewMissingSheet: (s) => `シート「${s}」はありません。`,
  previewFormula: (f) => `数式: =${f}`,
  paneLabel: (n) => `「${n}」の検証結果`,
  previewOtherFiles: "他のファイルの関連セル",
  previewOtherCell: (f, sh, c) => `「${f}」の${sh}!${c}`,
  previewNoValue: "（値を読めません）",
  previewCell: "セル",
  previewRowLabel: "項目",
  previewColumnLabel: "列の見出し",
  previewBlank: "（空欄）",
  navLabel: "問題の移動",
  navPrev: "前の問題",
  navNext: "次の問題",
  navPosition: (at, of) => `${of}件中${at}件目`,
  navCount: (n) => `エラー・警告${n}件（開いたすべてのファイル）`,
  navNone: "移動できるエラー・警告はありません。",
  navHint: "F8で次の問題、Shift+F8で前の問題に移ります（ファイルやシートをまたいで移ります）。",
  navWhere: (f, sh, c, r) => `「${f}」の${sh}!${c}：${r}`,
  setHeading: (n) => `提出セット（${n}ファイル）`,
  setIntro:
    "開いたファイルはすべて一つの提出セットとして検証します。全体・PJ1〜PJ8 はファイル名やシート名ではなく、各シートの「統合プロジェクト」の記載で見分けます。",
  setChecking: "提出セットを検証しています…",
  setComplete: "全体・PJ1〜PJ8 がそろっており、ファイルをまたぐ集計と参照を検証しました。",
  setMissing: (codes) => `不足: ${codes.join("、")}`,
  setDuplicate: (code, places) => `重複: ${code}（${places.join("、")}）`,
  setSkipped: "全体シートとの集計の検証は省略しました（全体・PJ1〜PJ8 が一つずつそろうと検証します）。",
  setNone: "全体・PJ のモニタリングシートはありません（集計の検証は対象外です）。",
  setProjectsLabel: "全体・PJ1〜PJ8 の所在",
  setPlace: (f, sh) => `「${f}」の「${sh}」`,
  setMissingBadge: "不足",
  setDuplicateBadge: "重複",
  setTotal: (files, unchecked, unreadable, e, w, i, accepted) => {
    const notes = [
      unchecked ? `未検証${unchecked}件` : "",
      unreadable ? `読めなかったファイル${unreadable}件` : "",
    ].filter(Boolean);
    return `合計${files}ファイル${notes.length ? `（${notes.join("・")}）` : ""}：エラー${e}件・警告${w}件・情報${i}件${accepted ? `・確認済み${accepted}件` : ""}`;
  },
  setPending: (n) => `${n}ファイルを読み込み中`,
  setVerdict: {
    errors: "エラーあり",
    unreadable: "読めないファイルあり",
    unchecked: "未検証のファイルあり",
    unfilled: "未入力のファイルあり",
    warnings: "警告あり",
    "rollup-skipped": "エラーなし（集計は未検証）",
    clean: "問題なし",
  },
  downloadAll: "まとめてダウンロード",
  downloadAllLabel: "提出セット全体の指摘一覧（.xlsx）をまとめてダウンロード",
  downloadAllHint: "全ファイルの指摘を一覧にした Excel ブック（.xlsx）",
  setNameNote: (n) => `提出セット内の名前: ${n}`,
  checkFailed: (why) => `検証中に予期しないエラーが発生しました（${why}）`,
  acceptHeading: "確認済み",
  acceptIntro:
    "説明のつく指摘は、理由を付けて「確認済み」にできます。記録はファイルの中（非表示のシート「Kensa_accepted」）に残り、コマンドラインと Excel アドインでも同じように扱われます。値が変わると自動的に外れます。",
  acceptNone: "指摘を選ぶと、理由を付けて確認済みにできます。",
  acceptSelected: (c, r) => `選んだ指摘: ${c}（${r}）`,
  acceptReason: "確認済みにする理由",
  acceptReasonHint: "例: 指標8は令和8年度からの事業のため、令和7年度の実績は0件",
  acceptBy: "確認者（任意）",
  acceptButton: "確認済みにする",
  acceptNotFor: "この情報は確認済みの記録についてのものです。",
  acceptedNow: (c) => `${c}の指摘を確認済みにしました。保存するには「確認済みを記録して保存」を押してください。`,
  acceptedAlready: "この指摘は確認済みです。",
  acceptedBy: (b) => `確認者: ${b}`,
  acceptedAt: (a) => `日時: ${a}`,
  revoke: "確認済みを取り消す",
  revokeLabel: (c, r) => `${c}（${r}）の確認済みを取り消す`,
  revokedNow: (c) => `${c}の確認済みを取り消しました。`,
  acceptedList: (n) => `このファイルの確認済みの指摘（${n}件）`,
  acceptedCount: (n) => `確認済み${n}件`,
  acceptSaved: "確認済みの記録を変更しました",
  downloadStore: "確認済みを記録して保存",
  downloadStoreLabel: (n) => `「${n}」を確認済みの記録付きで保存`,
  downloadStoreHint: "元のファイルに確認済みの記録だけを加えたもの（ハイライトなどは付けません）",
};

const en: BrowserStrings = {
  title: "Kensa — check in the browser",
  subtitle: "Check local .xlsx files without Excel.",
  privacy:
    "Your files are read and checked inside this browser only. Nothing is sent (uploaded) anywhere; the annotated copies are saved on this computer.",
  dropTitle: "Drop .xlsx files here",
  dropHint: "You can open several files at once.",
  chooseFiles: "Choose files",
  dropActive: "Drop to open",
  filesHeading: "Open files",
  fileListLabel: "Open files",
  reading: "Reading…",
  checking: "Checking…",
  show: "Show",
  showing: "Shown",
  download: "Annotated copy",
  downloadLabel: (n) => `Download annotated copy of ${n}`,
  downloading: "Preparing…",
  downloaded: (n) => `Saved ${n}.`,
  remove: "Close",
  removeLabel: (n) => `Close ${n}`,
  template: "Download template",
  cannotRead: (n) => `Cannot read “${n}”`,
  notXlsxName: (n) => `“${n}” is not an .xlsx file`,
  counts: (e, w, i) => `${e} errors · ${w} warnings · ${i} info`,
  notChecked: "Not checked",
  notCheckedCaption: "No sheet matches a Kensa template, so nothing was checked",
  fixesApplied: (n) => `${n} fix${n === 1 ? "" : "es"} applied`,
  noHighlights: "no highlights",
  previewHeading: "Surrounding cells",
  previewEmpty:
    "Select a finding to see its cells and the values around them here (in Excel the cells would be selected).",
  previewOf: (s, c) => `Around ${s}!${c}`,
  previewSelected: "cells of the finding",
  previewElsewhere: "Related cells on other sheets",
  previewMissingSheet: (s) => `There is no sheet “${s}”.`,
  previewFormula: (f) => `Formula: =${f}`,
  paneLabel: (n) => `Findings for ${n}`,
  previewOtherFiles: "Related cells in other files",
  previewOtherCell: (f, sh, c) => `${sh}!${c} in ${f}`,
  previewNoValue: "(value not available)",
  previewCell: "Cell",
  previewRowLabel: "Item",
  previewColumnLabel: "Column",
  previewBlank: "(blank)",
  navLabel: "Move between problems",
  navPrev: "Previous problem",
  navNext: "Next problem",
  navPosition: (at, of) => `${at} of ${of}`,
  navCount: (n) => (n === 1 ? "1 error or warning in the open files" : `${n} errors and warnings in the open files`),
  navNone: "No errors or warnings to move to.",
  navHint: "F8 moves to the next problem, Shift+F8 to the previous one, across files and sheets.",
  navWhere: (f, sh, c, r) => `${sh}!${c} in ${f}: ${r}`,
  setHeading: (n) => `Submission set (${n} files)`,
  setIntro:
    "All the open files are checked as one submission set. 全体 and PJ1–PJ8 are found by each sheet's 統合プロジェクト entry, never by file or sheet names.",
  setChecking: "Checking the submission set…",
  setComplete: "全体 and PJ1–PJ8 are all present; the roll-up and references were checked across the files.",
  setMissing: (codes) => `Missing: ${codes.join(", ")}`,
  setDuplicate: (code, places) => `Claimed twice: ${code} (${places.join(", ")})`,
  setSkipped:
    "The roll-up to the overall sheet was skipped (it is checked once 全体 and PJ1–PJ8 are each present once).",
  setNone: "No monitoring sheet of 全体 or a PJ (no roll-up to check).",
  setProjectsLabel: "Where 全体 and PJ1–PJ8 are",
  setPlace: (f, sh) => `${sh} in ${f}`,
  setMissingBadge: "missing",
  setDuplicateBadge: "twice",
  setTotal: (files, unchecked, unreadable, e, w, i, accepted) => {
    const notes = [
      unchecked ? `${unchecked} not checked` : "",
      unreadable ? `${unreadable} could not be read` : "",
    ].filter(Boolean);
    return `Total ${files} files${notes.length ? ` (${notes.join(", ")})` : ""}: ${e} errors · ${w} warnings · ${i} info${accepted ? ` · ${accepted} accepted` : ""}`;
  },
  setPending: (n) => `reading ${n} file${n === 1 ? "" : "s"}`,
  setVerdict: {
    errors: "Errors",
    unreadable: "Unreadable files",
    unchecked: "Files not checked",
    unfilled: "Files not filled in",
    warnings: "Warnings",
    "rollup-skipped": "No errors (roll-up not checked)",
    clean: "No problems",
  },
  downloadAll: "Download all findings",
  downloadAllLabel: "Download all findings of the whole submission set (.xlsx)",
  downloadAllHint: "One Excel workbook (.xlsx) listing every file's findings",
  setNameNote: (n) => `named ${n} in the submission set`,
  checkFailed: (why) => `Unexpected error while checking (${why})`,
  acceptHeading: "Accepted",
  acceptIntro:
    "A finding that is explained can be accepted with a reason. The record stays inside the file (the very hidden sheet “Kensa_accepted”), and the command line and the Excel add-in honour it too. It lapses by itself when the values change.",
  acceptNone: "Select a finding to accept it with a reason.",
  acceptSelected: (c, r) => `Selected: ${c} (${r})`,
  acceptReason: "Reason for accepting",
  acceptReasonHint: "e.g. indicator 8 starts in FY2026, so 0 so far is expected",
  acceptBy: "Accepted by (optional)",
  acceptButton: "Accept",
  acceptNotFor: "This info is about the record of accepted findings itself.",
  acceptedNow: (c) => `The finding at ${c} is accepted. Use “Save with acceptances” to keep it.`,
  acceptedAlready: "This finding is accepted.",
  acceptedBy: (b) => `by ${b}`,
  acceptedAt: (a) => `at ${a}`,
  revoke: "Revoke",
  revokeLabel: (c, r) => `Revoke the acceptance of ${c} (${r})`,
  revokedNow: (c) => `The acceptance of ${c} was revoked.`,
  acceptedList: (n) => `Accepted findings of this file (${n})`,
  acceptedCount: (n) => `${n} accepted`,
  acceptSaved: "acceptances changed",
  downloadStore: "Save with acceptances",
  downloadStoreLabel: (n) => `Save ${n} with its record of accepted findings`,
  downloadStoreHint: "The original file with the record of accepted findings added (no highlights)",
};

export const BROWSER_STRINGS: Record<Lang, BrowserStrings> = { ja, en };
