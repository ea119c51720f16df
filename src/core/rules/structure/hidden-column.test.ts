import { sheetFromValues, type CellValue, type Sheet } from "../../model/workbook";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule as hiddenColumn } from "./hidden-column";

type Row = (CellValue | undefined)[];
const sheet = (name: string, rows: Row[], layout: Partial<Sheet> = {}): Sheet => ({
  ...sheetFromValues(name, rows),
  ...layout,
});

const INHOUSE: Row[] = [
  ["機関名", "全体", "健康・医療関係（百万円）", "健康・医療関係（億円）"],
  ["A研究所", 100, 5000, 50],
];

runRuleTests(hiddenColumn, {
  valid: [
    {
      name: "no hidden column",
      sheets: [
        sheet(
          "予算",
          INHOUSE.map((r) => [r[0], r[1], r[3]]),
        ),
      ],
    },
    {
      name: "a hidden column with a label of its own is read, not a duplicate",
      sheets: [
        sheet(
          "予算",
          [
            ["機関名", "全体", "健康・医療関係", "メモ"],
            ["A", 1, 1, "x"],
          ],
          { hiddenColumns: [3] },
        ),
      ],
    },
    {
      name: "hidden rows are data, not working columns",
      sheets: [
        sheet(
          "予算",
          INHOUSE.map((r) => [r[0], r[1], r[3]]),
          { hiddenRows: [1] },
        ),
      ],
    },
  ],
  invalid: [
    {
      name: "a hidden working column repeating the visible label",
      sheets: [sheet("予算", INHOUSE, { hiddenColumns: [2] })],
      findings: [
        {
          severity: "info",
          sheet: "予算",
          cell: "C1",
          cells: ["C1", "D1"],
          messageId: "duplicate",
          data: { hidden: "C", visible: "D", label: "健康・医療関係（百万円）" },
        },
      ],
    },
  ],
});
