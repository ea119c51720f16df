import { indicator } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import { rule } from "./missing";

const H = [...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗"];
// Columns: A 番号 … H 実績, I 達成率, J 進捗
const sheet = outputSheetOf(H);

runRuleTests(rule, {
  valid: [
    { name: "graded", sheets: sheet(["1", "全体目標", "導出件数", 130, "年度", null, null, 158, null, "A"]) },
    {
      name: "no result and no grade",
      sheets: sheet(["1", "全体目標", "導出件数", 130, "年度", null, null, null, null, null]),
    },
    {
      name: "a dash result and no grade",
      sheets: sheet(["14", "特設目標", "jRCTアクセス数", "120万件", "年度", null, null, "-", null, null]),
    },
    {
      name: "outcome rows have no grade",
      sheets: sheet(["O1", "アウトカム", "薬事承認", null, null, null, null, "31件", null, null]),
    },
  ],
  invalid: [
    {
      name: "a result without a grade, with the suggestion",
      sheets: sheet(["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", null, "158件", null, null]),
      findings: [
        {
          rule: "grade/missing",
          severity: "error",
          cell: "J3",
          cells: ["J3", "H3"],
          messageId: "missingSuggested",
          data: { row: indicator("1"), actual: "158件", suggested: "A" },
        },
      ],
    },
    {
      name: "a result of a qualitative indicator without a grade",
      sheets: sheet([
        "19",
        "特設目標",
        "研究時間の割合",
        "増加",
        "定性",
        null,
        null,
        "Top10%論文数 1,113編",
        null,
        " ",
      ]),
      findings: [
        {
          rule: "grade/missing",
          cell: "J3",
          messageId: "missing",
          data: { row: indicator("19"), actual: "Top10%論文数 1,113編" },
        },
      ],
    },
  ],
});
