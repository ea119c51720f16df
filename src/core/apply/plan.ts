/**
 * What to write into a checked workbook, as data: highlight rectangles per sheet and severity, notes
 * on flagged cells, computed-cell writes and the result sheet. Pure: the exceljs adapter (CLI,
 * browser) and the Office.js adapter (add-in) both execute such a plan.
 *
 * Safety: a computed cell is written only when it is empty or already holds Kensa's own formula;
 * a value or formula a person entered is never overwritten.
 */
import type { CheckResult } from "../engine";
import type { Finding, Severity } from "../model/finding";
import { fromA1 } from "../model/address";
import type { CellValue } from "../model/workbook";
import type { Lang } from "../report/format";
import { RESULT_SHEET_MARKER, RESULT_SHEET_NAMES } from "../rules/shared/result-sheet";
import type { ComputedCell } from "../sheets/analysis";
import { KIND_TITLES } from "../sheets/kinds";
import { isKensaFormula } from "./formula";
import { acceptedText } from "../accept/index";
import { isAcceptSheet } from "../accept/store";
import { mergeIntoRectangles, rectToA1, type Rect } from "./rectangles";

/** Fill colours (ARGB) by severity: light red, amber, light blue, as Excel's own "bad/neutral" styles. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

export function clampText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : text.slice(0, MAX_CELL_TEXT - 1) + "…";
}

// ---------------------------------------------------------------------------------------------
// Plan types

export interface HighlightPlan {
  sheet: string;
  severity: Severity;
  /** Fill colour, ARGB. */
  fill: string;
  rects: Rect[];
  /** The same rectangles as A1 ranges ("C5", "C5:D9"). */
  ranges: string[];
}

export interface NotePlan {
  sheet: string;
  cell: string;
  /** The most severe finding on the cell. */
  severity: Severity;
  /** Kensa's text for the note (the adapter appends it to a note the cell already has). */
  text: string;
}

export interface ComputedWrite {
  sheet: string;
  cell: string;
  label: string;
  /** Formula without "=", when the cell should stay live. */
  formula?: string;
  /** The value (the formula's cached result); null only with a formula whose result is blank. */
  value: number | string | null;
  numFmt?: string;
}

export type SkipReason = "typed" | "user-formula" | "shared-formula" | "merged" | "no-sheet" | "no-value";

export interface SkippedWrite {
  sheet: string;
  cell: string;
  label: string;
  reason: SkipReason;
}

/** One cell of the result sheet. Text is always written as a string value, never as a formula. */
export type ResultCell =
  | { type: "text"; text: string; bold?: boolean }
  | { type: "number"; value: number }
  | { type: "link"; text: string; sheet: string; cell: string };

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
  /** Autofilter range, e.g. "A6:H40". */
  autoFilter: string;
}

export interface ApplyPlan {
  highlights: HighlightPlan[];
  notes: NotePlan[];
  writes: ComputedWrite[];
  skipped: SkippedWrite[];
  resultSheet: ResultSheetPlan;
}

/** What a cell currently holds, as the adapter reads it. */
export interface ExistingCell {
  value: CellValue | undefined;
  /** Formula without "=". */
  formula?: string;
  /** True for a cell inside a merged range that is not its top-left cell. */
  mergedSlave?: boolean;
  /** True when the formula is part of a shared or array formula (rewriting one cell would break the others). */
  sharedFormula?: boolean;
}

/** Reads a cell of the workbook being annotated; "no-sheet" when the sheet does not exist. */
export type CellProbe = (sheet: string, cell: string) => ExistingCell | "no-sheet";

export interface ExistingSheet {
  name: string;
  /** True when A1 carries Kensa's result-sheet marker (isKensaResultSheet). */
  kensa: boolean;
}

// ---------------------------------------------------------------------------------------------
// Highlights and notes

function parseCell(cell: string): { row: number; col: number } | undefined {
  try {
    return fromA1(cell);
  } catch {
    return undefined;
  }
}

/**
 * Highlight rectangles and notes for the findings' primary cells (the most severe finding wins a cell). Accepted
 * findings (確認済み) are not highlighted (the result sheet lists them), nor is Kensa's record of them.
 */
