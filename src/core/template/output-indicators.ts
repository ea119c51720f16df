/**
 * The standard rows of the アウトプット指標 sheet (DOMAIN §3.3), as the plan publishes them: the outcome
 * indicators O1–O3 and the output indicators 1–21 with their targets. The template prefills them so staff
 * type only 実績, 進捗 and the prose, as on the monitoring sheets where the catalogue's items are prefilled.
 * Transcribed from the R7 report (samples/r7-report.data.json, column 達成目標（原文）) into
 * ./output-indicators.json: the 全体目標 count over R7-R11 (期間累計), the 特設目標 over R6-R10.
 */
import data from "./output-indicators.json";

export type OutputCategory = "全体目標" | "特設目標" | "アウトカム";
export type TargetKindLabel = "年度" | "期間累計" | "累積" | "年平均" | "基準値以上" | "基準値超" | "定性";

export interface StandardOutputIndicator {
  number: string;
  category: OutputCategory;
  label: string;
  /** 目標値 as a number in `unit` (absent for outcomes and 定性). */
  target?: number;
  targetKind?: TargetKindLabel;
  period?: string;
  /** The unit 目標値 and 実績 are counted in (shown by the cells' number format). */
  unit: string;
}

export const STANDARD_OUTPUT_INDICATORS = data as readonly StandardOutputIndicator[];
