import { indicator } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import { rule } from "./average";

const H = [...OUTPUT_LEAD, "実績", "R6実績", "R7実績", "進捗"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 実績, H R6実績, I R7実績, J 進捗
const sheet = outputSheetOf(H);

runRuleTests(rule, {
  valid: [
    {
      name: "seed 001 indicator 17",
      sheets: sheet(["17", "特設目標", "創薬シーズ", "3件", "年平均", null, "平均3件 (4件/2件)", null, null, "A"]),
    },
    { name: "per-year columns", sheets: sheet(["17", "特設目標", "創薬シーズ", 3, "年平均", null, 3, 4, 2, "A"]) },
    {
      name: "compared at the displayed precision",
      sheets: sheet(["17", "特設目標", "創薬シーズ", 3, "年平均", null, "平均3.3件 (4件/2.6件)", null, null, "A"]),
    },
    {
      name: "a result equal to the report year's own value reads as a single-year result",
      sheets: sheet(["17", "特設目標", "創薬シーズ", 3, "年平均", null, 2, 4, 2, "B"]),
    },
    {
      name: "other kinds are not averaged",
      sheets: sheet(["1", "全体目標", "導出件数", 130, "年度", null, 158, 4, 2, "A"]),
    },
  ],
  invalid: [
    {
      name: "stated average differs from the mean of its parts",
      sheets: sheet(["17", "特設目標", "創薬シーズ", "3件", "年平均", null, "平均4件 (4件/2件)", null, null, "A"]),
      findings: [
        {
          rule: "period/average",
          severity: "error",
          cell: "G3",
          expected: 3,
          actual: 4,
          messageId: "mismatch",
          data: {
            row: indicator("17"),
            stated: "4件",
            mean: "3件",
            parts: { list: ["4件", "2件"], style: "comma" },
          },
        },
      ],
    },
    {
      name: "average vs per-year columns, with a formula fix",
      sheets: sheet(["17", "特設目標", "創薬シーズ", 3, "年平均", "R6-R10", 3.5, 4, 2, "A"]),
      findings: [
        {
          cells: ["G3", "H3", "I3"],
          messageId: "mismatch",
          data: {
            row: indicator("17"),
            stated: "3.5",
            mean: "3.0",
            parts: { list: ["R6実績 4", "R7実績 2"], style: "comma" },
          },
          fix: { sheet: "アウトプット指標", cell: "G3", formula: "AVERAGE(H3,I3)" },
        },
      ],
    },
  ],
});
