import type { Rule } from "../rule";
import { rule as gradeInvalid } from "../grade/invalid";
import { rule as gradeMissing } from "../grade/missing";
import { rule as gradeMismatch } from "../grade/mismatch";
import { rule as gradeBelowPace } from "../grade/below-pace";
import { rule as periodParts } from "../period/parts";
import { rule as periodAverage } from "../period/average";

/** The output rules, in the order their findings are reported. */
export const outputRules: Rule[] = [gradeInvalid, gradeMissing, gradeMismatch, gradeBelowPace, periodParts, periodAverage];
