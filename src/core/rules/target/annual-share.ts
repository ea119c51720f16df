import { defineRule } from "../rule";
import { TYPED_VS_COMPUTED_MESSAGES, typedVsComputed } from "../shared/typed-vs-computed";

export const rule = defineRule({
  meta: {
    id: "target/annual-share",
    severity: "error",
    description: {
      ja: "入力された年度目標が 目標値÷年数（累積は進捗ペース）と一致しない",
      en: "A typed annual target differs from target ÷ years (the pace for cumulative targets)",
    },
    messages: TYPED_VS_COMPUTED_MESSAGES,
  },
  check: (ctx) => typedVsComputed(ctx, "annual-target"),
});
