/** The rows of the アウトプット指標 tables as the grade and period rules walk them, and how messages name a row. */
import type { CheckContext } from "../../sheets/context";
import { outputTables, type Evaluation, type OutputRow, type OutputTable } from "../../sheets/output/read";

/** 「指標16」, “indicator 16”, or the indicator's own text. */
export function rowName(row: Pick<OutputRow, "label" | "labelNumber">) {
  return row.labelNumber ? ({ phrase: "indicator", data: { number: row.labelNumber } } as const) : row.label;
}

/** Every row of every アウトプット指標 table, with its table. */
export function* outputRows(ctx: CheckContext): Generator<{ table: OutputTable; row: OutputRow }> {
  for (const table of outputTables(ctx)) for (const row of table.rows) yield { table, row };
}

/** The rows a progress grade belongs to (not アウトカム, with a 進捗 column), with the grade's cell. */
export function* gradedRows(ctx: CheckContext): Generator<{ table: OutputTable; row: OutputRow; gradeCell: string }> {
  for (const { table, row } of outputRows(ctx))
    if (!row.isOutcome && row.gradeCell) yield { table, row, gradeCell: row.gradeCell };
}

/**
 * Where a grade that contradicts its evaluation is reported: the 進捗 cell, with the cells the measure comes from
 * and the 目標値; the annual target (or pace) against the measure.
 */
export function judgedGrade(
  table: OutputTable,
  row: OutputRow,
  gradeCell: string,
  ev: Evaluation,
  measureCells: string[],
) {
  const cells = [gradeCell, ...measureCells];
  if (row.targetCell) cells.push(row.targetCell);
  return { sheet: table.sheet, cell: gradeCell, cells, expected: ev.annual.value, actual: ev.measure };
}
