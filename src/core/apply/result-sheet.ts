/**
 * The 検証結果 sheet Kensa adds to an annotated copy (exceljs) or to the open workbook (the add-in), planned as
 * data so both adapters write the same sheet. Made for a reviewer who prints it as it is (issue 11):
 *
 * - a summary block in the first two columns (counts by severity, accepted, computed cells written, sheets);
 * - one row per finding, errors first, then warnings, then infos (accepted ones after the open ones of their
 *   severity), with the rule's Japanese name and its id, 記入値 / 計算値 with thousands separators;
 * - A4 landscape fitted to the page width, the header row repeated on every page, messages wrapped and each
 *   row as tall as its wrapped text (Excel and LibreOffice do not re-fit the rows of a generated file).
 *
 * Every text is a text cell (never a formula) made valid for Excel (excel-text.ts). Pure.
 */
import type { CheckResult } from "../engine";
import type { Finding, Severity } from "../model/finding";
import { fromA1 } from "../model/address";
import { RESULT_SHEET_MARKER, RESULT_SHEET_NAMES } from "../model/kensa-sheets";
import { textWidth } from "../report/format";
import { type Lang } from "../values/format";
import { ruleName } from "../rules/names";
import { ruleById } from "../rules/index";
import { KIND_TITLES } from "../model/kinds";
import { acceptedText } from "../accept/index";
import { excelText, legalSheetName } from "./excel-text";
import { SEVERITY_LABELS, SEVERITY_RANK } from "../report/severity";

export { RESULT_SHEET_MARKER, RESULT_SHEET_NAMES, isKensaResultSheet } from "../model/kensa-sheets";

export { SEVERITY_RANK, SEVERITY_LABELS };

/** Fill colours (ARGB) by severity: light red, amber, light blue, as Excel's own "bad/neutral" styles. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

/** A sheet of the workbook being written, as the planner needs to know it. */
export interface ExistingSheet {
  name: string;
  /** True when A1 carries Kensa's result-sheet marker (isKensaResultSheet). */
  kensa: boolean;
}

/** One cell of the result sheet. Text is always written as a string value, never as a formula. */
export type ResultCell =
  | { type: "text"; text: string; bold?: boolean; fill?: string }
  | { type: "number"; value: number; numFmt?: string }
  | { type: "link"; text: string; sheet: string; cell: string };

/** How the sheet prints: A4 landscape, one page wide, as many pages down as needed. */
export interface PrintPlan {
  /** OOXML paperSize 9 (A4). */
  paperSize: 9;
  orientation: "landscape";
  fitToWidth: 1;
  fitToHeight: 0;
  /** Rows repeated at the top of every page, 1-based ("10:10"). */
  titleRows: string;
}

export interface ResultSheetPlan {
  name: string;
  /** Earlier Kensa result sheets to remove first (never a user's sheet). */
  replace: string[];
  /** rows[r][c], 0-based; row 0 column 0 starts with RESULT_SHEET_MARKER. */
  rows: (ResultCell | null)[][];
  /** 0-based row of the column headers: rows up to it are frozen and it carries the autofilter. */
  headerRow: number;
  columnCount: number;
  /** Column widths in characters. */
  widths: number[];
  /** 0-based columns whose text wraps, from the header row down. */
  wrapColumns: number[];
  /** Merged ranges of the summary block ("B6:K6"), whose text wraps across them. */
  merges: string[];
  /** Lines of text in each row once wrapped. */
  lines: number[];
  /** Each row's height in points, from its lines (rowHeight): Excel and LibreOffice do not re-fit generated rows. */
  heights: number[];
  /** Every cell's font (RESULT_FONT). */
  font: { name: string; size: number };
  /** Autofilter range, e.g. "A10:K40". */
  autoFilter: string;
  print: PrintPlan;
}

const HEADERS: Record<Lang, string[]> = {
  ja: [
    "重要度",
    "ルール",
    "シート",
    "セル",
    "メッセージ",
    "記入値",
    "計算値",
    "修正案",
    "状態",
    "確認の理由",
    "ルールID",
  ],
  en: [
    "Severity",
    "Rule",
    "Sheet",
    "Cell",
    "Message",
    "Entered",
    "Computed",
    "Fix",
    "Status",
    "Reason accepted",
    "Rule ID",
  ],
};
/** Widths in characters; 192 in all, printed about 70 % on A4 landscape. */
const WIDTHS = [8, 20, 14, 8, 58, 11, 11, 18, 9, 18, 17];
const MESSAGE = 4;
/** Columns that wrap: ルール, シート, メッセージ, 修正案, 確認の理由. */
const WRAP = [1, 2, MESSAGE, 7, 9];

