import { sheetPhrase } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { workbook, type PjData } from "../../../../test/support/rollup-sheets";
import { rule } from "./duplicate-project";

const all: PjData[] = Array.from({ length: 8 }, () => ({ support: ["1件", "1件", "0件", "0件"] }));
const book = workbook({ support: ["8件", "8件", "0件", "0件"] }, all);

runRuleTests(rule, {
  valid: [
    { name: "全体 and PJ1–PJ8 once each, whatever the sheets are called", sheets: book },
    {
      name: "a PJ missing is structure/rollup-skipped's business",
      sheets: Object.fromEntries(Object.entries(book).filter(([n]) => n !== "シート4")),
    },
    {
      name: "two sheets with the same name pattern but different projects",
      sheets: { ...book, 控え: book["シート1"].map((r, i) => (i === 0 ? ["統合プロジェクト", "PJ9"] : r)) },
    },
  ],
  invalid: [
    {
      name: "a PJ sheet copied: the copy is the error, pointing at its 統合プロジェクト cell and naming the first",
      sheets: { ...book, 控え: book["シート3"] },
      findings: [
        {
          rule: "structure/duplicate-project",
          severity: "error",
          sheet: "控え",
          cell: "B1",
          cells: ["B1", "'シート3'!B1"],
          messageId: "duplicate",
          data: {
            project: "PJ3",
            first: sheetPhrase("シート3"),
            here: sheetPhrase("控え"),
          },
        },
      ],
    },
    {
      name: "two 全体 sheets, the project written differently (`全体` / `統合プロジェクト：全体`)",
      sheets: { 全体の写し: [["統合プロジェクト：全体"], ...book["集計"].slice(1)], ...book },
      findings: [
        {
          sheet: "集計",
          cell: "B1",
          cells: ["B1", "'全体の写し'!A1"],
          messageId: "duplicate",
          data: {
            project: "全体",
            first: sheetPhrase("全体の写し"),
            here: sheetPhrase("集計"),
          },
        },
      ],
    },
  ],
});
