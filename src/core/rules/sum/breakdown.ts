import { sumChecks, type SumCheck } from "../../sheets/monitoring/relations";
import { defineRule } from "../rule";
import { sumData, sumPlace } from "../shared/breakdown-sum";

/** The exhaustive group checks of each indicator, in reading order (one pass, rather than a scan per finding). */
function groupsByIndicator(all: readonly SumCheck[]): Map<SumCheck["indicator"], SumCheck[]> {
  const out = new Map<SumCheck["indicator"], SumCheck[]>();
  for (const c of all) {
    if (c.scope !== "group" || c.relation !== "exhaustive") continue;
    const list = out.get(c.indicator);
    if (list) list.push(c);
    else out.set(c.indicator, [c]);
  }
  return out;
}

/**
 * The corrected 指標値 when every exhaustive group of the indicator agrees on a sum the 指標値 does not
 * match (two or more groups corroborate each other); otherwise the error may be in a part, so no fix.
 */
function proposedTotal(check: SumCheck, groups: Map<SumCheck["indicator"], SumCheck[]>): number | undefined {
  if (check.scope !== "group") return undefined;
  const siblings = (groups.get(check.indicator) ?? []).filter((c) => c.sheet === check.sheet);
  if (siblings.length < 2) return undefined;
  const sum = check.comparison.sum;
  return siblings.every((c) => c.comparison.status === "mismatch" && c.comparison.sum === sum) ? sum : undefined;
}

export const rule = defineRule({
  meta: {
    id: "sum/breakdown",
    severity: "error",
    description: {
      ja: "内訳（漏れなく分類する内訳・細目）の合計が指標値・項目の値と一致しない",
      en: "An exhaustive breakdown (or an item's sub-items) does not add up to its total",
    },
    messages: {
      group: {
        ja: "{what}の合計{sum}が{totalLabel}{total}と一致しません（{parts}）。",
        en: "The {what} breakdown adds up to {sum}, not the {totalLabel} {total} ({parts}).",
      },
      sub: {
        ja: "{what}の合計{sum}が「{totalLabel}」の値{total}と一致しません（{parts}）。",
        en: "The sub-items of “{totalLabel}” add up to {sum}, not its value {total} ({parts}).",
      },
      rounding: {
        ja: "{what}の合計{sum}と{totalLabel}{total}の差は、端数処理の範囲内です（{parts}）。",
        en: "The {what} breakdown ({sum}) and {totalLabel} ({total}) differ only by rounding ({parts}).",
      },
    },
  },
  *check(ctx) {
    const all = sumChecks(ctx);
    let groups: Map<SumCheck["indicator"], SumCheck[]> | undefined;
    for (const c of all) {
      if (c.relation !== "exhaustive" || c.comparison.status === "equal") continue;
      const rounding = c.comparison.status === "rounding";
      const fix = rounding ? undefined : proposedTotal(c, (groups ??= groupsByIndicator(all)));
      const parts = c.parts;
      yield {
        messageId: rounding ? "rounding" : c.scope,
        ...(rounding ? ({ severity: "info" } as const) : {}),
        data: sumData(c, parts),
        ...sumPlace(c, parts),
        ...(fix !== undefined ? { fix: { sheet: c.sheet.sheet, cell: c.totalCell, value: fix } } : {}),
      };
    }
  },
});
