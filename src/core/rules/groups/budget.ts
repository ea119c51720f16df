import type { Rule } from "../rule";
import { rule as totalRow } from "../total/row";
import { rule as sumSubtotal } from "../sum/subtotal";

/** The budget rules, in the order their findings are reported. */
export const budgetRules: Rule[] = [totalRow, sumSubtotal];
