import { defineRule } from "../rule";
import { numericBuckets } from "../shared/numeric-cells";
import { unfilledSheets } from "../structure/unfilled";

export const rule = defineRule({
  meta: {
    id: "value/missing",
    severity: "error",
    description: { ja: "必要な数値が空欄", en: "A required number is empty" },
    messages: {
      missing: { ja: "「{row}」の「{column}」が空欄です。", en: "“{column}” of “{row}” is blank." },
    },
  },
  check(ctx) {
    // A sheet with nothing entered yet is one structure/unfilled info, not an error per blank cell.
    const unfilled = unfilledSheets(ctx);
    return numericBuckets(ctx)
      .missing.filter((c) => !unfilled.has(c.sheet))
      .map((c) => ({
        messageId: "missing",
        data: { row: c.rowLabel || c.cell, column: c.column },
        sheet: c.sheet,
        cell: c.cell,
      }));
  },
});
