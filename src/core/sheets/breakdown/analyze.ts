// PLACEHOLDER until the breakdown reader lands: recognises nothing beyond detection.
import type { CheckContext } from "../../rules/context";
import { emptyAnalysis, type SheetAnalysis } from "../analysis";
import type { DetectedTable } from "../table";

export function analyzeBreakdown(_table: DetectedTable, _ctx: CheckContext): SheetAnalysis {
  return emptyAnalysis();
}
