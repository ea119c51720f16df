import { runRuleTests } from "../../../../test/support/rule-tester";
import { workbook, type PjData } from "../../../../test/support/rollup-sheets";
import { rule } from "./bounds";

// 指標4 利用形態別 per PJ (seed): 医薬品, 医療機器, 体外診断用医薬品, 再生医療等製品.
const SEED_USE = [
  ["5件（低分子医薬品2件／高分子医薬品－抗体3件）", "1件（0件／1件）", "2件", "0件"],
  ["0件", "12件（9件／3件）", "0件", "0件"],
  ["0件", "0件", "0件", "4件"],
  ["0件", "0件", "1件", "0件"],
  ["0件", "2件(0件/2件)", "3件", "0件"],
  ["0件", "2件（1件／1件）", "1件", "0件"],
  ["1件（低分子医薬品1件）", "3件（3件／0件）", "2件", "0件"],
  ["0件", "1件 (1件/0件)", "1件", "0件"],
];
const SEED_DIVERSITY = ["男：89.0% 女：11.0%", "男：89.7% 女：10.3%", "男：94.1% 女：5.9%", "男: 92.3% 女: 7.7%", "男:89.2% 女:10.8%", "男：86.6% 女：13.4%", "男：93.2% 女：6.8%", "男: 93.6% 女: 6.4%"];
const projects = (change: (i: number, d: PjData) => PjData = (_i, d) => d) =>
  SEED_USE.map((use, i) => change(i, { use, diversity: SEED_DIVERSITY[i] }));
const OVERALL = ["6件 (低分子医薬品3件/高分子医薬品-抗体3件)", "16件 (治療用10件/診断用6件)", "7件", "4件"];

runRuleTests(rule, {
  valid: [
    { name: "seed, with 全体 再生医療等製品 at 4: every item between max PJ and Σ PJ", sheets: workbook({ use: OVERALL, diversity: "男: 89.7% 女: 10.3%" }, projects()) },
    { name: "a 全体 equal to Σ PJ is fine", sheets: workbook({ use: ["6件", "21件", "10件", "4件"] }, projects()) },
    { name: "additive indicators are rollup/additive's business", sheets: workbook({ support: ["1件", "1件", "0件", "0件"] }, projects((_i, d) => ({ ...d, support: ["1件", "1件", "0件", "0件"] }))) },
    { name: "a PJ that leaves an item out counts 0 for it", sheets: workbook({ use: ["6件", "16件", "7件", "4件"] }, projects((i, d) => (i === 1 ? { ...d, use: ["0件", "12件（9件／3件）", undefined, "0件"] } : d))) },
  ],
  invalid: [
    {
      name: "seed: 再生医療等製品 PJ3 4 > 全体 2",
      sheets: workbook({ use: ["6件 (低分子医薬品3件/高分子医薬品-抗体3件)", "16件 (治療用10件/診断用6件)", "7件", "2件"] }, projects()),
      findings: [
        {
          rule: "rollup/bounds",
          severity: "error",
          sheet: "集計",
          cell: "G6",
          cells: ["G6", "'シート1'!G6", "'シート2'!G6", "'シート3'!G6", "'シート4'!G6", "'シート5'!G6", "'シート6'!G6", "'シート7'!G6", "'シート8'!G6"],
          message: "指標4 再生医療等製品: 全体 2件 が PJ3 の 4件 を下回っています（全体は各PJの最大値以上のはずです）。",
          expected: 4,
          actual: 2,
        },
      ],
    },
    {
      name: "全体 above Σ PJ (seed ソフトウェア・一般医療機器 19 > 18, here 体外診断用医薬品 11 > 10)",
      sheets: workbook({ use: OVERALL.map((v, i) => (i === 2 ? "11件" : v)) }, projects()),
      findings: [{ cell: "G5", message: "指標4 体外診断用医薬品: 全体 11件 が各PJの合計 10件 を超えています（PJ1 2 + PJ2 0 + PJ3 0 + PJ4 1 + PJ5 3 + PJ6 1 + PJ7 2 + PJ8 1）。", expected: 10, actual: 11 }],
    },
    {
      name: "a 細目 below its largest PJ (治療用 全体 8 < PJ2 9)",
      sheets: workbook({ use: ["6件", "14件 (治療用8件/診断用6件)", "7件", "4件"] }, projects()),
      findings: [{ cell: "G4", message: expect.stringMatching(/^指標4 医療機器（治療用）: 全体 8件 が PJ2 の 9件 を下回っています/) }],
    },
    {
      name: "indicator 7: the overall share outside the PJ range",
      sheets: workbook({ diversity: "男: 95.0% 女: 5.0%" }, projects()),
      findings: [
        { cell: "G3", message: "指標7 男女比率 の 男: 全体 95.0% が各PJの最大値（PJ3 94.1%）を超えています。", expected: 94.1, actual: 95 },
        { cell: "G3", message: "指標7 男女比率 の 女: 全体 5.0% が各PJの最小値（PJ3 5.9%）を下回っています。", expected: 5.9, actual: 5 },
      ],
    },
  ],
});
