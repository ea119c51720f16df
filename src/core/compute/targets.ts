/**
 * Targets, paces, achievement ratios and suggested grades of output indicators (DOMAIN §3.3).
 *
 * | kind           | 目標の種類   | annual target / pace                   | suggested A when          |
 * |----------------|-------------|----------------------------------------|---------------------------|
 * | annual         | 年度         | 目標値                                  | measure ≥ 目標値           |
 * | period-total   | 期間累計     | 目標値 / years in 期間                   | measure ≥ annual target   |
 * | cumulative     | 累積         | 目標値 × elapsed / years (the pace)      | measure ≥ pace            |
 * | average        | 年平均       | 目標値                                  | mean of per-year ≥ 目標値  |
 * | baseline-min   | 基準値以上   | 目標値 (the baseline)                    | measure ≥ 目標値           |
 * | baseline-above | 基準値超     | 目標値 (the baseline)                    | measure > 目標値           |
 * | qualitative    | 定性 / blank | —                                      | no suggestion             |
 */
import { cleanFloat } from "../values/float";
import { elapsedYears, yearsIn, type Period } from "./period";

export type TargetKind =
  "annual" | "period-total" | "cumulative" | "average" | "baseline-min" | "baseline-above" | "qualitative";

export const TARGET_KIND_LABELS: Record<TargetKind, { ja: string; en: string }> = {
  annual: { ja: "年度", en: "annual" },
  "period-total": { ja: "期間累計", en: "period total" },
  cumulative: { ja: "累積", en: "cumulative" },
  average: { ja: "年平均", en: "annual average" },
  "baseline-min": { ja: "基準値以上", en: "at least the baseline" },
  "baseline-above": { ja: "基準値超", en: "above the baseline" },
  qualitative: { ja: "定性", en: "qualitative" },
};

const KIND_WORDS: Record<string, TargetKind> = {
  年度: "annual",
  単年度: "annual",
  毎年度: "annual",
  各年度: "annual",
  年: "annual",
  単年: "annual",
  毎年: "annual",
  年間: "annual",
  年度毎: "annual",
  年度ごと: "annual",
  期間累計: "period-total",
  累計: "period-total",
  期間合計: "period-total",
  期間計: "period-total",
  期間中累計: "period-total",
  累積: "cumulative",
  累積値: "cumulative",
  期間累積: "cumulative",
  到達: "cumulative",
  年平均: "average",
  平均: "average",
  年度平均: "average",
  基準値以上: "baseline-min",
  基準以上: "baseline-min",
  以上: "baseline-min",
  基準値超: "baseline-above",
  基準超: "baseline-above",
  超: "baseline-above",
  基準値超え: "baseline-above",
  基準値より増加: "baseline-above",
  基準値から増加: "baseline-above",
  増加: "baseline-above",
  定性: "qualitative",
  定性的: "qualitative",
  定性目標: "qualitative",
};

function squeeze(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[（【［\[〔]/g, "(")
    .replace(/[）】］\]〕]/g, ")");
}

/**
 * 目標の種類 as written → kind. Undefined for blank cells and for text that is not a kind (then no
 * suggestion is made). Accepts obvious variants: `累計` (= 期間累計), `平均`, `以上`, `定性目標`, `年度目標`,
 * a bracketed qualifier (`累積（R6～R10）`).
 */
export function parseTargetKind(text: string | undefined | null): TargetKind | undefined {
  if (typeof text !== "string") return undefined;
  let s = squeeze(text);
  if (s === "") return undefined;
  s = s.replace(/\([^()]*\)$/, "");
  const direct = KIND_WORDS[s] ?? KIND_WORDS[s.replace(/(目標|型|値)$/, "")];
  if (direct) return direct;
  if (s.includes("定性")) return "qualitative";
  if (s.includes("期間累計")) return "period-total";
  if (s.includes("累積")) return "cumulative";
  if (s.includes("年平均")) return "average";
  if (/基準値?(超|より増|を上回)/.test(s)) return "baseline-above";
  if (/基準値?以上/.test(s)) return "baseline-min";
  return undefined;
}

/** Kinds whose grade follows from the numbers (grade/mismatch applies); 累積 is judged against a pace instead. */
export function isStrictKind(kind: TargetKind | undefined): boolean {
  return (
    kind === "annual" ||
    kind === "period-total" ||
    kind === "average" ||
    kind === "baseline-min" ||
    kind === "baseline-above"
  );
}

/** Kinds with a numeric target. */
export function isNumericKind(kind: TargetKind | undefined): kind is Exclude<TargetKind, "qualitative"> {
  return kind !== undefined && kind !== "qualitative";
}

