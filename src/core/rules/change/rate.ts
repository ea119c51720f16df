import { defineRule } from "../rule";
import { TYPED_VS_COMPUTED_MESSAGES, typedVsComputed } from "../shared/typed-vs-computed";

export const rule = defineRule({
  meta: {
    id: "change/rate",
    severity: "error",
    description: {
      ja: "増減率が 増減額÷前年度 と一致しない",
      en: "The change rate differs from change ÷ last year",
    },
    messages: TYPED_VS_COMPUTED_MESSAGES,
  },
  check: (ctx) => typedVsComputed(ctx, "change-rate"),
});
