import { formatNumber } from "../../values/format";
import { defineRule } from "../rule";
import { numericBuckets } from "../shared/numeric-cells";
import type { NumberValue } from "../../values/types";

export const rule = defineRule({
  meta: {
    id: "value/negative",
    severity: "error",
    description: { ja: "負の値が入れられない欄に負の値がある", en: "A negative value where none is allowed" },
    messages: {
      negative: {
        ja: "「{row}」の「{column}」が負の値（{value}）です。",
        en: "“{column}” of “{row}” is negative ({value}).",
      },
    },
  },
  check(ctx) {
    return numericBuckets(ctx).negative.map((c) => {
      const p = c.parsed as NumberValue;
      return {
        messageId: "negative",
        data: {
          row: c.rowLabel || c.cell,
          column: c.column,
          value: formatNumber(p.value, p.decimals) + (p.unit ?? ""),
        },
        sheet: c.sheet,
        cell: c.cell,
        actual: p.value,
      };
    });
  },
});
