import { sumChecks, partsText } from "../../sheets/monitoring/relations";
import { defineRule } from "../rule";
import { show } from "../shared/figures";

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
      const sumFig = {
        value: c.comparison.sum,
        decimals: c.comparison.sumDecimals,
        unit: c.total.unit ?? c.parts[0]?.figure.unit,
      };
      if (!(c.comparison.sum > c.total.value)) continue;
      yield {
        messageId: "exceeds",
        data: {
          what: c.what,
          sum: show(sumFig),
          totalLabel: c.totalLabel,
          total: show(c.total),
          parts: partsText(c.parts),
        },
        sheet: c.sheet.sheet,
        cell: c.totalCell,
        cells: [c.totalCell, ...c.parts.map((p) => p.cell)].filter((x, i, a) => a.indexOf(x) === i),
        expected: c.comparison.sum,
        actual: c.total.value,
      };
    }
  },
});
