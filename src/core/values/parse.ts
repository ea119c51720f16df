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
import type { Approximate, Figure, NumberValue, Parsed, UnitKind } from "./types";

// ---------------------------------------------------------------------------------------------------------
// Units

const UNIT_KINDS: Readonly<Record<string, UnitKind>> = {
  件: "count",
  人: "count",
  名: "count",
  社: "count",
  施設: "count",
  拠点: "count",
  試験: "count",
  編: "count",
  億円: "amount",
  百万円: "amount",
  千円: "amount",
  円: "amount",
  "%": "percent",
};

/** count for 件 人 名 社 施設 拠点 試験 編, amount for 億円 百万円 千円 円, percent for %, none otherwise. */
export function unitKindOf(unit: string | undefined): UnitKind {
  if (unit === undefined) return "none";
  return UNIT_KINDS[unit] ?? "none";
}

// ---------------------------------------------------------------------------------------------------------
// Width folding

const FOLD_RE = /[\uFF01-\uFF5E\u3000\u00A0\u2010-\u2015\u2212\uFE63]/g;

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) {
    const ascii = String.fromCharCode(c - 0xfee0);
    // Full-width hyphen-minus (－) is a dash like the others.
    return ascii;
  }
  if (c === 0x3000 || c === 0x00a0) return " ";
  return "-"; // U+2010–2015, U+2212, U+FE63
}

/**
 * Full-width ASCII → ASCII, ideographic/no-break space → space, dash variants (‐ ‑ ‒ – — ― − ﹣ －) → "-".
 * One UTF-16 unit in, one out: indices into the result are indices into the input.
 * (The katakana long mark ー is left alone: it is a letter inside words.)
 */
export function foldWidth(text: string): string {
  return text.replace(FOLD_RE, foldChar);
}

// ---------------------------------------------------------------------------------------------------------
// Regular expressions (compiled once)

const UNIT_ALT = "億円|百万円|千円|円|件|人|名|社|施設|拠点|試験|編|%";

/**
 * One written figure: sign, digits (thousands separators only in groups of three), fraction, 万, unit.
 * Not preceded by an ASCII letter, digit or operator, so `R5`, `PJ8`, `1-2`, `12.3.4` and `=1+1` yield no figure.
 * A space may stand before 万 and the unit (`４６７．３ 億円`, `158 件`).
 */
const FIG =
  "(?<![A-Za-z0-9.,~_+\\-*/=#&^▲△])" +
  "(?<sign>[▲△]\\s*|[-+])?" +
  "(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)" +
  "(?:\\.(?<frac>\\d+))?" +
  "(?:\\s*(?<man>万))?" +
  `(?:\\s*(?<unit>${UNIT_ALT}))?`;

/** The figure that ends a (trimmed) string, optionally followed by the cumulative marker `*`. */
const TRAILING_FIG_RE = new RegExp(`${FIG}\\s*(?<star>\\*)?\\s*$`);

/** A figure standing alone (between spaces/colons) inside a label: the label is then not a label. */
const STANDALONE_FIG_RE = new RegExp(`(?:^|[\\s:])${FIG}(?=[\\s:]|$)`);

/** One `label[:] figure` item of a shares list (`男：89.0% 女：11.0%`); sticky, with indices. */
const SHARE_ITEM_RE = new RegExp(
  `[\\s、,;/]*(?<label>[^\\s\\d:()/、,;▲△+\\-][^\\s:()/、,;]*?)\\s*(?<colon>:)?\\s*${FIG}(?=[\\s、,;/]|$)`,
  "dy",
);

const PLACEHOLDER_RE =
  /^[-\u2010-\u2015\u2212\uFE63\uFF0D\u30FC\uFF70\u2500\u2501](?:\s*[-\u2010-\u2015\u2212\uFE63\uFF0D\u30FC\uFF70\u2500\u2501])*$/;
const HAS_LETTER_RE = /\p{L}/u;
const LABEL_TRAIL_RE = /[\s:]+$/;
const OF_WHICH_RE = /^(?:うち|内)/;
const AVERAGE_RE = /平均$/;
const DIGIT_RE = /\d/;
const COMMA_RE = /,/g;

const ERROR_CODES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/** Values beyond this are not budget figures (and lose integer precision in doubles). */
const MAX_ABS = 1e15;
/** Longer text is prose, not a figure; skip the regexes. */
const MAX_FIGURE_TEXT = 400;

