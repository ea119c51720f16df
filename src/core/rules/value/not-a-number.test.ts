import { findingsOf, runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as notANumber } from "./not-a-number";

runRuleTests(notANumber, {
  valid: [
    {
      name: "numbers, text with units and full-width digits",
      sheets: { 予算: inhouse(["理研", "文", "１，０２０", "306億円", 3]) },
    },
    { name: "▲ and △ are minus signs, not text", sheets: { 予算: inhouse(["A", "文", 100, 50, "△2"]) } },
    {
      name: "a space before the unit (seed 002: ４６７．３ 億円)",
      sheets: { 予算: inhouse(["理研", "文", "４６７．３ 億円", "158 億円", 3]) },
    },
    {
      name: "a word ending in 約 is a label, not a qualifier",
      sheets: { 予算: inhouse(["理研", "文", "契約 100億円", 50]) },
    },
    { name: "a remark in brackets", sheets: { 予算: inhouse(["理研", "文", "100億円（約半分が運営費交付金）", 50]) } },
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
      name: "an approximate figure names its qualifier and asks for the exact figure",
      sheets: { 予算: inhouse(["理研", "文", "約70億円", "50億円程度"]) },
      findings: [
        {
          rule: "value/not-a-number",
          severity: "error",
          cell: "C4",
          message:
            "「理研」の「全体」の値「約70億円」は概数です（「約」）。集計・比較には正確な数値を入力してください。",
        },
        {
          cell: "D4",
          message:
            "「理研」の「健康・医療関係」の値「50億円程度」は概数です（「程度」）。集計・比較には正確な数値を入力してください。",
        },
      ],
    },
    {
      name: "every approximate form is reported, full-width too",
      sheets: {
        予算: inhouse(
          ["A", "文", "概ね70"],
          ["B", "文", "おおむね70"],
          ["C", "文", "７０前後"],
          ["D", "文", "70強"],
          ["E", "文", "70弱"],
          ["F", "文", "～70"],
          ["G", "文", "70億円くらい"],
          ["H", "文", "約　７０億円"],
        ),
      },
      findings: [
        { cell: "C4", message: expect.stringContaining("（「概ね」）") },
        { cell: "C5", message: expect.stringContaining("（「おおむね」）") },
        { cell: "C6", message: expect.stringContaining("（「前後」）") },
        { cell: "C7", message: expect.stringContaining("（「強」）") },
        { cell: "C8", message: expect.stringContaining("（「弱」）") },
        { cell: "C9", message: expect.stringContaining("（「～」）") },
        { cell: "C10", message: expect.stringContaining("（「くらい」）") },
        { cell: "C11", message: expect.stringContaining("「約　７０億円」は概数です（「約」）") },
      ],
    },
    {
      name: "an approximate part of a composite value is named within it",
      sheets: { 予算: inhouse(["理研", "文", "12億円（約9億円／3億円）", 5]) },
      findings: [
        {
          cell: "C4",
          message:
            "「理研」の「全体」の値「12億円（約9億円／3億円）」のうち「約9億円」は概数です（「約」）。集計・比較には正確な数値を入力してください。",
        },
      ],
    },
    {
      name: "an approximate result of an outcome indicator is reported too (outcome rows have no target)",
      sheets: {
        アウトプット指標: [
          ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "実績", "進捗"],
          ["O1", "アウトカム", "薬事承認", null, null, null, "約31件", null],
        ],
      },
      findings: [{ cell: "G2", message: expect.stringContaining("（「約」）") }],
    },
    {
      name: "a bound is not approximate: plain not-a-number",
      sheets: { 予算: inhouse(["理研", "文", "70億円以上", 5]) },
      findings: [{ cell: "C4", message: "「理研」の「全体」の値「70億円以上」は数値として読めません。" }],
    },
    {
      name: "text that looks like a formula stays text and is reported",
      sheets: { 予算: inhouse(["理研", "文", "=1+1", 50]) },
      findings: [{ cell: "C4", message: expect.stringContaining("=1+1") }],
    },
  ],
});

describe("value/not-a-number in English", () => {
  test("an approximate figure, whole and as a part", () => {
    const found = findingsOf(
      notANumber,
      { 予算: inhouse(["理研", "文", "約70億円", "12億円（約9億円／3億円）"]) },
      "en",
    );
    expect(found.map((f) => f.message)).toEqual([
      "“全体” of “理研”: “約70億円” is an approximate figure (“約”). Enter the exact figure so that it can be summed and compared.",
      "“健康・医療関係” of “理研”: “約9億円” in “12億円（約9億円／3億円）” is an approximate figure (“約”). Enter the exact figure so that it can be summed and compared.",
    ]);
  });
});
