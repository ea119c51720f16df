import { defineRule } from "../rule";
import { TYPED_VS_COMPUTED_MESSAGES, typedVsComputed } from "../shared/typed-vs-computed";

export const rule = defineRule({
  meta: {
    id: "ratio/mismatch",
    severity: "error",
    description: {
      ja: "入力された比率・達成率が計算値と一致しない",
      en: "A typed ratio or achievement rate differs from the computed one",
    },
    messages: TYPED_VS_COMPUTED_MESSAGES,
  },
  check: (ctx) => typedVsComputed(ctx, "ratio"),
});