/** The 状態 column: 確認済み (accepted, with its reason in the next column) or 未確認. */
export const ACCEPT_STATUS: Record<Lang, { accepted: string; open: string }> = {
  ja: { accepted: "確認済み", open: "未確認" },
  en: { accepted: "accepted", open: "open" },
};

const TEXTS = {
  ja: {
    title: RESULT_SHEET_MARKER,
    computedLabel: "計算セル",
    computed: (w: number, s: number) =>
      `${w}件を数式で記入しました` + (s ? `（${s}件は入力済みなどのため記入していません）` : ""),
    sheets: "シート",
    notes: "注意",
    noKind: "対象外",
    none: "問題は見つかりませんでした。",
  },
  en: {
    title: `${RESULT_SHEET_MARKER} — Kensa results`,
    computedLabel: "Computed",
    computed: (w: number, s: number) =>
      `${w} cells filled with formulas` + (s ? ` (${s} left alone: typed by a person or not Kensa's)` : ""),
    sheets: "Sheets",
    notes: "Note",
    noKind: "not checked",
    none: "No problems found.",
  },
} as const;

function text(t: string, bold = false): ResultCell {
  const cell: ResultCell = { type: "text", text: excelText(t) };
  if (bold) cell.bold = true;
  return cell;
}

function isCell(a1: string): boolean {
  try {
    fromA1(a1);
    return true;
  } catch {
    return false;
  }
}

/** Thousands separators for figures; a year (date rules) is printed as it is written, 2026 not 2,026. */
function figure(value: number | undefined, rule: string): ResultCell | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  if (rule.startsWith("date/")) return { type: "number", value, numFmt: "0" };
  return { type: "number", value, numFmt: Number.isInteger(value) ? "#,##0" : "#,##0.0##" };
}

function fixCell(f: Finding): ResultCell | null {
  const fix = f.fix;
  if (!fix) return null;
  const where =
    fix.sheet !== f.sheet || fix.cell !== f.cell
      ? `${fix.sheet === f.sheet ? "" : `'${fix.sheet}'!`}${fix.cell}: `
      : "";
  if (fix.formula !== undefined) return text(`${where}=${fix.formula.replace(/^=/, "")}`);
  if (typeof fix.value === "number" && !where) return figure(fix.value, f.rule);
  if (fix.value !== undefined) return text(`${where}${fix.value}`);
  return null;
}

/** Errors, then warnings, then infos; within a severity the open ones before the accepted, in the engine's order. */
export function inPrintOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        Number(!!a.f.accepted) - Number(!!b.f.accepted) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

/** The result sheet's name: ours replaces earlier Kensa result sheets, a user's sheet of that name is kept. */
export function chooseResultSheetName(
  existing: readonly ExistingSheet[],
  lang: Lang,
): { name: string; replace: string[] } {
  const replace = existing.filter((s) => s.kensa).map((s) => s.name);
  const taken = new Set(existing.filter((s) => !s.kensa).map((s) => s.name.toLowerCase()));
  return { name: legalSheetName(RESULT_SHEET_NAMES[lang], taken), replace };
}

function columnLetter(col: number): string {
  return String.fromCharCode(65 + col);
}

/**
 * The font of the result sheet and the fix log: Excel's Japanese default on Windows, Mac and the web (LibreOffice
 * falls back to Noto Sans CJK JP), as in the template, so row heights can be reckoned from its metrics.
 */
export const RESULT_FONT = { name: "游ゴシック", size: 10 } as const;

/** A row's height in points for lines of RESULT_FONT (游ゴシック's line spacing is about 1.7 × its size). */
export function rowHeight(lines: number): number {
  return lines * 17 + 4;
}

/** Pixels of RESULT_FONT at 10 pt: a wide (CJK) character is its size; digits and Latin letters about half. */
const WIDE_PX = 13.4;
const NARROW_PX = 7;
/** Characters that never start a line (kinsoku): Excel and LibreOffice carry the one before along. */
const NO_LINE_START =
  /^[、。，．・：；？！」』）〕］｝〉》】ゝゞーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.)\]}:;!?%]/u;

function tokenPixels(token: string): number {
  return textWidth(token) === token.length ? token.length * NARROW_PX : [...token].length * WIDE_PX;
}

/**
 * Lines a text takes in a column (or merged columns) `width` characters wide once wrapped, laid out as Excel does:
 * a column is width × 7 px (Calibri 11's digit, the default font) plus 5, less the cell's padding; Japanese breaks
 * between any two characters except before a closing mark, a run of Latin letters and digits only at a space
 * (or, longer than a line, anywhere).
 */
