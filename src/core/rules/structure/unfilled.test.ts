import { runRuleTests } from "../../../../test/support/rule-tester";
import { itemRow, monitoringSheet } from "../../../../test/support/monitoring";
import { inhouse, breakdown, OUTPUT_LEAD, outputSheetOf, type Row } from "../../../../test/support/sheets";
import { sheetFromValues, type Sheet } from "../../model/workbook";
import { rule } from "./unfilled";

const output = outputSheetOf([...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗"]);
const monitoring = (...rows: Row[]) => ({ PJ1: monitoringSheet("PJ1", ...rows) });
const ITEMS = [
  ["3", "優れたシーズの発展・継続支援件数", null, null, "ペアリングによる他事業への受け渡し件数", null, null],
  itemRow("マッチングによる他事業への受け渡し件数", null),
];

/** An インハウス予算 sheet whose 合計 row holds formulas with cached results, as Excel saves a blank template. */
function withTotals(total: number | string): Sheet {
  const sheet = sheetFromValues("予算", inhouse(["理研", "文"], ["合計"]));
  sheet.rows[4][2] = { value: total, formula: 'IF(COUNT(C4:C4)=0,"",SUMIF($A$4:$A$4,"<>小計",C4:C4))' };
  sheet.rows[4][3] = { value: total, formula: 'IF(COUNT(D4:D4)=0,"",SUMIF($A$4:$A$4,"<>小計",D4:D4))' };
  return sheet;
}

runRuleTests(rule, {
  valid: [
    { name: "one amount typed", sheets: { 予算: inhouse(["理研", "文", 100], ["量研", "文"]) } },
    { name: "a dash is an entry", sheets: { 予算: inhouse(["理研", "文", "—"]) } },
    {
      name: "text in an amount cell is an entry (reported by value/not-a-number)",
      sheets: { 予算: inhouse(["理研", "文", "未定"]) },
    },
    { name: "a 予算内訳 amount", sheets: { 内訳: breakdown(["明細", "事業a", null, 12]) } },
    {
      name: "an output sheet with one result",
      sheets: output(["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", null, 158, null, null]),
    },
    {
      name: "an output sheet with one grade",
      sheets: output(["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", null, null, null, "B"]),
    },
    { name: "a monitoring sheet with one value", sheets: monitoring([...ITEMS[0].slice(0, 6), 12], ITEMS[1]) },
    { name: "a formula total with a number is an entry", sheets: [withTotals(12)] },
    {
      name: "a sheet of no known kind is structure/unknown-sheet's",
      sheets: { メモ: [["議事録"], ["日時", "令和7年4月1日"]] },
    },
  ],
  invalid: [
    {
      name: "names but no figure",
      sheets: { 予算: inhouse(["理研", "文"], ["量研", "文"]) },
      findings: [
        {
          rule: "structure/unfilled",
          severity: "info",
          sheet: "予算",
          cell: "C4",
          messageId: "unfilled",
          data: { sheet: "予算" },
        },
      ],
    },
    {
      name: "a header and nothing under it: typing starts under the header",
      sheets: { 内訳: breakdown() },
      findings: [{ sheet: "内訳", cell: "A3" }],
    },
    {
      name: "totals of nothing, blank or 0, by formula",
      sheets: [withTotals(""), { ...withTotals(0), name: "予算2" }],
      findings: [
        { sheet: "予算", cell: "C4" },
        { sheet: "予算2", cell: "C4" },
      ],
    },
    {
      name: "an output sheet with the plan's targets prefilled but no result or grade",
      sheets: output(["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11"], ["O1", "アウトカム", "薬事承認"]),
      findings: [
        {
          sheet: "アウトプット指標",
          cell: "H3",
          messageId: "unfilledOutput",
          data: { sheet: "アウトプット指標" },
        },
      ],
    },
    {
      name: "a monitoring sheet with the catalogue's labels only",
      sheets: monitoring(...ITEMS),
      findings: [{ sheet: "PJ1", cell: "C3" }],
    },
  ],
});
