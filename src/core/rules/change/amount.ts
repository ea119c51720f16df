import { defineRule } from "../rule";
import { TYPED_VS_COMPUTED_MESSAGES, typedVsComputed } from "../shared/typed-vs-computed";

export const rule = defineRule({
  meta: {
    id: "change/amount",
    severity: "error",
    description: {
      ja: "増減額が 当年度−前年度 と一致しない",
      en: "The change amount differs from this year − last year",
    },
    messages: TYPED_VS_COMPUTED_MESSAGES,
  },
  check: (ctx) => typedVsComputed(ctx, "change-amount"),
});
