import { indicator } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import type { MessageValue } from "../message";
import { rule } from "./mismatch";

const H = [...OUTPUT_LEAD, "年度目標", "実績", "R6実績", "R7実績", "達成率", "進捗"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 年度目標, H 実績, I R6実績, J R7実績, K 達成率, L 進捗
const sheet = outputSheetOf(H);
const result = (m: string) => ({ phrase: "result", data: { m } });
/** Data of a grade that disagrees: the indicator, what was measured, the threshold it was held against, the ratio. */
const graded = (number: string, measure: MessageValue, threshold: MessageValue, ratio: string) => ({
  row: indicator(number),
  measure,
  threshold,
  ratio,
});

const seedOverall = [
  ["1", "全体目標", "企業導出件数", "650件", "期間累計", "R7-R11", null, "158件", null, null, null, "A"],
  ["2", null, "治験に至った件数", 300, "期間累計", "令和7～11年度", null, 111, null, null, null, "A"],
  ["3", null, "発展・継続支援件数", 600, "期間累計", "R7-R11", null, 166, null, null, null, "A"],
  ["4", null, "論文数（Top1%論文）", 600, "期間累計", "R7-R11", null, 86, null, null, null, "B"],
];

runRuleTests(rule, {
  valid: [
    { name: "seed 001 全体目標 1–4 (158/130 A, 111/60 A, 166/120 A, 86/120 B)", sheets: sheet(...seedOverall) },
    {
      name: "annual, baseline and average targets met",
      sheets: sheet(
        ["11", "特設目標", "治験数", "360件/年", "年度", null, null, "379件", null, null, null, "A"],
        ["10", "特設目標", "支援シーズ数", "1,365件", "基準値以上", null, null, "1,443件", null, null, null, "A"],
        ["18", "特設目標", "創薬関連就職者", "1,225名", "基準値超", null, null, "1,404名", null, null, null, "A"],
        ["17", "特設目標", "創薬シーズ", "3件", "年平均", null, null, "平均3件 (4件/2件)", null, null, null, "A"],
        ["17b", "特設目標", "創薬シーズ（列）", 3, "年平均", "R6-R10", null, 3, 4, 2, null, "A"],
      ),
    },
    {
      name: "cumulative targets are judged by pace (grade/below-pace), not here",
      sheets: sheet([
        "16",
        "特設目標",
        "バイオ製造人材",
        "750名",
        "累積",
        "R6-R10",
        null,
        "271人* (125人/146人)",
        null,
        null,
        null,
        "A",
      ]),
    },
    {
      name: "no kind, qualitative kind, outcome rows and not-assessed grades",
      sheets: sheet(
        ["7", "特設目標", "創薬ベンチャー", "70社", null, null, null, "43件", null, null, null, "A"],
        ["19", "特設目標", "研究時間", "増加", "定性", null, null, "1,113編", null, null, null, "A"],
        ["O1", "アウトカム", "薬事承認", 40, "年度", null, null, 31, null, null, null, "A"],
        ["14", "特設目標", "jRCT", "120万件", "年度", null, null, "-", null, null, null, "-"],
      ),
    },
  ],
  invalid: [
    {
      name: "A below the annual share of a period total (error)",
      sheets: sheet([
        "4",
        "全体目標",
        "論文数（Top1%論文）",
        "600件",
        "期間累計",
        "R7-R11",
        null,
        "86件",
        null,
        null,
        null,
        "A",
      ]),
      findings: [
        {
          rule: "grade/mismatch",
          severity: "error",
          cell: "L3",
          cells: ["L3", "H3", "D3"],
          expected: 120,
          actual: 86,
          messageId: "aBelow",
          data: graded(
            "4",
            result("86件"),
            { phrase: "annualShare", data: { a: "120件", t: "600件", years: "5" } },
            "71.7%",
          ),
          fix: { sheet: "アウトプット指標", cell: "L3", value: "B" },
        },
      ],
    },
    {
      name: "B at or above target (warning)",
      sheets: sheet(["1", "全体目標", "企業導出件数", 130, "年度", null, null, 158, null, null, null, "B"]),
      findings: [
        {
          rule: "grade/mismatch",
          severity: "warning",
          cell: "L3",
          messageId: "bMet",
          data: graded("1", result("158"), { phrase: "target", data: { t: "130" } }, "121.5%"),
          fix: { sheet: "アウトプット指標", cell: "L3", value: "A" },
        },
      ],
    },
    {
      name: "A equal to a baseline that must be exceeded",
      sheets: sheet([
        "18",
        "特設目標",
        "就職者",
        "1,225名より増加",
        "基準値超",
        null,
        null,
        "1,225名",
        null,
        null,
        null,
        "A",
      ]),
      findings: [
        {
          severity: "error",
          messageId: "aNotAbove",
          data: graded("18", result("1,225名"), { phrase: "baseline", data: { t: "1,225名" } }, "100.0%"),
        },
      ],
    },
    {
      name: "A on an average below target, from the per-year columns",
      sheets: sheet(["17", "特設目標", "創薬シーズ", 3, "年平均", "R6-R10", null, 3, 2, 2, null, "A"]),
      findings: [
        {
          severity: "error",
          cells: ["L3", "I3", "J3", "D3"],
          actual: 2,
          messageId: "aBelow",
          data: graded(
            "17",
            { phrase: "yearsMean", data: { m: "2", list: { list: ["R6実績 2", "R7実績 2"], style: "comma" } } },
            { phrase: "averageTarget", data: { t: "3" } },
            "66.7%",
          ),
        },
      ],
    },
    {
      name: "A on an average below target, from the parts in 実績",
      sheets: sheet([
        "17",
        "特設目標",
        "創薬シーズ",
        "3件",
        "年平均",
        null,
        null,
        "平均2.5件 (3件/2件)",
        null,
        null,
        null,
        "Ａ",
      ]),
      findings: [
        {
          severity: "error",
          messageId: "aBelow",
          data: graded(
            "17",
            { phrase: "partsMean", data: { m: "2.5件", parts: "3件/2件" } },
            { phrase: "averageTarget", data: { t: "3件" } },
            "83.3%",
          ),
        },
      ],
    },
    {
      name: "B above a baseline that must be exceeded (warning)",
      sheets: sheet([
        "18",
        "特設目標",
        "創薬関連就職者",
        "1,225名",
        "基準値超",
        null,
        null,
        "1,404名",
        null,
        null,
        null,
        "B",
      ]),
      findings: [
        {
          severity: "warning",
          cell: "L3",
          messageId: "bAbove",
          data: graded("18", result("1,404名"), { phrase: "baseline", data: { t: "1,225名" } }, "114.6%"),
          fix: { sheet: "アウトプット指標", cell: "L3", value: "A" },
        },
      ],
    },
  ],
});
