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
      findings: [
        {
          cell: "C4",
          severity: "error",
          messageId: "notANumber",
          data: { row: "理研", column: "全体", text: "未定", reason: { phrase: "text" } },
        },
      ],
    },
    {
      name: "a date in an amount cell",
      sheets: { 予算: inhouse(["理研", "文", new Date(Date.UTC(2025, 3, 1)), 50]) },
      findings: [
        {
          cell: "C4",
          messageId: "notANumber",
          data: { row: "理研", column: "全体", text: "2025-04-01", reason: { phrase: "date" } },
        },
      ],
    },
    {
      name: "an absurdly large value",
      sheets: { 予算: inhouse(["理研", "文", 1e300, 50]) },
      findings: [
        {
          cell: "C4",
          messageId: "notANumber",
          data: { row: "理研", column: "全体", text: "1e+300", reason: { phrase: "too-large" } },
        },
      ],
    },
    {
      name: "an approximate figure names its qualifier and asks for the exact figure",
      sheets: { 予算: inhouse(["理研", "文", "約70億円", "50億円程度"]) },
      findings: [
        {
          rule: "value/not-a-number",
          severity: "error",
          cell: "C4",
          messageId: "approximate",
          data: { row: "理研", column: "全体", text: "約70億円", qualifier: "約" },
        },
        {
          cell: "D4",
          messageId: "approximate",
          data: { row: "理研", column: "健康・医療関係", text: "50億円程度", qualifier: "程度" },
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
        { cell: "C4", messageId: "approximate", data: { row: "A", column: "全体", text: "概ね70", qualifier: "概ね" } },
        {
          cell: "C5",
          messageId: "approximate",
          data: { row: "B", column: "全体", text: "おおむね70", qualifier: "おおむね" },
        },
        {
          cell: "C6",
          messageId: "approximate",
          data: { row: "C", column: "全体", text: "７０前後", qualifier: "前後" },
        },
        { cell: "C7", messageId: "approximate", data: { row: "D", column: "全体", text: "70強", qualifier: "強" } },
        { cell: "C8", messageId: "approximate", data: { row: "E", column: "全体", text: "70弱", qualifier: "弱" } },
        { cell: "C9", messageId: "approximate", data: { row: "F", column: "全体", text: "～70", qualifier: "～" } },
        {
          cell: "C10",
          messageId: "approximate",
          data: { row: "G", column: "全体", text: "70億円くらい", qualifier: "くらい" },
        },
        {
          cell: "C11",
          messageId: "approximate",
          data: { row: "H", column: "全体", text: "約　７０億円", qualifier: "約" },
        },
      ],
    },
    {
      name: "an approximate part of a composite value is named within it",
      sheets: { 予算: inhouse(["理研", "文", "12億円（約9億円／3億円）", 5]) },
      findings: [
        {
          cell: "C4",
          messageId: "approximatePart",
          data: { row: "理研", column: "全体", text: "12億円（約9億円／3億円）", qualifier: "約", figure: "約9億円" },
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
      findings: [
        {
          cell: "G2",
          messageId: "approximate",
          data: { row: "指標O1", column: "実績", text: "約31件", qualifier: "約" },
        },
      ],
    },
    {
      name: "a bound is not approximate: plain not-a-number",
      sheets: { 予算: inhouse(["理研", "文", "70億円以上", 5]) },
      findings: [
        {
          cell: "C4",
          messageId: "notANumber",
          data: { row: "理研", column: "全体", text: "70億円以上", reason: { phrase: "text" } },
        },
      ],
    },
    {
      name: "text that looks like a formula stays text and is reported",
      sheets: { 予算: inhouse(["理研", "文", "=1+1", 50]) },
      findings: [
        {
          cell: "C4",
          messageId: "notANumber",
          data: { row: "理研", column: "全体", text: "=1+1", reason: { phrase: "text" } },
        },
      ],
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
