import { sheetFromValues, type CellValue, type Sheet } from "../../model/workbook";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule as unknownSheet } from "./unknown-sheet";

type Row = (CellValue | undefined)[];
const sheet = (name: string, rows: Row[], layout: Partial<Sheet> = {}): Sheet => ({
  ...sheetFromValues(name, rows),
  ...layout,
});

const INHOUSE: Row[] = [
  ["機関名", "全体", "健康・医療関係（百万円）", "健康・医療関係（億円）"],
  ["A研究所", 100, 5000, 50],
];

runRuleTests(unknownSheet, {
  valid: [{ name: "a recognised sheet", sheets: [sheet("予算", INHOUSE)] }],
  invalid: [
    {
      name: "a sheet of no kind",
      sheets: [sheet("議事録", [["議事録"], ["日時", "令和7年4月1日"]])],
      findings: [{ severity: "info", sheet: "議事録", cell: "A1", messageId: "unknown", data: { sheet: "議事録" } }],
    },
    {
      name: "a sheet that nearly is one names the labels it lacks",
      sheets: [sheet("PJ1", [["番号", "アウトプット指標", "指標値", "内訳", "品目", "数量"]])],
      findings: [
        {
          sheet: "PJ1",
          messageId: "near",
          data: { sheet: "PJ1", kind: { phrase: "monitoring" }, missing: { list: ["項目", "値"], style: "quoted" } },
        },
      ],
    },
  ],
});
