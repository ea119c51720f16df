import { indicator } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import { rule } from "./invalid";

const H = [...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗", "判定", "進捗の詳細", "備考"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 年度目標, H 実績, I 達成率, J 進捗, K 判定, L 詳細, M 備考
const sheet = outputSheetOf(H);
const row = (n: string, grade: string | null, category = "全体目標") => [
  n,
  category,
  `指標${n}`,
  130,
  "年度",
  "R7-R11",
  null,
  158,
  null,
  grade,
];

runRuleTests(rule, {
  valid: [
    { name: "A, B and not assessed", sheets: sheet(row("1", "A"), row("2", "B"), row("3", "-"), row("4", "—")) },
    { name: "full-width and lower-case letters are typing variants", sheets: sheet(row("1", "Ａ"), row("2", "b")) },
    { name: "an empty grade is grade/missing, not invalid", sheets: sheet(row("1", null)) },
    { name: "outcome rows are exempt", sheets: sheet(row("O1", "済", "アウトカム")) },
  ],
  invalid: [
    {
      name: "a grade C",
      sheets: sheet(row("1", "A"), row("2", "C")),
      findings: [
        {
          rule: "grade/invalid",
          severity: "error",
          sheet: "アウトプット指標",
          cell: "J4",
          messageId: "invalid",
          data: { row: indicator("2"), text: "C" },
        },
      ],
    },
    {
      name: "prose in the grade column, columns in another order below a title",
      sheets: {
        PJ: [
          ["第3期 アウトプット指標"],
          ["報告年度：令和7年度"],
          [],
          ["進捗", "指標", "番号", "実績", "目標値"],
          ["順調", "企業導出件数", "1", "158件", "130件"],
          ["※ 進捗は A・B で記入"],
        ],
      },
      findings: [
        {
          rule: "grade/invalid",
          cell: "A5",
          messageId: "invalid",
          data: { row: indicator("1"), text: "順調" },
        },
      ],
    },
  ],
});
