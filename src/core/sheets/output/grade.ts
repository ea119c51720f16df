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
export class Evaluation {
  readonly kind: Exclude<TargetKind, "qualitative">;
  /** The 目標値 figure. */
  readonly target: NumberValue;
  readonly annual: AnnualTarget;
  /** The figure compared with the annual target: 実績, or the mean of per-year values for 年平均. */
  readonly measure: number;
  readonly measureBasis: "actual" | "parts-mean" | "years-mean";
  /** measure / annual target as a fraction; undefined when the annual target is 0. */
  readonly ratio: number | undefined;
  readonly meets: boolean;
  readonly suggested: "A" | "B";
  private readonly row: OutputRow;
  private readonly reportYear: number | undefined;

  constructor(
    row: OutputRow,
    reportYear: number | undefined,
    kind: Exclude<TargetKind, "qualitative">,
    target: NumberValue,
    annual: AnnualTarget,
    measure: number,
    measureBasis: Evaluation["measureBasis"],
  ) {
    this.kind = kind;
    this.target = target;
    this.annual = annual;
    this.measure = measure;
    this.measureBasis = measureBasis;
    this.meets = meetsTarget(kind, measure, annual.value);
    this.suggested = this.meets ? "A" : "B";
    this.ratio = achievementRatio(measure, annual.value);
    this.row = row;
    this.reportYear = reportYear;
  }

  /** Cells behind the measure (実績, or the per-year cells), made when a message asks. */
  get measureCells(): string[] {
    if (this.measureBasis !== "years-mean") return [this.row.actualCell];
    return yearsUpToReport(this.row, this.reportYear).values.map((y) => y.cell);
  }
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
      }
    }
  }
  if (measure === undefined) {
    if (actual.kind !== "number") return undefined;
    measure = actual.value;
    basis = "actual";
  }
  return new Evaluation(row, reportYear, kind, row.target, row.annual, measure, basis);
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
