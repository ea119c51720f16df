import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule } from "./groups-differ";

const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
const sheet = (total: string, nature: string[], use: string[]) => [
  ["統合プロジェクト", "PJ2 医療機器・ヘルスケアプロジェクト"],
  H,
  ["4", "薬事承認・認証", total, "品目の性格別の承認件数", "新規の承認件数", null, nature[0]],
  [null, null, null, null, "適応拡大の承認件数", null, nature[1]],
  [null, null, null, null, "海外承認・認証件数", null, nature[2]],
  [null, null, null, null, "その他", null, nature[3]],
  [null, null, null, "医療における利用形態別の件数", "医薬品の承認件数（モダリティ別の内訳）", null, use[0]],
  [null, null, null, null, "医療機器の承認・認証件数（治療用／診断用の内訳）", null, use[1]],
  [null, null, null, null, "体外診断用医薬品の承認・認証件数", null, use[2]],
  [null, null, null, null, "再生医療等製品の承認件数", null, use[3]],
];

runRuleTests(rule, {
  valid: [
    {
      name: "seed PJ2: 7+2+2+1 = 0+12+0+0",
      sheets: { PJ2: sheet("—", ["7件", "2件", "2件", "1件"], ["0件", "12件（9件／3件）", "0件", "0件"]) },
    },
    {
      name: "the 全体 sheet's hyphen placeholder",
      sheets: {
        全体: sheet(
          "-",
          ["14件", "9件", "5件", "3件"],
          ["6件 (低分子医薬品3件/高分子医薬品-抗体3件)", "16件 (治療用10件/診断用6件)", "7件", "2件"],
        ),
      },
    },
    {
      name: "a stated 指標値 is checked by sum/breakdown instead",
      sheets: { PJ2: sheet("12件", ["7件", "2件", "2件", "1件"], ["0件", "11件", "0件", "0件"]) },
    },
    {
      name: "a group with a missing value is not compared",
      sheets: { PJ2: sheet("—", ["7件", "2件", "2件", null as unknown as string], ["0件", "11件", "0件", "0件"]) },
    },
  ],
  invalid: [
    {
      name: "品目の性格別 12 vs 利用形態別 13",
      sheets: { PJ2: sheet("—", ["7件", "2件", "2件", "1件"], ["0件", "12件", "1件", "0件"]) },
      findings: [
        {
          rule: "sum/groups-differ",
          severity: "error",
          sheet: "PJ2",
          cell: "G7",
          cells: ["G7", "G8", "G9", "G10", "G3", "G4", "G5", "G6"],
          messageId: "differ",
          data: {
            first: "品目の性格別",
            firstSum: "12件",
            other: "利用形態別",
            otherSum: "13件",
            firstParts: "新規 7 + 適応拡大 2 + 海外承認 2 + その他 1",
            otherParts: "医薬品 0 + 医療機器 12 + 体外診断用医薬品 1 + 再生医療等製品 0",
          },
          expected: 12,
          actual: 13,
        },
      ],
    },
    {
      name: "amounts that differ only by rounding are info",
      sheets: { PJ2: sheet("—", ["10.4億円", "2.2億円", "2.6億円", "0億円"], ["15億円", "0億円", "0億円", "0億円"]) },
      findings: [
        {
          severity: "info",
          messageId: "rounding",
          data: { first: "品目の性格別", firstSum: "15.2億円", other: "利用形態別", otherSum: "15億円" },
        },
      ],
    },
  ],
});
