import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule } from "./sum";

const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
const shares = (value: string, item: string | null = "研究者の男女（その他）比率"): (string | null)[][] => [
  ["統合プロジェクト", "PJ1 医薬品プロジェクト"],
  H,
  ["7", "研究環境における 人的ダイバーシティ", "—", null, item, null, value],
];

runRuleTests(rule, {
  valid: [
    { name: "seed PJ1: 男：89.0% 女：11.0%", sheets: { PJ1: shares("男：89.0% 女：11.0%") } },
    { name: "half-width colons and spaces", sheets: { PJ4: shares("男: 92.3% 女: 7.7%") } },
    { name: "with その他", sheets: { PJ4: shares("男：80.0% 女：19.5% その他：0.5%") } },
    { name: "rounded shares within their precision (33.3 × 3)", sheets: { PJ4: shares("男：33.3% 女：33.3% その他：33.3%") } },
    { name: "a blank 項目 in the one-item group", sheets: { PJ4: shares("男：89.0% 女：11.0%", null) } },
    {
      name: "one share per row, as percentage-formatted numbers",
      sheets: [
        {
          name: "PJ1",
          rows: [
            [{ value: "統合プロジェクト" }, { value: "PJ1" }],
            H.map((h) => ({ value: h })),
            [{ value: "7" }, { value: "人的ダイバーシティ" }, { value: "—" }, undefined, { value: "男" }, undefined, { value: 0.89, numFmt: "0.0%" }],
            [undefined, undefined, undefined, undefined, { value: "女" }, undefined, { value: 0.11, numFmt: "0.0%" }],
          ],
        },
      ],
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
          cell: "G3",
          message: expect.stringMatching(/の合計が 99\.0% で、100% になりません（男 89\.0 \+ 女 10\.0）。$/),
          expected: 100,
          actual: 99,
        },
      ],
    },
    {
      name: "one share per row adding up to 101%",
      sheets: [
        {
          name: "PJ1",
          rows: [
            [{ value: "統合プロジェクト" }, { value: "PJ1" }],
            H.map((h) => ({ value: h })),
            [{ value: "7" }, { value: "人的ダイバーシティ" }, { value: "—" }, undefined, { value: "男" }, undefined, { value: 0.9, numFmt: "0.0%" }],
            [undefined, undefined, undefined, undefined, { value: "女" }, undefined, { value: 0.11, numFmt: "0.0%" }],
          ],
        },
      ],
      findings: [{ cell: "G3", cells: ["G3", "G4"], actual: 101 }],
    },
  ],
});
