/**
 * Money cells of the budget sheets (インハウス予算, 予算内訳): reading them in the sheet's unit, summing
 * groups of them with the amount tolerance (DOMAIN §2.2), and writing SUM formulas over them.
 * Shared by the two budget readers and the total/row and sum/subtotal rules.
 */
import { cleanFloat } from "../../values/float";
import { columnLetters } from "../../model/address";
import type { Cell } from "../../model/workbook";
import { formatNumber } from "../../values/format";
import { cellText } from "../detect";
import type { FigureRef } from "../analysis";
import { parseCell, parseText } from "../../values/parse";
import { compareSum } from "../../values/tolerance";
import type { Figure, Parsed } from "../../values/types";

// ---------------------------------------------------------------------------------------------------------
// Fast helpers (these run once per cell)

const LETTERS: string[] = [];

/** toA1 with the column letters cached. */
export function a1(row: number, col: number): string {
  let letters = LETTERS[col];
  if (letters === undefined) letters = LETTERS[col] = columnLetters(col);
  return letters + String(row + 1);
}

/** formatNumber (1443 → "1,443", displayed decimals kept) without toLocaleString, which is slow. */
export function fmt(value: number, decimals: number): string {
  const d = decimals < 0 ? 0 : decimals > 10 ? 10 : Math.trunc(decimals);
  if (!Number.isFinite(value) || Math.abs(value) >= 1e20) return formatNumber(value, d);
  const s = Math.abs(value).toFixed(d);
  const dot = s.indexOf(".");
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? "" : s.slice(dot);
  let out = int;
  if (int.length > 3) {
    out = "";
    for (let i = int.length; i > 0; i -= 3) out = int.slice(Math.max(0, i - 3), i) + (out ? "," + out : "");
  }
  const negative = value < 0 && /[1-9]/.test(s);
  return (negative ? "-" : "") + out + frac;
}

/** Yen per unit. */
export const AMOUNT_SCALE: Readonly<Record<string, number>> = { 億円: 1e8, 百万円: 1e6, 千円: 1e3, 円: 1 };

const UNIT_IN_TEXT = /(億円|百万円|千円|円)/;

/** The amount unit named in a text ("(単位：億円)", "予算額（百万円）"), if any. */
export function amountUnitIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return UNIT_IN_TEXT.exec(text.normalize("NFKC"))?.[1];
}

/** The sheet's unit: metadata 単位, else the fallback. */
export function sheetUnit(metadata: Record<string, string>, fallback: string): string {
  return amountUnitIn(metadata["単位"]) ?? fallback;
}

/** One money cell, parsed once. */
export interface AmountCell {
  row: number;
  col: number;
  /** A1 address. */
  cell: string;
  /** What the cell means; for `43億円の内数` the figure 43 (with `innerOf` set). */
  parsed: Parsed;
  /** The figure in the column's unit, when the cell is a number. */
  figure?: Figure;
  /** The text as shown or typed, for messages. */
  text: string;
  empty: boolean;
  placeholder: boolean;
  /** The cell holds a number value (or a formula), so Excel formulas may reference it. */
  live: boolean;
  /** The cell read `…の内数` (part of another envelope). */
  innerOf?: boolean;
}

const SPACED_UNIT = /([0-9０-９])[\s\u3000]+(億円|百万円|千円|円)\s*$/;
const INNER_SUFFIX = /\s*の\s*内数\s*[)）]?\s*$/;

/** Set by parseAmount: the cell read `…の内数`. */
let lastInnerOf = false;

/**
 * What a money cell means: parseCell, plus `４６７．３ 億円` (a space before the unit) and `43億円の内数`
 * (the figure 43; `amountWasInner()` then tells that it was an 内数).
 */
