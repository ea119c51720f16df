/** Figures inside typed text: a single `[label] figure [*]`, labelled shares, bracketed parts (DOMAIN §2.1). */
import type { Figure, Parsed } from "./types";
import {
  COMMA_RE,
  HAS_LETTER_RE,
  LABEL_TRAIL_RE,
  MAX_ABS,
  SHARE_ITEM_RE,
  STANDALONE_FIG_RE,
  TRAILING_FIG_RE,
  isSpace,
} from "./lexicon";

// ---------------------------------------------------------------------------------------------------------
// Text

interface RawFigure extends Figure {
  /** The label was followed by a colon (`採択企業数：40社`). */
  colon?: boolean;
}

export function notANumber(text: string, reason: "text" | "date" | "boolean" | "too-large" = "text"): Parsed {
  return { kind: "not-a-number", text, reason };
}

/** Builds the figure from FIG's named groups; null when too large. */
function figureFromGroups(g: Record<string, string | undefined>): RawFigure | null {
  const int = g.int!.includes(",") ? g.int!.replace(COMMA_RE, "") : g.int!;
  const frac = g.frac ?? "";
  const literal = frac ? `${int}.${frac}` : int;
  // Number() of a decimal string is the nearest double: "1,443" → exactly 1443, "145.7万" → exactly 1457000.
  let value = g.man ? Number(`${literal}e4`) : Number(literal);
  const decimals = frac.length - (g.man ? 4 : 0);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS) return null;
  const sign = g.sign;
  if (sign !== undefined && sign !== "+" && value !== 0) value = -value;
  const f: RawFigure = { value, decimals };
  if (g.unit) f.unit = g.unit;
  return f;
}

/** Label text from the original, or undefined when empty; null when the prefix cannot be a label. */
function labelOf(norm: string, orig: string, start: number, end: number): string | undefined | null {
  const normLabel = norm.slice(start, end).replace(LABEL_TRAIL_RE, "").trim();
  if (normLabel === "") return undefined;
  if (normLabel.startsWith("=")) return null;
  if (!HAS_LETTER_RE.test(normLabel)) return null;
  if (STANDALONE_FIG_RE.test(normLabel)) return null; // "12件 3件"
  const o = orig.slice(start, end).trim();
  // Drop the separator colon (ASCII or full-width) from the original.
  return o.replace(/[\s:：]+$/, "");
}

interface Single {
  figure: RawFigure;
  star: boolean;
  tooLarge: boolean;
}

/** `[label[:]] figure [*]` filling norm[start, end) (already trimmed). */
export function parseSingle(norm: string, orig: string, start: number, end: number): Single | null {
  const m = TRAILING_FIG_RE.exec(start === 0 && end === norm.length ? norm : norm.slice(start, end));
  if (!m || !m.groups) return null;
  const figStart = start + m.index;
  const label = labelOf(norm, orig, start, figStart);
  if (label === null) return null;
  const figure = figureFromGroups(m.groups);
  if (!figure) return { figure: { value: NaN, decimals: 0 }, star: false, tooLarge: true };
  if (label !== undefined) {
    figure.label = label;
    if (/[:：]\s*$/.test(orig.slice(start, figStart))) figure.colon = true;
  }
  return { figure, star: m.groups.star !== undefined, tooLarge: false };
}

/** `男：89.0% 女：11.0%` — two or more labelled figures covering norm[start, end). */
export function parseShares(norm: string, orig: string, start: number, end: number): RawFigure[] | null {
  const s = norm.slice(start, end);
  const out: RawFigure[] = [];
  SHARE_ITEM_RE.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    SHARE_ITEM_RE.lastIndex = pos;
    const m = SHARE_ITEM_RE.exec(s);
    if (!m || !m.groups || !m.indices) return null;
    const li = m.indices.groups!.label;
    const label = orig.slice(start + li[0], start + li[1]);
    if (!HAS_LETTER_RE.test(m.groups.label)) return null;
    const f = figureFromGroups(m.groups);
    if (!f) return null;
    f.label = label;
    out.push(f);
    pos = SHARE_ITEM_RE.lastIndex;
    while (pos < s.length && /\s/.test(s[pos])) pos++;
  }
  return out.length >= 2 ? out : null;
}

/** The pieces of a bracket's inside, split at ／ and 、 and trimmed, as [start, end) spans; null when one is empty. */
export function bracketPieces(norm: string, start: number, end: number): [number, number][] | null {
  const pieces: [number, number][] = [];
  let p = start;
  while (p <= end) {
    let q = p;
    while (q < end && norm[q] !== "/" && norm[q] !== "、") q++;
    let a = p;
    let b = q;
    while (a < b && isSpace(norm.charCodeAt(a))) a++;
    while (b > a && isSpace(norm.charCodeAt(b - 1))) b--;
    if (a === b) return null;
    pieces.push([a, b]);
    p = q + 1;
  }
  return pieces;
}

/** Pieces of a bracket `(22件/29件)` as figures; null when any piece is not one (then it is a remark). */
export function parseBracketParts(norm: string, orig: string, start: number, end: number): RawFigure[] | null {
  const pieces = bracketPieces(norm, start, end);
  if (!pieces) return null;
  const parts: RawFigure[] = [];
  for (const [a, b] of pieces) {
    const single = parseSingle(norm, orig, a, b);
    if (!single || single.tooLarge || single.star) return null;
    parts.push(single.figure);
  }
  return parts.length > 0 ? parts : null;
}

export function plain(f: RawFigure): Figure {
  const out: Figure = { value: f.value, decimals: f.decimals };
  if (f.unit !== undefined) out.unit = f.unit;
  if (f.label !== undefined) out.label = f.label;
  return out;
}

/** Index of the "(" matching the ")" at close, or -1. */
export function matchingOpen(norm: string, from: number, close: number): number {
  let depth = 0;
  for (let i = close; i >= from; i--) {
    const c = norm[i];
    if (c === ")") depth++;
    else if (c === "(") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
