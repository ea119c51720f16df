import { quotedFigures } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { monitoringSheet, trialRows } from "../../../../test/support/monitoring";
import { breakdown, inhouse } from "../../../../test/support/sheets";
import { rule as exceedsWhole } from "./exceeds-whole";

runRuleTests(exceedsWhole, {
  valid: [
    { name: "健康・医療関係 within 全体", sheets: { インハウス予算: inhouse(["理化学研究所", "文", 1020, 306]) } },
    {
      name: "a うち figure within its value (29件（0件）)",
      sheets: {
        PJ1: monitoringSheet("PJ1", ...trialRows("30件", "29件（0件）")),
      },
    },
    {
      name: "amounts that may be equal once rounded (13 and 12 億円)",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12], ["うち", "（うち、B経費）", 5, 13]) },
    },
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
          messageId: "exceeds",
          data: quotedFigures({
            part: ["「理化学研究所」の「健康・医療関係」", "120億円"],
            whole: ["「全体」", "100億円"],
          }),
          expected: 100,
          actual: 120,
        },
      ],
    },
    {
      name: "a うち figure above its value (3件（4件）)",
      sheets: {
        PJ1: monitoringSheet("PJ1", ["2", "治験に至った件数", "3件", null, "医師主導治験", null, "3件（4件）"]),
      },
      findings: [{ cell: "G3", expected: 3, actual: 4 }],
    },
    {
      name: "a うち row above the row it belongs to",
      sheets: { 予算内訳: breakdown(["明細", "A事業", 10, 12], ["うち", "（うち、B経費）", 5, 14]) },
      findings: [{ cell: "D4", cells: ["D4", "D3"], expected: 12, actual: 14 }],
    },
  ],
});