const EMPTY: Parsed = Object.freeze({ kind: "empty" });

// ---------------------------------------------------------------------------------------------------------
// Text

interface RawFigure extends Figure {
  /** The label was followed by a colon (`採択企業数：40社`). */
  colon?: boolean;
}

function notANumber(text: string, reason: "text" | "date" | "boolean" | "too-large" = "text"): Parsed {
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
function parseSingle(norm: string, orig: string, start: number, end: number): Single | null {
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
function parseShares(norm: string, orig: string, start: number, end: number): RawFigure[] | null {
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
function bracketPieces(norm: string, start: number, end: number): [number, number][] | null {
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
function parseBracketParts(norm: string, orig: string, start: number, end: number): RawFigure[] | null {
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

function plain(f: RawFigure): Figure {
  const out: Figure = { value: f.value, decimals: f.decimals };
  if (f.unit !== undefined) out.unit = f.unit;
  if (f.label !== undefined) out.label = f.label;
  return out;
}

/** Index of the "(" matching the ")" at close, or -1. */
function matchingOpen(norm: string, from: number, close: number): number {
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

// ---------------------------------------------------------------------------------------------------------
// Approximate figures (DOMAIN §2.1): `約70`, `70程度`, `概ね70`, `70前後` are not numbers to compute with.
//
// Approximate: a word before the figure (約 概ね おおむね およそ おおよそ 凡そ 大凡 大体 だいたい ほぼ,
// or ～ 〜 ≒ ≈ standing before it), between figure and unit (70余件, 70有余名, 70数件) or after it (程度 前後
// くらい ぐらい ほど 程 内外 見当 強 弱 余 余り 有余), and a remark that says so (`70件（概数）`).
// Not approximate: bounds (以上 以下 未満 超 まで: a target reader reads them as thresholds), 位 (`第1位`,
// `70位` is a rank), 概算 before a figure (`概算要求 70億円` is an exact request), 見込み / 推計 / 速報値
// remarks (provisional figures, still exact), ranges (`70～80件`, not a single figure either way).

/** Words before a figure (longest first); the symbols only when they do not follow a letter or digit (`R3~5`). */
const APPROX_BEFORE = "おおむね|おおよそ|およそ|概ね|凡そ|大凡|大体|だいたい|ほぼ|約|(?<![A-Za-z0-9.])[~〜∼≒≈]";
/** After the figure, or after its unit (`70件程度`, `70件余り`). */
const APPROX_AFTER = "程度|前後|くらい|ぐらい|ほど|程|内外|見当|強|弱|有余|余り|余";
/** Between the figure and its unit: `70余件`, `70有余名`, `20数件` (数 only before a unit). */
const APPROX_INSIDE = `有余|余り|余|数(?=\\s*万?\\s*(?:${UNIT_ALT}))`;

/**
 * A figure with its qualifiers, followed by the end, a space, a separator or a bracket (so `約2割増` and
 * `約70件を予定` are prose, not figures). Groups with indices: pre, num, mid, post.
 */
const APPROX_RE = new RegExp(
  `(?:(?<pre>${APPROX_BEFORE})\\s*)?` +
    "(?<num>(?<![A-Za-z0-9.,_+\\-*/=#&^])(?:[▲△]\\s*|[-+])?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)" +
    `(?:\\s*(?<mid>${APPROX_INSIDE}))?` +
    "(?:\\s*万)?" +
    `(?:\\s*(?:${UNIT_ALT}))?` +
    `(?:\\s*(?<post>${APPROX_AFTER}))?` +
    "(?=\\s*\\*?\\s*(?:[\\s、,;/:()]|$))",
  "dg",
);

/** Cheap pre-test: a character of some qualifier. */
const APPROX_QUICK_RE = /[約概凡大だおほ~〜∼≒≈余有数程前くぐ内見強弱]/;

/** 約 closing a word is not a qualifier: 契約70件, 成約 12件, 集約 3拠点. */
const YAKU_COMPOUND = new Set([..."契成予集要条制規節誓協盟特婚公確解締違売簡倹"]);

/** A bracket that only says the figure is approximate: `70件（概数）`. */
const APPROX_REMARK_RE = /^(?:概数|概数値|概算|概算値|概値)$/;

/**
 * The first approximate figure in norm[start, end), with qualifier and figure sliced from the original;
 * with `whole`, only one that ends the slice (a bracket part).
 */
function findApproximate(
  norm: string,
  orig: string,
  start: number,
  end: number,
  whole: boolean,
): Approximate | undefined {
  const seg = norm.slice(start, end);
  if (!APPROX_QUICK_RE.test(seg)) return undefined;
  APPROX_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = APPROX_RE.exec(seg)) !== null) {
    const g = m.indices!.groups!;
    let pre: [number, number] | undefined = g.pre;
    if (pre && seg[pre[0]] === "約" && pre[0] > 0 && YAKU_COMPOUND.has(seg[pre[0] - 1])) pre = undefined;
    const q = pre ?? g.mid ?? g.post;
    if (!q) continue;
    const figEnd = m.index + m[0].length;
    if (whole && seg.slice(figEnd).trim() !== "") continue;
    const figStart = pre ? pre[0] : g.num[0];
    return {
      qualifier: orig.slice(start + q[0], start + q[1]),
      figure: orig.slice(start + figStart, start + figEnd).trim(),
    };
  }
  return undefined;
}

/**
 * An approximate figure among the pieces of a bracket of parts (`（約9件／3件）`, `（採択企業数：約40社）`):
 * every piece a figure, at least one approximate. Undefined when the bracket is a remark.
 */
function approximateInBracket(norm: string, orig: string, start: number, end: number): Approximate | undefined {
  if (!APPROX_QUICK_RE.test(norm.slice(start, end))) return undefined;
  const pieces = bracketPieces(norm, start, end);
  if (!pieces) return undefined;
  let found: Approximate | undefined;
  for (const [a, b] of pieces) {
    const approx = findApproximate(norm, orig, a, b, true);
    if (approx) found ??= approx;
    else {
      const single = parseSingle(norm, orig, a, b);
      if (!single || single.tooLarge || single.star) return undefined;
    }
  }
  return found;
}

function approximate(text: string, a: Approximate): Parsed {
  return { kind: "not-a-number", text, reason: "approximate", approximate: a };
}

/**
 * Parses typed text (DOMAIN §2.1): numbers with units, negatives (▲ △ -), placeholders, composite values
 * with bracketed parts, labelled values and labelled shares. Never throws.
 *
 * Strings that are Excel error codes (`#REF!`) are `error`; text starting with "=" is text.
 */
export function parseText(text: string): Parsed {
  if (typeof text !== "string") return notANumber(String(text));
  const c0 = text.charCodeAt(0);
  if (c0 >= 0x30 && c0 <= 0x39) {
    const simple = parsePlainFigure(text);
    if (simple !== undefined) return simple;
  }
  const orig = text;
  const norm = foldWidth(orig);
  let s = 0;
  let e = norm.length;
  while (s < e && isSpace(norm.charCodeAt(s))) s++;
  while (e > s && isSpace(norm.charCodeAt(e - 1))) e--;
  if (s === e) return EMPTY;
  const trimmed = orig.slice(s, e);
  if (e - s <= 8 && PLACEHOLDER_RE.test(trimmed)) return { kind: "placeholder", text: trimmed };
  if (norm.charCodeAt(s) === 0x23 /* # */ && ERROR_CODES.has(norm.slice(s, e).toUpperCase())) {
    return { kind: "error", code: norm.slice(s, e).toUpperCase() };
  }
  if (e - s > MAX_FIGURE_TEXT || norm.charCodeAt(s) === 0x3d /* = */) return notANumber(trimmed);
  const body = norm.slice(s, e);
  if (!DIGIT_RE.test(body)) return notANumber(trimmed);

  // A trailing bracket: parts, a secondary figure or a remark.
  let mainEnd = e;
  let innerStart = -1;
  let innerEnd = -1;
  if (norm[e - 1] === ")") {
    const open = matchingOpen(norm, s, e - 1);
    if (open < 0) return notANumber(trimmed);
    innerStart = open + 1;
    innerEnd = e - 1;
    mainEnd = open;
    while (mainEnd > s && isSpace(norm.charCodeAt(mainEnd - 1))) mainEnd--;
    if (mainEnd === s) return notANumber(trimmed);
    if (norm[mainEnd - 1] === ")") return notANumber(trimmed);
  }
  let is = innerStart;
  let ie = innerEnd;
  if (innerStart >= 0) {
    while (is < ie && isSpace(norm.charCodeAt(is))) is++;
    while (ie > is && isSpace(norm.charCodeAt(ie - 1))) ie--;
  }
  // An approximate figure, in the main text or among the parts, is not a number to compute with.
  const approx =
    findApproximate(norm, orig, s, mainEnd, false) ??
    (innerStart >= 0 && is < ie ? approximateInBracket(norm, orig, is, ie) : undefined);
  if (approx) return approximate(trimmed, approx);

  const inner = innerStart >= 0 && is < ie ? parseBracketParts(norm, orig, is, ie) : null;
  const remark = innerStart >= 0 ? orig.slice(innerStart, innerEnd).trim() : undefined;

  // Labelled shares: 男：89.0% 女：11.0%
  if (DIGIT_RE.test(norm.slice(s, mainEnd))) {
    const shares = parseShares(norm, orig, s, mainEnd);
    if (shares) {
      if (inner && inner.every((f) => f.label !== undefined)) shares.push(...inner);
      return { kind: "shares", shares: shares.map(plain) };
    }
  }

  const single = parseSingle(norm, orig, s, mainEnd);
  if (!single) return notANumber(trimmed);
  if (single.tooLarge) return notANumber(trimmed, "too-large");
  const main = single.figure;
  const out: NumberValue = {
    kind: "number",
    value: main.value,
    decimals: main.decimals,
    unitKind: unitKindOf(main.unit),
  };
  if (main.unit !== undefined) out.unit = main.unit;
  if (main.label !== undefined) out.label = main.label;

  if (innerStart >= 0) {
    if (!inner) {
      if (remark && APPROX_REMARK_RE.test(remark.normalize("NFKC").replace(/\s+/g, ""))) {
        return approximate(trimmed, { qualifier: remark, figure: trimmed });
      }
      if (remark) out.remark = remark;
    } else if (single.star) {
      out.parts = inner.map(plain);
      out.partsKind = "cumulative";
    } else if (main.label !== undefined && AVERAGE_RE.test(main.label)) {
      out.parts = inner.map(plain);
      out.partsKind = "average";
    } else if (inner.length >= 2) {
      out.parts = inner.map(plain);
      out.partsKind = "breakdown";
    } else {
      const only = inner[0];
      const secondary =
        only.label !== undefined && !OF_WHICH_RE.test(only.label) && (only.colon === true || only.unit !== main.unit);
      if (secondary) out.secondary = plain(only);
      else {
        out.parts = [plain(only)];
        out.partsKind = "of-which";
      }
    }
  }
  return out;
}

/** The units a plain figure may end with (UNIT_ALT). */
const PLAIN_UNITS: ReadonlySet<string> = new Set(UNIT_ALT.split("|"));

/**
 * Fast path of parseText for the commonest typed figure: ASCII digits, an optional fraction and an optional
 * unit, nothing else (`12`, `306億円`, `15.2%`). Undefined for anything else, which the general parser reads
 * (it gives the same result for these).
 */
function parsePlainFigure(text: string): Parsed | undefined {
  const n = text.length;
  if (n > 24) return undefined;
  let i = 0;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === 0 || i > 15) return undefined;
  let decimals = 0;
  if (i < n && text.charCodeAt(i) === 0x2e /* . */) {
    const from = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    decimals = i - from;
    if (decimals === 0) return undefined;
  }
  let unit: string | undefined;
  if (i < n) {
    unit = text.slice(i);
    if (!PLAIN_UNITS.has(unit)) return undefined;
  }
  const value = Number(unit === undefined ? text : text.slice(0, i));
  if (!(value <= MAX_ABS)) return undefined;
  const out: NumberValue = { kind: "number", value, decimals, unitKind: unitKindOf(unit) };
  if (unit !== undefined) out.unit = unit;
  return out;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0xfeff
  );
}

// ---------------------------------------------------------------------------------------------------------
// Number formats

interface FormatInfo {
  general: boolean;
  date: boolean;
  percent: boolean;
  /** Minimum and maximum decimals shown (0.0# → 1, 2); null when not fixed (General, scientific). */
  minDecimals: number | null;
  maxDecimals: number | null;
  /** Trailing thousands commas: "#,##0," shows thousands → decimals −3. */
  scaleCommas: number;
  /** Scientific format (0.00E+00): decimals are mantissa decimals − exponent. */
  scientific?: boolean;
  unit?: string;
}

const GENERAL_FORMAT: FormatInfo = {
  general: true,
  date: false,
  percent: false,
  minDecimals: null,
  maxDecimals: null,
  scaleCommas: 0,
};

const FORMAT_CACHE = new Map<string, FormatInfo>();

function firstSection(code: string): string {
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === "\\" && !inQuote) i++;
    else if (c === ";" && !inQuote) return code.slice(0, i);
  }
  return code;
}

