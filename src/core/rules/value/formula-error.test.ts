import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { sheetFromValues, type Cell, type Sheet } from "../../model/workbook";
import { rule as formulaError } from "./formula-error";

function withCell(sheet: Sheet, row: number, col: number, cell: Cell): Sheet {
  (sheet.rows[row] ??= [])[col] = cell;
  return sheet;
}

runRuleTests(formulaError, {
  valid: [{ name: "no error values", sheets: { 予算: inhouse(["理研", "文", 100, 50]) } }],
  invalid: [
    {
      name: "#REF! cached in a formula",
      sheets: [
        withCell(sheetFromValues("予算", inhouse(["理研", "文", 100])), 3, 3, {
          value: { error: "#REF!" },
          formula: "Sheet2!A1",
        }),
      ],
      findings: [
        {
          cell: "D4",
          severity: "error",
          messageId: "formulaError",
          data: { row: "理研", column: "健康・医療関係", code: "#REF!" },
        },
      ],
    },
    {
      name: "#DIV/0! typed as text",
      sheets: { 予算: inhouse(["理研", "文", "#DIV/0!", 50]) },
      findings: [{ cell: "C4", messageId: "formulaError", data: { row: "理研", column: "全体", code: "#DIV/0!" } }],
    },
  ],
});
