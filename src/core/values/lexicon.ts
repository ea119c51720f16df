/** Units, width folding and the figure grammar's regular expressions, shared by the text and cell parsers (DOMAIN §2.1). */
import type { Parsed, UnitKind } from "./types";

// ---------------------------------------------------------------------------------------------------------
// Units

export const UNIT_KINDS: Readonly<Record<string, UnitKind>> = {
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
  // A switch, not UNIT_KINDS[unit]: units are sliced from cell text, and a property lookup by a string not
  // internalised costs a string-table probe on every call.
  switch (unit) {
    case "件":
    case "人":
    case "名":
    case "社":
    case "施設":
    case "拠点":
    case "試験":
    case "編":
      return "count";
    case "億円":
    case "百万円":
    case "千円":
    case "円":
      return "amount";
    case "%":
      return "percent";
    default:
      return "none";
  }
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

export const UNIT_ALT = "億円|百万円|千円|円|件|人|名|社|施設|拠点|試験|編|%";

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
export const TRAILING_FIG_RE = new RegExp(`${FIG}\\s*(?<star>\\*)?\\s*$`);

/** A figure standing alone (between spaces/colons) inside a label: the label is then not a label. */
export const STANDALONE_FIG_RE = new RegExp(`(?:^|[\\s:])${FIG}(?=[\\s:]|$)`);

/** One `label[:] figure` item of a shares list (`男：89.0% 女：11.0%`); sticky, with indices. */
export const SHARE_ITEM_RE = new RegExp(
  `[\\s、,;/]*(?<label>[^\\s\\d:()/、,;▲△+\\-][^\\s:()/、,;]*?)\\s*(?<colon>:)?\\s*${FIG}(?=[\\s、,;/]|$)`,
  "dy",
);

export const PLACEHOLDER_RE =
  /^[-\u2010-\u2015\u2212\uFE63\uFF0D\u30FC\uFF70\u2500\u2501](?:\s*[-\u2010-\u2015\u2212\uFE63\uFF0D\u30FC\uFF70\u2500\u2501])*$/;
export const HAS_LETTER_RE = /\p{L}/u;
export const LABEL_TRAIL_RE = /[\s:]+$/;
export const OF_WHICH_RE = /^(?:うち|内)/;
export const AVERAGE_RE = /平均$/;
export const DIGIT_RE = /\d/;
export const COMMA_RE = /,/g;

export const ERROR_CODES = new Set([
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
export const MAX_ABS = 1e15;
/** Longer text is prose, not a figure; skip the regexes. */
export const MAX_FIGURE_TEXT = 400;

export const EMPTY: Parsed = Object.freeze({ kind: "empty" });

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isSpace(c: number): boolean {
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
