import { typedVsComputedRule } from "../shared/typed-vs-computed";

export const rule = typedVsComputedRule("change/amount", {
  severity: "error",
  description: {
    ja: "増減額が 当年度−前年度 と一致しない",
    en: "The change amount differs from this year − last year",
  },
});
