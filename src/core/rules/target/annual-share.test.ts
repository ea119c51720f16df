import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule as annualShare } from "./annual-share";

const OUTPUT_HEADER = ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "年度目標", "実績", "達成率", "進捗"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 年度目標, H 実績, I 達成率, J 進捗
const output = (...rows: unknown[][]) => ({
  アウトプット指標: [["報告年度", "令和7年度"], OUTPUT_HEADER, ...rows] as never,
});

runRuleTests(annualShare, {
  valid: [
    {
      name: "年度目標 = 目標値 ÷ years of the period (300 ÷ 5)",
      sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 60, 111, null, "A"]),
    },
    {
      name: "a cumulative target's pace in R7 of R6–R10 (750 × 2/5)",
      sheets: output(["16", "特設目標", "バイオ製造人材", "750名", "累積", "R6-R10", "300名", "271人", null, "A"]),
    },
  ],
  invalid: [
    {
      name: "the period total typed as the annual target",
      sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 300, 111, null, "A"]),
      findings: [
        {
          rule: "target/annual-share",
          severity: "error",
          cell: "G3",
          messageId: "mismatch",
          data: { label: { quote: "「指標2」の「年度目標」" }, typed: "300", computed: "60" },
          expected: 60,
          actual: 300,
          fix: { sheet: "アウトプット指標", cell: "G3", formula: "D3/5" },
        },
      ],
    },
    {
      name: "a cumulative target divided by the years instead of the pace",
      sheets: output(["16", "特設目標", "バイオ製造人材", "750名", "累積", "R6-R10", "150名", "271人", null, "A"]),
      findings: [
        {
          cell: "G3",
          expected: 300,
          actual: 150,
          messageId: "mismatch",
          data: { label: { quote: "「指標16」の「年度目標」" }, typed: "150名", computed: "300名" },
        },
      ],
    },
  ],
});
