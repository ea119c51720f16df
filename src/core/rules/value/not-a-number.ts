import type { Rule } from "../rule";
import { numericBuckets } from "../shared/numeric-cells";
import type { NotANumber } from "../../values/types";

type PlainReason = Exclude<NotANumber["reason"], "approximate">;

const REASONS: Record<PlainReason, { ja: string; en: string }> = {
  text: { ja: "数値として読めません", en: "is not a number" },
  date: { ja: "日付になっています（数値を入力してください）", en: "is a date, not a number" },
  boolean: { ja: "TRUE/FALSEになっています（数値を入力してください）", en: "is TRUE/FALSE, not a number" },
  "too-large": { ja: "値が大きすぎます（入力誤りの可能性があります）", en: "is implausibly large" },
};

/** Longest text quoted in a message. */
const MAX_QUOTE = 60;

export const rule: Rule = {
  meta: {
    id: "value/not-a-number",
    severity: "error",
    description: {
      ja: "数値の欄に数値として読めない値がある",
      en: "A numeric cell holds something that is not a number",
    },
    messages: {
      notANumber: {
        ja: "「{row}」の「{column}」の値「{text}」は{reasonJa}。",
        en: "“{column}” of “{row}”: “{text}” {reasonEn}.",
      },
      approximate: {
        ja: "「{row}」の「{column}」の値「{text}」は概数です（「{qualifier}」）。集計・比較には正確な数値を入力してください。",
        en: "“{column}” of “{row}”: “{text}” is an approximate figure (“{qualifier}”). Enter the exact figure so that it can be summed and compared.",
      },
      approximatePart: {
        ja: "「{row}」の「{column}」の値「{text}」のうち「{figure}」は概数です（「{qualifier}」）。集計・比較には正確な数値を入力してください。",
        en: "“{column}” of “{row}”: “{figure}” in “{text}” is an approximate figure (“{qualifier}”). Enter the exact figure so that it can be summed and compared.",
      },
    },
  },
  check(ctx) {
    return numericBuckets(ctx).notANumber.map((c) => {
      const p = c.parsed as NotANumber;
      const base = { row: c.rowLabel || c.cell, column: c.column, text: p.text.slice(0, MAX_QUOTE) };
      if (p.reason === "approximate" && p.approximate) {
        const { qualifier, figure } = p.approximate;
        const whole = figure === p.text;
        return {
          messageId: whole ? "approximate" : "approximatePart",
          data: whole ? { ...base, qualifier } : { ...base, qualifier, figure: figure.slice(0, MAX_QUOTE) },
          sheet: c.sheet,
          cell: c.cell,
        };
      }
      const reason = REASONS[p.reason === "approximate" ? "text" : p.reason];
      return {
        messageId: "notANumber",
        data: { ...base, reasonJa: reason.ja, reasonEn: reason.en },
        sheet: c.sheet,
        cell: c.cell,
      };
    });
  },
};
