/**
 * The per-year values of a cumulative or average 実績 (period/parts, period/average): written inside the 実績
 * (`51件* (22件/29件)`) or in the per-year columns, and where a finding about them stands.
 */
import { shortYearLabel } from "../../compute/period";
import type { CheckContext } from "../../sheets/context";
import { showFigure, yearsUpToReport, type OutputRow, type OutputTable } from "../../sheets/output/read";
import type { Figure, NumberValue } from "../../values/types";
import { outputRows } from "./output-row";

type PeriodKind = "cumulative" | "average";

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
export function periodParts(row: OutputRow, table: OutputTable, kind: PeriodKind): PeriodParts | undefined {
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
  if (row.targetKind !== kind || row.perYear.length === 0) return undefined;
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

/** Every row of the アウトプット指標 tables whose 実績 has per-year values of `kind`, with them. */
export function* periodRows(
  ctx: CheckContext,
  kind: PeriodKind,
): Generator<{ table: OutputTable; row: OutputRow; p: PeriodParts }> {
  for (const { table, row } of outputRows(ctx)) {
    const p = periodParts(row, table, kind);
    if (p) yield { table, row, p };
  }
}

/**
 * Where a finding about the 実績 stands: its cell, with the per-year cells. `formula` (SUM, AVERAGE) is the fix
 * over the per-year cells when every one is a plain number; none when there is no error to correct.
 */
export function periodPlace(table: OutputTable, row: OutputRow, p: PeriodParts, formula?: "SUM" | "AVERAGE") {
  const at = { sheet: table.sheet, cell: row.actualCell, cells: [row.actualCell, ...p.cells] };
  if (!formula || !p.plain || p.cells.length === 0) return at;
  return { ...at, fix: { sheet: table.sheet, cell: row.actualCell, formula: `${formula}(${p.cells.join(",")})` } };
}
