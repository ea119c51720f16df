import type { Rule } from "../rule";

/** The monitoring rules, in the order their findings are reported. */
export const monitoringRules: Rule[] = [];
