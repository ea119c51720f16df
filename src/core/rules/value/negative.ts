import { formatNumber } from "../../report/format";
import type { Rule } from "../rule";
import { allNumericCells } from "../shared/numeric-cells";

export const rule: Rule = {
  meta: {
    id: "value/negative",
    severity: "error",
    description: { ja: "負の値が入れられない欄に負の値がある", en: "A negative value where none is allowed" },
    messages: {
      negative: { ja: "{row} の {column} が負の値 {value} です。", en: "{column} of {row} is negative ({value})." },
    },
  },
  check(ctx) {
    return allNumericCells(ctx).flatMap((c) =>
      c.parsed.kind === "number" && c.parsed.value < 0 && !c.negativeAllowed
        ? [{
            messageId: "negative",
            data: { row: c.rowLabel || c.cell, column: c.column, value: formatNumber(c.parsed.value, c.parsed.decimals) + (c.parsed.unit ?? "") },
            sheet: c.sheet,
            cell: c.cell,
            actual: c.parsed.value,
          }]
        : [],
    );
  },
};