export function planHighlights(findings: readonly Finding[], lang: Lang): { highlights: HighlightPlan[]; notes: NotePlan[] } {
  const byCell = new Map<string, { sheet: string; cell: string; row: number; col: number; findings: Finding[] }>();
  for (const f of findings) {
    if (f.accepted || isAcceptSheet(f.sheet)) continue;
    const pos = parseCell(f.cell);
    if (!pos) continue;
    const a1 = f.cell.replace(/\$/g, "").toUpperCase();
    const key = `${f.sheet}\u0000${a1}`;
    let entry = byCell.get(key);
    if (!entry) byCell.set(key, (entry = { sheet: f.sheet, cell: a1, ...pos, findings: [] }));
    entry.findings.push(f);
  }
  const groups = new Map<string, { sheet: string; severity: Severity; cells: { row: number; col: number }[] }>();
  const notes: NotePlan[] = [];
  const labels = SEVERITY_LABELS[lang];
  for (const entry of byCell.values()) {
    const sorted = [...entry.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const severity = sorted[0].severity;
    const gkey = `${entry.sheet}\u0000${severity}`;
    let g = groups.get(gkey);
    if (!g) groups.set(gkey, (g = { sheet: entry.sheet, severity, cells: [] }));
    g.cells.push({ row: entry.row, col: entry.col });
    const lines = sorted.map((f) => `[${labels[f.severity]}] ${f.message} (${f.rule})`);
    notes.push({ sheet: entry.sheet, cell: entry.cell, severity, text: clampText(`Kensa:\n${lines.join("\n")}`) });
  }
  const highlights: HighlightPlan[] = [];
  for (const g of groups.values()) {
    const rects = mergeIntoRectangles(g.cells);
    highlights.push({ sheet: g.sheet, severity: g.severity, fill: SEVERITY_FILL[g.severity], rects, ranges: rects.map(rectToA1) });
  }
  highlights.sort((a, b) => a.sheet.localeCompare(b.sheet) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { highlights, notes };
}

// ---------------------------------------------------------------------------------------------
// Computed cells

function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === "string" && v.trim() === "";
}

/** Decides, for each computed cell, whether Kensa may write it. */
export function planComputedWrites(
  computed: readonly ComputedCell[],
  probe: CellProbe,
  knownFormulas: (c: ComputedCell) => readonly string[] = () => [],
): { writes: ComputedWrite[]; skipped: SkippedWrite[] } {
  const writes: ComputedWrite[] = [];
  const skipped: SkippedWrite[] = [];
  const seen = new Set<string>();
  for (const c of computed) {
    const key = `${c.sheet}\u0000${c.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = { sheet: c.sheet, cell: c.cell, label: c.label };
    const value = typeof c.value === "number" && !Number.isFinite(c.value) ? null : c.value;
    if (c.typed) {
      skipped.push({ ...base, reason: "typed" });
      continue;
    }
    if (value === null && !c.formula) {
      skipped.push({ ...base, reason: "no-value" });
      continue;
    }
    const existing = probe(c.sheet, c.cell);
    if (existing === "no-sheet") {
      skipped.push({ ...base, reason: "no-sheet" });
      continue;
    }
    if (existing.mergedSlave) {
      skipped.push({ ...base, reason: "merged" });
      continue;
    }
    if (existing.formula && existing.sharedFormula) {
      // Live already; rewriting one cell of a shared formula would corrupt the others.
      skipped.push({ ...base, reason: "shared-formula" });
      continue;
    }
    if (existing.formula) {
      if (!isKensaFormula(existing.formula, c.formula, knownFormulas(c))) {
        skipped.push({ ...base, reason: "user-formula" });
        continue;
      }
    } else if (!isBlank(existing.value)) {
      skipped.push({ ...base, reason: "typed" });
      continue;
    }
    const write: ComputedWrite = { ...base, value };
    if (c.formula) write.formula = c.formula.replace(/^=/, "");
    const numFmt = c.numFmt ?? (typeof value === "number" && c.decimals !== undefined && c.decimals > 0 ? `#,##0.${"0".repeat(Math.min(c.decimals, 10))}` : undefined);
    if (numFmt) write.numFmt = numFmt;
    writes.push(write);
  }
  return { writes, skipped };
}

// ---------------------------------------------------------------------------------------------
// Result sheet

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

/** The result sheet's name: ours replaces earlier Kensa result sheets, a user's sheet of that name is kept. */
export function chooseResultSheetName(existing: readonly ExistingSheet[], lang: Lang): { name: string; replace: string[] } {
  const preferred = RESULT_SHEET_NAMES[lang].replace(INVALID_SHEET_CHARS, "");
  const replace = existing.filter((s) => s.kensa).map((s) => s.name);
  const taken = new Set(existing.filter((s) => !s.kensa).map((s) => s.name.toLowerCase()));
  let name = preferred;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${preferred} (${n})`.slice(0, 31);
  return { name, replace };
}

const HEADERS: Record<Lang, string[]> = {
  ja: ["重要度", "ルール", "シート", "セル", "メッセージ", "期待値", "実際の値", "修正案", "状態", "確認の理由"],
  en: ["Severity", "Rule", "Sheet", "Cell", "Message", "Expected", "Actual", "Fix", "Status", "Reason accepted"],
};
const WIDTHS = [10, 22, 18, 10, 80, 12, 12, 24, 10, 40];

/** The 状態 column: 確認済み (accepted, with its reason in the next column) or 未確認. */
export const ACCEPT_STATUS: Record<Lang, { accepted: string; open: string }> = {
  ja: { accepted: "確認済み", open: "未確認" },
  en: { accepted: "accepted", open: "open" },
};

const TEXTS = {
  ja: {
    title: `${RESULT_SHEET_MARKER}`,
    counts: "件数",
    sheets: "シート",
    noKind: "対象外",
    computed: (w: number, s: number) => `計算セル: ${w} 件を記入しました` + (s ? `（${s} 件は入力済みなどのため記入していません）` : ""),
    none: "問題は見つかりませんでした。",
  },
  en: {
    title: `${RESULT_SHEET_MARKER} — Kensa results`,
    counts: "Findings",
    sheets: "Sheets",
    noKind: "not checked",
    computed: (w: number, s: number) => `Computed cells: ${w} filled` + (s ? ` (${s} left alone: typed by a person or not Kensa's)` : ""),
    none: "No problems found.",
  },
} as const;

function text(t: string, bold = false): ResultCell {
  const cell: ResultCell = { type: "text", text: clampText(t) };
  if (bold) cell.bold = true;
  return cell;
}

function fixCell(f: Finding): ResultCell | null {
  const fix = f.fix;
  if (!fix) return null;
  const where = fix.sheet !== f.sheet || fix.cell !== f.cell ? `${fix.sheet === f.sheet ? "" : `'${fix.sheet}'!`}${fix.cell}: ` : "";
  if (fix.formula !== undefined) return text(`${where}=${fix.formula.replace(/^=/, "")}`);
  if (typeof fix.value === "number" && !where) return { type: "number", value: fix.value };
  if (fix.value !== undefined) return text(`${where}${fix.value}`);
  return null;
}

export function planResultSheet(
  result: CheckResult,
  lang: Lang,
  existing: readonly ExistingSheet[],
  computedCounts: { written: number; skipped: number } = { written: 0, skipped: 0 },
): ResultSheetPlan {
  const t = TEXTS[lang];
  const labels = SEVERITY_LABELS[lang];
  const { name, replace } = chooseResultSheetName(existing, lang);
  const rows: (ResultCell | null)[][] = [];
  rows.push([text(t.title, true)]);
  rows.push([
    text(t.counts, true),
    text(labels.error),
    { type: "number", value: result.summary.error },
    text(labels.warning),
    { type: "number", value: result.summary.warning },
    text(labels.info),
    { type: "number", value: result.summary.info },
    text(ACCEPT_STATUS[lang].accepted),
    { type: "number", value: result.summary.accepted ?? 0 },
  ]);
  const sheetList = result.sheets
    .map((s) => `${s.name}（${s.kind ? KIND_TITLES[s.kind][lang] : t.noKind}）`)
    .join(lang === "ja" ? "、" : ", ");
  rows.push([text(t.sheets, true), text(sheetList)]);
  rows.push([text(t.computed(computedCounts.written, computedCounts.skipped))]);
  rows.push([]);
  const headerRow = rows.length;
  rows.push(HEADERS[lang].map((h) => text(h, true)));
  for (const f of result.findings) {
    const link: ResultCell | null = parseCell(f.cell) ? { type: "link", text: f.cell, sheet: f.sheet, cell: f.cell.replace(/\$/g, "") } : text(f.cell);
    rows.push([
      text(labels[f.severity]),
      text(f.rule),
      text(f.sheet),
      link,
      text(f.message),
      f.expected !== undefined && Number.isFinite(f.expected) ? { type: "number", value: f.expected } : null,
      f.actual !== undefined && Number.isFinite(f.actual) ? { type: "number", value: f.actual } : null,
      fixCell(f),
      text(f.accepted ? ACCEPT_STATUS[lang].accepted : ACCEPT_STATUS[lang].open),
      f.accepted ? text(acceptedText(f.accepted, lang)) : null,
    ]);
  }
  if (result.findings.length === 0) rows.push([text(t.none)]);
  const columnCount = HEADERS[lang].length;
  const lastRow = Math.max(rows.length, headerRow + 2);
  return {
    name,
    replace,
    rows,
    headerRow,
    columnCount,
    widths: WIDTHS,
    autoFilter: `A${headerRow + 1}:${String.fromCharCode(64 + columnCount)}${lastRow}`,
  };
}

/** `'Sheet name'!C5` for an internal hyperlink (without the leading "#"). */
export function internalReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

// ---------------------------------------------------------------------------------------------

export interface PlanOptions {
  lang: Lang;
  probe: CellProbe;
  sheets: readonly ExistingSheet[];
  /** Extra formulas counted as Kensa's for a computed cell (e.g. the template's formula there). */
  knownFormulas?: (c: ComputedCell) => readonly string[];
}

export function planApply(result: CheckResult, options: PlanOptions): ApplyPlan {
  const { highlights, notes } = planHighlights(result.findings, options.lang);
  const { writes, skipped } = planComputedWrites(result.computed, options.probe, options.knownFormulas);
  const leftAlone = skipped.filter((s) => s.reason === "typed" || s.reason === "user-formula").length;
  const resultSheet = planResultSheet(result, options.lang, options.sheets, { written: writes.length, skipped: leftAlone });
  return { highlights, notes, writes, skipped, resultSheet };
}
