import { formatNumber } from "../../values/format";
import { sumChecks } from "../../sheets/monitoring/relations";
import { defineRule } from "../rule";
import { sumData, sumPlace, sumUnit } from "../shared/breakdown-sum";

export const rule = defineRule({
  meta: {
    id: "sum/incomplete",
    severity: "info",
    description: {
      ja: "一部だけを分類する内訳の合計が指標値に満たない（分類されていない件数がある）",
      en: "A partial breakdown covers less than its total",
    },
    messages: {
      incomplete: {
        ja: "{what}の合計{sum}は{totalLabel}{total}に{gap}足りません（{parts}）。この{gap}はどの区分にも分類されていません。",
        en: "The {what} breakdown covers {sum} of the {totalLabel} {total} ({parts}); the remaining {gap} is not classified.",
      },
    },
  },
  *check(ctx) {
    for (const c of sumChecks(ctx)) {
      if (c.relation !== "partial" || c.comparison.status !== "mismatch" || !(c.comparison.sum < c.total.value))
        continue;
      const parts = c.parts;
      const unit = sumUnit(c, parts);
      const decimals = Math.max(c.total.decimals, c.comparison.sumDecimals);
      const gap = Number((c.total.value - c.comparison.sum).toPrecision(12));
      yield {
        messageId: "incomplete",
        data: {
          ...sumData(c, parts),
          gap: formatNumber(gap, Number.isInteger(gap) ? 0 : Math.max(0, decimals)) + (unit ?? ""),
        },
        ...sumPlace(c, parts),
      };
    }
  },
});
