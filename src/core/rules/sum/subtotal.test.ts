import type { CellValue } from "../../model/workbook";
import { findingsOf, runRuleTests } from "../../../../test/support/rule-tester";
import { ALL_BLANK, partialSum, statedTotal, summedParts } from "../../../../test/support/total-data";
import { rule } from "./subtotal";
import { T002_1_ROWS } from "../../../../test/support/seed-budget";

type Rows = (CellValue | undefined)[][];
const HEADER = ["区分", "名称", "令和3年度予算額", "備考"];
/** Sheet S: the header in row 1, the given rows (区分, 名称, amount) from row 2. */
const table = (...rows: Rows) => ({ S: [HEADER, ...rows] });

/** Seed 002 T002-1 (厚生労働科学研究費補助金等), reconstructed; 区分 blank, roles inferred from 名称. */
const T002_1: Rows = [
  ["厚生労働科学研究費補助金等 【令和３年度予算の内容】"],
  ["(単位：億円)"],
  HEADER,
  ...T002_1_ROWS,
];

function replace(rows: Rows, r: number, c: number, v: CellValue): Rows {
  return rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));
}

runRuleTests(rule, {
  valid: [
    {
      name: "seed 002 厚生労働科学研究費: items → 小計 93.6 → うち 63.8 + 29.8 → その他 4.4 → 合計 98.0",
      sheets: { T002_1 },
    },
    {
      name: "seed 002 T002-2: full-width digits with a space before 億円, explicit 区分",
      sheets: {
        T002_2: [
          ["区分", "名称", "予算額"],
          ["明細", "１．医薬品プロジェクト", "181.8億円"],
          ["明細", "２．医療機器・ヘルスケアプロジェクト", "20.6億円"],
          ["明細", "３．再生・細胞医療・遺伝子治療プロジェクト", "54.6億円"],
          ["明細", "４．ゲノム・データ基盤プロジェクト", "103.5億円"],
          ["明細", "５．疾患基礎研究プロジェクト", "67.2億円"],
          ["明細", "６．シーズ開発・研究基盤プロジェクト", "39.6億円"],
          ["小計", "小計", "４６７．３ 億円"],
          ["うち", "うち医療研究開発推進事業費補助金", "358.9億円"],
          ["うち", "うち保健衛生医療調査等推進事業費補助金", "108.4億円"],
          ["その他", "その他", "8.4億円"],
          ["合計", "合計", "４７５．７ 億円"],
        ],
      },
    },
    {
      name: "分野 subtotals, then 小計（Ⅰ＋Ⅱ＋Ⅲ） over them, then 合計 (no double counting)",
      sheets: table(
        [undefined, "行政政策研究経費", 7.1],
        [undefined, "特別研究経費", 2.4],
        ["小計", "Ⅰ 小計", 9.5],
        [undefined, "がん対策推進総合研究経費", 6.1],
        [undefined, "感染症対策総合研究経費", 15.2],
        ["小計", "Ⅱ 小計", 21.3],
        ["小計", "小計（Ⅰ＋Ⅱ）", 30.8],
        [undefined, "その他", 4.4],
        ["合計", "合計", 35.2],
      ),
    },
    {
      name: "subtotals above their items (slide layout), 合計 at the bottom",
      sheets: table(
        ["小計", "（１）NBRP", 12.6],
        [undefined, "①中核的拠点整備プログラム", 10.4],
        [undefined, "②情報センター整備プログラム", 2.2],
        ["小計", "（２）NLDP", 2.6],
        [undefined, "○DBの機能的連携・統合化のための基盤技術開発", 2.6],
        ["合計", "ライフサイエンス研究基盤整備事業", 15.2],
      ),
    },
    {
      name: "内数 and 再掲 rows are never added; an amount `43億円の内数` marks 内数",
      sheets: table(
        [undefined, "革新的がん医療実用化研究事業", "50億円"],
        [undefined, "B-cure(東北メディカル・メガバンク)", "43億円の内数"],
        [undefined, "B-cure(ゲノム研究バイオバンク)", "43億円の内数"],
        [undefined, "難治性疾患実用化研究事業", "44億円"],
        [undefined, "医工連携イノベーション推進事業（再掲）", "21億円"],
        ["内数", "ゲノム医療実現バイオバンク利活用プログラム", "43億円"],
        [undefined, "合計", "94億円"],
      ),
    },
    {
      name: "several 合計 blocks and a grand total; a subtotal with an empty cell is computed, not checked",
      sheets: {
        S: [
          ["区分", "名称", "令和6年度予算額", "令和7年度予算額"],
          [undefined, "A", 1, 2],
          [undefined, "B", 3, 4],
          ["小計", "小計", undefined, 6],
          ["合計", "PJ1 計", 4, 6],
          [undefined, "C", 5, 5],
          ["合計", "PJ2 計", 5, 5],
          ["合計", "総計", 9, 11],
        ],
      },
    },
    {
      name: "a 合計 placed above its items takes the items below it",
      sheets: table(["合計", "事業計", 10], [undefined, "A", 4], [undefined, "B", 6]),
    },
  ],
  invalid: [
    {
      name: "seed 004 ライフサイエンス研究基盤整備事業: 16 vs 10.4 + 2.2 + 2.6 is an error",
      sheets: {
        T004_2: [
          ["ライフサイエンス研究基盤整備事業"],
          ["区分", "名称", "令和７年度予算額", "前年度予算額"],
          [undefined, "①中核的拠点整備プログラム", "10.4億円"],
          [undefined, "②情報センター整備プログラム", "2.2億円"],
          [undefined, "○DBの機能的連携・統合化のための基盤技術開発", "2.6億円"],
          ["小計", "ライフサイエンス研究基盤整備事業", "16億円", "13億円"],
        ],
      },
      findings: [
        {
          rule: "sum/subtotal",
          severity: "error",
          sheet: "T004_2",
          cell: "C6",
          cells: ["C6", "C3", "C4", "C5"],
          expected: 15.2,
          actual: 16,
          messageId: "mismatch",
          data: statedTotal(
            "ライフサイエンス研究基盤整備事業",
            "令和７年度予算額",
            "16億円",
            summedParts(
              "15.2億円",
              ["①中核的拠点整備プログラム", "10.4"],
              ["②情報センター整備プログラム", "2.2"],
              ["○DBの機能的連携・統合化のための基盤技術開発", "2.6"],
            ),
          ),
          fix: { sheet: "T004_2", cell: "C6", value: 15.2 },
        },
        {
          cell: "D6",
          severity: "info",
          messageId: "allBlank",
          data: statedTotal("ライフサイエンス研究基盤整備事業", "前年度予算額", "13億円", ALL_BLANK),
        },
      ],
    },
    {
      name: "rounding only (11 + 7.3 vs 18) is info, with no fix proposed",
      sheets: table([undefined, "A", 11], [undefined, "B", 7.3], [undefined, "小計", 18]),
      findings: [{ cell: "C4", severity: "info", expected: 18.3, actual: 18 }],
    },
    {
      name: "seed 002 with a wrong 合計 (the その他 left out)",
      sheets: { T002_1: replace(T002_1, 21, 2, "93.6億円") },
      findings: [
        {
          cell: "C22",
          severity: "error",
          expected: 98,
          actual: 93.6,
          messageId: "mismatch",
          data: statedTotal(
            "合 計",
            "令和3年度予算額",
            "93.6億円",
            summedParts("98.0億円", ["小 計（Ⅰ＋Ⅱ＋Ⅲ）", "93.6"], ["その他", "4.4"]),
          ),
        },
      ],
    },
    {
      name: "seed 002 with a wrong item: the 小計 fails (the 合計 still agrees with the stated 小計)",
      sheets: { T002_1: replace(T002_1, 9, 2, "37.0億円") },
      findings: [{ cell: "C18", severity: "error", expected: 103.6, actual: 93.6 }],
    },
    {
      name: "a blank item makes the sum partial; a 合計 with nothing to add is info",
      sheets: {
        ...table([undefined, "A", 5], ["明細", "B", undefined], [undefined, "小計", 9]),
        S2: [HEADER, [undefined, "合計", 3]],
      },
      findings: [
        {
          cell: "C4",
          severity: "info",
          messageId: "partial",
          data: statedTotal("小計", "令和3年度予算額", "9億円", partialSum("5億円", 1, ["A", "5"], ["B", null])),
        },
        {
          sheet: "S2",
          cell: "C2",
          severity: "info",
          messageId: "empty",
          data: statedTotal("合計", "令和3年度予算額", "3億円"),
        },
      ],
    },
    {
      name: "a 小計 right after a 小計 totals it (nested)",
      sheets: table([undefined, "A", 5], [undefined, "小計", 5], [undefined, "小計（全体）", 7]),
      findings: [{ cell: "C4", severity: "error", expected: 5, actual: 7 }],
    },
    {
      name: "units: 百万円 from the header; a cell typed in 億円 is converted",
      sheets: {
        S: [
          ["区分", "名称", "予算額（百万円）"],
          [undefined, "A", "1,000"],
          [undefined, "B", "0.5億円"],
          [undefined, "計", "1,600"],
        ],
      },
      findings: [
        {
          cell: "C4",
          severity: "error",
          expected: 1050,
          actual: 1600,
          messageId: "mismatch",
          data: statedTotal(
            "計",
            "予算額（百万円）",
            "1,600百万円",
            summedParts("1,050百万円", ["A", "1,000"], ["B", "50"]),
          ),
        },
      ],
    },
    {
      name: "the readable items alone exceed the 小計: an error even with an unreadable item",
      sheets: table([undefined, "A", 20], [undefined, "B", "未定"], [undefined, "小計", 9]),
      findings: [
        {
          cell: "C4",
          severity: "error",
          actual: 9,
          messageId: "partialExceeds",
          data: statedTotal("小計", "令和3年度予算額", "9億円", partialSum("20億円", 1, ["A", "20"], ["B", null])),
        },
      ],
    },
  ],
});

describe("sum/subtotal: no fix on a rounding-only difference", () => {
  test("11 + 7.3 against a stated 18 is info and proposes nothing; 16 against 15.2 is an error with its fix", () => {
    const [rounding] = findingsOf(rule, table([undefined, "A", 11], [undefined, "B", 7.3], [undefined, "小計", 18]));
    expect(rounding).toMatchObject({ severity: "info", expected: 18.3, actual: 18 });
    expect(rounding).not.toHaveProperty("fix");
    const [error] = findingsOf(
      rule,
      table([undefined, "A", 10.4], [undefined, "B", 2.2], [undefined, "C", 2.6], [undefined, "小計", 16]),
    );
    expect(error).toMatchObject({
      severity: "error",
      expected: 15.2,
      actual: 16,
      fix: { sheet: "S", cell: "C5", formula: "SUM(C2:C4)" },
    });
  });
});
