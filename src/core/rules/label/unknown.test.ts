import { runRuleTests } from "../../../../test/support/rule-tester";
import { DIVERSITY_LABEL, itemRow, monitoringSheet, type Row } from "../../../../test/support/monitoring";
import { rule } from "./unknown";

const top = monitoringSheet("PJ2 医療機器・ヘルスケアプロジェクト");
const support = (pairing: string) => [
  ["3", "優れたシーズの発展・継続支援件数", "15.5件", null, pairing, null, "0件"],
  itemRow("マッチングによる他事業への受け渡し件数", "0件"),
  itemRow("過去にAMED支援を受けた課題について、新たに公募により採択された件数", "15.5件"),
];

// 指標7: 男 / 女 / その他 (and 男性 / 女性) are the shares of 研究者の男女（その他）比率 in every layout.
const L = DIVERSITY_LABEL;
const IND = ["7", "研究環境における 人的ダイバーシティ", "—"];
const pj1 = (rows: Row[]) => ({ PJ1: monitoringSheet("PJ1", ...rows) });
const shareRows = (group: string | null, labels: string[]) =>
  pj1(labels.map((l, i) => (i === 0 ? [...IND, group, l, null, "33.3%"] : itemRow(l, "33.3%"))));

/** A typo at `cell`: what the label is (item, group, indicator), as written, the label meant, and the fix writing it. */
const typo = (sheet: string, cell: string, what: string, label: string, suggestion: string) => ({
  cell,
  messageId: "typo",
  data: { what: { phrase: what }, label, suggestion },
  fix: { sheet, cell, value: suggestion },
});

