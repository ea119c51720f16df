import type { Rule } from "../rule";

/** The budget rules, in the order their findings are reported. */
export const budgetRules: Rule[] = [];
