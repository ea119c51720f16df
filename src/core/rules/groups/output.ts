import type { Rule } from "../rule";

/** The output rules, in the order their findings are reported. */
export const outputRules: Rule[] = [];
