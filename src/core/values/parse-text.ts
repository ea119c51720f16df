/** parseText: what typed text means as a figure (DOMAIN §2.1). */
import type { NumberValue, Parsed } from "./types";
import {
  AVERAGE_RE,
  DIGIT_RE,
  EMPTY,
  ERROR_CODES,
  MAX_ABS,
  MAX_FIGURE_TEXT,
  OF_WHICH_RE,
  PLACEHOLDER_RE,
  UNIT_ALT,
  foldWidth,
  isDigit,
  isSpace,
  unitKindOf,
} from "./lexicon";
import { matchingOpen, notANumber, parseBracketParts, parseShares, parseSingle, plain } from "./figures";
import { memoByText } from "./text-memo";
import { APPROX_REMARK_RE, approximate, approximateInBracket, findApproximate } from "./approximate";

/**
 * Texts read before, with what they mean: a workbook's sheets of one template, and a batch's files, type the same
 * figures and words (`12件`, `－`, `男：89.0% 女：11.0%`) in cell after cell. A result is shared by every cell of
 * its text, so it is frozen: a reader that would change it fails at once instead of changing other cells' values.
 * Bounded, as a batch of files brings new texts without end; long texts (prose) are not kept.
 */
const parseKnown = memoByText((text) => freeze(parseFresh(text)));
const PARSED_TEXT_MAX = 64;

export function parseText(text: string): Parsed {
  if (typeof text !== "string") return notANumber(String(text));
  return text.length > PARSED_TEXT_MAX ? parseFresh(text) : parseKnown(text);
}

function freeze(p: Parsed): Parsed {
  if (p.kind === "number") {
    if (p.parts) {
      for (const f of p.parts) Object.freeze(f);
      Object.freeze(p.parts);
    }
    if (p.secondary) Object.freeze(p.secondary);
  } else if (p.kind === "shares") {
    for (const f of p.shares) Object.freeze(f);
    Object.freeze(p.shares);
  } else if (p.kind === "not-a-number" && p.approximate) {
    Object.freeze(p.approximate);
  }
  return Object.freeze(p);
}

function parseFresh(text: string): Parsed {
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

/**
 * The units a plain figure may end with (UNIT_ALT), each to its own literal: the figure keeps the shared literal,
 * not a slice of the cell's text.
 */
const PLAIN_UNITS: ReadonlyMap<string, string> = new Map(UNIT_ALT.split("|").map((u) => [u, u]));

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
    unit = PLAIN_UNITS.get(text.slice(i));
    if (unit === undefined) return undefined;
  }
  const value = Number(unit === undefined ? text : text.slice(0, i));
  if (!(value <= MAX_ABS)) return undefined;
  const out: NumberValue = { kind: "number", value, decimals, unitKind: unitKindOf(unit) };
  if (unit !== undefined) out.unit = unit;
  return out;
}
