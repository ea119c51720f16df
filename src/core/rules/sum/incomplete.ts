import { formatNumber } from "../../values/format";
import { sumChecks, partsText } from "../../sheets/monitoring/relations";
import { defineRule } from "../rule";
import { show } from "../shared/figures";

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
      const unit = c.total.unit ?? c.parts[0]?.figure.unit;
      const decimals = Math.max(c.total.decimals, c.comparison.sumDecimals);
      const gap = Number((c.total.value - c.comparison.sum).toPrecision(12));
      yield {
        messageId: "incomplete",
        data: {
          what: c.what,
          sum: show({ value: c.comparison.sum, decimals: c.comparison.sumDecimals, unit }),
          totalLabel: c.totalLabel,
          total: show(c.total),
          gap: formatNumber(gap, Number.isInteger(gap) ? 0 : Math.max(0, decimals)) + (unit ?? ""),
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
