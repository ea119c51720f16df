/** How messages name a row of the アウトプット指標 table: 「指標16」, “indicator 16”, or the indicator's own text. */
import type { OutputRow } from "../../sheets/output/read";

export function rowName(row: Pick<OutputRow, "label" | "labelNumber">) {
  return row.labelNumber ? ({ phrase: "indicator", data: { number: row.labelNumber } } as const) : row.label;
}
