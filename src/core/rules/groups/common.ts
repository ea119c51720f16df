import type { Rule } from "../rule";

/** The common rules, in the order their findings are reported. */
export const commonRules: Rule[] = [];
