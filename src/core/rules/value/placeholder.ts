import { defineRule } from "../rule";
import { numericBuckets } from "../shared/numeric-cells";
import type { PlaceholderValue } from "../../values/types";

export const rule = defineRule({
  meta: {
    id: "value/placeholder",
    severity: "error",
    description: {
      ja: "数値の欄に「—」など該当なしの記号がある（認められる欄では情報）",
      en: "A “not applicable” dash in a numeric cell (info where allowed)",
    },
    messages: {
      allowed: {
        ja: "「{row}」の「{column}」は「{text}」（該当なし）として扱います。",
        en: "“{column}” of “{row}” is “{text}” (not applicable).",
      },
      forbidden: {
        ja: "「{row}」の「{column}」は「{text}」ですが、この欄には数値が必要です。",
        en: "“{column}” of “{row}” is “{text}”, but this cell needs a number.",
      },
    },
  },
  check(ctx) {
    return numericBuckets(ctx).placeholder.map((c) => {
      const allowed = c.placeholderAllowed;
      return {
        messageId: allowed ? "allowed" : "forbidden",
        severity: allowed ? ("info" as const) : ("error" as const),
        data: { row: c.rowLabel || c.cell, column: c.column, text: (c.parsed as PlaceholderValue).text },
        sheet: c.sheet,
        cell: c.cell,
      };
    });
  },
});
