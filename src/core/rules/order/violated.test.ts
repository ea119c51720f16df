import { quotedFigures } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule } from "./violated";

const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
const papers = (total: string, top10: string, all: string, top1?: string) => [
  ["統合プロジェクト", "PJ1 医薬品プロジェクト"],
  H,
  ["6", "論文数", total, null, "Top10%論文数", null, top10],
  [null, null, null, null, "全論文数", null, all],
  ...(top1 ? [[null, null, null, null, "Top1%論文数", null, top1]] : []),
];

runRuleTests(rule, {
  valid: [
    { name: "seed PJ1: 40 ≤ 283 ≤ 2,944", sheets: { PJ1: papers("Top1%論文数 40件", "283件", "2,944件") } },
    { name: "seed PJ7: 指標値 — with Top1% listed as an item", sheets: { PJ7: papers("—", "9件", "135件", "0件") } },
    { name: "equal figures are in order", sheets: { PJ8: papers("Top1%論文数 1件", "1件", "1件") } },
  ],
  invalid: [
    {
      name: "Top10% above all papers",
      sheets: { PJ1: papers("Top1%論文数 40件", "3,000件", "2,944件") },
      findings: [
        {
          rule: "order/violated",
          severity: "error",
          cell: "G3",
          cells: ["G3", "G4"],
          messageId: "violated",
          data: {
            ...quotedFigures({ smaller: ["Top10%論文数", "3,000件"], larger: ["全論文数", "2,944件"] }),
            order: "Top1%論文数 ≤ Top10%論文数 ≤ 全論文数",
          },
          expected: 2944,
          actual: 3000,
        },
      ],
    },
    {
      name: "the 指標値's Top1% above Top10%",
      sheets: { PJ1: papers("Top1%論文数 300件", "283件", "2,944件") },
      findings: [{ cell: "C3", cells: ["C3", "G3"], expected: 283, actual: 300 }],
    },
    {
      name: "a Top1% item above Top10%",
      sheets: { PJ7: papers("—", "9件", "135件", "10件") },
      findings: [{ cell: "G5", cells: ["G5", "G3"], expected: 9, actual: 10 }],
    },
  ],
});
