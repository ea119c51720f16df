import { defineRule } from "../rule";
import { numericBuckets } from "../shared/numeric-cells";
import type { ErrorValue } from "../../values/types";

export const rule = defineRule({
  meta: {
    id: "value/formula-error",
    severity: "error",
    description: {
      ja: "数式がエラー値（#REF! など）を返している",
      en: "A formula returns an error value (#REF! etc.)",
    },
    messages: {
      formulaError: {
        ja: "「{row}」の「{column}」がエラー値「{code}」になっています。数式の参照先を確認してください。",
        en: "“{column}” of “{row}” is the error value {code}; check the formula's references.",
      },
    },
  },
  check(ctx) {
    return numericBuckets(ctx).error.map((c) => ({
      messageId: "formulaError",
      data: { row: c.rowLabel || c.cell, column: c.column, code: (c.parsed as ErrorValue).code },
      sheet: c.sheet,
      cell: c.cell,
    }));
  },
});
