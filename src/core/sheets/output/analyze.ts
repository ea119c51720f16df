/**
 * What the アウトプット指標 sheet gives the shared rules (DOMAIN §3.3): numeric cells (目標値, 実績, per-year
 * values), text cells (指標, 進捗の詳細, 備考), row keys (番号) and the computed cells 年度目標, 達成率, 判定.
 * The grade and period rules read the typed table (./read.ts) instead.
 */
import type { CheckContext } from "../context";
import { isNumericKind } from "../../compute/targets";
import type { Parsed } from "../../values/types";
import {
  emptyAnalysis,
  rowColumnLabel,
  type ComputedCell,
  type FixedBecause,
  type NumericCell,
  type SheetAnalysis,
} from "../analysis";
import { cellText } from "../detect";
import { fromA1 } from "../../model/address";
import type { DetectedTable } from "../table";
import { OutputNumericCell, OutputRowKey, OutputTextCell } from "./cells";
import { computedDecimals, readOutput, yearsUpToReport, type OutputRow, type OutputTable } from "./read";

function header(table: DetectedTable, key: string, fallback: string): string {
  const col = table.columns[key]?.[0];
  return (col !== undefined ? table.headers.get(col) : undefined) ?? fallback;
}

function textAt(table: DetectedTable, a1: string): string {
  const { row, col } = fromA1(a1);
  return cellText(table.rows[row]?.[col]).trim();
}

/** How a formula reads a referenced cell: an Excel expression, or why none can. */
type Reading = { expr: string } | { fixed: FixedBecause };

/** A figure written as text: digits (thousands separators allowed), then the rest (its unit). */
const FIGURE_TEXT = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/;
const MULTIPLIERS: Record<string, number> = { 千: 1e3, 万: 1e4, 億: 1e8 };

function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The Excel expression that reads a figure written as text in `cell` (`650件`, `1,200,000円`, `85%`, `120万件`)
 * as the number Kensa parsed: thousands separators and the one unit removed, VALUE, then the percent or the
 * multiplier applied (percent as a fraction, as a percent-formatted number cell holds it). Undefined when the text
 * is anything more than digits and one unit. Assumes "." as the decimal mark (Japanese Excel and LibreOffice).
 */
export function textFigureExpression(cell: string, text: string, parsed: Parsed): string | undefined {
  if (parsed.kind !== "number" || parsed.parts || parsed.secondary || parsed.remark || parsed.label) return undefined;
  const m = FIGURE_TEXT.exec(text);
  if (!m) return undefined;
  const written = Number(m[1].replace(/,/g, ""));
  const suffix = m[2];
  const normalized = suffix.normalize("NFKC");
  const unit = parsed.unit ?? "";
  let factor = 1;
  if (normalized !== unit) {
    factor = MULTIPLIERS[normalized[0] ?? ""] ?? 0;
    if (!factor || normalized.slice(1) !== unit) return undefined;
  }
  if (Math.abs(written * factor - parsed.value) > 1e-9 * Math.max(1, Math.abs(parsed.value))) return undefined;
  let inner = `SUBSTITUTE(${cell},",","")`;
  if (suffix) inner = `SUBSTITUTE(${inner},${excelString(suffix)},"")`;
  // parenthesised so that it divides and compares as one operand
  if (parsed.unitKind === "percent") return `(VALUE(${inner})/100)`;
  return factor === 1 ? `VALUE(${inner})` : `(VALUE(${inner})*${factor})`;
}

function reading(cell: string, plainNumber: boolean, text: string, parsed: Parsed, column: string): Reading {
  if (plainNumber) return { expr: cell };
  const expr = textFigureExpression(cell, text, parsed);
  return expr ? { expr } : { fixed: { cell, column, text } };
}

/** The Excel expression of the annual target from the 目標値 reading. */
function annualExpression(row: OutputRow, target: Reading): Reading {
  const a = row.annual;
  if (!a || !("expr" in target)) return target;
  const t = target.expr;
  switch (a.basis) {
    case "target":
      return { expr: t };
    case "share":
      return { expr: `${t}/${a.years}` };
    case "pace":
      return { expr: `${t}*${a.elapsed}/${a.years}` };
  }
}

