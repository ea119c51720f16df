import { runRuleTests } from "../../../../test/support/rule-tester";
import { sheetFromValues, type Sheet } from "../../model/workbook";
import { DIVERSITY_LABEL, itemRow, monitoringSheet, type Row } from "../../../../test/support/monitoring";
import { rule } from "./sum";

const L = DIVERSITY_LABEL;
const IND = ["7", "研究環境における 人的ダイバーシティ", "—"];
const sheet = (rows: Row[], project = "PJ1 医薬品プロジェクト") => monitoringSheet(project, ...rows);
/** The seed's layout: one composite value (「男：89.0% 女：11.0%」) on the indicator's row, the label in 項目. */
const shares = (value: string, item: string | null = L) => sheet([[...IND, null, item, null, value]]);
/** One share per row (男, 女), each a number formatted as a percentage (0.89 shown as 89.0%). */
function formattedShares(male: number, female: number): Sheet {
  const pj1 = sheetFromValues(
    "PJ1",
    sheet([["7", "人的ダイバーシティ", "—", null, "男", null, male], itemRow("女", female)], "PJ1"),
  );
  for (const row of pj1.rows.slice(2)) row[6] = { value: row[6]?.value ?? null, numFmt: "0.0%" };
  return pj1;
}
/** The finding at the first of `cells`: the shares (`parts`) add up to `sum`, not 100. */
const sumAt = (cells: string[], sum: string, parts: string) => ({
  cell: cells[0],
  cells,
  messageId: "sum",
  data: { what: "男女比率", sum, parts },
});
/** Layout 1: the label in 内訳, one share per row in 項目 (男 / 女 / その他), the percentage in 値. */
const inGroupRows = (shares: [string, string | number][], project?: string) =>
  sheet(
    shares.map(([label, v], i) => (i === 0 ? [...IND, L, label, null, v] : itemRow(label, v))),
    project,
  );
/** Layout 2: the label in 内訳, the value as one composite text. */
const inGroupComposite = (value: string) => sheet([[...IND, L, null, null, value]]);
/** Layout 3 with share rows: the label in 項目 on a row of its own, the shares below it in 項目 (or in 細目). */
const inItemRows = (shares: [string, string][], column: "項目" | "細目" = "項目") =>
  sheet([
    ...(column === "項目" ? [[...IND, null, L]] : []),
    ...shares.map(([label, v], i) =>
      column === "項目"
        ? itemRow(label, v)
        : i === 0
          ? [...IND, null, L, label, v]
          : [null, null, null, null, null, label, v],
    ),
  ]);

