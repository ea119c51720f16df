import { runRuleTests } from "../../../../test/support/rule-tester";
import { INHOUSE_TWO_UNITS, sheetWith } from "../../../../test/support/sheets";
import { rule as hiddenColumn } from "./hidden-column";

runRuleTests(hiddenColumn, {
  valid: [
    {
      name: "no hidden column",
      sheets: [
        sheetWith(
          "予算",
          INHOUSE_TWO_UNITS.map((r) => [r[0], r[1], r[3]]),
        ),
      ],
    },
    {
      name: "a hidden column with a label of its own is read, not a duplicate",
      sheets: [
        sheetWith(
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
        sheetWith(
          "予算",
          INHOUSE_TWO_UNITS.map((r) => [r[0], r[1], r[3]]),
          { hiddenRows: [1] },
        ),
      ],
    },
  ],
  invalid: [
    {
      name: "a hidden working column repeating the visible label",
      sheets: [sheetWith("予算", INHOUSE_TWO_UNITS, { hiddenColumns: [2] })],
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
