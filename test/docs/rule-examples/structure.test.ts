/**
 * Rule tables for part/exceeds-whole, structure/duplicate-row and structure/rollup-skipped, which have no
 * table beside them; these are also the examples of their pages in docs/rules/ (npm run docs:rules).
 * The first valid and the first invalid case are the ones shown.
 */
import { runRuleTests } from "../../support/rule-tester";
import { breakdown, inhouse } from "../../support/sheets";
import { monitoringRows, type Row } from "../../support/rollup-sheets";
import { rule as exceedsWhole } from "../../../src/core/rules/part/exceeds-whole";
import { rule as duplicateRow } from "../../../src/core/rules/structure/duplicate-row";
import { rule as rollupSkipped } from "../../../src/core/rules/structure/rollup-skipped";

const MON_HEADER = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];

runRuleTests(exceedsWhole, {
  valid: [
    { name: "健康・医療関係 within 全体", sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306]) } },
    { name: "a うち figure within its value (29件（0件）)", sheets: { PJ1: [["統合プロジェクト", "PJ1"], MON_HEADER, ["2", "治験に至った件数", "30件", null, "医師主導治験の治験計画届の届出数（うち国際共同治験数）", null, "29件（0件）"]] } },
    { name: "amounts that may be equal once rounded (13 and 12 億円)", sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12], ["うち", "（うち、B経費）", 5, 13]) } },
  ],
  invalid: [
    {
      name: "健康・医療関係 above 全体",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 100, 120]) },
      findings: [
        {
          rule: "part/exceeds-whole",
          severity: "error",
          cell: "D4",
          cells: ["D4", "C4"],
          message: "理化学研究所 の 健康・医療関係 120億円 が 全体 100億円 を超えています。",
          expected: 100,
          actual: 120,
        },
      ],
    },
    {
      name: "a うち figure above its value (3件（4件）)",
      sheets: { PJ1: [["統合プロジェクト", "PJ1"], MON_HEADER, ["2", "治験に至った件数", "3件", null, "医師主導治験", null, "3件（4件）"]] },
      findings: [{ cell: "G3", expected: 3, actual: 4 }],
    },
    {
      name: "a うち row above the row it belongs to",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12], ["うち", "（うち、B経費）", 5, 14]) },
      findings: [{ cell: "D4", cells: ["D4", "D3"], expected: 12, actual: 14 }],
    },
  ],
});

runRuleTests(duplicateRow, {
  valid: [
    { name: "each institute once", sheets: { インハウス予算: inhouse(["理化学研究所", "文", 100, 50], ["国立がん研究センター", "厚", 80, 80]) } },
  ],
  invalid: [
    {
      name: "the same institute twice",
      sheets: { インハウス予算: inhouse(["理化学研究所", "文", 100, 50], ["国立がん研究センター", "厚", 80, 80], ["理化学研究所", "文", 100, 50]) },
      findings: [
        {
          rule: "structure/duplicate-row",
          severity: "error",
          cell: "A6",
          cells: ["A6", "A4"],
          message: "機関名「理化学研究所」が重複しています（A4, A6）。",
        },
      ],
    },
  ],
});

/** 全体 and PJ1…PJn with indicator 3 (each PJ 10 = 5 + 0 + 5), the 全体 sheet holding their sum. */
function rollupSet(projects: number): Record<string, Row[]> {
  const sheets: Record<string, Row[]> = { 全体: monitoringRows("全体", { support: [`${projects * 10}件`, `${projects * 5}件`, "0件", `${projects * 5}件`] }) };
  for (let i = 1; i <= projects; i++) sheets[`PJ${i}`] = monitoringRows(`PJ${i}`, { support: ["10件", "5件", "0件", "5件"] });
  return sheets;
}

runRuleTests(rollupSkipped, {
  valid: [
    { name: "全体 and PJ1–PJ8 all present", sheets: rollupSet(8) },
    { name: "a project's own workbook, with no 全体 sheet, has nothing to roll up", sheets: { PJ3: monitoringRows("PJ3", { support: ["10件", "5件", "0件", "5件"] }) } },
  ],
  invalid: [
    {
      name: "PJ8 missing",
      sheets: rollupSet(7),
      findings: [
        {
          rule: "structure/rollup-skipped",
          severity: "info",
          sheet: "全体",
          cell: "A2",
          message: "PJ8 のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
        },
      ],
    },
  ],
});