/** The Excel expression of the compared measure: 実績, or the mean of the per-year values. */
function measureExpression(row: OutputRow, table: OutputTable, actualColumn: string): Reading {
  const ev = row.evaluation!;
  const actual = reading(row.actualCell, row.actualPlainNumber, row.actualText, row.actual, actualColumn);
  if (ev.measureBasis === "actual") return actual;
  if (ev.measureBasis === "years-mean") {
    const parts: string[] = [];
    for (const y of yearsUpToReport(row, table.reportYear).values) {
      const r = reading(y.cell, y.plainNumber, textAt(table.table, y.cell), y.parsed, y.header);
      if (!("expr" in r)) return r;
      parts.push(r.expr);
    }
    return { expr: `AVERAGE(${parts.join(",")})` };
  }
  // the mean of the bracketed parts of 実績 (`平均3件 (4件/2件)`): no formula reads them
  return "fixed" in actual ? actual : { fixed: { cell: row.actualCell, column: actualColumn, text: row.actualText } };
}

/** Gives `c` the formula built from the readings, or the reason it stays a fixed value. */
function setFormula(c: ComputedCell, readings: Reading[], build: (...exprs: string[]) => string): void {
  const fixed = readings.find((r): r is { fixed: FixedBecause } => "fixed" in r);
  if (fixed) c.fixedBecause = fixed.fixed;
  else c.formula = build(...readings.map((r) => (r as { expr: string }).expr));
}

