/**
 * total/row: the 合計 and 小計 rows of an インハウス予算 sheet equal the sums of the institute rows they cover
 * (DOMAIN §3.1), per money column, with the amount tolerance (interval rule, DOMAIN §2.2). A sum over a
 * blank or unreadable cell is reported as partial, never silently zero-filled; rounding-only differences
 * are info. Which rows a 小計 or 合計 covers: src/core/sheets/inhouse/read.ts.
 */
import { sumFormula } from "../../sheets/inhouse/sums";
import { INHOUSE_AMOUNT_KEYS, inhouseParts, inhouseRowLabel, readInhouse } from "../../sheets/inhouse/read";
import { defineRule } from "../rule";
import { SUM_MESSAGES, sumFinding, sumPhrases } from "../shared/sum-finding";

export const rule = defineRule({
  meta: {
    id: "total/row",
    severity: "error",
    description: {
      ja: "インハウス予算の合計・小計行が各機関の行の合計と一致しない",
      en: "A total or subtotal row of the in-house budget differs from the sum of the institute rows",
    },
    messages: SUM_MESSAGES,
    phrases: sumPhrases("機関の行", { one: "institute row", many: "institute rows" }),
  },
  *check(ctx) {
    for (const table of ctx.tablesOf("inhouse-budget")) {
      const t = readInhouse(table, ctx);
      for (const group of t.groups) {
        for (const key of INHOUSE_AMOUNT_KEYS) {
          const stated = group.row.amounts[key];
          const col = t.cols[key];
          if (!stated || col === undefined || !stated.figure) continue;
          const parts = inhouseParts(group, key);
          const f = sumFinding({
            sheet: t.sheet,
            stated,
            rowLabel: inhouseRowLabel(group.row),
            column: t.labels[key],
            parts,
            unit: t.unit,
            formula: () => sumFormula(parts, col, t.blocking),
          });
          if (f) yield f;
        }
      }
    }
  },
});
