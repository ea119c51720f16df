import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as duplicateRow } from "./duplicate-row";

runRuleTests(duplicateRow, {
  valid: [
    {
      name: "each institute once",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 100, 50], ["国立がん研究センター", "厚", 80, 80]) },
    },
    {
      // a key is unique within its sheet: the same institutes on another sheet are no repeat
      name: "the same institutes on two sheets",
      sheets: {
        インハウス予算: inhouse(["理化学研究所", "文", 100, 50], ["国立がん研究センター", "厚", 80, 80]),
        インハウス予算2: inhouse(["理化学研究所", "文", 100, 50], ["国立がん研究センター", "厚", 80, 80]),
      },
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
    {
      // keys are compared normalised (width, spaces), and every later occurrence points at the first
      name: "one institute three times, written differently",
      sheets: {
        インハウス予算: inhouse(
          ["理化学研究所", "文", 100, 50],
          ["理化学 研究所", "文", 100, 50],
          ["国立がん研究センター", "厚", 80, 80],
          ["理化学研究所", "文", 100, 50],
        ),
      },
      findings: [
        {
          rule: "structure/duplicate-row",
          severity: "error",
          cell: "A5",
          cells: ["A5", "A4"],
          messageId: "duplicate",
          data: { label: "機関名", key: "理化学 研究所", cells: { list: ["A4", "A5", "A7"], style: "comma" } },
        },
        {
          rule: "structure/duplicate-row",
          severity: "error",
          cell: "A7",
          cells: ["A7", "A4"],
          messageId: "duplicate",
          data: { label: "機関名", key: "理化学研究所", cells: { list: ["A4", "A5", "A7"], style: "comma" } },
        },
      ],
    },
  ],
});
