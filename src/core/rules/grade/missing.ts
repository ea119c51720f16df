import { defineRule } from "../rule";
import { gradedRows, rowName } from "../shared/output-row";

export const rule = defineRule({
  meta: {
    id: "grade/missing",
    severity: "error",
    description: {
      ja: "実績が入力されているのに進捗（A・B）が空欄",
      en: "A result is entered but the progress grade (A/B) is empty",
    },
    messages: {
      missing: {
        ja: "「{row}」は実績{actual}が入力されていますが、進捗（A・B）が空欄です。",
        en: "“{row}” has the result {actual} but no progress grade (A/B).",
      },
      missingSuggested: {
        ja: "「{row}」は実績{actual}が入力されていますが、進捗（A・B）が空欄です（数値からの判定は{suggested}）。",
        en: "“{row}” has the result {actual} but no progress grade (A/B); the numbers suggest {suggested}.",
      },
    },
  },
  *check(ctx) {
    for (const { table, row, gradeCell } of gradedRows(ctx)) {
      const k = row.actual.kind;
      if (row.gradeStatus !== "empty" || k === "empty" || k === "placeholder") continue;
      const suggested = row.evaluation?.suggested;
      const at = { sheet: table.sheet, cell: gradeCell, cells: [gradeCell, row.actualCell] };
      const data = { row: rowName(row), actual: row.actualText };
      if (suggested) yield { messageId: "missingSuggested", data: { ...data, suggested }, ...at } as const;
      else yield { messageId: "missing", data, ...at } as const;
    }
  },
});
