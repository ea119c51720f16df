import { runRuleTests } from "../../../../test/support/rule-tester";
import { INHOUSE_TWO_UNITS, sheetWith } from "../../../../test/support/sheets";
import { rule as layoutUnknown } from "./layout-unknown";

runRuleTests(layoutUnknown, {
  valid: [{ name: "an adapter that read everything", sheets: [sheetWith("予算", INHOUSE_TWO_UNITS)] }],
  invalid: [
    {
      name: "merges not read (Excel below ExcelApi 1.13)",
      sheets: [sheetWith("予算", INHOUSE_TWO_UNITS, { layoutUnknown: ["merges"] })],
      findings: [{ severity: "info", sheet: "予算", cell: "A1", messageId: "merges", data: { sheet: "予算" } }],
    },
    {
      name: "hidden rows and columns not read",
      sheets: [sheetWith("予算", INHOUSE_TWO_UNITS, { layoutUnknown: ["hidden"] })],
      findings: [{ severity: "info", sheet: "予算", messageId: "hidden", data: { sheet: "予算" } }],
    },
  ],
});
