/**
 * Sums over money cells (インハウス予算, 予算内訳): a stated total against its parts with the amount tolerance
 * (DOMAIN §2.2), the parts in words for messages, and the SUM formula Kensa writes over them. Shared by the two
 * budget readers and the total/row and sum/subtotal rules.
 */
import { cleanFloat } from "../../values/float";
import { columnLetters } from "../../model/address";
import { compareSum } from "../../values/tolerance";
import type { Figure } from "../../values/types";
import type { AmountCell } from "./amount-cell";

/** One part of a sum: its cell, the row's name, and (for nested groups) the value it stands for. */
export interface SumPart {
  row: number;
  name: string;
  amount: AmountCell;
  /** The figure to add: the stated one, or for an empty 小計 cell the sum Kensa computes there. */
  figure?: Figure;
  /** An empty 小計/合計 cell that Kensa fills with a formula (so a SUM may reference it). */
  computed?: boolean;
  /** Placeholder allowed here: counts as nothing, not as missing. */
  placeholderIsZero?: boolean;
}

export type SumStatus =
  "equal" | "rounding" | "mismatch" | "partial" | "partial-exceeds" | "all-blank" | "empty" | "skip";

export interface SumOutcome {
  status: SumStatus;
  /** Σ of the known parts. */
  sum: Figure;
  /** Parts with no usable figure (empty, error, text, forbidden placeholder). */
  missing: number;
}

/** Is a part's figure unknown (so a sum over it is partial)? */
function partFigure(p: SumPart): Figure | "zero" | "missing" {
  if (p.figure) return p.figure;
  if (p.amount.placeholder && p.placeholderIsZero) return "zero";
  return "missing";
}

/**
 * Sum of the parts, null when any part is missing (a partial sum is never passed off as the total).
 */
export function computeSum(
  parts: SumPart[],
  unit: string,
): { figure: Figure | null; partial: Figure; missing: number } {
  // sumFigures over the known figures, without collecting them first.
  let missing = 0;
  let known = 0;
  let sum = 0;
  let decimals = 0;
  for (let i = 0; i < parts.length; i++) {
    const f = partFigure(parts[i]);
    if (f === "missing") missing++;
    else if (f !== "zero") {
      sum += f.value;
      if (known === 0 || f.decimals > decimals) decimals = f.decimals;
      known++;
    }
  }
  const partial: Figure = { value: cleanFloat(sum), decimals: known ? decimals : 0, unit };
  return { figure: missing ? null : partial, partial, missing };
}

/**
 * Stated total vs its parts, amounts by interval (DOMAIN §2.2). With missing parts the outcome is
 * "partial" (cannot be confirmed), or "partial-exceeds" when the known parts alone already exceed the total.
 */
export function evaluateSum(stated: Figure | undefined, parts: SumPart[], unit: string): SumOutcome {
  let missing = 0;
  let plain = 0;
  for (let i = 0; i < parts.length; i++) {
    const f = partFigure(parts[i]);
    if (f === "missing") missing++;
    else if (f !== "zero") plain += f.value;
  }
  if (!stated) return { status: "skip", sum: { value: plain, decimals: 0, unit }, missing };
  if (parts.length === 0) return { status: "empty", sum: { value: 0, decimals: 0, unit }, missing };
  // Fast path: an exact match needs no intervals (the usual case in a consistent sheet).
  if (missing === 0 && Math.abs(plain - stated.value) <= 1e-9 * Math.max(1, Math.abs(plain), Math.abs(stated.value))) {
    return { status: "equal", sum: { value: stated.value, decimals: stated.decimals, unit }, missing };
  }
  const knownFigures: Figure[] = [];
  for (let i = 0; i < parts.length; i++) {
    const f = parts[i].figure;
    if (f !== undefined) knownFigures.push(f);
  }
  // Parts present but every one blank: a column the sheet does not fill (a lone 前年度 figure), not a partial sum.
  if (knownFigures.length === 0 && missing > 0)
    return { status: "all-blank", sum: { value: 0, decimals: 0, unit }, missing };
  const cmp = compareSum(stated, knownFigures, "amount");
  const sum: Figure = { value: cmp.sum, decimals: knownFigures.length ? cmp.sumDecimals : 0, unit };
  if (missing > 0) {
    // Missing amounts are never negative: known parts above the total are wrong whatever the blanks hold.
    const exceeds = cmp.status === "mismatch" && cmp.low > stated.value;
    return { status: exceeds ? "partial-exceeds" : "partial", sum, missing };
  }
  return { status: cmp.status, sum, missing };
}

