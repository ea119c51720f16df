import { typedVsComputedRule } from "../shared/typed-vs-computed";

export const rule = typedVsComputedRule("target/annual-share", {
  severity: "error",
  description: {
    ja: "入力された年度目標が 目標値÷年数（累積は進捗ペース）と一致しない",
    en: "A typed annual target differs from target ÷ years (the pace for cumulative targets)",
  },
});
