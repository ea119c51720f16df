import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as negative } from "./negative";

runRuleTests(negative, {
  valid: [{ name: "positive amounts", sheets: { 予算: inhouse(["理研", "文", 100, 50, 0]) } }],
  invalid: [
    {
      name: "▲ in a budget amount",
      sheets: { 予算: inhouse(["理研", "文", 100, "▲5"]) },
      findings: [{ cell: "D4", severity: "error", actual: -5 }],
    },
  ],
});
