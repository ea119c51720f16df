import { sheetFromValues, type CellValue, type Sheet } from "../../model/workbook";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule as layoutUnknown } from "./layout-unknown";

type Row = (CellValue | undefined)[];
const sheet = (name: string, rows: Row[], layout: Partial<Sheet> = {}): Sheet => ({
  ...sheetFromValues(name, rows),
  ...layout,
});

const INHOUSE: Row[] = [
  ["機関名", "全体", "健康・医療関係（百万円）", "健康・医療関係（億円）"],
  ["A研究所", 100, 5000, 50],
];

runRuleTests(layoutUnknown, {
  valid: [{ name: "an adapter that read everything", sheets: [sheet("予算", INHOUSE)] }],
  invalid: [
    {
      name: "merges not read (Excel below ExcelApi 1.13)",
      sheets: [sheet("予算", INHOUSE, { layoutUnknown: ["merges"] })],
      findings: [{ severity: "info", sheet: "予算", cell: "A1", messageId: "merges", data: { sheet: "予算" } }],
    },
    {
      name: "hidden rows and columns not read",
      sheets: [sheet("予算", INHOUSE, { layoutUnknown: ["hidden"] })],
      findings: [{ severity: "info", sheet: "予算", messageId: "hidden", data: { sheet: "予算" } }],
    },
  ],
});
