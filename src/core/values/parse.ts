/**
 * Cell and text parsing (DOMAIN §2.1): what a cell means as a figure.
 *
 * parseCell() takes a model Cell (value, displayed text, number format); parseText() takes typed text.
 * Neither throws. Values are never rounded: decimals records the displayed precision for tolerance.
 *
 * Text is parsed on a width-normalised copy of the same length as the original (full-width ASCII → ASCII,
 * ideographic space → space, dash variants → "-"), so labels and remarks are sliced from the original text
 * and stay as written (`高分子医薬品－抗体`). Only those characters are folded: full NFKC would also turn
 * `①` or `²` into digits, which must not happen inside a number.
 */
import { cleanFloat } from "./float";
import type { Cell } from "../model/workbook";
import { isCellError } from "../model/workbook";
import type { NumberValue, Parsed } from "./types";
import { EMPTY as EMPTY_PARSED, MAX_ABS as MAX_ABS_VALUE, unitKindOf } from "./lexicon";
import { notANumber } from "./figures";
import { parseText } from "./parse-text";
import { analyzeFormat, type FormatInfo } from "./number-format";

export { foldWidth, unitKindOf } from "./lexicon";
export { parseText } from "./parse-text";
export { analyzeFormat } from "./number-format";

// Cells

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
// Builtins bound once: a global lookup per call is costly in some hosts (vm contexts such as jest's).
const mathRound = Math.round;
// Imports bound once too: compiled to CommonJS (lib/, jest), an imported name is a property load at every use.
const MAX_ABS = MAX_ABS_VALUE;
const EMPTY = EMPTY_PARSED;

/** Fewest decimals (≤ 6) that represent v, ignoring binary float noise (15.200000000000001 → 1). */
export function shortestDecimals(v: number): number {
  if (v % 1 === 0) return 0;
  const a = v < 0 ? -v : v;
  const tol = a * 1e-12 + 1e-15;
  for (let d = 1; d <= 6; d++) {
    const p = POW10[d];
    const r = mathRound(a * p) / p;
    if (r - a <= tol && a - r <= tol) return d;
  }
  return 6;
}

interface TextNumber {
  value: number;
  decimals: number;
  percent: boolean;
}

/**
 * Reads the displayed text of a number cell without regexes: the first run of digits (with , and one .),
 * a leading minus/▲/△ or accounting brackets, and whether a % follows. Null for `####`, `1.2E+05` and the like.
 */
function readDisplayed(text: string): TextNumber | null {
  const n = text.length;
  let i = 0;
  let negative = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) break;
    if (c >= 0xff10 && c <= 0xff19) break;
    if (c === 0x2d || c === 0x25b2 || c === 0x25b3 || c === 0x2212 || c === 0xff0d || c === 0x28 || c === 0xff08)
      negative = true;
    else if (c === 0x23 /* # */) return null;
  }
  if (i === n) return null;
  let mantissa = 0;
  let decimals = 0;
  let afterDot = false;
  for (; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      if (afterDot) decimals++;
    } else if (c === 0x2c /* , */ && !afterDot) continue;
    else if (c === 0x2e /* . */ && !afterDot) afterDot = true;
    else break;
  }
  let percent = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 || c === 0xff05) percent = true;
    else if (c === 0x45 || c === 0x65 || (c >= 0x30 && c <= 0x39) || c === 0x23) return null; // E+05, 1 2, ###
  }
  // Only used to confirm the text shows this cell's value, so division noise does not matter.
  const abs = decimals === 0 ? mantissa : mantissa / 10 ** decimals;
  if (!Number.isFinite(abs)) return null;
  return { value: negative ? -abs : abs, decimals, percent };
}

