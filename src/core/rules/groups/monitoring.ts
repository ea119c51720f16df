import type { Rule } from "../rule";
import { rule as sumBreakdown } from "../sum/breakdown";
import { rule as sumExceedsTotal } from "../sum/exceeds-total";
import { rule as sumIncomplete } from "../sum/incomplete";
import { rule as sumGroupsDiffer } from "../sum/groups-differ";
import { rule as orderViolated } from "../order/violated";
import { rule as percentSum } from "../percent/sum";
import { rule as labelUnknown } from "../label/unknown";
import { rule as rollupAdditive } from "../rollup/additive";
import { rule as rollupBounds } from "../rollup/bounds";
import { rule as rollupSkipped } from "../structure/rollup-skipped";
import { rule as duplicateProject } from "../structure/duplicate-project";
import { rule as projectUnknown } from "../structure/project-unknown";

/** The monitoring rules, in the order their findings are reported. */
export const monitoringRules: Rule[] = [
  sumBreakdown,
  sumExceedsTotal,
  sumIncomplete,
  sumGroupsDiffer,
  orderViolated,
  percentSum,
  labelUnknown,
  rollupAdditive,
  rollupBounds,
  rollupSkipped,
  duplicateProject,
  projectUnknown,
];
