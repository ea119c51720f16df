/**
 * sum/subtotal: in a 予算内訳 sheet, every 小計 equals the sum of its 明細 / その他 rows and every 合計 the
 * sum of its 小計 rows plus the 明細 / その他 not under a 小計 (DOMAIN §3.2), per amount column, with the
 * amount tolerance (interval rule): an error when the intervals do not meet (seed 004: 16 vs
 * 10.4 + 2.2 + 2.6), info when only rounding (11 + 7.3 vs 18). A sum over a blank or unreadable cell is
 * reported as partial. うち, 内数 and 再掲 rows are never added. Which rows a 小計 or 合計 takes:
 * src/core/sheets/breakdown/read.ts.
 */
import { rowLabel, readAllBreakdowns } from "../../sheets/breakdown/read";
import { sumFormula } from "../../sheets/inhouse/sums";
import { defineRule } from "../rule";
import { SUM_MESSAGES, sumFinding, sumPhrases } from "../shared/sum-finding";

export const rule = defineRule({
  meta: {
    id: "sum/subtotal",
    severity: "error",
    description: {
      ja: "予算内訳の小計・合計が内訳の合計と一致しない",
      en: "A subtotal or total of a budget breakdown differs from the sum of its items",
    },
    messages: SUM_MESSAGES,
    phrases: sumPhrases("内訳", { one: "item", many: "items" }),
  },
  *check(ctx) {
    for (const t of readAllBreakdowns(ctx)) {
      for (const group of t.groups) {
        for (let ci = 0; ci < t.amountCols.length; ci++) {
          const stated = group.row.amounts[ci];
          if (!stated.figure) continue;
          const parts = t.partsOf(group, ci);
          const f = sumFinding({
            sheet: t.sheet,
            stated,
            rowLabel: rowLabel(group.row),
            column: t.amountCols[ci].label,
            parts,
            unit: t.amountCols[ci].unit,
            formula: () => sumFormula(parts, t.amountCols[ci].col, t.blocking),
          });
          if (f) yield f;
        }
      }
    }
  },
});