export function parseAmount(cell: Cell | undefined): Parsed {
  let parsed = parseCell(cell);
  lastInnerOf = false;
  if (parsed.kind !== "not-a-number") return parsed;
  const raw = cell?.value;
  if (typeof raw !== "string") return parsed;
  if (SPACED_UNIT.test(raw)) {
    // `４６７．３ 億円` (seed 002): a space between the number and its unit.
    const joined = parseText(raw.replace(SPACED_UNIT, "$1$2"));
    if (joined.kind === "number") parsed = joined;
  }
  if (parsed.kind === "not-a-number" && INNER_SUFFIX.test(raw)) {
    const prefix = raw.replace(INNER_SUFFIX, "").replace(/^\s*[(（]/, "");
    const inner = parseText(prefix);
    if (inner.kind === "number") {
      parsed = inner;
      lastInnerOf = true;
    }
  }
  return parsed;
}

/** Whether the last parseAmount read an `…の内数` cell. */
export function amountWasInner(): boolean {
  return lastInnerOf;
}

/** A money cell's text as shown or typed (trimmed), for messages. */
export function amountText(cell: Cell | undefined): string {
  const raw = cell?.value;
  return typeof raw === "string"
    ? raw.trim()
    : cell?.text !== undefined
      ? cell.text.trim()
      : raw === null || raw === undefined
        ? ""
        : cellText(cell);
}

/** The cell holds a number value (or a formula), so Excel formulas may reference it. */
export function amountIsLive(cell: Cell | undefined): boolean {
  return typeof cell?.value === "number" || (cell?.formula !== undefined && cell.formula !== "");
}

/** The figure of a parsed money cell in `unit` (`30,600百万円` in a 億円 column is 306); undefined unless a number. */
export function amountFigure(parsed: Parsed, unit: string): Figure | undefined {
  if (parsed.kind !== "number") return undefined;
  let value = parsed.value;
  let decimals = parsed.decimals;
  if (parsed.unit !== undefined) {
    const from = AMOUNT_SCALE[parsed.unit];
    const to = AMOUNT_SCALE[unit];
    if (from !== undefined && to !== undefined && from !== to) {
      value = cleanFloat((value * from) / to);
      decimals = decimals + Math.round(Math.log10(to / from));
    }
  }
  return { value, decimals, unit };
}

/** Reads a money cell in `unit` (a cell typed `30,600百万円` in a 億円 column becomes 306). */
export function readAmount(cell: Cell | undefined, row: number, col: number, unit: string): AmountCell {
  const parsed = parseAmount(cell);
  const innerOf = lastInnerOf;
  const out: AmountCell = {
    row,
    col,
    cell: a1(row, col),
    parsed,
    text: amountText(cell),
    empty: parsed.kind === "empty",
    placeholder: parsed.kind === "placeholder",
    live: amountIsLive(cell),
  };
  if (innerOf) out.innerOf = true;
  const figure = amountFigure(parsed, unit);
  if (figure) out.figure = figure;
  return out;
}

/** A FigureRef for the shared rules. */
export function figureRef(sheet: string, a: AmountCell, label: string): FigureRef | undefined {
  if (!a.figure) return undefined;
  return {
    sheet,
    cell: a.cell,
    value: a.figure.value,
    decimals: a.figure.decimals,
    unitKind: "amount",
    unit: a.figure.unit,
    label,
  };
}

/** "16億円", "15.2億円". */
export function showAmount(f: Figure): string {
  return fmt(f.value, f.decimals) + (f.unit ?? "");
}

// ---------------------------------------------------------------------------------------------------------
// Sums

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
  /** Parts with a figure. */
  known: SumPart[];
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

/** Float noise removed from a sum, as sumFigures does. */
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
  const known = parts.filter((p) => p.figure !== undefined);
  if (!stated) return { status: "skip", sum: { value: plain, decimals: 0, unit }, missing, known };
  if (parts.length === 0) return { status: "empty", sum: { value: 0, decimals: 0, unit }, missing, known };
  // Fast path: an exact match needs no intervals (the usual case in a consistent sheet).
  if (missing === 0 && Math.abs(plain - stated.value) <= 1e-9 * Math.max(1, Math.abs(plain), Math.abs(stated.value))) {
    return { status: "equal", sum: { value: stated.value, decimals: stated.decimals, unit }, missing, known };
  }
  // Parts present but every one blank: a column the sheet does not fill (a lone 前年度 figure), not a partial sum.
  if (known.length === 0 && missing > 0)
    return { status: "all-blank", sum: { value: 0, decimals: 0, unit }, missing, known };
  const knownFigures = known.map((p) => p.figure!);
  const cmp = compareSum(stated, knownFigures, "amount");
  const sum: Figure = { value: cmp.sum, decimals: knownFigures.length ? cmp.sumDecimals : 0, unit };
  if (missing > 0) {
    // Missing amounts are never negative: known parts above the total are wrong whatever the blanks hold.
    const exceeds = cmp.status === "mismatch" && cmp.low > stated.value;
    return { status: exceeds ? "partial-exceeds" : "partial", sum, missing, known };
  }
  return { status: cmp.status, sum, missing, known };
}

/** "理化学研究所 577 + 量子科学技術研究開発機構 218" (names when few parts, values only when more, a count when many). */
export function describeParts(parts: SumPart[], lang: "ja" | "en"): string {
  const shown = (p: SumPart): string => {
    const f = p.figure;
    if (f) return fmt(f.value, f.decimals);
    if (p.amount.placeholder) return p.amount.text;
    return lang === "ja" ? "空欄" : "blank";
  };
  if (parts.length <= 6) return parts.map((p) => (p.name ? `${p.name} ${shown(p)}` : shown(p))).join(" + ");
  if (parts.length <= 15) return parts.map(shown).join(" + ");
  return lang === "ja" ? `${parts.length}行の合計` : `sum of ${parts.length} rows`;
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

/** The typed value of a computed cell, as the ComputedCell contract wants it. */
export function typedOf(cell: Cell | undefined, parsed: Parsed): { parsed: Parsed; text: string } | undefined {
  if (parsed.kind === "empty") return undefined;
  if (parsed.kind === "number" && (cell?.text === undefined || cell.text === "") && typeof cell?.value === "number") {
    const v = cell.value;
    // A General number shows as itself (parseCell's decimals are its shortest form).
    if ((cell.numFmt === undefined || cell.numFmt === "General") && v > -1000 && v < 1000)
      return { parsed, text: String(v) };
    return { parsed, text: fmt(parsed.value, parsed.decimals) + (parsed.unit ?? "") };
  }
  return { parsed, text: cellText(cell).trim() };
}

/** A figure in another amount unit (百万円 → 億円: 30,600 → 306, two more decimals). */
export function convertFigure(f: Figure, to: string): Figure {
  const from = f.unit !== undefined ? AMOUNT_SCALE[f.unit] : undefined;
  const target = AMOUNT_SCALE[to];
  if (from === undefined || target === undefined || from === target) return f;
  return {
    value: cleanFloat((f.value * from) / target),
    decimals: f.decimals + Math.round(Math.log10(target / from)),
    unit: to,
  };
}
