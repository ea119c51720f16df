import { findingsOf, runRuleTests } from "../../../../test/support/rule-tester";
import { inhouse } from "../../../../test/support/sheets";
import { rule as notANumber } from "./not-a-number";

/** A value that is no number at `cell`, named by its row and column, with why (text, date, too-large). */
const notANumberAt = (cell: string, row: string, column: string, text: string, reason: string) => ({
  cell,
  messageId: "notANumber",
  data: { row, column, text, reason: { phrase: reason } },
});
/** An approximate figure at `cell`, named by its row and column, with the qualifier that makes it so (約, 程度 …). */
const approximateAt = (cell: string, row: string, column: string, text: string, qualifier: string) => ({
  cell,
  messageId: "approximate",
  data: { row, column, text, qualifier },
});

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
      findings: [{ severity: "error", ...notANumberAt("C4", "理研", "全体", "未定", "text") }],
    },
    {
      name: "a date in an amount cell",
      sheets: { 予算: inhouse(["理研", "文", new Date(Date.UTC(2025, 3, 1)), 50]) },
      findings: [notANumberAt("C4", "理研", "全体", "2025-04-01", "date")],
    },
    {
      name: "an absurdly large value",
      sheets: { 予算: inhouse(["理研", "文", 1e300, 50]) },
      findings: [notANumberAt("C4", "理研", "全体", "1e+300", "too-large")],
    },
    {
      name: "an approximate figure names its qualifier and asks for the exact figure",
      sheets: { 予算: inhouse(["理研", "文", "約70億円", "50億円程度"]) },
      findings: [
        {
          rule: "value/not-a-number",
          severity: "error",
          ...approximateAt("C4", "理研", "全体", "約70億円", "約"),
        },
        approximateAt("D4", "理研", "健康・医療関係", "50億円程度", "程度"),
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
        approximateAt("C4", "A", "全体", "概ね70", "概ね"),
        approximateAt("C5", "B", "全体", "おおむね70", "おおむね"),
        approximateAt("C6", "C", "全体", "７０前後", "前後"),
        approximateAt("C7", "D", "全体", "70強", "強"),
        approximateAt("C8", "E", "全体", "70弱", "弱"),
        approximateAt("C9", "F", "全体", "～70", "～"),
        approximateAt("C10", "G", "全体", "70億円くらい", "くらい"),
        approximateAt("C11", "H", "全体", "約　７０億円", "約"),
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
      findings: [approximateAt("G2", "指標O1", "実績", "約31件", "約")],
    },
    {
      name: "a bound is not approximate: plain not-a-number",
      sheets: { 予算: inhouse(["理研", "文", "70億円以上", 5]) },
      findings: [notANumberAt("C4", "理研", "全体", "70億円以上", "text")],
    },
    {
      name: "text that looks like a formula stays text and is reported",
      sheets: { 予算: inhouse(["理研", "文", "=1+1", 50]) },
      findings: [notANumberAt("C4", "理研", "全体", "=1+1", "text")],
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
