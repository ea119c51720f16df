/**
 * A モニタリング breakdown's sum against its total, as sum/breakdown, sum/exceeds-total and sum/incomplete report
 * it: the sum shown in the total's unit, and the finding's place. Each takes the check's parts, which a rule asks
 * for once per finding (SumCheck builds them on each ask and keeps none).
 */
import { partsText, type Part, type SumCheck } from "../../sheets/monitoring/relations";
import { show } from "./figures";

/** The unit the sum is shown in: the total's, else the first part's. */
export function sumUnit(c: SumCheck, parts: readonly Part[]): string | undefined {
  return c.total.unit ?? parts[0]?.figure.unit;
}

/** "33件": the parts' sum as the sheet would show it. */
export function shownSum(c: SumCheck, parts: readonly Part[]): string {
  return show({ value: c.comparison.sum, decimals: c.comparison.sumDecimals, unit: sumUnit(c, parts) });
}

/** What the messages about the sum name: what is summed, its sum, the total and the parts. */
export function sumData(c: SumCheck, parts: readonly Part[]) {
  return {
    what: c.what,
    sum: shownSum(c, parts),
    totalLabel: c.totalLabel,
    total: show(c.total),
    parts: partsText(parts),
  };
}

/** At the total's cell, with the parts' cells (each once); the sum against the stated total. */
export function sumPlace(c: SumCheck, parts: readonly Part[]) {
  const cells = [c.totalCell, ...parts.map((p) => p.cell)];
  return {
    sheet: c.sheet.sheet,
    cell: c.totalCell,
    cells: cells.filter((x, i) => cells.indexOf(x) === i),
    expected: c.comparison.sum,
    actual: c.total.value,
  };
}