// -------------------------------------------------------------------------------------------------------
// Grades

export type Grade = "A" | "B" | "-";

export type GradeReading =
  { status: "empty" } | { status: "valid"; grade: Grade } | { status: "invalid"; text: string };

const DASH_ONLY = /^[-\u2010-\u2015\u2212\uFE63\uFF0D\u30FC\uFF70\u2500\u2501]$/;

/**
 * 進捗 as written: A, B or not assessed (`-` and every dash variant). Full-width `Ａ` and lower-case `a`
 * are read as A (a typing variant, not a different grade); the legend texts 順調に進捗している /
 * 進捗が不十分 are read as A / B. Anything else is invalid.
 */
export function parseGrade(text: string | undefined | null): GradeReading {
  if (typeof text !== "string") return { status: "empty" };
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  if (s === "") return { status: "empty" };
  const upper = s.toUpperCase();
  if (upper === "A" || s === "順調に進捗している") return { status: "valid", grade: "A" };
  if (upper === "B" || s === "進捗が不十分") return { status: "valid", grade: "B" };
  if (DASH_ONLY.test(s)) return { status: "valid", grade: "-" };
  return { status: "invalid", text: text.trim() };
}

// -------------------------------------------------------------------------------------------------------
// Annual targets, paces, ratios

export interface AnnualTarget {
  /** 年度目標: the target for the report year, or the pace for 累積. */
  value: number;
  /** target = 目標値 itself; share = 目標値 / years; pace = 目標値 × elapsed / years. */
  basis: "target" | "share" | "pace";
  /** Years in the period (share, pace). */
  years?: number;
  /** Years elapsed at the end of the report year (pace). */
  elapsed?: number;
}

export interface AnnualTargetOptions {
  period?: Period;
  reportYear?: number;
  /** The 目標値 is already per year (`130件/年`): a 期間累計 kind then keeps it as it is. */
  perYear?: boolean;
}

/** Removes binary float noise (650 / 5 × … ), keeping 15 significant digits. */
/**
 * The annual target (年度目標) of a kind: 目標値 for 年度 / 年平均 / 基準値…; 目標値 / years for 期間累計
 * (needs the period); the pace 目標値 × elapsed / years for 累積 (needs the period and the report year).
 * Undefined for qualitative kinds and when what it needs is unknown.
 */
export function annualTarget(
  kind: TargetKind | undefined,
  target: number,
  options: AnnualTargetOptions = {},
): AnnualTarget | undefined {
  if (!Number.isFinite(target) || !isNumericKind(kind)) return undefined;
  switch (kind) {
    case "annual":
    case "average":
    case "baseline-min":
    case "baseline-above":
      return { value: target, basis: "target" };
    case "period-total": {
      if (options.perYear) return { value: target, basis: "target" };
      if (!options.period) return undefined;
      const years = yearsIn(options.period);
      return { value: cleanFloat(target / years), basis: "share", years };
    }
    case "cumulative": {
      if (!options.period || options.reportYear === undefined) return undefined;
      const years = yearsIn(options.period);
      const elapsed = elapsedYears(options.period, options.reportYear);
      return { value: cleanFloat((target * elapsed) / years), basis: "pace", years, elapsed };
    }
  }
}

function eps(a: number, b: number): number {
  return Math.max(1, Math.abs(a), Math.abs(b)) * 1e-9;
}

/** True when the measure reaches the threshold: > for 基準値超, ≥ otherwise (float noise ignored). */
export function meetsTarget(kind: TargetKind, measure: number, threshold: number): boolean {
  if (kind === "baseline-above") return measure > threshold + eps(measure, threshold);
  return measure >= threshold - eps(measure, threshold);
}

/** measure / annual target as a fraction (1.215 for 121.5%); undefined when the target is 0 or not finite. */
export function achievementRatio(measure: number, annual: number): number | undefined {
  if (!Number.isFinite(measure) || !Number.isFinite(annual) || annual === 0) return undefined;
  return cleanFloat(measure / annual);
}

/** The grade the numbers suggest: A when the measure meets the annual target (or pace), else B. */
export function suggestGrade(
  kind: TargetKind | undefined,
  measure: number,
  annual: AnnualTarget | undefined,
): "A" | "B" | undefined {
  if (!isNumericKind(kind) || !annual || !Number.isFinite(measure)) return undefined;
  return meetsTarget(kind, measure, annual.value) ? "A" : "B";
}

/** Arithmetic mean without float noise; undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let s = 0;
  for (const v of values) s += v;
  return cleanFloat(s / values.length);
}
