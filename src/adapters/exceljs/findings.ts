/**
 * The findings workbook of a run (issue 8): every finding of every file of the set on one sheet, one row per file
 * on a second, and where the projects are on a third. Made for reviewers: a frozen header row with filters,
 * wrapped text, each cell address a link to the cell in its workbook, A4 landscape fitted to the page width with
 * the header repeated on every printed page.
 *
 * Every text is written as a string cell, so a message, file or sheet name starting with `=` stays text: the
 * only formulas are the HYPERLINK links, built from escaped string literals. Browser-safe (no Node imports): the
 * CLI writes the bytes with writeFileAtomic, browser mode can offer them for download.
 */
import ExcelJS from "exceljs";
import { type Lang } from "../../core/values/format";
import { internalReference } from "../../core/apply/plan";
import { rowHeight, wrappedLines } from "../../core/apply/result-sheet";
import { stripInvalidXmlChars } from "../../core/apply/excel-text";
import { makeValidForExcel } from "./excel-valid";
import { kensaFont } from "./result-sheet";
import { landscapeA4 } from "./print";
import {
  fileHeaders,
  fileRows,
  findingCells,
  findingHeaders,
  findingRows,
  type FileOutcome,
  type TableFile,
} from "../../core/report/table";
import { KIND_TITLES, type SheetKind } from "../../core/model/kinds";
import type { Severity } from "../../core/model/finding";

/** Where each project's monitoring sheet is in the set (checkSet's SetSummary, with files as given). */
export interface FindingsSetInfo {
  projects: { project: string; sheets: { file: string; sheet: string }[] }[];
  rollup: "checked" | "skipped" | "none";
}

export interface FindingsWorkbookOptions {
  lang: Lang;
  /**
   * The link to a file of the run as seen from the findings workbook (a path relative to its folder), or undefined
   * for no link (browser mode, where files have no place on disk).
   */
  linkOf?: (file: string) => string | undefined;
  /** Descriptions of rules the short-name table does not know (custom rules). */
  describe?: (rule: string) => { ja: string; en: string } | undefined;
  /** The set's projects: adds the 提出セット sheet. */
  set?: FindingsSetInfo;
  /** Document dates (fixed in tests); now by default. */
  date?: Date;
}

const TEXT = {
  ja: {
    findings: "指摘一覧",
    files: "ファイル別",
    set: "提出セット",
    none: "指摘はありません",
    setHeaders: ["プロジェクト", "状態", "ファイル", "シート"],
    present: "あり",
    missing: "なし",
    duplicate: "重複",
    rollup: {
      checked: "全体・PJ1〜PJ8 がそろい、集計を検証しました",
      skipped: "そろっていないため集計の検証を省略しました",
      none: "モニタリングシートがありません",
    },
    footer: "&P / &N ページ",
  },
  en: {
    findings: "Findings",
    files: "Files",
    set: "Submission set",
    none: "No findings",
    setHeaders: ["Project", "State", "File", "Sheet"],
    present: "present",
    missing: "missing",
    duplicate: "duplicate",
    rollup: {
      checked: "全体 and PJ1–PJ8 all present: roll-up checked",
      skipped: "incomplete: roll-up skipped",
      none: "no monitoring sheet",
    },
    footer: "Page &P of &N",
  },
};

const SEVERITY_FILL: Record<Severity, string> = { error: "FFFDE7E9", warning: "FFFFF4CE", info: "FFDEECF9" };
const OUTCOME_FILL: Record<FileOutcome, string> = {
  pass: "FFDFF6DD",
  errors: "FFFDE7E9",
  unchecked: "FFFFF4CE",
  unfilled: "FFFFF4CE",
  unreadable: "FFFDE7E9",
};
const HEADER_FILL = "FFE7E6E6";
/** The result sheet's Japanese font (10-point 游ゴシック), so rows are as tall as its wrapped lines. */
const FONT: Partial<ExcelJS.Font> = kensaFont();
const LINK_FONT: Partial<ExcelJS.Font> = { ...FONT, color: { argb: "FF0563C1" }, underline: true };

/** Widths in characters: ファイル シート セル 重要度 ルール ルールID メッセージ 記入値 計算値 状態 関連セル 確認の理由. */
const FINDING_WIDTHS = [24, 11, 7, 7, 21, 19, 64, 9, 9, 8, 30, 26];
/** Columns that wrap: ファイル, ルール, メッセージ, 関連セル, 確認の理由. */
const FINDING_WRAP = new Set([1, 5, 7, 11, 12]);
/** Columns centred: セル, 重要度, 状態. */
const FINDING_CENTER = new Set([3, 4, 10]);
/** A 確認済み status, shaded green. */
const ACCEPTED_FILL = "FFDFF6DD";
const FILE_WIDTHS = [36, 11, 8, 8, 8, 8, 84];
const SET_WIDTHS = [14, 10, 40, 20];

/** A string literal in a formula; Excel allows at most 255 characters in one. */
function literal(text: string): string | undefined {
  const s = stripInvalidXmlChars(text);
  return s.length <= 255 ? `"${s.replace(/"/g, '""')}"` : undefined;
}

/** HYPERLINK(target, text) when both fit in a formula's string literals; else the text alone. */
function linkValue(target: string | undefined, text: string): ExcelJS.CellValue {
  const t = target === undefined ? undefined : literal(target);
  const x = literal(text);
  if (t === undefined || x === undefined) return text;
  return { formula: `HYPERLINK(${t},${x})`, result: text, date1904: false };
}

