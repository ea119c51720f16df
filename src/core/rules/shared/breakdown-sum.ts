/**
 * A モニタリング breakdown's sum against its total, as sum/breakdown, sum/exceeds-total and sum/incomplete report
 * it: the sum shown in the total's unit, and the finding's place.
 */
import { partsText, type SumCheck } from "../../sheets/monitoring/relations";
import { show } from "./figures";

/** The unit the sum is shown in: the total's, else the first part's. */
export function sumUnit(c: SumCheck): string | undefined {
  return c.total.unit ?? c.parts[0]?.figure.unit;
}

/** "33件": the parts' sum as the sheet would show it. */
export function shownSum(c: SumCheck): string {
  return show({ value: c.comparison.sum, decimals: c.comparison.sumDecimals, unit: sumUnit(c) });
}

/** What the messages about the sum name: what is summed, its sum, the total and the parts. */
export function sumData(c: SumCheck) {
  return { what: c.what, sum: shownSum(c), totalLabel: c.totalLabel, total: show(c.total), parts: partsText(c.parts) };
}

/** At the total's cell, with the parts' cells (each once); the sum against the stated total. */
export function sumPlace(c: SumCheck) {
  const cells = [c.totalCell, ...c.parts.map((p) => p.cell)];
  return {
    sheet: c.sheet.sheet,
    cell: c.totalCell,
    cells: cells.filter((x, i) => cells.indexOf(x) === i),
    expected: c.comparison.sum,
    actual: c.total.value,
  };
}