// ---------------------------------------------------------------------------------------------------------
// Formulas

const MAX_FORMULA = 8000;

/**
 * Contiguous runs of the parts' rows. Two consecutive parts are in one run when no `blocking` row lies
 * between them: blocking rows are the rows a SUM range must not take in unless they are parts (every
 * data row of an インハウス予算 sheet; every non-heading row of a 予算内訳 sheet). `blockingPrefix[r]`
 * counts blocking rows in [0, r).
 */
export function runsOf(partRows: number[], blockingPrefix: Int32Array): [number, number][] {
  let sorted = true;
  for (let i = 1; i < partRows.length && sorted; i++) sorted = partRows[i - 1] <= partRows[i];
  const rows = sorted ? partRows : [...partRows].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const last = runs[runs.length - 1];
    if (last && blockingPrefix[r] - blockingPrefix[last[1] + 1] === 0) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Prefix counts of blocking rows: out[r] = number of blocking rows among 0..r−1. */
export function blockingPrefix(rowCount: number, blocking: Iterable<number>): Int32Array {
  const flags = new Uint8Array(rowCount + 1);
  if (Array.isArray(blocking)) {
    for (let i = 0; i < blocking.length; i++) {
      const r = blocking[i] as number;
      if (r >= 0 && r < rowCount) flags[r] = 1;
    }
  } else for (const r of blocking) if (r >= 0 && r < rowCount) flags[r] = 1;
  const out = new Int32Array(rowCount + 2);
  for (let r = 0; r <= rowCount; r++) out[r + 1] = out[r] + flags[r];
  return out;
}

/**
 * `SUM(C5:C18)` or `SUM(C5:C7,C9:C12)` over the parts in column `col`; undefined when a part holds text
 * (SUM would skip it), when there are no parts, or when the formula would be too long.
 */
const FORMULAS = new WeakMap<
  SumPart[],
  { col: number; prefix: Int32Array; length: number; formula: { formula: string; runs: number } | undefined }
>();

export function sumFormula(
  parts: SumPart[],
  col: number,
  prefix: Int32Array,
): { formula: string; runs: number } | undefined {
  if (parts.length === 0) return undefined;
  // The same parts are asked for twice (the computed cell, then total/row): remember the last answer.
  const known = parts.length > 16 ? FORMULAS.get(parts) : undefined;
  if (known && known.col === col && known.prefix === prefix && known.length === parts.length) return known.formula;
  const formula = sumFormulaUncached(parts, col, prefix);
  if (parts.length > 16) FORMULAS.set(parts, { col, prefix, length: parts.length, formula });
  return formula;
}

function sumFormulaUncached(
  parts: SumPart[],
  col: number,
  prefix: Int32Array,
): { formula: string; runs: number } | undefined {
  const rows = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!(p.amount.live || p.computed || p.amount.empty)) return undefined;
    rows[i] = p.row;
  }
  const letters = columnLetters(col);
  const runs = runsOf(rows, prefix);
  const args = runs.map(([a, b]) => (a === b ? `${letters}${a + 1}` : `${letters}${a + 1}:${letters}${b + 1}`));
  const formula = `SUM(${args.join(",")})`;
  if (formula.length > MAX_FORMULA) return undefined;
  return { formula, runs: runs.length };
}
