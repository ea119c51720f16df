import { defineRule } from "../rule";
import { computedDecimals, showFigure } from "../../sheets/output/read";
import { rowName } from "../shared/output-row";
import { periodPlace, periodRows } from "../shared/period-parts";
import { mean } from "../../compute/targets";
import { sameAtPrecision } from "../../values/tolerance";

export const rule = defineRule({
  meta: {
    id: "period/average",
    severity: "error",
    description: {
      ja: "年平均の実績が各年度の実績の平均と一致しない",
      en: "An average result differs from the mean of its per-year values",
    },
    messages: {
      mismatch: {
        ja: "「{row}」の年平均の実績{stated}が各年度の実績の平均{mean}と一致しません（{parts}）。",
        en: "The average result {stated} of “{row}” differs from the mean of its per-year values {mean} ({parts}).",
      },
    },
  },
  *check(ctx) {
    for (const { table, row, p } of periodRows(ctx, "average")) {
      const m = mean(p.parts.map((x) => x.value));
      if (m === undefined || sameAtPrecision(m, p.total)) continue;
      if (p.cells.length > 0 && table.reportYear !== undefined) {
        // A plain 実績 equal to the report year's own value reads as that year's result, not an average: ambiguous, skip.
        const own = row.perYear.find((y) => y.year === table.reportYear);
        if (own?.parsed.kind === "number" && own.parsed.value === p.total.value) continue;
      }
      const unit = p.total.unit;
      const decimals = Math.max(p.total.decimals, ...p.parts.map((x) => x.decimals));
      yield {
        messageId: "mismatch",
        data: {
          row: rowName(row),
          stated: showFigure(p.total.value, p.total.decimals, unit),
          mean: showFigure(m, computedDecimals(m, decimals), unit),
          parts: { list: p.labels, style: "comma" },
        },
        ...periodPlace(table, row, p, "AVERAGE"),
        expected: m,
        actual: p.total.value,
      };
    }
  },
});