runRuleTests(rule, {
  valid: [
    // Layout 1: label in 内訳, shares as rows.
    {
      name: "label in 内訳, 男 / 女 rows",
      sheets: {
        PJ1: inGroupRows([
          ["男", "89.0%"],
          ["女", "11.0%"],
        ]),
      },
    },
    {
      name: "label in 内訳, 男性 / 女性 / その他 rows",
      sheets: {
        PJ1: inGroupRows([
          ["男性", "88.6%"],
          ["女性", "11.0%"],
          ["その他", "0.4%"],
        ]),
      },
    },
    {
      name: "label in 内訳, bare numbers (the item is a percentage)",
      sheets: {
        PJ1: inGroupRows([
          ["男", 93],
          ["女", 7],
        ]),
      },
    },
    {
      name: "label in 内訳 on the 全体 sheet",
      sheets: {
        全体: inGroupRows(
          [
            ["男", "89.7%"],
            ["女", "10.3%"],
          ],
          "全体",
        ),
      },
    },
    {
      name: "a share the catalogue does not list still counts (男 + 女 + 無回答 = 100)",
      sheets: {
        PJ1: inGroupRows([
          ["男", "89.0%"],
          ["女", "10.5%"],
          ["無回答", "0.5%"],
        ]),
      },
    },
    {
      name: "a share that is not a number is the value rules' business",
      sheets: {
        PJ1: inGroupRows([
          ["男", "89.0%"],
          ["女", "集計中"],
        ]),
      },
    },
    // Layout 2: label in 内訳, composite value.
    { name: "label in 内訳, 男：89.0% 女：11.0%", sheets: { PJ1: inGroupComposite("男：89.0% 女：11.0%") } },
    {
      name: "label in 内訳, 男性 88.0%／女性 11.5%／その他 0.5%",
      sheets: { PJ1: inGroupComposite("男性 88.0%／女性 11.5%／その他 0.5%") },
    },
    { name: "label in 内訳, no separator: 男89.0%・女11.0%", sheets: { PJ1: inGroupComposite("男89.0%・女11.0%") } },
    {
      name: "label in 内訳, one labelled share per row in 値",
      sheets: {
        PJ1: sheet([
          [...IND, L, null, null, "男：89.0%"],
          [null, null, null, null, null, null, "女：11.0%"],
        ]),
      },
    },
    // Layout 3: label in 項目.
    {
      name: "label in 項目 on its own row, 男 / 女 rows below",
      sheets: {
        PJ1: inItemRows([
          ["男", "89.0%"],
          ["女", "11.0%"],
        ]),
      },
    },
    {
      name: "label in 項目, 男性 / 女性 in 細目",
      sheets: {
        PJ1: inItemRows(
          [
            ["男性", "89.0%"],
            ["女性", "11.0%"],
          ],
          "細目",
        ),
      },
    },

    { name: "seed PJ1: 男：89.0% 女：11.0%", sheets: { PJ1: shares("男：89.0% 女：11.0%") } },
    { name: "half-width colons and spaces", sheets: { PJ4: shares("男: 92.3% 女: 7.7%") } },
    { name: "with その他", sheets: { PJ4: shares("男：80.0% 女：19.5% その他：0.5%") } },
    {
      name: "rounded shares within their precision (33.3 × 3)",
      sheets: { PJ4: shares("男：33.3% 女：33.3% その他：33.3%") },
    },
    { name: "a blank 項目 in the one-item group", sheets: { PJ4: shares("男：89.0% 女：11.0%", null) } },
    {
      name: "one share per row, as percentage-formatted numbers",
      sheets: [formattedShares(0.89, 0.11)],
    },
  ],
  invalid: [
    {
      name: "shares adding up to 99%",
      sheets: { PJ1: shares("男：89.0% 女：10.0%") },
      findings: [
        {
          rule: "percent/sum",
          severity: "error",
          sheet: "PJ1",
          ...sumAt(["G3"], "99.0", "男 89.0 + 女 10.0"),
          expected: 100,
          actual: 99,
        },
      ],
    },
    {
      name: "one share per row adding up to 101%",
      sheets: [formattedShares(0.9, 0.11)],
      findings: [{ cell: "G3", cells: ["G3", "G4"], actual: 101 }],
    },
    {
      name: "label in 内訳, 男 / 女 rows adding up to 99%: the finding names every share row",
      sheets: {
        PJ1: inGroupRows([
          ["男", "89.0%"],
          ["女", "10.0%"],
        ]),
      },
      findings: [
        {
          rule: "percent/sum",
          severity: "error",
          sheet: "PJ1",
          ...sumAt(["G3", "G4"], "99.0", "男 89.0 + 女 10.0"),
          expected: 100,
          actual: 99,
        },
      ],
    },
    {
      name: "label in 内訳, 男性 / 女性 / その他 rows adding up to 100.5%",
      sheets: {
        PJ1: inGroupRows([
          ["男性", "88.0%"],
          ["女性", "12.0%"],
          ["その他", "0.5%"],
        ]),
      },
      findings: [
        {
          ...sumAt(["G3", "G4", "G5"], "100.5", "男性 88.0 + 女性 12.0 + その他 0.5"),
          actual: 100.5,
        },
      ],
    },
    {
      name: "label in 内訳 on the 全体 sheet",
      sheets: {
        全体: inGroupRows(
          [
            ["男", "90.7%"],
            ["女", "10.3%"],
          ],
          "全体",
        ),
      },
      findings: [{ sheet: "全体", cell: "G3", cells: ["G3", "G4"], actual: 101 }],
    },
    {
      name: "an unlisted share is counted: 男 + 女 + 無回答 = 101",
      sheets: {
        PJ1: inGroupRows([
          ["男", "89.0%"],
          ["女", "11.0%"],
          ["無回答", "1.0%"],
        ]),
      },
      findings: [
        {
          ...sumAt(["G3", "G4", "G5"], "101.0", "男 89.0 + 女 11.0 + 無回答 1.0"),
          actual: 101,
        },
      ],
    },
    {
      name: "label in 内訳, composite value adding up to 99%: the composite cell",
      sheets: { PJ1: inGroupComposite("男：89.0% 女：10.0%") },
      findings: [
        {
          ...sumAt(["G3"], "99.0", "男 89.0 + 女 10.0"),
          actual: 99,
        },
      ],
    },
    {
      name: "label in 内訳, composite with no separator (男性89.0%・女性10.0%)",
      sheets: { PJ1: inGroupComposite("男性89.0%・女性10.0%") },
      findings: [
        {
          ...sumAt(["G3"], "99.0", "男性 89.0 + 女性 10.0"),
          actual: 99,
        },
      ],
    },
    {
      name: "label in 内訳, one labelled share per row in 値",
      sheets: {
        PJ1: sheet([
          [...IND, L, null, null, "男：89.0%"],
          [null, null, null, null, null, null, "女：12.0%"],
        ]),
      },
      findings: [{ cell: "G3", cells: ["G3", "G4"], actual: 101 }],
    },
    {
      name: "label in 項目 on its own row, 男 / 女 rows below: the share rows, not the label's row",
      sheets: {
        PJ1: inItemRows([
          ["男", "89.0%"],
          ["女", "10.0%"],
        ]),
      },
      findings: [{ cell: "G4", cells: ["G4", "G5"], actual: 99 }],
    },
    {
      name: "label in 項目, 男性 / 女性 in 細目",
      sheets: {
        PJ1: inItemRows(
          [
            ["男性", "89.0%"],
            ["女性", "10.0%"],
          ],
          "細目",
        ),
      },
      findings: [{ cell: "G3", cells: ["G3", "G4"], actual: 99 }],
    },
    {
      name: "a lone share is no complete set: 男 89.0% alone sums to 89",
      sheets: { PJ1: sheet([[...IND, null, L, null, "男：89.0%"]]) },
      findings: [{ cell: "G3", cells: ["G3"], actual: 89 }],
    },
  ],
});
