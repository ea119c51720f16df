import { runRuleTests } from "../../../../test/support/rule-tester";
import { derivationRows, monitoringSheet } from "../../../../test/support/monitoring";
import { rule } from "./incomplete";

const sheet = (total: string, phase: [string, string, string], content: [string, string]) =>
  monitoringSheet("PJ1 医薬品プロジェクト", ...derivationRows(total, phase, content));

runRuleTests(rule, {
  valid: [
    {
      name: "partial groups that cover the total",
      sheets: { PJ8: sheet("2件", ["2件", "0件", "0件"], ["2件", "0件"]) },
    },
    {
      name: "a partial group above the total is sum/exceeds-total's",
      sheets: { PJ2: sheet("33件", ["16件", "11件", "6件"], ["30件", "3件"]) },
    },
    { name: "no 指標値: nothing to fall short of", sheets: { PJ1: sheet("—", ["1件", "0件", "0件"], ["1件", "0件"]) } },
  ],
  invalid: [
    {
      name: "seed PJ1: 開発フェーズ別 51 of 53, 導出内容別 50 of 53",
      sheets: { PJ1: sheet("53件", ["32件", "16件", "3件"], ["37件", "13件"]) },
      findings: [
        {
          rule: "sum/incomplete",
          severity: "info",
          cell: "C3",
          cells: ["C3", "G3", "G4", "G5"],
          messageId: "incomplete",
          data: {
            what: "開発フェーズ別",
            sum: "51件",
            totalLabel: "指標値",
            total: "53件",
            gap: "2件",
            parts: "非臨床前 32 + 非臨床後・治験前 16 + 治験開始後 3",
          },
          expected: 51,
          actual: 53,
        },
        {
          severity: "info",
          cell: "C3",
          cells: ["C3", "G6", "G7"],
          messageId: "incomplete",
          data: {
            what: "導出内容別",
            sum: "50件",
            totalLabel: "指標値",
            total: "53件",
            gap: "3件",
            parts: "技術導出 37 + 開発候補品 13",
          },
          expected: 50,
          actual: 53,
        },
      ],
    },
  ],
});