export function wrappedLines(t: string, width: number): number {
  const room = Math.max(WIDE_PX, width * 7 + 5 - 8);
  let lines = 0;
  for (const paragraph of t.split("\n")) {
    lines++;
    let used = 0;
    let last = 0;
    for (const token of paragraph.match(/[\x21-\x7e]+|\s|./gsu) ?? []) {
      const w = /^\s$/.test(token) ? NARROW_PX / 2 : tokenPixels(token);
      if (used + w <= room) {
        used += w;
        last = w;
        continue;
      }
      if (/^\s$/.test(token)) continue; // a space at a break is not carried over
      const carry = NO_LINE_START.test(token) && last < used ? last : 0;
      lines++;
      used = carry + w;
      for (; used > room; used -= room) lines++;
      last = w;
    }
  }
  return lines;
}

export interface ResultSheetExtras {
  written: number;
  skipped: number;
  /** Warnings about the workbook as written (Kensa's record set aside, sheet names made legal…). */
  notes?: readonly string[];
}

export function planResultSheet(
  result: CheckResult,
  lang: Lang,
  existing: readonly ExistingSheet[],
  extras: ResultSheetExtras = { written: 0, skipped: 0 },
): ResultSheetPlan {
  const t = TEXTS[lang];
  const labels = SEVERITY_LABELS[lang];
  const { name, replace } = chooseResultSheetName(existing, lang);
  const columnCount = HEADERS[lang].length;
  const last = columnLetter(columnCount - 1);
  const rows: (ResultCell | null)[][] = [];
  const merges: string[] = [];
  const lines: number[] = [];
  const mergedWidth = WIDTHS.slice(1).reduce((a, b) => a + b, 0);
  /** A label in A and a text across B…last, wrapped. */
  const block = (label: string, body: string) => {
    rows.push([text(label, true), text(body)]);
    merges.push(`B${rows.length}:${last}${rows.length}`);
    lines[rows.length - 1] = wrappedLines(body, mergedWidth);
  };

  rows.push([text(t.title, true)]);
  for (const s of ["error", "warning", "info"] as const)
    rows.push([
      { type: "text", text: labels[s], bold: true, fill: SEVERITY_FILL[s] },
      { type: "number", value: result.summary[s], numFmt: "#,##0" },
    ]);
  rows.push([
    text(ACCEPT_STATUS[lang].accepted, true),
    { type: "number", value: result.summary.accepted ?? 0, numFmt: "#,##0" },
  ]);
  block(t.computedLabel, t.computed(extras.written, extras.skipped));
  const sheetList = result.sheets
    .map((s) => `${s.name}（${s.kind ? KIND_TITLES[s.kind][lang] : t.noKind}）`)
    .join(lang === "ja" ? "、" : ", ");
  block(t.sheets, sheetList);
  for (const note of extras.notes ?? []) block(t.notes, note);
  rows.push([]);

  const headerRow = rows.length;
  rows.push(HEADERS[lang].map((h) => text(h, true)));
  for (const f of inPrintOrder(result.findings)) {
    const a1 = f.cell.replace(/\$/g, "");
    rows.push([
      { type: "text", text: labels[f.severity], fill: SEVERITY_FILL[f.severity] },
      text(ruleName(f.rule, lang, ruleById(f.rule)?.meta.description)),
      text(f.sheet),
      isCell(a1) ? { type: "link", text: excelText(f.cell), sheet: f.sheet, cell: a1 } : text(f.cell),
      text(f.message),
      figure(f.actual, f.rule),
      figure(f.expected, f.rule),
      fixCell(f),
      text(f.accepted ? ACCEPT_STATUS[lang].accepted : ACCEPT_STATUS[lang].open),
      f.accepted ? text(acceptedText(f.accepted, lang)) : null,
      text(f.rule),
    ]);
  }
  if (result.findings.length === 0) rows.push([text(t.none)]);
  for (let r = headerRow; r < rows.length; r++) {
    lines[r] = Math.max(
      1,
      ...WRAP.map((c) => {
        const cell = rows[r][c];
        return cell && cell.type === "text" ? wrappedLines(cell.text, WIDTHS[c]) : 1;
      }),
    );
  }
  for (let r = 0; r < rows.length; r++) lines[r] ??= 1;
  const lastRow = Math.max(rows.length, headerRow + 2);
  return {
    name,
    replace,
    rows,
    headerRow,
    columnCount,
    widths: WIDTHS,
    wrapColumns: WRAP,
    merges,
    lines,
    heights: lines.map(rowHeight),
    font: RESULT_FONT,
    autoFilter: `A${headerRow + 1}:${last}${lastRow}`,
    print: {
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: `${headerRow + 1}:${headerRow + 1}`,
    },
  };
}

/** `'Sheet name'!C5` for an internal hyperlink (without the leading "#"). */
export function internalReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
