/**
 * The check of the four rules that compare a value a person typed into a computed column with the value Kensa
 * computes there (ratio/mismatch, target/annual-share, change/amount, change/rate), and the message they share.
 * Each rule picks its kind of computed cell; the comparison is at the typed value's displayed precision (DOMAIN §2.2).
 */
import type { ComputedCell, ComputedKind } from "../../sheets/analysis";
import type { CheckContext } from "../../sheets/context";
import { formatNumber } from "../../values/format";
import type { Figure } from "../../values/types";
import { sameAtPrecision } from "../../values/tolerance";
import type { FindingOf, RuleId } from "../rule";

/** The rule that compares a typed value with each kind of computed cell. */
export const RULE_OF_COMPUTED = {
  ratio: "ratio/mismatch",
  "annual-target": "target/annual-share",
  "change-amount": "change/amount",
  "change-rate": "change/rate",
} as const satisfies Record<ComputedKind, RuleId>;

export const TYPED_VS_COMPUTED_MESSAGES = {
  mismatch: {
    ja: "{label}に入力された{typed}は、計算値{computed}と一致しません。",
    en: "{label}: the value entered, {typed}, differs from the computed {computed}.",
  },
} as const;

/** The typed figure on the computed value's scale (percent cells compare in percent). */
function comparable(
  c: ComputedCell,
  typed: Figure & { unitKind?: string },
): { computed: number; typed: Figure; percent: boolean } {
  const value = c.value as number;
  if (!c.percent) return { computed: value, typed, percent: false };
  if (typed.unitKind === "percent") return { computed: value * 100, typed, percent: true };
  // A bare number in a percent column: 0.89 means 89%, 89 means 89% too; take the nearer reading.
  const asPercent = Math.abs(typed.value - value * 100) < Math.abs(typed.value - value);
  return asPercent ? { computed: value * 100, typed, percent: true } : { computed: value, typed, percent: false };
}

/** Every computed cell of `kind` whose typed number differs from the computed one at the typed precision. */
export function* typedVsComputed(
  ctx: CheckContext,
  kind: ComputedKind,
): Generator<FindingOf<typeof TYPED_VS_COMPUTED_MESSAGES>> {
  for (const { analysis } of ctx.analyses()) {
    for (const c of analysis.computed) {
      if (c.computes !== kind || !c.typed || typeof c.value !== "number" || !Number.isFinite(c.value)) continue;
      const p = c.typed.parsed;
      if (p.kind !== "number") continue;
      const { computed, typed, percent } = comparable(c, p);
      if (sameAtPrecision(computed, typed)) continue;
      const unit = percent ? "%" : (p.unit ?? "");
      const shownDecimals = Math.max(typed.decimals, c.decimals ?? 0, percent ? 1 : 0);
      yield {
        messageId: "mismatch",
        data: {
          label: { quote: c.label },
          typed: c.typed.text || formatNumber(typed.value, typed.decimals) + unit,
          computed: formatNumber(computed, shownDecimals) + unit,
        },
        sheet: c.sheet,
        cell: c.cell,
        expected: computed,
        actual: typed.value,
        fix:
          c.formula !== undefined
            ? { sheet: c.sheet, cell: c.cell, formula: c.formula }
            : { sheet: c.sheet, cell: c.cell, value: c.value },
      };
    }
  }
}
