import { runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as notANumber } from "./not-a-number";
import { rule as formulaError } from "./formula-error";
import { rule as missing } from "./missing";
import { rule as negative } from "./negative";
import { rule as placeholder } from "./placeholder";
import { sheetFromValues, type Cell, type Sheet } from "../../model/workbook";

function withCell(sheet: Sheet, row: number, col: number, cell: Cell): Sheet {
  (sheet.rows[row] ??= [])[col] = cell;
  return sheet;
}

runRuleTests(notANumber, {
  valid: [
    { name: "numbers, text with units and full-width digits", sheets: { 予算: inhouse(["理研", "文", "１，０２０", "306億円", 3]) } },
    { name: "▲ and △ are minus signs, not text", sheets: { 予算: inhouse(["A", "文", 100, 50, "△2"]) } },
  ],
  invalid: [
    {
      name: "text in an amount cell",
      sheets: { 予算: inhouse(["理研", "文", "未定", 50]) },
      findings: [{ cell: "C4", severity: "error", message: expect.stringContaining("「未定」") }],
    },
    {
      name: "a date in an amount cell",
      sheets: { 予算: inhouse(["理研", "文", new Date(Date.UTC(2025, 3, 1)), 50]) },
      findings: [{ cell: "C4", message: expect.stringContaining("日付") }],
    },
    {
      name: "an absurdly large value",
      sheets: { 予算: inhouse(["理研", "文", 1e300, 50]) },
      findings: [{ cell: "C4", message: expect.stringContaining("大きすぎ") }],
    },
    {
      name: "text that looks like a formula stays text and is reported",
      sheets: { 予算: inhouse(["理研", "文", "=1+1", 50]) },
      findings: [{ cell: "C4", message: expect.stringContaining("=1+1") }],
    },
  ],
});

runRuleTests(formulaError, {
  valid: [{ name: "no error values", sheets: { 予算: inhouse(["理研", "文", 100, 50]) } }],
  invalid: [
    {
      name: "#REF! cached in a formula",
      sheets: [withCell(sheetFromValues("予算", inhouse(["理研", "文", 100])), 3, 3, { value: { error: "#REF!" }, formula: "Sheet2!A1" })],
      findings: [{ cell: "D4", severity: "error", message: expect.stringContaining("#REF!") }],
    },
    {
      name: "#DIV/0! typed as text",
      sheets: { 予算: inhouse(["理研", "文", "#DIV/0!", 50]) },
      findings: [{ cell: "C4", message: expect.stringContaining("#DIV/0!") }],
    },
  ],
});

runRuleTests(missing, {
  valid: [
    { name: "external funds may be empty", sheets: { 予算: inhouse(["理研", "文", 100, 50]) } },
  ],
  invalid: [
    {
      name: "seed 000: 健康・医療関係 left blank",
      sheets: { 予算: inhouse(["国立健康危機管理研究機構", "厚", 170]) },
      findings: [{ cell: "D4", severity: "error", message: "国立健康危機管理研究機構 の 健康・医療関係 が空欄です。" }],
    },
  ],
});

runRuleTests(negative, {
  valid: [{ name: "positive amounts", sheets: { 予算: inhouse(["理研", "文", 100, 50, 0]) } }],
  invalid: [
    {
      name: "▲ in a budget amount",
      sheets: { 予算: inhouse(["理研", "文", 100, "▲5"]) },
      findings: [{ cell: "D4", severity: "error", actual: -5 }],
    },
  ],
});

runRuleTests(placeholder, {
  valid: [{ name: "no dashes", sheets: { 予算: inhouse(["理研", "文", 100, 50, 3]) } }],
  invalid: [
    {
      name: "a dash in 外部資金 is info",
      sheets: { 予算: inhouse(["科学技術振興機構", "文", 100, 50, "—"]) },
      findings: [{ cell: "E4", severity: "info" }],
    },
    {
      name: "a dash in 全体 is an error",
      sheets: { 予算: inhouse(["理研", "文", "－", 50]) },
      findings: [{ cell: "C4", severity: "error", message: expect.stringContaining("数値が必要") }],
    },
  ],
});
