/** The numeric cells every kind reader exposes, across the workbook. */
import { memoKey, type CheckContext } from "../../sheets/context";
import type { NumericCell } from "../../sheets/analysis";

const NUMERIC_CELLS = memoKey<NumericCell[]>("numeric cells");

export function allNumericCells(ctx: CheckContext): NumericCell[] {
  return ctx.memo(NUMERIC_CELLS, () => {
    const analyses = ctx.analyses();
    if (analyses.length === 1) return analyses[0].analysis.numericCells;
    const out: NumericCell[] = [];
    for (const a of analyses) {
      const cells = a.analysis.numericCells;
      for (let i = 0; i < cells.length; i++) out.push(cells[i]);
    }
    return out;
  });
}

/**
 * The numeric cells each value/* rule reports on, sorted into buckets by one pass over every numeric
 * cell (memoised per check run), so the five rules do not each scan all cells. Order within a bucket is
 * the cells' order.
 */
export interface NumericBuckets {
  /** parsed.kind "not-a-number" (value/not-a-number). */
  notANumber: NumericCell[];
  /** parsed.kind "error" (value/formula-error). */
  error: NumericCell[];
  /** Required and empty (value/missing). */
  missing: NumericCell[];
  /** A number below zero where negatives are not allowed (value/negative). */
  negative: NumericCell[];
  /** parsed.kind "placeholder" (value/placeholder). */
  placeholder: NumericCell[];
}

const NUMERIC_BUCKETS = memoKey<NumericBuckets>("numeric buckets");

export function numericBuckets(ctx: CheckContext): NumericBuckets {
  return ctx.memo(NUMERIC_BUCKETS, () => {
    const b: NumericBuckets = { notANumber: [], error: [], missing: [], negative: [], placeholder: [] };
    for (const { analysis } of ctx.analyses()) {
      const cells = analysis.numericCells;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        const p = c.parsed;
        switch (p.kind) {
          case "number":
            if (p.value < 0 && !c.negativeAllowed) b.negative.push(c);
            break;
          case "empty":
            if (c.required) b.missing.push(c);
            break;
          case "not-a-number":
            b.notANumber.push(c);
            break;
          case "error":
            b.error.push(c);
            break;
          case "placeholder":
            b.placeholder.push(c);
            break;
        }
      }
    }
    return b;
  });
}
