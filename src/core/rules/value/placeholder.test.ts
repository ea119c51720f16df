import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as placeholder } from "./placeholder";

runRuleTests(placeholder, {
  valid: [{ name: "no dashes", sheets: { 予算: inhouse(["理研", "文", 100, 50, 3]) } }],
  invalid: [
    {
      name: "a dash in 外部資金 is info",
      sheets: { 予算: inhouse(["科学技術振興機構", "文", 100, 50, "—"]) },
      findings: [{ cell: "E4", severity: "info" }],
    },
    {
      name: "a dash in 全体 is an error",
      sheets: { 予算: inhouse(["理研", "文", "－", 50]) },
      findings: [
        { cell: "C4", severity: "error", messageId: "forbidden", data: { row: "理研", column: "全体", text: "－" } },
      ],
    },
  ],
});
