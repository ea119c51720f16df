/**
 * DOMAIN §3.5 cross-references, reported by the shared xref/mismatch rule from crossReferences() and
 * the monitoring analysis's own equalities (indicator 6's two Top1% figures).
 */
import type { CellValue } from "../../model/workbook";
import { rule } from "./mismatch";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { quotedFigures } from "../../../../test/support/phrases";
import {
  itemRow,
  licensingRows,
  monitoringSheet,
  supportRows,
  trialRows,
  useItemRows,
} from "../../../../test/support/monitoring";

type Row = (CellValue | undefined)[];

interface Out {
  i1?: string;
  i2?: string;
  i3?: string;
  i4?: string;
  i20?: string;
  approvals?: string;
  guidelines?: string;
  launches?: string;
}

/** The output-indicator sheet: rows 3… (A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 実績, H 進捗). */
function output(o: Out = {}): Row[] {
  return [
    ["報告年度", "令和7年度"],
    ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "実績", "進捗"],
    ["1", "全体目標", "企業導出件数", "650件", "期間累計", "R7-R11", o.i1 ?? "158件", "A"],
    ["2", "全体目標", "治験に至った件数", "300件", "期間累計", "R7-R11", o.i2 ?? "111件", "A"],
    ["3", "全体目標", "優れたシーズの発展・継続支援件数", "600件", "期間累計", "R7-R11", o.i3 ?? "166件", "A"],
    ["4", "全体目標", "論文数（Top1%論文）", "600件", "期間累計", "R7-R11", o.i4 ?? "86件", "B"],
    ["5", "特設目標", "小児用医薬品の開発計画の策定件数", "50件", "累積", "R6-R10", "51件* (22件/29件)", "A"],
    [
      "20",
      "特設目標",
      "AMED支援シーズの企業導出件数及び事業間の連続的支援数",
      "250件",
      "年平均",
      "R6-R8",
      o.i20 ?? "324件",
      "A",
    ],
    ["O1", "アウトカム", "薬事承認", null, null, null, o.approvals ?? "31件", null],
    ["O2", "アウトカム", "ガイドライン等", null, null, null, o.guidelines ?? "136件", null],
    ["O3", "アウトカム", "製品上市数", null, null, null, o.launches ?? "19件", null],
  ];
}

interface Mon {
  t1?: string;
  t6?: string;
  top1Item?: string;
  regenerative?: string;
}

/** The 全体 monitoring sheet: rows 3… (A 番号, B アウトプット指標, C 指標値, D 内訳, E 項目, F 細目, G 値). */
function overall(m: Mon = {}): Row[] {
  const rows = monitoringSheet(
    "全体",
    ...licensingRows(m.t1 ?? "158件", ["7件", "36件", "115件"]), // row 3
    ...trialRows("111件", "77件 (3件)", "31件 (11件)", "3件"), // row 6
    ...supportRows(["166件", "35件", "0件", "131件"]), // row 9
    ["4", "薬事承認・認証", "-", "品目の性格別の承認件数", "新規の承認件数", null, "14件"], // row 12
    itemRow("適応拡大の承認件数", "9件"),
    itemRow("海外承認・認証件数", "5件"),
    itemRow("その他", "3件"),
    ...useItemRows([
      "6件 (低分子医薬品3件/高分子医薬品-抗体3件)", // row 16
      "16件 (治療用10件/診断用6件)",
      "7件",
      m.regenerative ?? "2件",
    ]),
    [
      "5",
      "医療等に実装された件数 （薬事承認・認証を除く）",
      "—",
      null,
      "ガイドライン等の策定又は改定件数",
      null,
      "136件",
    ], // row 20
    itemRow("ソフトウェアや一般医療機器が上市に至った件数", "19件"),
    ["6", "論文数", m.t6 ?? "Top1%論文数 (PJ1~PJ6) 86件", null, "Top10%論文数", null, "599件"], // row 22
    itemRow("全論文数", "5,585件"),
  );
  if (m.top1Item) rows.push(itemRow("Top1%論文数 (PJ1~PJ8)", m.top1Item)); // row 24
  return rows;
}

