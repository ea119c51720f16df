import { findEraMismatches } from "../../values/era";
import type { Rule } from "../rule";

export const rule: Rule = {
  meta: {
    id: "date/era-mismatch",
    severity: "error",
    description: { ja: "西暦と和暦の組が合っていない", en: "A Western year and its Japanese era year disagree" },
    messages: {
      mismatch: {
        ja: "「{match}」：{era}{eraYear}年は {expected}年です（{western}年ではありません）。",
        en: "“{match}”: {era} {eraYear} is {expected}, not {western}.",
      },
    },
  },
  check(ctx) {
    return ctx.analyses().flatMap(({ analysis }) =>
      analysis.textCells.flatMap((t) =>
        findEraMismatches(t.text).map((m) => ({
          messageId: "mismatch",
          data: { match: m.match, era: m.era, eraYear: m.eraYear, expected: m.expectedWestern, western: m.western },
          sheet: t.sheet,
          cell: t.cell,
          expected: m.expectedWestern,
          actual: m.western,
        })),
      ),
    );
  },
};
