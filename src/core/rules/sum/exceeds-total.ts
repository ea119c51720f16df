import { sumChecks } from "../../sheets/monitoring/relations";
import { defineRule } from "../rule";
import { sumData, sumPlace } from "../shared/breakdown-sum";

export const rule = defineRule({
  meta: {
    id: "sum/exceeds-total",
    severity: "error",
    description: {
      ja: "一部だけを分類する内訳の合計が指標値を超えている",
      en: "A partial breakdown adds up to more than its total",
    },
    messages: {
      exceeds: {
        ja: "{what}の合計{sum}が{totalLabel}{total}を超えています（{parts}）。",
        en: "The {what} breakdown adds up to {sum}, more than the {totalLabel} {total} ({parts}).",
      },
    },
  },
  *check(ctx) {
    for (const c of sumChecks(ctx)) {
      // "mismatch" is beyond tolerance: counts exactly, rounded figures when their intervals do not meet.
      if (c.relation !== "partial" || c.comparison.status !== "mismatch") continue;
      if (!(c.comparison.sum > c.total.value)) continue;
      const parts = c.parts;
      yield {
        messageId: "exceeds",
        data: sumData(c, parts),
        ...sumPlace(c, parts),
      };
    }
  },
});
