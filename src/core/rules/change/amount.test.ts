import { runRuleTests } from "../../../../test/support/rule-tester";
import { breakdown } from "../../../../test/support/sheets";
import { rule as changeAmount } from "./amount";

runRuleTests(changeAmount, {
  valid: [
    {
      name: "増減額 = this year − last year, ▲ for a decrease",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "20.0%"], ["明細", "B事業", 5, 4, "▲1", "▲20.0%"]) },
    },
  ],
  invalid: [
    {
      name: "a decrease written without ▲, and a wrong amount",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 3, "20.0%"], ["明細", "B事業", 5, 4, 1, "▲20.0%"]) },
      findings: [
        {
          rule: "change/amount",
          severity: "error",
          cell: "E3",
          messageId: "mismatch",
          data: { label: { quote: "「A事業」の「増減額」" }, typed: "3", computed: "2" },
          expected: 2,
          actual: 3,
          fix: { sheet: "予算内訳", cell: "E3", formula: expect.stringContaining("D3-C3") },
        },
        {
          cell: "E4",
          messageId: "mismatch",
          data: { label: { quote: "「B事業」の「増減額」" }, typed: "1", computed: "-1" },
          expected: -1,
          actual: 1,
        },
      ],
    },
  ],
});
