import type { Rule } from "../rule";
import { numericBuckets } from "../shared/numeric-cells";
import type { NotANumber } from "../../values/types";

const REASONS = {
  text: { ja: "数値として読めません", en: "is not a number" },
  date: { ja: "日付になっています（数値を入力してください）", en: "is a date, not a number" },
  boolean: { ja: "TRUE/FALSE になっています（数値を入力してください）", en: "is TRUE/FALSE, not a number" },
  "too-large": { ja: "値が大きすぎます（入力誤りの可能性があります）", en: "is implausibly large" },
};

export const rule: Rule = {
  meta: {
    id: "value/not-a-number",
    severity: "error",
    description: { ja: "数値の欄に数値として読めない値がある", en: "A numeric cell holds something that is not a number" },
    messages: {
      notANumber: { ja: "{row} の {column} の値「{text}」は{reasonJa}。", en: "{column} of {row}: “{text}” {reasonEn}." },
    },
  },
  check(ctx) {
    return numericBuckets(ctx).notANumber.map((c) => {
      const p = c.parsed as NotANumber;
      const reason = REASONS[p.reason];
      return {
        messageId: "notANumber",
        data: { row: c.rowLabel || c.cell, column: c.column, text: p.text.slice(0, 60), reasonJa: reason.ja, reasonEn: reason.en },
        sheet: c.sheet,
        cell: c.cell,
      };
    });
  },
};
