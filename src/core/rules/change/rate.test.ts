import { runRuleTests } from "../../../../test/support/rule-tester";
import { breakdown } from "../../../../test/support/sheets";
import { rule as changeRate } from "./rate";

runRuleTests(changeRate, {
  valid: [
    {
      name: "増減率 = 増減額 ÷ last year",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "20.0%"], ["明細", "B事業", 5, 4, "▲1", "▲20.0%"]) },
    },
  ],
  invalid: [
    {
      name: "a rate off by a factor of ten",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "2.0%"]) },
      findings: [
        {
          rule: "change/rate",
          severity: "error",
          cell: "F3",
          messageId: "mismatch",
          data: { label: { quote: "「A事業」の「増減率」" }, typed: "2.0%", computed: "20.0%" },
          expected: 20,
          actual: 2,
          fix: { sheet: "予算内訳", cell: "F3", formula: expect.stringContaining("(D3-C3)/C3") },
        },
      ],
    },
  ],
});
