import { typedVsComputedRule } from "../shared/typed-vs-computed";

export const rule = typedVsComputedRule("ratio/mismatch", {
  severity: "error",
  description: {
    ja: "入力された比率・達成率が計算値と一致しない",
    en: "A typed ratio or achievement rate differs from the computed one",
  },
});
