import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as missing } from "./missing";

runRuleTests(missing, {
  valid: [
    { name: "external funds may be empty", sheets: { 予算: inhouse(["理研", "文", 100, 50]) } },
    // Nothing entered on the sheet yet: one structure/unfilled info instead of an error per blank cell.
    { name: "a sheet with no figure entered yet", sheets: { 予算: inhouse(["理研", "文"], ["量研", "文"]) } },
  ],
  invalid: [
    {
      name: "seed 000: 健康・医療関係 left blank",
      sheets: { 予算: inhouse(["国立健康危機管理研究機構", "厚", 170]) },
      findings: [
        {
          cell: "D4",
          severity: "error",
          messageId: "missing",
          data: { row: "国立健康危機管理研究機構", column: "健康・医療関係" },
        },
      ],
    },
    {
      name: "a partly filled sheet still reports every blank",
      sheets: { 予算: inhouse(["理研", "文", 100], ["量研", "文"]) },
      findings: [{ cell: "D4" }, { cell: "C5" }, { cell: "D5" }],
    },
  ],
});
