/**
 * The finding of a stated total against the sum of its parts, shared by total/row (インハウス予算) and sum/subtotal
 * (予算内訳), with their messages. What a total takes and how parts are summed is the readers' business
 * (src/core/sheets/inhouse/amounts.ts); what is said about it is the rules'.
 */
import { describeParts, evaluateSum, showAmount, type AmountCell, type SumPart } from "../../sheets/inhouse/amounts";
import type { Messages, RuleFinding } from "../rule";

export interface SumCheck {
  sheet: string;
  /** The stated total's cell. */
  stated: AmountCell;
  /** "小計（文部科学省）", "合計". */
  rowLabel: string;
  /** "全体", "令和7年度予算額". */
  column: string;
  parts: SumPart[];
  unit: string;
  /** SUM formula over the parts, when one fits. */
  formula?: { formula: string; runs: number };
}

/**
 * The finding for a stated total vs its parts, or undefined when it agrees (or cannot be compared).
 * Message ids: mismatch (error), rounding (info), partial (info), partialExceeds (error), allBlank and empty
 * (info). Only a mismatch proposes a fix: a difference within rounding is no error to correct.
 */
export function sumFinding(check: SumCheck): RuleFinding | undefined {
  const statedFig = check.stated.figure;
  const outcome = evaluateSum(statedFig, check.parts, check.unit);
  if (outcome.status === "equal" || outcome.status === "skip" || !statedFig) return undefined;
  const cells = [check.stated.cell, ...check.parts.map((p) => p.amount.cell)];
  const data = {
    row: check.rowLabel,
    column: check.column,
    stated: showAmount(statedFig),
    sum: showAmount(outcome.sum),
    parts: describeParts(check.parts, "ja"),
    partsEn: describeParts(check.parts, "en"),
    missing: outcome.missing,
    count: check.parts.length,
  };
  const base = { data, sheet: check.sheet, cell: check.stated.cell, cells };
  switch (outcome.status) {
    case "empty":
      return { ...base, messageId: "empty", severity: "info" };
    case "all-blank":
      return { ...base, messageId: "allBlank", severity: "info" };
    case "partial":
      return { ...base, messageId: "partial", severity: "info", actual: statedFig.value };
    case "partial-exceeds":
      return { ...base, messageId: "partialExceeds", severity: "error", actual: statedFig.value };
    case "rounding":
      return { ...base, messageId: "rounding", severity: "info", expected: outcome.sum.value, actual: statedFig.value };
    default: {
      const fix =
        check.formula && check.formula.runs === 1
          ? { sheet: check.sheet, cell: check.stated.cell, formula: check.formula.formula }
          : { sheet: check.sheet, cell: check.stated.cell, value: outcome.sum.value };
      return {
        ...base,
        messageId: "mismatch",
        severity: "error",
        expected: outcome.sum.value,
        actual: statedFig.value,
        fix,
      };
    }
  }
}

/**
 * The messages both sum rules share; `what` names the parts in Japanese (「機関の行」, 「内訳」) and in English,
 * one and several (“institute row”, “institute rows”).
 */
export function sumMessages(whatJa: string, whatEn: { one: string; many: string }): Messages {
  return {
    mismatch: {
      ja: `「{row}」の「{column}」{stated}が${whatJa}の合計{sum}と一致しません（{parts}）。`,
      en: `“{column}” of “{row}” ({stated}) differs from the sum of its ${whatEn.many}, {sum} ({partsEn}).`,
    },
    rounding: {
      ja: `「{row}」の「{column}」{stated}と${whatJa}の合計{sum}の差は、端数処理（四捨五入）の範囲内です（{parts}）。`,
      en: `“{column}” of “{row}” ({stated}) differs from the sum of its ${whatEn.many}, {sum}, only by rounding ({partsEn}).`,
    },
    partial: {
      ja: `「{row}」の「{column}」{stated}は、${whatJa}のうち空欄・読めない値{missing}件を除いた一部の合計{sum}としか照合できません（{parts}）。`,
      en: `“{column}” of “{row}” ({stated}) could only be compared with the partial sum {sum} (blank or unreadable: {missing} of {count} ${whatEn.many}; {partsEn}).`,
    },
    partialExceeds: {
      ja: `「{row}」の「{column}」{stated}が、空欄・読めない値{missing}件を除いた${whatJa}の一部の合計{sum}よりも小さくなっています（{parts}）。`,
      en: `“{column}” of “{row}” ({stated}) is below even the partial sum {sum} of its ${whatEn.many} (blank or unreadable: {missing} of {count}; {partsEn}).`,
    },
    allBlank: {
      ja: `「{row}」の「{column}」{stated}は、${whatJa}がすべて空欄のため照合できません。`,
      en: `“{column}” of “{row}” ({stated}) cannot be checked: every ${whatEn.one} is blank.`,
    },
    empty: {
      ja: `「{row}」の「{column}」{stated}に対応する${whatJa}がありません。`,
      en: `“{column}” of “{row}” ({stated}) has no ${whatEn.many} to add up.`,
    },
  };
}