function fromText(v: number, text: string, fmt: FormatInfo): TextNumber | null {
  const shown = readDisplayed(text);
  if (!shown) return null;
  const expected = shown.percent ? v * 100 : v;
  const half = 0.5 / (shown.decimals < POW10.length ? POW10[shown.decimals] : 10 ** shown.decimals);
  const scale = fmt.scaleCommas > 0 ? 10 ** (3 * fmt.scaleCommas) : 1;
  const diff = Math.abs(Math.abs(shown.value * scale) - Math.abs(expected));
  return diff <= half * scale * (1 + 1e-9) + 1e-9 ? shown : null;
}

function parseNumberCell(v: number, cell: Cell): Parsed {
  if (!Number.isFinite(v) || Math.abs(v) > MAX_ABS) return notANumber(cell.text ?? String(v), "too-large");
  const fmt = analyzeFormat(cell.numFmt);
  if (fmt.date) return notANumber(cell.text ?? String(v), "date");
  const text = cell.text;
  const shown = text !== undefined && text !== "" ? fromText(v, text, fmt) : null;
  const percent = fmt.percent || (shown !== null && shown.percent);
  const value = percent ? cleanFloat(v * 100) : v;
  let decimals: number;
  if (fmt.scientific) {
    const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
    decimals = (fmt.maxDecimals ?? 0) - exponent;
  } else if (shown) {
    decimals = shown.decimals - 3 * fmt.scaleCommas;
  } else if (fmt.minDecimals !== null && fmt.maxDecimals !== null) {
    const d = shortestDecimals(value);
    decimals =
      (d < fmt.minDecimals ? fmt.minDecimals : d > fmt.maxDecimals ? fmt.maxDecimals : d) - 3 * fmt.scaleCommas;
  } else {
    decimals = shortestDecimals(value);
  }
  const unit = percent ? "%" : fmt.unit;
  const out: NumberValue = { kind: "number", value, decimals, unitKind: unitKindOf(unit) };
  if (unit !== undefined) out.unit = unit;
  return out;
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "Invalid Date";
  const p = (x: number) => String(x).padStart(2, "0");
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return d.getHours() || d.getMinutes() || d.getSeconds()
    ? `${day} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
    : day;
}

/**
 * The number of a cell that parseCell reads by its fast path (a plain number in General format with no
 * displayed text), whose result is { kind: "number", value, decimals: shortestDecimals(value), unitKind: "none" };
 * undefined for any other cell.
 */
export function plainNumberOf(cell: Cell | undefined): number | undefined {
  if (cell === undefined || cell === null) return undefined;
  const v = cell.value;
  if (
    typeof v === "number" &&
    cell.text === undefined &&
    (cell.numFmt === undefined || cell.numFmt === "General") &&
    v === v &&
    v <= MAX_ABS &&
    v >= -MAX_ABS
  ) {
    return v;
  }
  return undefined;
}

/**
 * Parses a model cell: numbers (fast path for General), percent formats (value × 100), number formats and
 * displayed text for decimals, cached formula results, error values, dates, booleans, strings via parseText.
 */
export function parseCell(cell: Cell | undefined): Parsed {
  if (cell === undefined || cell === null) return EMPTY;
  const v = cell.value;
  if (typeof v === "number") {
    // Fast path: a plain number in General format with no displayed text. No regex, no allocation beyond the result.
    if (
      cell.text === undefined &&
      (cell.numFmt === undefined || cell.numFmt === "General") &&
      v === v &&
      v <= MAX_ABS &&
      v >= -MAX_ABS
    ) {
      return { kind: "number", value: v, decimals: v % 1 === 0 ? 0 : shortestDecimals(v), unitKind: "none" };
    }
    return parseNumberCell(v, cell);
  }
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "string") return parseText(v);
  if (typeof v === "boolean") return notANumber(cell.text ?? (v ? "TRUE" : "FALSE"), "boolean");
  if (v instanceof Date) return notANumber(cell.text ?? dateText(v), "date");
  if (isCellError(v)) return { kind: "error", code: String(v.error) };
  return notANumber(cell.text ?? String(v));
}
