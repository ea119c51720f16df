/** Browser mode's own strings (the findings pane keeps its strings in src/taskpane/i18n.ts). */
import type { Lang } from "../core/report/format";

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
  download: "注釈付きコピーをダウンロード",
  downloadLabel: (n) => `${n} の注釈付きコピーをダウンロード`,
  downloading: "作成しています…",
  downloaded: (n) => `${n} を保存しました。`,
  remove: "閉じる",
  removeLabel: (n) => `${n} を閉じる`,
  template: "テンプレートをダウンロード",
  cannotRead: (n) => `「${n}」を読み込めません`,
  notXlsxName: (n) => `「${n}」は .xlsx ファイルではありません`,
  counts: (e, w, i) => `エラー ${e} 件・警告 ${w} 件・情報 ${i} 件`,
  notChecked: "未検証",
  notCheckedCaption: "様式に当たるシートがないため、何も検証していません",
  fixesApplied: (n) => `修正 ${n} 件を反映済み`,
  noHighlights: "ハイライトなし",
  previewHeading: "周辺のセル",
  previewEmpty: "指摘を選ぶと、そのセルと周りの値をここに表示します（Excel ではそのセルが選択されます）。",
  previewOf: (s, c) => `${s}!${c} の周辺`,
  previewSelected: "指摘のセル",
  previewElsewhere: "他のシートの関連セル",
  previewMissingSheet: (s) => `シート「${s}」はありません。`,
  previewFormula: (f) => `数式: =${f}`,
  paneLabel: (n) => `${n} の検証結果`,
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
  download: "Download annotated copy",
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
  previewEmpty: "Select a finding to see its cells and the values around them here (in Excel the cells would be selected).",
  previewOf: (s, c) => `Around ${s}!${c}`,
  previewSelected: "cells of the finding",
  previewElsewhere: "Related cells on other sheets",
  previewMissingSheet: (s) => `There is no sheet “${s}”.`,
  previewFormula: (f) => `Formula: =${f}`,
  paneLabel: (n) => `Findings for ${n}`,
};

export const BROWSER_STRINGS: Record<Lang, BrowserStrings> = { ja, en };
