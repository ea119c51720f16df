import type { Rule } from "./rule";
import { commonRules } from "./groups/common";
import { budgetRules } from "./groups/budget";
import { outputRules } from "./groups/output";
import { monitoringRules } from "./groups/monitoring";

/** Every rule Kensa runs. */
export const RULES: readonly Rule[] = [...commonRules, ...budgetRules, ...outputRules, ...monitoringRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