export function analyzeOutput(table: DetectedTable, ctx: CheckContext): SheetAnalysis {
  const out = emptyAnalysis();
  const typed = readOutput(table, ctx);
  const sheet = typed.sheet;
  const labels = {
    target: header(table, "target", "目標値"),
    actual: header(table, "actual", "実績"),
    annual: "年度目標",
    achievement: "達成率",
    suggested: "判定",
  };

  const cols = typed.rows.length ? typed.rows[0].info.cols : undefined;
  const numeric = (
    col: number | undefined,
    column: string,
    row: OutputRow,
    parsed: Parsed,
    required: boolean,
    placeholderAllowed: boolean,
  ): NumericCell => new OutputNumericCell(row, col, column, parsed, required, placeholderAllowed);

  for (const row of typed.rows) {
    const k = cols!;
    // Row identity.
    if (row.number && k.number !== undefined) out.rowKeys.push(new OutputRowKey(row));

    // Text cells scanned for era mismatches.
    if (row.indicator) out.textCells.push(new OutputTextCell(row, k.indicator ?? k.number ?? k.actual, row.indicator));
    if (row.detail && k.detail !== undefined) out.textCells.push(new OutputTextCell(row, k.detail, row.detail));
    if (row.note && k.note !== undefined) out.textCells.push(new OutputTextCell(row, k.note, row.note));
    if (row.target?.kind !== "number" && k.target !== undefined) {
      const targetText = row.targetText;
      if (targetText) out.textCells.push(new OutputTextCell(row, k.target, targetText));
    }

    const numericKind = !row.isOutcome && isNumericKind(row.targetKind);

    // 目標値: required for kinds with a numeric target; elsewhere (定性, blank kind, アウトカム) prose and dashes are fine.
    if (row.target && k.target !== undefined) {
      if (numericKind) out.numericCells.push(numeric(k.target, labels.target, row, row.target, true, false));
      else if (row.target.kind === "number" || row.target.kind === "error") {
        out.numericCells.push(numeric(k.target, labels.target, row, row.target, false, true));
      }
    }

    // 実績: required when graded A or B; a dash is fine when not graded (or for outcome rows).
    const graded = row.grade === "A" || row.grade === "B";
    const a = row.actual;
    // An approximate figure (約31件) is a number written loosely: it is reported wherever it stands.
    const approximate = a.kind === "not-a-number" && a.reason === "approximate";
    if (row.isOutcome) {
      if (a.kind !== "not-a-number" || approximate)
        out.numericCells.push(numeric(k.actual, labels.actual, row, a, false, true));
    } else if (numericKind || a.kind !== "not-a-number" || approximate) {
      // (A prose result of a qualitative indicator has nothing numeric to check.)
      out.numericCells.push(numeric(k.actual, labels.actual, row, a, graded, !graded));
    }

    // Per-year values.
    for (const y of row.perYear) {
      if (y.parsed.kind === "empty") continue;
      out.numericCells.push(numeric(y.column.col, y.header, row, y.parsed, false, true));
    }

    // Typed computed cells that are not numbers at all.
    const annualTyped = row.annualTargetTyped;
    if (
      k.annualTarget !== undefined &&
      annualTyped &&
      (annualTyped.kind === "not-a-number" || annualTyped.kind === "error")
    )
      out.numericCells.push(numeric(k.annualTarget, labels.annual, row, annualTyped, false, true));
    const ratioTyped = row.achievementTyped;
    if (
      k.achievement !== undefined &&
      ratioTyped &&
      (ratioTyped.kind === "not-a-number" || ratioTyped.kind === "error")
    )
      out.numericCells.push(numeric(k.achievement, labels.achievement, row, ratioTyped, false, true));

    // Computed cells (only those typed over when the check needs no more: ctx.onlyTypedComputed).
    if (row.isOutcome || row.target?.kind !== "number" || !row.annual) continue;
    const onlyTyped = ctx.onlyTypedComputed === true;
    const wantAnnual = k.annualTarget !== undefined && (!onlyTyped || row.annualTargetTyped !== undefined);
    const ev = row.evaluation;
    const wantRatio =
      ev !== undefined &&
      ev.ratio !== undefined &&
      k.achievement !== undefined &&
      (!onlyTyped || row.achievementTyped !== undefined);
    const wantGrade =
      ev !== undefined && k.suggestedGrade !== undefined && (!onlyTyped || row.suggestedGradeTyped !== undefined);
    // The formulas' readings are built only for the cells written: in a check, those typed over (most are not).
    if (!wantAnnual && !wantRatio && !wantGrade) continue;
    const target = row.target;
    const percent = target.unitKind === "percent";
    const annual = annualExpression(
      row,
      reading(row.targetCell!, row.targetPlainNumber, row.targetText ?? "", target, labels.target),
    );
    if (wantAnnual && row.annualTargetCell) {
      const c: ComputedCell = {
        sheet,
        cell: row.annualTargetCell,
        value: percent ? row.annual.value / 100 : row.annual.value,
        decimals: computedDecimals(row.annual.value, target.decimals),
        label: rowColumnLabel(row.label, labels.annual),
        computes: "annual-target",
      };
      setFormula(c, [annual], (a) => a.replace(/^\((.*)\)$/, "$1"));
      if (percent) {
        c.percent = true;
        c.numFmt = `0${c.decimals ? "." + "0".repeat(c.decimals) : ""}%`;
      }
      if (row.annualTargetTyped) c.typed = { parsed: row.annualTargetTyped, text: textAt(table, row.annualTargetCell) };
      out.computed.push(c);
    }
    if (!ev || (!wantRatio && !wantGrade)) continue;
    const measure = measureExpression(row, typed, labels.actual);
    if (wantRatio && row.achievementCell) {
      const c: ComputedCell = {
        sheet,
        cell: row.achievementCell,
        value: ev.ratio,
        decimals: 1,
        numFmt: "0.0%",
        percent: true,
        label: rowColumnLabel(row.label, labels.achievement),
        computes: "ratio",
      };
      setFormula(c, [measure, annual], (m, a) => `${m}/${ev.annual.basis === "target" ? a : `(${a})`}`);
      if (row.achievementTyped) c.typed = { parsed: row.achievementTyped, text: textAt(table, row.achievementCell) };
      out.computed.push(c);
    }
    if (wantGrade && row.suggestedGradeCell) {
      const c: ComputedCell = {
        sheet,
        cell: row.suggestedGradeCell,
        value: ev.suggested,
        label: labels.suggested,
      };
      const op = ev.kind === "baseline-above" ? ">" : ">=";
      setFormula(c, [measure, annual], (m, a) => `IF(${m}${op}${a},"A","B")`);
      if (row.suggestedGradeTyped)
        c.typed = {
          parsed: { kind: "not-a-number", text: row.suggestedGradeTyped, reason: "text" },
          text: row.suggestedGradeTyped,
        };
      out.computed.push(c);
    }
  }
  // Kept until the run ends: without the spare capacity that growing by push leaves.
  out.numericCells = out.numericCells.slice();
  out.textCells = out.textCells.slice();
  out.rowKeys = out.rowKeys.slice();
  return out;
}