/** Reads an Excel number format code (first section). Cached per code. */
export function analyzeFormat(code: string | undefined): FormatInfo {
  if (code === undefined || code === "" || code === "General" || code === "general" || code === "@")
    return GENERAL_FORMAT;
  const cached = FORMAT_CACHE.get(code);
  if (cached) return cached;
  const info = analyzeFormatUncached(code);
  if (FORMAT_CACHE.size < 10000) FORMAT_CACHE.set(code, info);
  return info;
}

function analyzeFormatUncached(code: string): FormatInfo {
  const section = firstSection(code);
  let core = "";
  let literal = "";
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const j = section.indexOf('"', i + 1);
      const stop = j < 0 ? section.length : j;
      literal += section.slice(i + 1, stop);
      i = stop;
    } else if (c === "\\") {
      literal += section[i + 1] ?? "";
      i++;
    } else if (c === "[") {
      const j = section.indexOf("]", i + 1);
      i = j < 0 ? section.length : j;
    } else if (c === "_" || c === "*") {
      i++;
    } else if (c.charCodeAt(0) > 0x7f) {
      literal += c;
    } else {
      core += c;
    }
  }
  const lowerCore = core.toLowerCase();
  if (lowerCore.trim() === "general" || lowerCore.trim() === "@" || lowerCore.trim() === "") {
    const unit = literal.trim();
    return { ...GENERAL_FORMAT, general: lowerCore.trim() !== "", ...(UNIT_KINDS[unit] ? { unit } : {}) };
  }
  const scientific = /e[+-]/i.test(core);
  const withoutSci = core.replace(/e[+-]/gi, "");
  // Any other ASCII letter in a format is a date/time token (y m d h s, ggg e for eras, aaa for weekdays, AM/PM).
  const date = /[a-z]/i.test(withoutSci);
  const percent = core.includes("%");
  const unitText = literal.trim();
  const unit = percent ? "%" : UNIT_KINDS[unitText] ? unitText : undefined;
  if (date) return { general: false, date: true, percent: false, minDecimals: null, maxDecimals: null, scaleCommas: 0 };
  const hasDigits = /[0#?]/.test(core);
  if (!hasDigits) {
    return {
      general: true,
      date: false,
      percent,
      minDecimals: null,
      maxDecimals: null,
      scaleCommas: 0,
      ...(unit ? { unit } : {}),
    };
  }
  let minDecimals = 0;
  let maxDecimals = 0;
  const dot = core.indexOf(".");
  if (dot >= 0) {
    for (let i = dot + 1; i < core.length; i++) {
      const c = core[i];
      if (c === "0") {
        minDecimals = maxDecimals + 1;
        maxDecimals++;
      } else if (c === "#" || c === "?") maxDecimals++;
      else if (c === ",") continue;
      else break;
    }
  }
  let lastPlaceholder = -1;
  for (let i = core.length - 1; i >= 0; i--) {
    const c = core[i];
    if (c === "0" || c === "#" || c === "?") {
      lastPlaceholder = i;
      break;
    }
  }
  let scaleCommas = 0;
  for (let i = lastPlaceholder + 1; i < core.length && core[i] === ","; i++) scaleCommas++;
  if (scientific) {
    const mantissa = core.slice(0, core.search(/e[+-]/i));
    const m = analyzeFormatUncached(mantissa);
    return { ...m, percent, scientific: true, scaleCommas: 0, ...(unit ? { unit } : {}) };
  }
  return { general: false, date: false, percent, minDecimals, maxDecimals, scaleCommas, ...(unit ? { unit } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Cells

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
// Builtins bound once: a global lookup per call is costly in some hosts (vm contexts such as jest's).
const mathRound = Math.round;

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
