import { defineRule } from "../rule";
import { outputTables } from "../../sheets/output/read";
import { rowName } from "../shared/output-row";

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
    for (const table of outputTables(ctx)) {
      for (const row of table.rows) {
        if (row.isOutcome || row.gradeStatus !== "empty" || !row.gradeCell) continue;
        const k = row.actual.kind;
        if (k === "empty" || k === "placeholder") continue;
        const suggested = row.evaluation?.suggested;
        const at = { sheet: table.sheet, cell: row.gradeCell, cells: [row.gradeCell, row.actualCell] };
        const data = { row: rowName(row), actual: row.actualText };
        if (suggested) yield { messageId: "missingSuggested", data: { ...data, suggested }, ...at } as const;
        else yield { messageId: "missing", data, ...at } as const;
      }
    }
  },
});
