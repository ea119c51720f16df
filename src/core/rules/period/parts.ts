import { defineRule } from "../rule";
import { showFigure } from "../../sheets/output/read";
import { rowName } from "../shared/output-row";
import { periodPlace, periodRows } from "../shared/period-parts";
import { compareSum } from "../../values/tolerance";

export const rule = defineRule({
  meta: {
    id: "period/parts",
    severity: "error",
    description: {
      ja: "累積の実績が各年度の実績の合計と一致しない",
      en: "A cumulative result differs from the sum of its per-year values",
    },
    messages: {
      mismatch: {
        ja: "「{row}」の累積実績{total}が各年度の実績の合計{sum}と一致しません（{parts}）。",
        en: "The cumulative result {total} of “{row}” differs from the sum of its per-year values {sum} ({parts}).",
      },
      rounding: {
        ja: "「{row}」の累積実績{total}と各年度の実績の合計{sum}の差は、端数処理の範囲内です（{parts}）。",
        en: "The cumulative result {total} of “{row}” differs from the sum of its per-year values {sum} only by rounding ({parts}).",
      },
    },
  },
  *check(ctx) {
    for (const { table, row, p } of periodRows(ctx, "cumulative")) {
      const cmp = compareSum(p.total, p.parts, p.total.unitKind);
      if (cmp.status === "equal") continue;
      const unit = p.total.unit;
      const rounding = cmp.status === "rounding";
      yield {
        messageId: rounding ? "rounding" : "mismatch",
        ...(rounding ? ({ severity: "info" } as const) : {}),
        data: {
          row: rowName(row),
          total: showFigure(p.total.value, p.total.decimals, unit),
          sum: showFigure(cmp.sum, cmp.sumDecimals, unit),
          parts: p.labels.join(" + "),
        },
        // A difference within rounding is no error to correct: no fix is proposed for it.
        ...periodPlace(table, row, p, rounding ? undefined : "SUM"),
        expected: cmp.sum,
        actual: p.total.value,
      };
    }
  },
});
