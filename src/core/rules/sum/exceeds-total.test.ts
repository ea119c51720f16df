import { runRuleTests } from "../../../../test/support/rule-tester";
import { derivationRows, monitoringSheet } from "../../../../test/support/monitoring";
import { rule } from "./exceeds-total";

const sheet = (total: string, tech: string, cand: string, phase: [string, string, string] = ["1件", "1件", "0件"]) =>
  monitoringSheet("PJ2 医療機器・ヘルスケアプロジェクト", ...derivationRows(total, phase, [tech, cand]));

runRuleTests(rule, {
  valid: [
    { name: "a partial group that falls short", sheets: { PJ1: sheet("53件", "37件", "13件") } },
    { name: "a partial group equal to the total", sheets: { PJ1: sheet("2件", "2件", "0件", ["2件", "0件", "0件"]) } },
    {
      name: "an exhaustive group above the total is sum/breakdown's",
      sheets: {
        PJ1: monitoringSheet("PJ1", ["1", "企業導出件数", "1件", "導出形態別の件数", "権利譲渡契約件数", null, "5件"]),
      },
    },
  ],
  invalid: [
    {
      name: "seed PJ2: 導出内容別 38 > 33",
      sheets: { PJ2: sheet("33件", "30件", "8件") },
      findings: [
        {
          rule: "sum/exceeds-total",
          severity: "error",
          sheet: "PJ2",
          cell: "C3",
          cells: ["C3", "G6", "G7"],
          messageId: "exceeds",
          data: {
            what: "導出内容別",
            sum: "38件",
            totalLabel: "指標値",
            total: "33件",
            parts: "技術導出 30 + 開発候補品 8",
          },
          // 記入値 (actual): the 指標値 C5 holds; 計算値 (expected): the sum Kensa adds up
          expected: 38,
          actual: 33,
        },
      ],
    },
    {
      name: "seed PJ7: 導出内容別 15 > 12, and a phase group above the total",
      sheets: { PJ7: sheet("12件", "6件", "9件", ["3件", "5件", "5件"]) },
      findings: [
        { cell: "C3", cells: ["C3", "G3", "G4", "G5"], expected: 13, actual: 12 },
        { cell: "C3", cells: ["C3", "G6", "G7"], expected: 15, actual: 12 },
      ],
    },
  ],
});
