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
import { tryFromA1 } from "../model/a1";
import type { CellValue } from "../model/workbook";
import type { Lang } from "../values/format";
import type { ComputedCell, FixedBecause } from "../sheets/analysis";
import { RULE_OF_COMPUTED } from "../rules/shared/typed-vs-computed";
import { isKensaFormula } from "./formula";
import { isAcceptSheet } from "../accept/store";
import { mergeIntoRectangles, rectToA1, type Rect } from "./rectangles";
import { excelText } from "./excel-text";
import {
  SEVERITY_FILL,
  SEVERITY_LABELS,
  SEVERITY_RANK,
  planResultSheet,
  type ExistingSheet,
  type ResultSheetPlan,
} from "./result-sheet";

export {
  SEVERITY_FILL,
  SEVERITY_LABELS,
  ACCEPT_STATUS,
  internalReference,
  chooseResultSheetName,
  planResultSheet,
} from "./result-sheet";
export type { ResultCell, ResultSheetPlan, ExistingSheet } from "./result-sheet";

/**
 * How Kensa marks the cells it computed, so a reader tells them from the figures people typed: Excel's own
 * built-in "Calculation" cell style (bold orange text on light grey with a thin grey border), documented in
 * docs/guide-review.md. A highlight (a finding on the cell) is drawn over its fill.
 */
export const COMPUTED_STYLE = { font: "FFFA7D00", fill: "FFF2F2F2", border: "FF7F7F7F" } as const;

/**
 * How Kensa marks a computed cell it could only write as a fixed value (no formula reads the cells it comes from,
 * e.g. 実績 written `51件* (22件/29件)`): Excel's built-in "Output" cell style (bold dark grey text on light grey
 * with a thin dark grey border), and a note saying which cell stops the formula. It does not follow changes.
 */
export const COMPUTED_FIXED_STYLE = { font: "FF3F3F3F", fill: "FFF2F2F2", border: "FF3F3F3F" } as const;

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
  /** The rule that compares a typed value with this one (logged with the write). */
  rule?: string;
  /** Set when no formula fits: the referenced cell no formula can read (the cell is written as a fixed value). */
  fixedBecause?: FixedBecause;
}

export type SkipReason = "typed" | "user-formula" | "shared-formula" | "merged" | "no-sheet" | "no-value";

export interface SkippedWrite {
  sheet: string;
  cell: string;
  label: string;
  reason: SkipReason;
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

// ---------------------------------------------------------------------------------------------
// Highlights and notes

/**
 * Highlight rectangles and notes for the findings' primary cells (the most severe finding wins a cell). Accepted
 * findings (確認済み) are not highlighted (the result sheet lists them), nor is Kensa's record of them.
 */
export function planHighlights(
  findings: readonly Finding[],
  lang: Lang,
): { highlights: HighlightPlan[]; notes: NotePlan[] } {
  const byCell = new Map<string, { sheet: string; cell: string; row: number; col: number; findings: Finding[] }>();
  for (const f of findings) {
    if (f.accepted || isAcceptSheet(f.sheet)) continue;
    const pos = tryFromA1(f.cell);
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
    notes.push({ sheet: entry.sheet, cell: entry.cell, severity, text: excelText(`Kensa:\n${lines.join("\n")}`) });
  }
  const highlights: HighlightPlan[] = [];
  for (const g of groups.values()) {
    const rects = mergeIntoRectangles(g.cells);
    highlights.push({
      sheet: g.sheet,
      severity: g.severity,
      fill: SEVERITY_FILL[g.severity],
      rects,
      ranges: rects.map(rectToA1),
    });
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

/** Thousands separators, and the decimals the computation keeps (1,365 / 1,200,000 / 83.3). */
export function figureFormat(decimals: number | undefined): string {
  return decimals !== undefined && decimals > 0 ? `#,##0.${"0".repeat(Math.min(decimals, 10))}` : "#,##0";
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
    if (c.computes) write.rule = RULE_OF_COMPUTED[c.computes];
    if (c.formula) write.formula = c.formula.replace(/^=/, "");
    else if (c.fixedBecause) write.fixedBecause = c.fixedBecause;
    const numFmt = c.numFmt ?? (typeof value === "number" ? figureFormat(c.decimals) : undefined);
    if (numFmt) write.numFmt = numFmt;
    writes.push(write);
  }
  return { writes, skipped };
}

// ---------------------------------------------------------------------------------------------

export interface PlanOptions {
  lang: Lang;
  probe: CellProbe;
  sheets: readonly ExistingSheet[];
  /** Extra formulas counted as Kensa's for a computed cell (e.g. the template's formula there). */
  knownFormulas?: (c: ComputedCell) => readonly string[];
}

/** The note line on a computed cell written as a fixed value: which cell stops the formula. */
export function fixedValueNote(f: FixedBecause, lang: Lang): string {
  // the referenced text is quoted, not all of it: a note is read in a small box
  const text = f.text.length > 60 ? `${f.text.slice(0, 60)}…` : f.text;
  return lang === "ja"
    ? `固定値：「${f.column}」${f.cell}の「${text}」は数値と単位だけの書き方ではないため計算式で読めず、計算した値を固定値で記入しました（${f.cell}を直しても変わりません）。`
    : `Fixed value: ${f.column} ${f.cell} reads “${text}”, not a figure with one unit, so no formula can read it; Kensa wrote the computed value, which does not follow changes to ${f.cell}.`;
}

/** Adds the fixed-value line to the note of each computed cell written as a value (after a finding's note, if any). */
function addFixedNotes(notes: NotePlan[], writes: readonly ComputedWrite[], lang: Lang): void {
  const byCell = new Map(notes.map((n) => [`${n.sheet}\u0000${n.cell}`, n]));
  for (const w of writes) {
    if (!w.fixedBecause) continue;
    const line = fixedValueNote(w.fixedBecause, lang);
    const existing = byCell.get(`${w.sheet}\u0000${w.cell}`);
    if (existing) existing.text = excelText(`${existing.text}\n${line}`);
    else notes.push({ sheet: w.sheet, cell: w.cell, severity: "info", text: excelText(`Kensa:\n${line}`) });
  }
}

export function planApply(result: CheckResult, options: PlanOptions & { notes?: readonly string[] }): ApplyPlan {
  const { highlights, notes } = planHighlights(result.findings, options.lang);
  const { writes, skipped } = planComputedWrites(result.computed, options.probe, options.knownFormulas);
  addFixedNotes(notes, writes, options.lang);
  const leftAlone = skipped.filter((s) => s.reason === "typed" || s.reason === "user-formula").length;
  const resultSheet = planResultSheet(result, options.lang, options.sheets, {
    written: writes.length,
    skipped: leftAlone,
    notes: options.notes,
  });
  return { highlights, notes, writes, skipped, resultSheet };
}
