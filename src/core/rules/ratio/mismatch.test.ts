import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as ratioMismatch } from "./mismatch";

const OUTPUT_HEADER = ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "年度目標", "実績", "達成率", "進捗"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 年度目標, H 実績, I 達成率, J 進捗
const output = (...rows: unknown[][]) => ({
  アウトプット指標: [["報告年度", "令和7年度"], OUTPUT_HEADER, ...rows] as never,
});

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
        {
          rule: "ratio/mismatch",
          severity: "error",
          cell: "F4",
          messageId: "mismatch",
          data: { label: { quote: "「理化学研究所」の「健康・医療比率」" }, typed: "35.0%", computed: "30.0%" },
          expected: 30,
          actual: 35,
          fix: { sheet: "インハウス予算", cell: "F4", formula: expect.stringContaining("D4/C4") },
        },
      ],
    },
    {
      name: "a 達成率 computed against the period total instead of the annual target",
      sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 60, 111, "37.0%", "A"]),
      findings: [
        { cell: "I3", expected: 185, actual: 37, fix: { sheet: "アウトプット指標", cell: "I3", formula: "H3/(D3/5)" } },
      ],
    },
  ],
});
