import { runRuleTests } from "../../../../test/support/rule-tester";
import { OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import { typedMismatchOf } from "../../../../test/core/rules/typed-vs-computed";
import { rule as annualShare } from "./annual-share";

// Columns after OUTPUT_LEAD: G 年度目標, H 実績, I 達成率, J 進捗
const output = outputSheetOf([...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗"]);
const mismatch = typedMismatchOf("target/annual-share", "アウトプット指標");

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
      findings: [mismatch("G3", "「指標2」の「年度目標」", ["300", 300], ["60", 60], "D3/5")],
    },
    {
      name: "a cumulative target divided by the years instead of the pace",
      sheets: output(["16", "特設目標", "バイオ製造人材", "750名", "累積", "R6-R10", "150名", "271人", null, "A"]),
      findings: [mismatch("G3", "「指標16」の「年度目標」", ["150名", 150], ["300名", 300])],
    },
  ],
});
