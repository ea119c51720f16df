// PLACEHOLDER until the output reader lands: recognises nothing beyond detection.
import type { CheckContext } from "../../rules/context";
import { emptyAnalysis, type SheetAnalysis } from "../analysis";
import type { DetectedTable } from "../table";

export function analyzeOutput(_table: DetectedTable, _ctx: CheckContext): SheetAnalysis {
  return emptyAnalysis();
}
