import { typedVsComputedRule } from "../shared/typed-vs-computed";

export const rule = typedVsComputedRule("change/rate", {
  severity: "error",
  description: { ja: "増減率が 増減額÷前年度 と一致しない", en: "The change rate differs from change ÷ last year" },
});
