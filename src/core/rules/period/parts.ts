import { defineRule } from "../rule";
import { shortYearLabel } from "../../compute/period";
import { outputTables, showFigure, yearsUpToReport, type OutputRow, type OutputTable } from "../../sheets/output/read";
import { rowName } from "../shared/output-row";
import { compareSum } from "../../values/tolerance";
import type { Figure, NumberValue } from "../../values/types";

/**
 * Labels for the figures inside a composite 実績 (`51件* (22件/29件)`): the fiscal years when the period's
 * first year, the report year and the number of parts agree (R6, R7), else none.
 */
export function partYearLabels(row: OutputRow, table: OutputTable, count: number): string[] | undefined {
  if (!row.period || table.reportYear === undefined) return undefined;
  const last = Math.min(row.period.last, table.reportYear);
  if (last - row.period.first + 1 !== count) return undefined;
  return Array.from({ length: count }, (_, i) => shortYearLabel(row.period!.first + i));
}

/** The parts of a composite 実績 or the per-year cells, with what messages and fixes need. */
export interface PeriodParts {
  total: NumberValue;
  parts: Figure[];
  /** "R6 22件 + R7 29件" pieces. */
  labels: string[];
  /** Per-year cells when the parts are cells (empty for parts written inside 実績). */
  cells: string[];
  /** All cells are number cells (a formula fix is possible). */
  plain: boolean;
}

/** The per-year values a composite 実績 or the per-year columns give a row, for `kind` (cumulative or average). */
export function periodParts(
  row: OutputRow,
  table: OutputTable,
  kind: "cumulative" | "average",
): PeriodParts | undefined {
  const a = row.actual;
  if (a.kind !== "number") return undefined;
  const unit = a.unit;
  if (a.parts && a.partsKind === kind) {
    const years = partYearLabels(row, table, a.parts.length);
    return {
      total: a,
      parts: a.parts,
      labels: a.parts.map((p, i) => `${years ? years[i] + " " : ""}${showFigure(p.value, p.decimals, p.unit ?? unit)}`),
      cells: [],
      plain: false,
    };
  }
  if (a.parts) return undefined;
  const wanted = kind === "cumulative" ? "cumulative" : "average";
  if (row.targetKind !== wanted || row.perYear.length === 0) return undefined;
  const years = yearsUpToReport(row, table.reportYear);
  if (!years.complete) return undefined;
  const parts = years.values.map((y) => y.parsed as NumberValue);
  return {
    total: a,
    parts,
    labels: years.values.map(
      (y, i) => `${y.header} ${showFigure(parts[i].value, parts[i].decimals, parts[i].unit ?? unit)}`,
    ),
    cells: years.values.map((y) => y.cell),
    plain: row.actualPlainNumber && years.values.every((y) => y.plainNumber),
  };
}

export const rule = defineRule({
  meta: {
    id: "period/parts",
    severity: "error",
    description: {
      ja: "累積の実績が各年度の実績の合計と一致しない",
      en: "A cumulative result differs from the sum of its per-year values",
    },
    messages: {
      mismatch: {
        ja: "「{row}」の累積実績{total}が各年度の実績の合計{sum}と一致しません（{parts}）。",
        en: "The cumulative result {total} of “{row}” differs from the sum of its per-year values {sum} ({parts}).",
      },
      rounding: {
        ja: "「{row}」の累積実績{total}と各年度の実績の合計{sum}の差は、端数処理の範囲内です（{parts}）。",
        en: "The cumulative result {total} of “{row}” differs from the sum of its per-year values {sum} only by rounding ({parts}).",
      },
    },
  },
  *check(ctx) {
    for (const table of outputTables(ctx)) {
      for (const row of table.rows) {
        const p = periodParts(row, table, "cumulative");
        if (!p) continue;
        const cmp = compareSum(p.total, p.parts, p.total.unitKind);
        if (cmp.status === "equal") continue;
        const unit = p.total.unit;
        const rounding = cmp.status === "rounding";
        // A difference within rounding is no error to correct: no fix is proposed for it.
        const fix =
          !rounding && p.plain && p.cells.length > 0
            ? { sheet: table.sheet, cell: row.actualCell, formula: `SUM(${p.cells.join(",")})` }
            : undefined;
        yield {
          messageId: rounding ? "rounding" : "mismatch",
          ...(rounding ? ({ severity: "info" } as const) : {}),
          data: {
            row: rowName(row),
            total: showFigure(p.total.value, p.total.decimals, unit),
            sum: showFigure(cmp.sum, cmp.sumDecimals, unit),
            parts: p.labels.join(" + "),
          },
          sheet: table.sheet,
          cell: row.actualCell,
          cells: [row.actualCell, ...p.cells],
          expected: cmp.sum,
          actual: p.total.value,
          ...(fix ? { fix } : {}),
        };
      }
    }
  },
});
