/**
 * The finding ratio/mismatch, target/annual-share, change/amount and change/rate give (one shared check,
 * src/core/rules/shared/typed-vs-computed.ts), for their tables: a typed value that differs from Kensa's.
 */
import type { RuleId } from "../../../src/core/rules/rule";
import type { TestedFinding } from "../../support/rule-tester";
import { breakdown } from "../../support/sheets";

/** A 予算内訳 whose 増減額 and 増減率 are what Kensa computes, ▲ for a decrease (change/amount, change/rate). */
export const CHANGES_AS_COMPUTED = {
  予算内訳: breakdown(["明細", "A事業", 10, 12, 2, "20.0%"], ["明細", "B事業", 5, 4, "▲1", "▲20.0%"]),
};

/** A figure as the message shows it ("35.0%") and as the finding carries it (35; percent cells in percent). */
type Shown = [text: string, value: number];

/**
 * The findings of `rule` on `sheet`: an error at `cell`, whose label the reader quotes as `label`
 * (「A事業」の「増減額」), where `typed` differs from the `computed` value; the fix writes `formula` back when the
 * table gives one.
 */
export function typedMismatchOf(rule: RuleId, sheet: string) {
  return (cell: string, label: string, typed: Shown, computed: Shown, formula?: string): Partial<TestedFinding> => ({
    rule,
    severity: "error",
    sheet,
    cell,
    messageId: "mismatch",
    data: { label: { quote: label }, typed: typed[0], computed: computed[0] },
    actual: typed[1],
    expected: computed[1],
    ...(formula === undefined ? {} : { fix: { sheet, cell, formula } }),
  });
}
