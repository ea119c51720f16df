/**
 * What the アウトプット指標 sheet gives the shared rules (DOMAIN §3.3): numeric cells (目標値, 実績, per-year
 * values), text cells (指標, 進捗の詳細, 備考), row keys (番号) and the computed cells 年度目標, 達成率, 判定.
 * The grade and period rules read the typed table (./read.ts) instead.
 */
import type { CheckContext } from "../context";
import { isNumericKind } from "../../compute/targets";
import type { Parsed } from "../../values/types";
import { emptyAnalysis, type ComputedCell, type NumericCell, type SheetAnalysis } from "../analysis";
import { cellText } from "../detect";
import { fromA1 } from "../../model/address";
import type { DetectedTable } from "../table";
import { computedDecimals, readOutput, yearsUpToReport, type OutputRow, type OutputTable } from "./read";

function header(table: DetectedTable, key: string, fallback: string): string {
  const col = table.columns[key]?.[0];
  return (col !== undefined ? table.headers.get(col) : undefined) ?? fallback;
}

function textAt(table: DetectedTable, a1: string): string {
  const { row, col } = fromA1(a1);
  return cellText(table.rows[row]?.[col]).trim();
}

/** The Excel expression of the annual target, when 目標値 is a number cell. */
function annualExpression(row: OutputRow): string | undefined {
  const a = row.annual;
  if (!a || !row.targetCell) return undefined;
  const t = row.targetCell;
  switch (a.basis) {
    case "target":
      return t;
    case "share":
      return `${t}/${a.years}`;
    case "pace":
      return `${t}*${a.elapsed}/${a.years}`;
  }
}

/** The Excel expression of the compared measure, when its cells are number cells. */
function measureExpression(row: OutputRow, table: OutputTable): string | undefined {
  const ev = row.evaluation;
  if (!ev) return undefined;
  if (ev.measureBasis === "actual") return row.actualPlainNumber ? row.actualCell : undefined;
  if (ev.measureBasis === "years-mean") {
    const years = yearsUpToReport(row, table.reportYear).values;
    return years.every((y) => y.plainNumber) ? `AVERAGE(${years.map((y) => y.cell).join(",")})` : undefined;
  }
  return undefined;
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

  const numeric = (
    cell: string,
    column: string,
    row: OutputRow,
    parsed: Parsed,
    required: boolean,
    placeholderAllowed: boolean,
  ): NumericCell => ({
    sheet,
    cell,
    column,
    rowLabel: row.label,
    parsed,
    required,
    placeholderAllowed,
  });

  for (const row of typed.rows) {
    // Row identity.
    if (row.number && row.numberCell) out.rowKeys.push({ sheet, cell: row.numberCell, key: row.key, label: "番号" });

    // Text cells scanned for era mismatches.
    if (row.indicator) out.textCells.push({ sheet, cell: row.indicatorCell, text: row.indicator });
    if (row.detail && row.detailCell) out.textCells.push({ sheet, cell: row.detailCell, text: row.detail });
    if (row.note && row.noteCell) out.textCells.push({ sheet, cell: row.noteCell, text: row.note });
    if (row.targetText && row.targetCell && row.target?.kind !== "number")
      out.textCells.push({ sheet, cell: row.targetCell, text: row.targetText });

    const numericKind = !row.isOutcome && isNumericKind(row.targetKind);

    // 目標値: required for kinds with a numeric target; elsewhere (定性, blank kind, アウトカム) prose and dashes are fine.
    if (row.target && row.targetCell) {
      if (numericKind) out.numericCells.push(numeric(row.targetCell, labels.target, row, row.target, true, false));
      else if (row.target.kind === "number" || row.target.kind === "error") {
        out.numericCells.push(numeric(row.targetCell, labels.target, row, row.target, false, true));
      }
    }

    // 実績: required when graded A or B; a dash is fine when not graded (or for outcome rows).
    const graded = row.grade === "A" || row.grade === "B";
    const a = row.actual;
    // An approximate figure (約31件) is a number written loosely: it is reported wherever it stands.
    const approximate = a.kind === "not-a-number" && a.reason === "approximate";
    if (row.isOutcome) {
      if (a.kind !== "not-a-number" || approximate)
        out.numericCells.push(numeric(row.actualCell, labels.actual, row, a, false, true));
    } else if (numericKind || a.kind !== "not-a-number" || approximate) {
      // (A prose result of a qualitative indicator has nothing numeric to check.)
      out.numericCells.push(numeric(row.actualCell, labels.actual, row, a, graded, !graded));
    }

    // Per-year values.
    for (const y of row.perYear) {
      if (y.parsed.kind === "empty") continue;
      out.numericCells.push(numeric(y.cell, y.header, row, y.parsed, false, true));
    }

    // Typed computed cells that are not numbers at all.
    for (const [cell, p, column] of [
      [row.annualTargetCell, row.annualTargetTyped, labels.annual],
      [row.achievementCell, row.achievementTyped, labels.achievement],
    ] as const) {
      if (cell && p && (p.kind === "not-a-number" || p.kind === "error"))
        out.numericCells.push(numeric(cell, column, row, p, false, true));
    }

    // Computed cells.
    if (row.isOutcome || row.target?.kind !== "number" || !row.annual) continue;
    const target = row.target;
    const percent = target.unitKind === "percent";
    const plainTarget = row.targetPlainNumber;
    const annualExpr = plainTarget ? annualExpression(row) : undefined;
    if (row.annualTargetCell) {
      const c: ComputedCell = {
        sheet,
        cell: row.annualTargetCell,
        value: percent ? row.annual.value / 100 : row.annual.value,
        decimals: computedDecimals(row.annual.value, target.decimals),
        label: `「${row.label}」の「${labels.annual}」`,
        rule: "target/annual-share",
      };
      if (annualExpr) c.formula = annualExpr;
      if (percent) {
        c.percent = true;
        c.numFmt = `0${c.decimals ? "." + "0".repeat(c.decimals) : ""}%`;
      }
      if (row.annualTargetTyped) c.typed = { parsed: row.annualTargetTyped, text: textAt(table, row.annualTargetCell) };
      out.computed.push(c);
    }
    const ev = row.evaluation;
    if (!ev) continue;
    const measureExpr = measureExpression(row, typed);
    if (row.achievementCell && ev.ratio !== undefined) {
      const c: ComputedCell = {
        sheet,
        cell: row.achievementCell,
        value: ev.ratio,
        decimals: 1,
        numFmt: "0.0%",
        percent: true,
        label: `「${row.label}」の「${labels.achievement}」`,
        rule: "ratio/mismatch",
      };
      if (measureExpr && annualExpr)
        c.formula = `${measureExpr}/${ev.annual.basis === "target" ? annualExpr : `(${annualExpr})`}`;
      if (row.achievementTyped) c.typed = { parsed: row.achievementTyped, text: textAt(table, row.achievementCell) };
      out.computed.push(c);
    }
    if (row.suggestedGradeCell) {
      const c: ComputedCell = { sheet, cell: row.suggestedGradeCell, value: ev.suggested, label: labels.suggested };
      if (measureExpr && annualExpr)
        c.formula = `IF(${measureExpr}${ev.kind === "baseline-above" ? ">" : ">="}${annualExpr},"A","B")`;
      if (row.suggestedGradeTyped)
        c.typed = {
          parsed: { kind: "not-a-number", text: row.suggestedGradeTyped, reason: "text" },
          text: row.suggestedGradeTyped,
        };
      out.computed.push(c);
    }
  }
  return out;
}