function setupSheet(ws: ExcelJS.Worksheet, widths: number[], lastRow: number, lang: Lang): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(lastRow, 2), column: widths.length } };
  ws.pageSetup = landscapeA4("1:1", { centered: true });
  ws.headerFooter = { oddFooter: `&C${TEXT[lang].footer}` };
}

function header(ws: ExcelJS.Worksheet, labels: string[]): void {
  const row = ws.getRow(1);
  labels.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8A8886" } } };
  });
}

function top(cell: ExcelJS.Cell, wrap: boolean, center = false): void {
  cell.alignment = {
    vertical: "top",
    ...(wrap ? { wrapText: true } : {}),
    ...(center ? { horizontal: "center" } : {}),
  };
}

/**
 * Sets each row's height to fit its wrapped cells: Excel and LibreOffice do not re-fit rows of a generated file on
 * opening, so wrapped text would be cut to one line. Lines are reckoned as the result sheet's (wrappedLines).
 */
function fitRows(ws: ExcelJS.Worksheet, widths: number[], wrapped: Set<number>, from: number): void {
  for (let r = from; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    for (const c of wrapped) {
      const v = row.getCell(c).value;
      const text =
        typeof v === "string" ? v : v && typeof v === "object" && "result" in v ? String(v.result ?? "") : "";
      if (!text) continue;
      lines = Math.max(lines, wrappedLines(text, widths[c - 1]));
    }
    row.height = rowHeight(lines);
  }
}

/** The findings workbook's bytes (.xlsx). */
export async function findingsWorkbookBuffer(
  files: readonly TableFile[],
  options: FindingsWorkbookOptions,
): Promise<Uint8Array> {
  const { lang } = options;
  const t = TEXT[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kensa";
  wb.lastModifiedBy = "Kensa";
  wb.created = wb.modified = options.date ?? new Date();
  const linkOf = options.linkOf ?? (() => undefined);

  // 指摘一覧: one row per finding
  const ws = wb.addWorksheet(t.findings);
  header(ws, findingHeaders(lang));
  const rows = findingRows(files, lang, options.describe);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    findingCells(r, lang).forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== undefined) cell.value = v; // strings stay strings: exceljs never reads "=…" as a formula
      top(cell, FINDING_WRAP.has(c + 1), FINDING_CENTER.has(c + 1));
    });
    const target = linkOf(r.file);
    if (r.cell) {
      const cell = row.getCell(3);
      cell.value = linkValue(
        target === undefined ? undefined : `[${target}]${internalReference(r.sheet, r.cell)}`,
        r.cell,
      );
      if (target !== undefined) cell.font = LINK_FONT;
    }
    const sev = row.getCell(4);
    sev.fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[r.severity] } };
    if (r.reason !== undefined)
      row.getCell(10).fill = { type: "pattern", pattern: "solid", fgColor: { argb: ACCEPTED_FILL } };
  });
  if (rows.length === 0) ws.getCell("A2").value = t.none;
  setupSheet(ws, FINDING_WIDTHS, rows.length + 1, lang);
  fitRows(ws, FINDING_WIDTHS, FINDING_WRAP, 1);

  // ファイル別: one row per file
  const wf = wb.addWorksheet(t.files);
  header(wf, fileHeaders(lang));
  const kindTitle = (k: string) => KIND_TITLES[k as SheetKind]?.[lang] ?? k;
  fileRows(files, lang, kindTitle).forEach((r, i) => {
    const row = wf.getRow(i + 2);
    const target = linkOf(r.file);
    row.getCell(1).value = linkValue(target, r.file);
    if (target !== undefined && typeof row.getCell(1).value !== "string") row.getCell(1).font = LINK_FONT;
    row.getCell(2).value = r.outcomeLabel;
    row.getCell(2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: OUTCOME_FILL[r.outcome] } };
    row.getCell(3).value = r.error;
    row.getCell(4).value = r.warning;
    row.getCell(5).value = r.info;
    row.getCell(6).value = r.accepted;
    row.getCell(7).value = r.detail;
    for (let c = 1; c <= 7; c++) top(row.getCell(c), c === 1 || c === 7, c >= 2 && c <= 6);
  });
  setupSheet(wf, FILE_WIDTHS, files.length + 1, lang);
  fitRows(wf, FILE_WIDTHS, new Set([1, 7]), 1);

  // 提出セット: where each project is
  if (options.set) {
    const wp = wb.addWorksheet(t.set);
    header(wp, t.setHeaders);
    let r = 2;
    for (const p of options.set.projects) {
      const state = p.sheets.length === 0 ? t.missing : p.sheets.length > 1 ? t.duplicate : t.present;
      for (const s of p.sheets.length ? p.sheets : [undefined]) {
        const row = wp.getRow(r++);
        row.getCell(1).value = p.project;
        row.getCell(2).value = state;
        if (p.sheets.length !== 1)
          row.getCell(2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE7E9" } };
        if (s) {
          row.getCell(3).value = s.file;
          row.getCell(4).value = s.sheet;
        }
        for (let c = 1; c <= 4; c++) top(row.getCell(c), c === 3);
      }
    }
    const note = wp.getRow(r + 1).getCell(1);
    note.value = t.rollup[options.set.rollup];
    setupSheet(wp, SET_WIDTHS, r - 1, lang);
    fitRows(wp, SET_WIDTHS, new Set([3]), 1);
  }

  // texts from the checked files (messages, sheet names, reasons) made valid for Excel: clipped, no invalid characters
  makeValidForExcel(wb, lang);
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out);
}
