import { defineRule } from "../rule";
import { numericBuckets } from "../shared/numeric-cells";
import type { NotANumber } from "../../values/types";

type PlainReason = Exclude<NotANumber["reason"], "approximate">;

/** Why a value is not a number, as the message says it. */
const REASONS = {
  text: { ja: "数値として読めません", en: "is not a number" },
  date: { ja: "日付になっています（数値を入力してください）", en: "is a date, not a number" },
  boolean: { ja: "TRUE/FALSEになっています（数値を入力してください）", en: "is TRUE/FALSE, not a number" },
  "too-large": { ja: "値が大きすぎます（入力誤りの可能性があります）", en: "is implausibly large" },
} as const satisfies Record<PlainReason, { ja: string; en: string }>;

/** Longest text quoted in a message. */
const MAX_QUOTE = 60;

export const rule = defineRule({
  meta: {
    id: "value/not-a-number",
    severity: "error",
    description: {
      ja: "数値の欄に数値として読めない値がある",
      en: "A numeric cell holds something that is not a number",
    },
    messages: {
      notANumber: {
        ja: "「{row}」の「{column}」の値「{text}」は{reason}。",
        en: "“{column}” of “{row}”: “{text}” {reason}.",
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
    phrases: REASONS,
  },
  check(ctx) {
    return numericBuckets(ctx).notANumber.map((c) => {
      const p = c.parsed as NotANumber;
      const base = { row: c.rowLabel || c.cell, column: c.column, text: p.text.slice(0, MAX_QUOTE) };
      if (p.reason === "approximate" && p.approximate) {
        const { qualifier, figure } = p.approximate;
        const at = { sheet: c.sheet, cell: c.cell };
        if (figure === p.text) return { messageId: "approximate", data: { ...base, qualifier }, ...at } as const;
        const part = figure.slice(0, MAX_QUOTE);
        return { messageId: "approximatePart", data: { ...base, qualifier, figure: part }, ...at } as const;
      }
      return {
        messageId: "notANumber",
        data: { ...base, reason: { phrase: p.reason === "approximate" ? "text" : p.reason } },
        sheet: c.sheet,
        cell: c.cell,
      } as const;
    });
  },
});
