/** Kind → reader that turns a detected table into what the shared rules need. */
import { memoKey, type CheckContext } from "./context";
import type { SheetAnalysis } from "./analysis";
import type { SheetKind } from "../model/kinds";
import type { DetectedTable } from "./table";
import { analyzeInhouse } from "./inhouse/analyze";
import { analyzeBreakdown } from "./breakdown/analyze";
import { analyzeOutput } from "./output/analyze";
import { analyzeMonitoring } from "./monitoring/analyze";

export type KindReader = (table: DetectedTable, ctx: CheckContext) => SheetAnalysis;

export const READERS: Record<SheetKind, KindReader> = {
  "inhouse-budget": analyzeInhouse,
  "budget-breakdown": analyzeBreakdown,
  "output-indicators": analyzeOutput,
  monitoring: analyzeMonitoring,
};

/** Where the engine caches every table's analysis (CheckContext.analyses). */
export const ANALYSES = memoKey<{ table: DetectedTable; analysis: SheetAnalysis }[]>("analyses");
