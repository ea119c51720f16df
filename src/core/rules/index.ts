/**
 * Every rule Kensa runs, in one flat registry keyed by id (after typescript-eslint's `rules/index.ts`), in
 * display order: `kensa rules`, the rule filters and the generated docs list the rules in this order. It is not
 * the order of the findings: the engine sorts those by workbook position (sheet, row, column), then severity and
 * rule id (src/core/engine.ts).
 *
 * Adding a rule: write src/core/rules/<family>/<name>.ts exporting `rule = defineRule({ meta, check })` (./rule.ts:
 * message ids and their data are typed from `meta.messages`; data is language-neutral, ./message.ts) with `meta.id`
 * "<family>/<name>", its valid/invalid table in <name>.test.ts beside it (test/support/rule-tester.ts: findings by
 * messageId and data), add the id to RuleId and the rule here, and regenerate the message golden
 * (`npx tsx scripts/docs-rule-messages.ts --update`). test/core/rules/registry.test.ts fails until all four agree.
 */
import type { Rule, RuleId } from "./rule";
import { rule as valueNotANumber } from "./value/not-a-number";
import { rule as valueFormulaError } from "./value/formula-error";
import { rule as valueMissing } from "./value/missing";
import { rule as valueNegative } from "./value/negative";
import { rule as valuePlaceholder } from "./value/placeholder";
import { rule as structureUnknownSheet } from "./structure/unknown-sheet";
import { rule as structureHiddenColumn } from "./structure/hidden-column";
import { rule as structureLayoutUnknown } from "./structure/layout-unknown";
import { rule as structureDuplicateRow } from "./structure/duplicate-row";
import { rule as structureUnfilled } from "./structure/unfilled";
import { rule as partExceedsWhole } from "./part/exceeds-whole";
import { rule as xrefMismatch } from "./xref/mismatch";
import { rule as ratioMismatch } from "./ratio/mismatch";
import { rule as targetAnnualShare } from "./target/annual-share";
import { rule as changeAmount } from "./change/amount";
import { rule as changeRate } from "./change/rate";
import { rule as dateEraMismatch } from "./date/era-mismatch";
import { rule as totalRow } from "./total/row";
import { rule as sumSubtotal } from "./sum/subtotal";
import { rule as gradeInvalid } from "./grade/invalid";
import { rule as gradeMissing } from "./grade/missing";
import { rule as gradeMismatch } from "./grade/mismatch";
import { rule as gradeBelowPace } from "./grade/below-pace";
import { rule as periodParts } from "./period/parts";
import { rule as periodAverage } from "./period/average";
import { rule as sumBreakdown } from "./sum/breakdown";
import { rule as sumExceedsTotal } from "./sum/exceeds-total";
import { rule as sumIncomplete } from "./sum/incomplete";
import { rule as sumGroupsDiffer } from "./sum/groups-differ";
import { rule as orderViolated } from "./order/violated";
import { rule as percentSum } from "./percent/sum";
import { rule as labelUnknown } from "./label/unknown";
import { rule as rollupAdditive } from "./rollup/additive";
import { rule as rollupBounds } from "./rollup/bounds";
import { rule as structureRollupSkipped } from "./structure/rollup-skipped";
import { rule as structureDuplicateProject } from "./structure/duplicate-project";
import { rule as structureProjectUnknown } from "./structure/project-unknown";

export type { RuleId } from "./rule";

/** Every rule by id, in display order. */
export const RULE_REGISTRY = {
  // cell values and sheet structure (what every kind reader exposes)
  "value/not-a-number": valueNotANumber,
  "value/formula-error": valueFormulaError,
  "value/missing": valueMissing,
  "value/negative": valueNegative,
  "value/placeholder": valuePlaceholder,
  "structure/unknown-sheet": structureUnknownSheet,
  "structure/hidden-column": structureHiddenColumn,
  "structure/layout-unknown": structureLayoutUnknown,
  "structure/duplicate-row": structureDuplicateRow,
  "structure/unfilled": structureUnfilled,
  "part/exceeds-whole": partExceedsWhole,
  "xref/mismatch": xrefMismatch,
  "ratio/mismatch": ratioMismatch,
  "target/annual-share": targetAnnualShare,
  "change/amount": changeAmount,
  "change/rate": changeRate,
  "date/era-mismatch": dateEraMismatch,
  // budgets
  "total/row": totalRow,
  "sum/subtotal": sumSubtotal,
  // output indicators
  "grade/invalid": gradeInvalid,
  "grade/missing": gradeMissing,
  "grade/mismatch": gradeMismatch,
  "grade/below-pace": gradeBelowPace,
  "period/parts": periodParts,
  "period/average": periodAverage,
  // monitoring sheets and the roll-up
  "sum/breakdown": sumBreakdown,
  "sum/exceeds-total": sumExceedsTotal,
  "sum/incomplete": sumIncomplete,
  "sum/groups-differ": sumGroupsDiffer,
  "order/violated": orderViolated,
  "percent/sum": percentSum,
  "label/unknown": labelUnknown,
  "rollup/additive": rollupAdditive,
  "rollup/bounds": rollupBounds,
  "structure/rollup-skipped": structureRollupSkipped,
  "structure/duplicate-project": structureDuplicateProject,
  "structure/project-unknown": structureProjectUnknown,
} satisfies Record<RuleId, Rule>;

/** Every rule Kensa runs, in display order. */
export const RULES: readonly Rule[] = Object.values(RULE_REGISTRY);

export function ruleById(id: string): Rule | undefined {
  return Object.hasOwn(RULE_REGISTRY, id) ? RULE_REGISTRY[id as RuleId] : undefined;
}