/** Data of a reference that does not hold: side a as written, side b and where it stands, and the equality broken. */
const broken = (
  a: [label: string, value: string],
  b: [label: string, value: string, where: string],
  reason: string,
) => ({
  ...quotedFigures({ a: [a[0], a[1]], b: [b[0], b[1]] }),
  bWhere: b[2],
  reason,
});

runRuleTests(rule, {
  valid: [
    { name: "seed: every reference agrees", sheets: { アウトプット指標: output(), 全体: overall() } },
    { name: "indicator 6: 指標値 and the Top1% item agree", sheets: { 全体: overall({ top1Item: "86件" }) } },
    {
      name: "output 4 against a Top1% item when 指標値 is —",
      sheets: { アウトプット指標: output(), 全体: overall({ t6: "—", top1Item: "86件" }) },
    },
    { name: "no 全体 sheet: only the output sheet's own composite is checked", sheets: { アウトプット指標: output() } },
    {
      name: "a PJ sheet is not the 全体 sheet",
      sheets: {
        アウトプット指標: output({ i1: "1件", i20: "167件" }),
        PJ1: overall().map((r, i) => (i === 0 ? ["統合プロジェクト", "PJ1 医薬品プロジェクト"] : r)),
      },
    },
  ],
  invalid: [
    {
      name: "output 1 ≠ 全体 #1",
      sheets: { アウトプット指標: output({ i1: "157件" }), 全体: overall() },
      findings: [
        {
          rule: "xref/mismatch",
          severity: "error",
          sheet: "アウトプット指標",
          cell: "G3",
          cells: ["G3", "'全体'!C3"],
          messageId: "mismatch",
          data: broken(
            ["アウトプット指標1 企業導出件数", "157件"],
            ["全体 #1 企業導出件数", "158件", "'全体'!C3"],
            "アウトプット指標1 = 全体 #1",
          ),
          expected: 158,
          actual: 157,
        },
        // 20 = 1 + 3 no longer holds either.
        { sheet: "アウトプット指標", cell: "G8", cells: ["G8", "G3", "G5"], expected: 323, actual: 324 },
      ],
    },
    {
      name: "output 4 ≠ 全体 #6 Top1%",
      sheets: { アウトプット指標: output({ i4: "85件" }), 全体: overall() },
      findings: [{ cell: "G6", cells: ["G6", "'全体'!C22"], expected: 86, actual: 85 }],
    },
    {
      name: "output 20 ≠ 1 + 3",
      sheets: { アウトプット指標: output({ i20: "320件" }) },
      findings: [
        {
          cell: "G8",
          cells: ["G8", "G3", "G5"],
          expected: 324,
          actual: 320,
          messageId: "mismatch",
          data: broken(
            ["アウトプット指標20 AMED支援シーズの企業導出件数及び事業間の連続的支援数", "320件"],
            ["アウトプット指標1 + 3", "324件", "G3"],
            "指標20 = 指標1 + 指標3",
          ),
        },
      ],
    },
    {
      name: "outcome 薬事承認 ≠ 全体 #4's total",
      sheets: { アウトプット指標: output({ approvals: "30件" }), 全体: overall() },
      findings: [
        { cell: "G9", cells: ["G9", "'全体'!G12", "'全体'!G13", "'全体'!G14", "'全体'!G15"], expected: 31, actual: 30 },
      ],
    },
    {
      name: "outcome ガイドライン等 and 製品上市数 ≠ 全体 #5",
      sheets: { アウトプット指標: output({ guidelines: "135件", launches: "18件" }), 全体: overall() },
      findings: [
        { cell: "G10", cells: ["G10", "'全体'!G20"], expected: 136, actual: 135 },
        { cell: "G11", cells: ["G11", "'全体'!G21"], expected: 19, actual: 18 },
      ],
    },
    {
      name: "indicator 6: the Top1% item differs from 指標値",
      sheets: { 全体: overall({ top1Item: "85件" }) },
      findings: [{ sheet: "全体", cell: "G24", cells: ["G24", "C22"], expected: 86, actual: 85 }],
    },
  ],
});
