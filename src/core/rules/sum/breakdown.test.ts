import { runRuleTests } from "../../../../test/support/rule-tester";
import {
  itemRow,
  ROUNDED,
  USE_ITEMS,
  monitoringSheet,
  supportRows,
  licensingRows,
  trialRows,
  useRows,
} from "../../../../test/support/monitoring";
import { rule } from "./breakdown";

const top = (pj = "PJ5 データ利活用・ライフコースプロジェクト") => monitoringSheet(pj);

// Rows start at A3: A 番号, B アウトプット指標, C 指標値, D 内訳, E 項目, F 細目, G 値, H うち, I 備考.
const form = (total: string, a: string, b: string, c: string) => licensingRows(total, [a, b, c]);
const dest = (a: string, b: string, c: string, d: string) => [
  itemRow("ベンチャー企業への導出件数（国内企業）", a, "導出先別の件数"),
  itemRow("ベンチャー企業への導出件数（外資系企業）", b),
  itemRow("ベンチャー以外の企業への導出件数（国内企業）", c),
  itemRow("ベンチャー以外の企業への導出件数（外資系企業）", d),
];
const use = (drugs: string, devices: string) => useRows([drugs, devices, "0件", "0件"]);
/** 医療機器 broken down in 細目 rows below its item: 治療用, 診断用. */
const devices = (therapy: string, diagnosis: string) => [
  [null, null, null, null, USE_ITEMS[1], "治療用", therapy],
  [null, null, null, null, null, "診断用", diagnosis],
];

runRuleTests(rule, {
  valid: [
    {
      name: "an exhaustive group adds up to 指標値",
      sheets: { PJ1: [...top(), ...form("53件", "2件", "11件", "40件")] },
    },
    {
      name: "full-width text, a title block, blank and footnote rows, columns in another order",
      sheets: {
        PJ1: [
          ["令和7年度 モニタリング指標"],
          ["統合プロジェクト：PJ1 医薬品プロジェクト"],
          [],
          ["備考", "番号", "内訳", "項目", "値", "アウトプット指標", "指標値", "参考"],
          [null, "１", "導出形態別の件数", "権利譲渡契約件数", "２件", "企業導出件数", "５３件"],
          [],
          itemRow("１１", null, "実施許諾契約（オプション契約は除く）件数"),
          [null, null, null, "共同研究開発契約件数", "４０件"],
          ["※ 速報値"],
        ],
      },
    },
    {
      name: "細目 rows and composite values add up to their item",
      sheets: {
        PJ1: [...top(), ...use("5件（低分子医薬品2件／高分子医薬品－抗体3件）", "12件"), ...devices("9件", "3件")],
      },
    },
    {
      name: "unnamed composite parts (12件（9件／3件）)",
      sheets: { PJ1: [...top(), ...use("0件", "12件（9件／3件）")] },
    },
    {
      name: "a one-part bracket naming a 細目 (1件（低分子医薬品1件）)",
      sheets: { PJ1: [...top(), ...use("1件（低分子医薬品1件）", "0件")] },
    },
    {
      name: "a うち figure is not a breakdown (29件（0件）)",
      sheets: {
        PJ1: [...top(), ...trialRows("30件", "29件（0件）", "1件（1件）", "0件")],
      },
    },
    {
      name: "a part that is not a number leaves the sum to the value rules",
      sheets: { PJ1: [...top(), ...form("20件", "0件", "—", "19件")] },
    },
    {
      name: "half counts (46.5 = 21 + 0 + 25.5)",
      sheets: {
        PJ1: [...top(), ...supportRows(["46.5件", "21件", "0件", "25.5件"])],
      },
    },
  ],
  invalid: [
    {
      name: "seed PJ5: 導出形態別 33 ≠ 20",
      sheets: { PJ5: [...top(), ...form("20件", "0件", "14件", "19件"), ...dest("3件", "1件", "16件", "0件")] },
      findings: [
        {
          rule: "sum/breakdown",
          severity: "error",
          sheet: "PJ5",
          cell: "C3",
          cells: ["C3", "G3", "G4", "G5"],
          messageId: "group",
          data: {
            what: "導出形態別",
            sum: "33件",
            totalLabel: "指標値",
            total: "20件",
            parts: "権利譲渡 0 + 実施許諾 14 + 共同研究開発 19",
          },
          expected: 33,
          actual: 20,
        },
      ],
    },
    {
      name: "a half count short is an error (165.5 ≠ 166)",
      sheets: {
        PJ1: [...top(), ...supportRows(["166件", "35件", "0件", "130.5件"])],
      },
      findings: [{ cell: "C3", expected: 165.5, actual: 166 }],
    },
    {
      name: "two exhaustive groups agree with each other, not with 指標値: the 指標値 fix is proposed",
      sheets: { PJ5: [...top(), ...form("20件", "0件", "14件", "19件"), ...dest("3件", "1件", "29件", "0件")] },
      findings: [
        { cell: "C3", fix: { sheet: "PJ5", cell: "C3", value: 33 } },
        { cell: "C3", fix: { sheet: "PJ5", cell: "C3", value: 33 } },
      ],
    },
    {
      name: "composite parts that do not add up",
      sheets: { PJ1: [...top(), ...use("0件", "12件（9件／2件）")] },
      findings: [
        {
          cell: "G4",
          cells: ["G4"],
          messageId: "sub",
          data: {
            what: "医療機器の内訳",
            sum: "11件",
            totalLabel: "医療機器",
            total: "12件",
            parts: "治療用 9 + 診断用 2",
          },
          expected: 11,
          actual: 12,
        },
      ],
    },
    {
      name: "細目 rows that do not add up",
      sheets: {
        PJ1: [...top(), ...use("0件", "12件"), ...devices("9件", "4件")],
      },
      findings: [
        {
          cell: "G4",
          cells: ["G4", "G7", "G8"],
          messageId: "sub",
          data: {
            what: "医療機器の内訳",
            sum: "13件",
            totalLabel: "医療機器",
            total: "12件",
            parts: "治療用 9 + 診断用 4",
          },
          expected: 13,
          actual: 12,
        },
      ],
    },
    {
      name: "amounts that differ only by rounding (10.4 + 2.2 + 2.6 against 15億円) are info",
      sheets: {
        PJ1: [...top("PJ1"), ...supportRows([ROUNDED.total, ...ROUNDED.parts])],
      },
      findings: [
        {
          cell: "C3",
          ...ROUNDED.finding,
          data: {
            what: "支援形態",
            sum: "15.2億円",
            totalLabel: "指標値",
            total: "15億円",
            parts: "ペアリング 10.4 + マッチング 2.2 + 新たに公募 2.6",
          },
        },
      ],
    },
  ],
});
