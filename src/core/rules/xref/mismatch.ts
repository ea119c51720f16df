import { crossReferences } from "../../sheets/xref";
import { compareEqual } from "../../values/tolerance";
import type { Rule } from "../rule";
import { ref, show } from "../shared/figures";

export const rule: Rule = {
  meta: {
    id: "xref/mismatch",
    severity: "error",
    description: {
      ja: "別の箇所に記載された同じ値が一致しない（シート間参照・再掲）",
      en: "A figure stated in two places does not agree (cross-sheet references, re-listed rows)",
    },
    messages: {
      mismatch: {
        ja: "{aLabel} {aValue} と {bLabel} {bValue}（{bWhere}）が一致しません（{reason}）。",
        en: "{aLabel} ({aValue}) and {bLabel} ({bValue}, {bWhere}) disagree ({reason}).",
      },
    },
  },
  check(ctx) {
    const equalities = [...ctx.analyses().flatMap((a) => a.analysis.equalities), ...crossReferences(ctx)];
    return equalities
      .filter(({ a, b }) => compareEqual(a, b, a.unitKind) === "mismatch")
      .map(({ a, b, bCells, reason }) => {
        const bRefs = [b.cell, ...(bCells ?? [])].filter((c, i, all) => all.indexOf(c) === i).map((c) => ref(b.sheet, c, a.sheet));
        return {
          messageId: "mismatch",
          data: { aLabel: a.label, aValue: show(a), bLabel: b.label, bValue: show(b), bWhere: bRefs[0], reason },
          sheet: a.sheet,
          cell: a.cell,
          cells: [a.cell, ...bRefs],
          expected: b.value,
          actual: a.value,
        };
      });
  },
};
