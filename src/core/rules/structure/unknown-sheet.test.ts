import { runRuleTests } from "../../../../test/support/rule-tester";
import { INHOUSE_TWO_UNITS, sheetWith } from "../../../../test/support/sheets";
import { rule as unknownSheet } from "./unknown-sheet";

runRuleTests(unknownSheet, {
  valid: [{ name: "a recognised sheet", sheets: [sheetWith("予算", INHOUSE_TWO_UNITS)] }],
  invalid: [
    {
      name: "a sheet of no kind",
      sheets: [sheetWith("議事録", [["議事録"], ["日時", "令和7年4月1日"]])],
      findings: [{ severity: "info", sheet: "議事録", cell: "A1", messageId: "unknown", data: { sheet: "議事録" } }],
    },
    {
      name: "a sheet that nearly is one names the labels it lacks",
      sheets: [sheetWith("PJ1", [["番号", "アウトプット指標", "指標値", "内訳", "品目", "数量"]])],
      findings: [
        {
          sheet: "PJ1",
          messageId: "near",
          data: { sheet: "PJ1", kind: { phrase: "monitoring" }, missing: { list: ["項目", "値"], style: "quoted" } },
        },
      ],
    },
  ],
});
