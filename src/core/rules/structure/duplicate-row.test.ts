import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as duplicateRow } from "./duplicate-row";

runRuleTests(duplicateRow, {
  valid: [
    {
      name: "each institute once",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 100, 50], ["国立がん研究センター", "厚", 80, 80]) },
    },
  ],
  invalid: [
    {
      name: "the same institute twice",
      sheets: {
        インハウス予算: inhouse(
          ["理化学研究所", "文", 100, 50],
          ["国立がん研究センター", "厚", 80, 80],
          ["理化学研究所", "文", 100, 50],
        ),
      },
      findings: [
        {
          rule: "structure/duplicate-row",
          severity: "error",
          cell: "A6",
          cells: ["A6", "A4"],
          messageId: "duplicate",
          data: { label: "機関名", key: "理化学研究所", cells: { list: ["A4", "A6"], style: "comma" } },
        },
      ],
    },
  ],
});
