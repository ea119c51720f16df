import { runRuleTests } from "../../../../test/support/rule-tester";
import { breakdown } from "../../../../test/support/sheets";
import { CHANGES_AS_COMPUTED, typedMismatchOf } from "../../../../test/core/rules/typed-vs-computed";
import { rule as changeAmount } from "./amount";

const mismatch = typedMismatchOf("change/amount", "予算内訳");

runRuleTests(changeAmount, {
  valid: [{ name: "増減額 = this year − last year, ▲ for a decrease", sheets: CHANGES_AS_COMPUTED }],
  invalid: [
    {
      name: "a decrease written without ▲, and a wrong amount",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 3, "20.0%"], ["明細", "B事業", 5, 4, 1, "▲20.0%"]) },
      findings: [
        mismatch("E3", "「A事業」の「増減額」", ["3", 3], ["2", 2], expect.stringContaining("D3-C3")),
        mismatch("E4", "「B事業」の「増減額」", ["1", 1], ["-1", -1]),
      ],
    },
  ],
});
