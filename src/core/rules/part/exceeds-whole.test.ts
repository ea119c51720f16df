import { runRuleTests } from "../../../../test/support/rule-tester";
import { breakdown, inhouse } from "../../../../test/support/sheets";
import { rule as exceedsWhole } from "./exceeds-whole";

const MON_HEADER = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];

runRuleTests(exceedsWhole, {
  valid: [
    { name: "健康・医療関係 within 全体", sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306]) } },
    {
      name: "a うち figure within its value (29件（0件）)",
      sheets: {
        PJ1: [
          ["統合プロジェクト", "PJ1"],
          MON_HEADER,
          [
            "2",
            "治験に至った件数",
            "30件",
            null,
            "医師主導治験の治験計画届の届出数（うち国際共同治験数）",
            null,
            "29件（0件）",
          ],
        ],
      },
    },
    {
      name: "amounts that may be equal once rounded (13 and 12 億円)",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12], ["うち", "（うち、B経費）", 5, 13]) },
    },
  ],
  invalid: [
    {
      name: "健康・医療関係 above 全体",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 100, 120]) },
      findings: [
        {
          rule: "part/exceeds-whole",
          severity: "error",
          cell: "D4",
          cells: ["D4", "C4"],
          messageId: "exceeds",
          data: {
            part: { quote: "「理化学研究所」の「健康・医療関係」" },
            partValue: "120億円",
            whole: { quote: "「全体」" },
            wholeValue: "100億円",
          },
          expected: 100,
          actual: 120,
        },
      ],
    },
    {
      name: "a うち figure above its value (3件（4件）)",
      sheets: {
        PJ1: [
          ["統合プロジェクト", "PJ1"],
          MON_HEADER,
          ["2", "治験に至った件数", "3件", null, "医師主導治験", null, "3件（4件）"],
        ],
      },
      findings: [{ cell: "G3", expected: 3, actual: 4 }],
    },
    {
      name: "a うち row above the row it belongs to",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12], ["うち", "（うち、B経費）", 5, 14]) },
      findings: [{ cell: "D4", cells: ["D4", "D3"], expected: 12, actual: 14 }],
    },
  ],
});
