/**
 * Tolerance (DOMAIN §2.2), in the manner of XBRL Calculations 1.1.
 *
 * - Counts (and unitless figures, unitKind "none") are exact: 165.5 ≠ 166. Only binary float noise is ignored.
 * - Amounts and percentages are rounded figures: v shown with d decimals stands for the closed interval
 *   [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]. A sum is inconsistent ("mismatch") only when the stated total's interval and
 *   the summed interval of the parts do not intersect; when they intersect but the values differ it is a
 *   "rounding" difference.
 */
import { cleanFloat } from "./float";
import type { Figure, UnitKind } from "./types";

export type ComparisonStatus = "equal" | "rounding" | "mismatch";

export interface SumComparison {
  status: ComparisonStatus;
  /** Σ part values, without float noise. */
  sum: number;
  /** Decimals to show the sum with (max of the parts'). */
  sumDecimals: number;
  /** Summed interval of the parts (equal to sum for exact unit kinds). */
  low: number;
  high: number;
}

/** Relative slack for binary float noise only (never a tolerance in the domain sense). */
function eps(...xs: number[]): number {
  let m = 1;
  for (const x of xs) {
    const a = Math.abs(x);
    if (a > m) m = a;
  }
  return m * 1e-9;
}

function halfUnit(decimals: number): number {
  // 0.5 × 10^-d, computed so that d = 1 gives exactly 0.05 (5 / 100), d = -3 gives 500.
  return decimals >= 0 ? 5 / 10 ** (decimals + 1) : 5 * 10 ** (-decimals - 1);
}

function isExact(unitKind: UnitKind): boolean {
  return unitKind === "count" || unitKind === "none";
}

/** [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]. */
export function interval(f: Figure): [number, number] {
  const h = halfUnit(f.decimals);
  return [cleanFloat(f.value - h), cleanFloat(f.value + h)];
}

/** Σ values (float noise removed: 10.4 + 2.2 + 2.6 = 15.2), decimals = max of the parts' (0 for none). */
export function sumFigures(parts: Figure[]): Figure {
  let sum = 0;
  let decimals = parts.length > 0 ? -Infinity : 0;
  for (const p of parts) {
    sum += p.value;
    if (p.decimals > decimals) decimals = p.decimals;
  }
  const out: Figure = { value: cleanFloat(sum), decimals };
  const unit = parts[0]?.unit;
  if (unit !== undefined && parts.every((p) => p.unit === unit)) out.unit = unit;
  return out;
}

/** Stated total vs the sum of its parts. */
export function compareSum(total: Figure, parts: Figure[], unitKind: UnitKind): SumComparison {
  const s = sumFigures(parts);
  const sum = s.value;
  const e = eps(total.value, sum);
  if (isExact(unitKind)) {
    return {
      status: Math.abs(sum - total.value) <= e ? "equal" : "mismatch",
      sum,
      sumDecimals: s.decimals,
      low: sum,
      high: sum,
    };
  }
  let low = 0;
  let high = 0;
  // Raw arithmetic in the loop; float noise is cleaned once at the end (interval() cleans per call).
  for (const p of parts) {
    const h = halfUnit(p.decimals);
    low += p.value - h;
    high += p.value + h;
  }
  low = cleanFloat(low);
  high = cleanFloat(high);
  const [tl, th] = interval(total);
  let status: ComparisonStatus;
  if (Math.abs(sum - total.value) <= e) status = "equal";
  else if (tl <= high + e && low <= th + e) status = "rounding";
  else status = "mismatch";
  return { status, sum, sumDecimals: s.decimals, low, high };
}

/** Two statements of the same figure (cross-references, re-listed rows). */
export function compareEqual(a: Figure, b: Figure, unitKind: UnitKind): ComparisonStatus {
  return compareSum(a, [b], unitKind).status;
}

/** True only when part is above whole beyond tolerance: counts part > whole; amounts/percents part's low > whole's high. */
export function exceeds(part: Figure, whole: Figure, unitKind: UnitKind): boolean {
  if (isExact(unitKind)) return part.value > whole.value + eps(part.value, whole.value);
  return part.value - halfUnit(part.decimals) > whole.value + halfUnit(whole.decimals) + eps(part.value, whole.value);
}

/** Rounds half away from zero at `decimals` (negative allowed: roundTo(1457123, -3) = 1457000), without float artefacts (roundTo(1.005, 2) = 1.01, as Excel's ROUND). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const d = Math.trunc(decimals);
  const p = 10 ** Math.abs(d);
  const a = Math.abs(value);
  const scaled = d >= 0 ? a * p : a / p;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const back = d >= 0 ? r / p : r * p;
  const out = cleanFloat(back);
  return value < 0 && out !== 0 ? -out : out;
}

/**
 * A typed figure (a ratio or rate a person entered) agrees with the value Kensa computes when the typed
 * figure, read as the interval [t − ½·10⁻ᵈ, t + ½·10⁻ᵈ] of its displayed decimals d, contains the
 * computed value (closed interval; float noise ignored). Equivalently: computed rounded to d decimals
 * equals t, where a computed value exactly on a half boundary may round either way. Truncation
 * (切り捨て: 10.739 typed as 10.73) is therefore a mismatch. Both must be on the same scale (percent
 * vs fraction is the caller's business).
 */
export function sameAtPrecision(computed: number, typed: Figure): boolean {
  if (!Number.isFinite(computed) || !Number.isFinite(typed.value)) return false;
  if (computed === typed.value) return true; // the usual case; rounding both would agree
  if (roundTo(computed, typed.decimals) === roundTo(typed.value, typed.decimals)) return true;
  return Math.abs(computed - typed.value) <= halfUnit(typed.decimals) + eps(computed, typed.value);
}
