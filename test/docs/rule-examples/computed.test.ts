/**
 * Rule tables for the four rules that compare a typed value with the value Kensa computes in the same cell
 * (src/core/rules/shared/typed-vs-computed.ts). They have no table beside them; these are also the
 * examples of their pages in docs/rules/ (npm run docs:rules). The first valid and the first invalid case
 * are the ones shown.
 */
import { runRuleTests } from "../../support/rule-tester";
import { breakdown, inhouse } from "../../support/sheets";
import { rule as ratioMismatch } from "../../../src/core/rules/ratio/mismatch";
import { rule as annualShare } from "../../../src/core/rules/target/annual-share";
import { rule as changeAmount } from "../../../src/core/rules/change/amount";
import { rule as changeRate } from "../../../src/core/rules/change/rate";

const OUTPUT_HEADER = ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "年度目標", "実績", "達成率", "進捗"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 年度目標, H 実績, I 達成率, J 進捗
const output = (...rows: unknown[][]) => ({ アウトプット指標: [["報告年度", "令和7年度"], OUTPUT_HEADER, ...rows] as never });

runRuleTests(ratioMismatch, {
  valid: [
    { name: "the typed 健康・医療比率 equals 健康・医療関係 ÷ 全体", sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306, 40, "30.0%", "13.1%"]) } },
    { name: "an empty ratio cell is left to be filled", sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306, 40]) } },
    { name: "a 達成率 typed as the computed one (111 ÷ 60)", sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 60, 111, "185.0%", "A"]) },
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
          message: "理化学研究所 の 健康・医療比率 に入力された 35.0% は計算値 30.0% と一致しません。",
          expected: 30,
          actual: 35,
          fix: { sheet: "インハウス予算", cell: "F4", formula: expect.stringContaining("D4/C4") },
        },
      ],
    },
    {
      name: "a 達成率 computed against the period total instead of the annual target",
      sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 60, 111, "37.0%", "A"]),
      findings: [{ cell: "I3", expected: 185, actual: 37, fix: { sheet: "アウトプット指標", cell: "I3", formula: "H3/(D3/5)" } }],
    },
  ],
});

runRuleTests(annualShare, {
  valid: [
    { name: "年度目標 = 目標値 ÷ years of the period (300 ÷ 5)", sheets: output(["2", "全体目標", "治験に至った件数", 300, "期間累計", "R7-R11", 60, 111, null, "A"]) },
    { name: "a cumulative target's pace in R7 of R6–R10 (750 × 2/5)", sheets: output(["16", "特設目標", "バイオ製造人材", "750名", "累積", "R6-R10", "300名", "271人", null, "A"]) },
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
          message: "年度目標 に入力された 300 は計算値 60 と一致しません。",
          expected: 60,
          actual: 300,
          fix: { sheet: "アウトプット指標", cell: "G3", formula: "D3/5" },
        },
      ],
    },
    {
      name: "a cumulative target divided by the years instead of the pace",
      sheets: output(["16", "特設目標", "バイオ製造人材", "750名", "累積", "R6-R10", "150名", "271人", null, "A"]),
      findings: [{ cell: "G3", expected: 300, actual: 150, message: "年度目標 に入力された 150名 は計算値 300名 と一致しません。" }],
    },
  ],
});

runRuleTests(changeAmount, {
  valid: [
    { name: "増減額 = this year − last year, ▲ for a decrease", sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "20.0%"], ["明細", "B事業", 5, 4, "▲1", "▲20.0%"]) } },
  ],
  invalid: [
    {
      name: "a decrease written without ▲, and a wrong amount",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 3, "20.0%"], ["明細", "B事業", 5, 4, 1, "▲20.0%"]) },
      findings: [
        {
          rule: "change/amount",
          severity: "error",
          cell: "E3",
          message: "A事業 の 増減額 に入力された 3 は計算値 2 と一致しません。",
          expected: 2,
          actual: 3,
          fix: { sheet: "予算内訳", cell: "E3", formula: expect.stringContaining("D3-C3") },
        },
        { cell: "E4", message: "B事業 の 増減額 に入力された 1 は計算値 -1 と一致しません。", expected: -1, actual: 1 },
      ],
    },
  ],
});

runRuleTests(changeRate, {
  valid: [
    { name: "増減率 = 増減額 ÷ last year", sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "20.0%"], ["明細", "B事業", 5, 4, "▲1", "▲20.0%"]) } },
  ],
  invalid: [
    {
      name: "a rate off by a factor of ten",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "2.0%"]) },
      findings: [
        {
          rule: "change/rate",
          severity: "error",
          cell: "F3",
          message: "A事業 の 増減率 に入力された 2.0% は計算値 20.0% と一致しません。",
          expected: 20,
          actual: 2,
          fix: { sheet: "予算内訳", cell: "F3", formula: expect.stringContaining("(D3-C3)/C3") },
        },
      ],
    },
  ],
});
