import { cellRef } from "../../model/refs";
import { crossReferences, type PlacedEquality } from "../../sheets/xref";
import { compareEqual } from "../../values/tolerance";
import { fileOf } from "../../sheets/context";
import { defineRule } from "../rule";
import { figureData } from "../shared/figures";

export const rule = defineRule({
  meta: {
    id: "xref/mismatch",
    severity: "error",
    description: {
      ja: "別の箇所に記載された同じ値が一致しない（シート間参照・再掲）",
      en: "A figure stated in two places does not agree (cross-sheet references, re-listed rows)",
    },
    messages: {
      mismatch: {
        ja: "{a}{aValue}と{b}{bValue}（{bWhere}）が一致しません（{reason}）。",
        en: "{a} ({aValue}) and {b} ({bValue}, {bWhere}) disagree ({reason}).",
      },
    },
  },
  check(ctx) {
    const file = fileOf(ctx);
    // Within each sheet (the analyses' own equalities), then across sheets and across the files of the set; a
    // finding is reported in the workbook holding its `a` cell, with `b`'s cells as seen from there.
    const local: PlacedEquality[] = ctx
      .analyses()
      .flatMap((a) => a.analysis.equalities.map((e) => ({ ...e, aFile: file, bFile: file })));
    return [...local, ...crossReferences(ctx)]
      .filter(({ a, b }) => compareEqual(a, b, a.unitKind) === "mismatch")
      .map(({ a, b, bCells, reason, aFile, bFile }) => {
        const from = { file: aFile, sheet: a.sheet };
        const to = { file: bFile, sheet: b.sheet };
        const bRefs = [b.cell, ...(bCells ?? [])]
          .filter((c, i, all) => all.indexOf(c) === i)
          .map((c) => cellRef(from, to, c));
        return {
          messageId: "mismatch",
          data: { ...figureData("a", a), ...figureData("b", b), bWhere: bRefs[0], reason },
          sheet: a.sheet,
          cell: a.cell,
          cells: [a.cell, ...bRefs],
          expected: b.value,
          actual: a.value,
        };
      });
  },
});