runRuleTests(rule, {
  valid: [
    { name: "indicator 7, label in 内訳, 男 / 女 / その他 rows", sheets: shareRows(L, ["男", "女", "その他"]) },
    { name: "indicator 7, label in 内訳, 男性 / 女性 rows", sheets: shareRows(L, ["男性", "女性"]) },
    { name: "indicator 7, no label, 男 / 女 rows under a blank 内訳", sheets: shareRows(null, ["男", "女"]) },
    {
      name: "indicator 7, label in 内訳, composite value",
      sheets: pj1([[...IND, L, null, null, "男性：89.0% 女性：11.0%"]]),
    },
    {
      name: "indicator 7, label in 項目, composite value (the seeds)",
      sheets: pj1([[...IND, null, "研究者の男女 (その他) 比率", null, "男: 92.3% 女: 7.7%"]]),
    },
    {
      name: "indicator 7, label in 項目, 男 / 女 rows below",
      sheets: pj1([[...IND, null, L], itemRow("男", "89.0%"), itemRow("女", "11.0%")]),
    },
    {
      name: "indicator 7, label in 項目, 男性 / 女性 in 細目",
      sheets: pj1([
        [...IND, null, L, "男性", "89.0%"],
        [null, null, null, null, null, "女性", "11.0%"],
      ]),
    },
    {
      name: "indicator 7 on the 全体 sheet",
      sheets: {
        全体: monitoringSheet("全体", [...IND, L, "男", null, "89.7%"], itemRow("女", "10.3%")),
      },
    },
    { name: "catalogue labels", sheets: { PJ2: [...top, ...support("ペアリングによる他事業への受け渡し件数")] } },
    {
      name: "short aliases and width variants",
      sheets: {
        PJ2: [
          ...top,
          ["3", "発展・継続支援件数", "15.5件", null, "ペアリング", null, "0件"],
          itemRow("マッチング", "0件"),
          itemRow("新たに公募", "15.5件"),
        ],
      },
    },
    {
      name: "an open 細目 list (医薬品 by modality) takes any label",
      sheets: {
        PJ2: [
          ...top,
          [
            "4",
            "薬事承認・認証",
            "—",
            "医療における利用形態別の件数",
            "医薬品の承認件数（モダリティ別の内訳）",
            null,
            "3件（核酸医薬1件／低分子医薬品2件）",
          ],
        ],
      },
    },
    {
      name: "project-specific rows are free text",
      sheets: { PJ2: [...top, ["独自", "PMDA対面助言実施件数", "20件"]] },
    },
  ],
  invalid: [
    {
      name: "seed PJ2: ベアリング for ペアリング",
      sheets: { PJ2: [...top, ...support("ベアリングによる他事業への受け渡し件数")] },
      findings: [
        {
          rule: "label/unknown",
          severity: "info",
          ...typo(
            "PJ2",
            "E3",
            "item",
            "ベアリングによる他事業への受け渡し件数",
            "ペアリングによる他事業への受け渡し件数",
          ),
        },
      ],
    },
    {
      name: "seed PJ5: 業事承認・認証 for 薬事承認・認証",
      sheets: {
        PJ5: [
          ...monitoringSheet("PJ5"),
          ["4", "業事承認・認証", "—", "品目の性格別の承認件数", "新規の承認件数", null, "4件"],
        ],
      },
      findings: [typo("PJ5", "B3", "indicator", "業事承認・認証", "薬事承認・認証")],
    },
    {
      name: "an item the catalogue does not know",
      sheets: { PJ2: [...top, ["2", "治験に至った件数", "19件", null, "第III相試験の数", null, "1件"]] },
      findings: [
        {
          cell: "E3",
          messageId: "unknown",
          data: { what: { phrase: "item" }, label: "第III相試験の数" },
        },
      ],
    },
    {
      name: "an indicator number the catalogue does not know",
      sheets: { PJ2: [...top, ["9", "特許出願件数", "5件"]] },
      findings: [{ cell: "A3", messageId: "unknownIndicator", data: { number: "9", label: "特許出願件数" } }],
    },
    {
      name: "indicator 7: a share row the catalogue does not list (counted in the 100%, reported)",
      sheets: shareRows(L, ["男", "女", "無回答"]),
      findings: [
        {
          rule: "label/unknown",
          severity: "info",
          sheet: "PJ1",
          cell: "E5",
          messageId: "unknownShare",
          data: {
            what: { phrase: "item" },
            label: "無回答",
            item: "研究者の男女（その他）比率",
            known: "男・女・その他",
          },
        },
      ],
    },
    {
      name: "indicator 7: an unlisted share inside a composite value points at the value",
      sheets: pj1([[...IND, L, null, null, "男：89.0% 女：10.0% 不明：1.0%"]]),
      findings: [
        {
          cell: "G3",
          messageId: "unknownShare",
          data: {
            what: { phrase: "share" },
            label: "不明",
            item: "研究者の男女（その他）比率",
            known: "男・女・その他",
          },
        },
      ],
    },
    {
      name: "indicator 7: an unlisted share in 細目",
      sheets: pj1([
        [...IND, null, L, "男性", "89.0%"],
        [null, null, null, null, null, "答えない", "11.0%"],
      ]),
      findings: [
        {
          cell: "F4",
          messageId: "unknownShare",
          data: {
            what: { phrase: "subItem" },
            label: "答えない",
            item: "研究者の男女（その他）比率",
            known: "男・女・その他",
          },
        },
      ],
    },
    {
      name: "indicator 7: a typo in the label written in 内訳",
      sheets: shareRows("研究者の男女（その他）比", ["男", "女"]),
      findings: [typo("PJ1", "D3", "group", "研究者の男女（その他）比", "研究者の男女（その他）比率")],
    },
    {
      name: "an item near a catalogue label but not a typo: the nearest label is named",
      sheets: {
        PJ2: [...top, ["3", "優れたシーズの発展・継続支援件数", "15.5件", null, "マッチング支援の件数", null, "0件"]],
      },
      findings: [
        {
          cell: "E3",
          severity: "info",
          messageId: "nearest",
          data: {
            what: { phrase: "item" },
            label: "マッチング支援の件数",
            suggestion: "マッチングによる他事業への受け渡し件数",
          },
        },
      ],
    },
    {
      name: "an indicator named as another standard indicator: a wrong number?",
      sheets: { PJ2: [...top, ["1", "治験に至った件数", "5件", "導出形態別の件数", "権利譲渡契約件数", null, "5件"]] },
      findings: [
        {
          cell: "B3",
          severity: "info",
          messageId: "indicatorDiffers",
          data: {
            number: "1",
            label: "治験に至った件数",
            suggestion: "権利譲渡契約・実施許諾契約・共同研究開発契約件数 (シーズの企業導出件数)",
          },
        },
      ],
    },
  ],
});
