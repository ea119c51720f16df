/**
 * Grading an アウトプット指標 row (DOMAIN §3.3): how its result compares with its target (the annual target or
 * pace, the achievement ratio, the grade the numbers suggest), and how messages show those figures. The reader
 * (./read.ts) evaluates every row with it; the grade and period rules read the outcome.
 */
import { formatNumber } from "../../values/format";
import { shortestDecimals } from "../../values/parse";
import type { NumberValue } from "../../values/types";
import {
  achievementRatio,
  isNumericKind,
  mean,
  meetsTarget,
  type AnnualTarget,
  type TargetKind,
} from "../../compute/targets";
import type { OutputRow, YearValue } from "./read";

/** How the numbers of one row compare with its target (numeric kinds with a target and a result). */
export interface Evaluation {
  kind: Exclude<TargetKind, "qualitative">;
  /** The 目標値 figure. */
  target: NumberValue;
  annual: AnnualTarget;
  /** The figure compared with the annual target: 実績, or the mean of per-year values for 年平均. */
  measure: number;
  measureBasis: "actual" | "parts-mean" | "years-mean";
  /** Cells behind the measure (実績, or the per-year cells). */
  measureCells: string[];
  /** measure / annual target as a fraction; undefined when the annual target is 0. */
  ratio?: number;
  meets: boolean;
  suggested: "A" | "B";
}

/**
 * The per-year values that make up the result: years within the period (when known) up to the report
 * year (when known). `complete` is false when any of them is empty or a placeholder.
 */
export function yearsUpToReport(
  row: OutputRow,
  reportYear: number | undefined,
): { values: YearValue[]; complete: boolean } {
  const values: YearValue[] = [];
  let complete = true;
  const last = Math.min(row.period?.last ?? Infinity, reportYear ?? Infinity);
  const first = row.period?.first ?? -Infinity;
  for (const y of row.perYear) {
    if (y.year < first || y.year > last) continue;
    if (y.parsed.kind === "number") values.push(y);
    else complete = false;
  }
  return { values, complete: complete && values.length > 0 };
}

export function evaluate(row: OutputRow, reportYear: number | undefined): Evaluation | undefined {
  const kind = row.targetKind;
  if (row.isOutcome || !isNumericKind(kind) || row.target?.kind !== "number" || !row.annual) return undefined;
  const actual = row.actual;
  let measure: number | undefined;
  let basis: Evaluation["measureBasis"] = "actual";
  let cells = [row.actualCell];
  if (kind === "average") {
    if (
      actual.kind === "number" &&
      actual.parts &&
      (actual.partsKind === "average" || actual.partsKind === "cumulative")
    ) {
      measure = mean(actual.parts.map((p) => p.value));
      basis = "parts-mean";
    } else {
      const years = yearsUpToReport(row, reportYear);
      if (years.complete) {
        measure = mean(years.values.map((y) => (y.parsed as NumberValue).value));
        basis = "years-mean";
        cells = years.values.map((y) => y.cell);
      }
    }
  }
  if (measure === undefined) {
    if (actual.kind !== "number") return undefined;
    measure = actual.value;
    basis = "actual";
  }
  const meets = meetsTarget(kind, measure, row.annual.value);
  const ev: Evaluation = {
    kind,
    target: row.target,
    annual: row.annual,
    measure,
    measureBasis: basis,
    measureCells: cells,
    meets,
    suggested: meets ? "A" : "B",
  };
  const ratio = achievementRatio(measure, row.annual.value);
  if (ratio !== undefined) ev.ratio = ratio;
  return ev;
}

/** "271人" — a figure as the sheet shows it (decimals clamped to ≥ 0). */
export function showFigure(value: number, decimals: number, unit?: string): string {
  return formatNumber(value, Math.max(0, decimals)) + (unit ?? "");
}

/** Decimals to show a computed value with: at least `base`, more when it has a fraction (at most 2). */
export function computedDecimals(value: number, base: number): number {
  const b = Math.max(0, base);
  if (Number.isInteger(value)) return b;
  return Math.max(b, Math.min(2, shortestDecimals(value)));
}

/** 0.7166 → "71.7%" */
export function showPercent(ratio: number | undefined): string {
  return ratio === undefined ? "—" : `${formatNumber(ratio * 100, 1)}%`;
}
