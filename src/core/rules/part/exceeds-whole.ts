import { exceeds } from "../../values/tolerance";
import { defineRule } from "../rule";
import { figureData, ref } from "../shared/figures";

export const rule = defineRule({
  meta: {
    id: "part/exceeds-whole",
    severity: "error",
    description: { ja: "内数（うち）が全体を超えている", en: "A part (of which) exceeds its whole" },
    messages: {
      exceeds: {
        ja: "{part}{partValue}が{whole}{wholeValue}を超えています。",
        en: "{part} ({partValue}) exceeds {whole} ({wholeValue}).",
      },
    },
  },
  check(ctx) {
    return ctx.analyses().flatMap(({ analysis }) =>
      analysis.partsOfWhole
        .filter(({ part, whole }) => exceeds(part, whole, whole.unitKind))
        .map(({ part, whole }) => ({
          messageId: "exceeds",
          data: { ...figureData("part", part), ...figureData("whole", whole) },
          sheet: part.sheet,
          cell: part.cell,
          cells: [part.cell, ref(whole.sheet, whole.cell, part.sheet)],
          expected: whole.value,
          actual: part.value,
        })),
    );
  },
});
