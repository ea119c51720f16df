import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse, OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import { typedMismatchOf } from "../../../../test/core/rules/typed-vs-computed";
import { rule as ratioMismatch } from "./mismatch";

// Columns after OUTPUT_LEAD: G 年度目標, H 実績, I 達成率, J 進捗
const output = outputSheetOf([...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗"]);
const inhouseMismatch = typedMismatchOf("ratio/mismatch", "インハウス予算");
const outputMismatch = typedMismatchOf("ratio/mismatch", "アウトプット指標");

runRuleTests(ratioMismatch, {
  valid: [
    {
      name: "the typed 健康・医療比率 equals 健康・医療関係 ÷ 全体",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306, 40, "30.0%", "13.1%"]) },
    },
    {
      name: "an empty ratio cell is left to be filled",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306, 40]) },
    },
    {
      name: "a 達成率 typed as the computed one (111 ÷ 60)",
      sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 60, 111, "185.0%", "A"]),
    },
  ],
  invalid: [
    {
      name: "a 健康・医療比率 that is not 健康・医療関係 ÷ 全体",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306, 40, "35.0%", "13.1%"]) },
      findings: [
        inhouseMismatch(
          "F4",
          "「理化学研究所」の「健康・医療比率」",
          ["35.0%", 35],
          ["30.0%", 30],
          expect.stringContaining("D4/C4"),
        ),
      ],
    },
    {
      name: "a 達成率 computed against the period total instead of the annual target",
      sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 60, 111, "37.0%", "A"]),
      findings: [outputMismatch("I3", "「指標2」の「達成率」", ["37.0%", 37], ["185.0%", 185], "H3/(D3/5)")],
    },
  ],
});
