import { defineRule } from "../rule";
import { gradedRows, rowName } from "../shared/output-row";

export const rule = defineRule({
  meta: {
    id: "grade/invalid",
    severity: "error",
    description: {
      ja: "進捗が A・B・-（未評価）のいずれでもない",
      en: "A progress grade that is not A, B or - (not assessed)",
    },
    messages: {
      invalid: {
        ja: "「{row}」の進捗「{text}」は、A（順調に進捗している）・B（進捗が不十分）・-（未評価）のいずれでもありません。",
        en: "The progress grade “{text}” of “{row}” is not A (on track), B (insufficient) or - (not assessed).",
      },
    },
  },
  *check(ctx) {
    for (const { table, row, gradeCell } of gradedRows(ctx)) {
      if (row.gradeStatus !== "invalid") continue;
      const data = { row: rowName(row), text: row.gradeText ?? "" };
      yield { messageId: "invalid", data, sheet: table.sheet, cell: gradeCell };
    }
  },
});
