import { runRuleTests } from "../../../../test/support/rule-tester";
import { breakdown } from "../../../../test/support/sheets";
import { CHANGES_AS_COMPUTED, typedMismatchOf } from "../../../../test/core/rules/typed-vs-computed";
import { rule as changeRate } from "./rate";

const mismatch = typedMismatchOf("change/rate", "予算内訳");

runRuleTests(changeRate, {
  valid: [{ name: "増減率 = 増減額 ÷ last year", sheets: CHANGES_AS_COMPUTED }],
  invalid: [
    {
      name: "a rate off by a factor of ten",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "2.0%"]) },
      findings: [
        mismatch("F3", "「A事業」の「増減率」", ["2.0%", 2], ["20.0%", 20], expect.stringContaining("(D3-C3)/C3")),
      ],
    },
  ],
});
