/** The numeric cells every kind reader exposes, across the workbook. */
import type { CheckContext } from "../context";
import type { NumericCell } from "../../sheets/analysis";

export function allNumericCells(ctx: CheckContext): NumericCell[] {
  return ctx.memo("numericCells", () => ctx.analyses().flatMap((a) => a.analysis.numericCells));
}

/** "国立健康危機管理研究機構 の 健康・医療関係" — where a cell sits, in words. */
export function where(cell: Pick<NumericCell, "rowLabel" | "column">, lang: "ja" | "en" = "ja"): string {
  if (!cell.rowLabel) return cell.column;
  return lang === "ja" ? `${cell.rowLabel} の ${cell.column}` : `${cell.column} of ${cell.rowLabel}`;
}
