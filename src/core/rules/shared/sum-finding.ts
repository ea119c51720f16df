/**
 * The finding of a stated total against the sum of its parts, shared by total/row (インハウス予算) and sum/subtotal
 * (予算内訳), with their messages. What a total takes and how parts are summed is the readers' business
 * (src/core/sheets/inhouse/amounts.ts); what is said about it is the rules'.
 */
import { showAmount, type AmountCell } from "../../sheets/inhouse/amount-cell";
import { evaluateSum, type SumPart } from "../../sheets/inhouse/sums";
import { formatNumber } from "../../values/format";
import type { MessageValue } from "../message";
import type { FindingOf } from "../rule";

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
  /** SUM formula over the parts, when one fits: asked only for a mismatch, the one finding that proposes it. */
  formula: () => { formula: string; runs: number } | undefined;
}

/**
 * The finding for a stated total vs its parts, or undefined when it agrees (or cannot be compared).
 * Message ids: mismatch (error), rounding (info), partial (info), partialExceeds (error), allBlank and empty
 * (info). Only a mismatch proposes a fix: a difference within rounding is no error to correct.
 */
export function sumFinding(check: SumCheck): SumFinding | undefined {
  const statedFig = check.stated.figure;
  const outcome = evaluateSum(statedFig, check.parts, check.unit);
  if (outcome.status === "equal" || outcome.status === "skip" || !statedFig) return undefined;
  const cells = [check.stated.cell, ...check.parts.map((p) => p.amount.cell)];
  const at = { sheet: check.sheet, cell: check.stated.cell, cells };
  // each message is given the data it names
  const total = { row: check.rowLabel, column: check.column, stated: showAmount(statedFig), what: WHAT };
  const sum = { ...total, sum: showAmount(outcome.sum), parts: describeParts(check.parts) };
  const partial = { ...sum, missing: outcome.missing, count: check.parts.length };
  switch (outcome.status) {
    case "empty":
      return { ...at, messageId: "empty", severity: "info", data: total };
    case "all-blank":
      return { ...at, messageId: "allBlank", severity: "info", data: { ...total, whatOne: WHAT_ONE } };
    case "partial":
      return { ...at, messageId: "partial", severity: "info", actual: statedFig.value, data: partial };
    case "partial-exceeds":
      return { ...at, messageId: "partialExceeds", severity: "error", actual: statedFig.value, data: partial };
    case "rounding":
      return {
        ...at,
        messageId: "rounding",
        severity: "info",
        expected: outcome.sum.value,
        actual: statedFig.value,
        data: sum,
      };
    default: {
      const formula = check.formula();
      const fix =
        formula && formula.runs === 1
          ? { sheet: check.sheet, cell: check.stated.cell, formula: formula.formula }
          : { sheet: check.sheet, cell: check.stated.cell, value: outcome.sum.value };
      return {
        ...at,
        messageId: "mismatch",
        severity: "error",
        expected: outcome.sum.value,
        actual: statedFig.value,
        fix,
        data: sum,
      };
    }
  }
}

const WHAT = { phrase: "what" } as const;
const WHAT_ONE = { phrase: "whatOne" } as const;

/** "理化学研究所 577 + 量子科学技術研究開発機構 218" (names when few parts, values only when more, a count when many). */
function describeParts(parts: SumPart[]): MessageValue<SumPhrase> {
  const shown = (p: SumPart): MessageValue<SumPhrase> => {
    const f = p.figure;
    if (f) return formatNumber(f.value, f.decimals);
    if (p.amount.placeholder) return p.amount.text;
    return { phrase: "blank" };
  };
  if (parts.length <= 6)
    return {
      list: parts.map((p) => (p.name ? { list: [p.name, shown(p)], style: "space" } : shown(p))),
      style: "plus",
    };
  if (parts.length <= 15) return { list: parts.map(shown), style: "plus" };
  return { phrase: "sumOfRows", data: { count: parts.length } };
}

/**
 * The phrases a sum rule names its parts with, in Japanese and English (one and several): 「機関の行」,
 * “institute rows”, “institute row”.
 */
export function sumPhrases(ja: string, en: { one: string; many: string }) {
  return { what: { ja, en: en.many }, whatOne: { ja, en: en.one } } as const;
}

type SumPhrase = keyof ReturnType<typeof sumPhrases>;

export type SumFinding = FindingOf<typeof SUM_MESSAGES, SumPhrase>;

/** The messages both sum rules share; {what} and {whatOne} name the parts (sumPhrases). */
export const SUM_MESSAGES = {
  mismatch: {
    ja: "「{row}」の「{column}」{stated}が{what}の合計{sum}と一致しません（{parts}）。",
    en: "“{column}” of “{row}” ({stated}) differs from the sum of its {what}, {sum} ({parts}).",
  },
  rounding: {
    ja: "「{row}」の「{column}」{stated}と{what}の合計{sum}の差は、端数処理（四捨五入）の範囲内です（{parts}）。",
    en: "“{column}” of “{row}” ({stated}) differs from the sum of its {what}, {sum}, only by rounding ({parts}).",
  },
  partial: {
    ja: "「{row}」の「{column}」{stated}は、{what}のうち空欄・読めない値{missing}件を除いた一部の合計{sum}としか照合できません（{parts}）。",
    en: "“{column}” of “{row}” ({stated}) could only be compared with the partial sum {sum} (blank or unreadable: {missing} of {count} {what}; {parts}).",
  },
  partialExceeds: {
    ja: "「{row}」の「{column}」{stated}が、空欄・読めない値{missing}件を除いた{what}の一部の合計{sum}よりも小さくなっています（{parts}）。",
    en: "“{column}” of “{row}” ({stated}) is below even the partial sum {sum} of its {what} (blank or unreadable: {missing} of {count}; {parts}).",
  },
  allBlank: {
    ja: "「{row}」の「{column}」{stated}は、{what}がすべて空欄のため照合できません。",
    en: "“{column}” of “{row}” ({stated}) cannot be checked: every {whatOne} is blank.",
  },
  empty: {
    ja: "「{row}」の「{column}」{stated}に対応する{what}がありません。",
    en: "“{column}” of “{row}” ({stated}) has no {what} to add up.",
  },
} as const;
