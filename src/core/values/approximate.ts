// Approximate figures (DOMAIN §2.1): `約70`, `70程度`, `概ね70`, `70前後` are not numbers to compute with.
//
// Approximate: a word before the figure (約 概ね おおむね およそ おおよそ 凡そ 大凡 大体 だいたい ほぼ,
// or ～ 〜 ≒ ≈ standing before it), between figure and unit (70余件, 70有余名, 70数件) or after it (程度 前後
// くらい ぐらい ほど 程 内外 見当 強 弱 余 余り 有余), and a remark that says so (`70件（概数）`).
// Not approximate: bounds (以上 以下 未満 超 まで: a target reader reads them as thresholds), 位 (`第1位`,
// `70位` is a rank), 概算 before a figure (`概算要求 70億円` is an exact request), 見込み / 推計 / 速報値
// remarks (provisional figures, still exact), ranges (`70～80件`, not a single figure either way).
import type { Approximate, Parsed } from "./types";
import { UNIT_ALT } from "./lexicon";
import { bracketPieces, parseSingle } from "./figures";

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
export const APPROX_REMARK_RE = /^(?:概数|概数値|概算|概算値|概値)$/;

/**
 * The first approximate figure in norm[start, end), with qualifier and figure sliced from the original;
 * with `whole`, only one that ends the slice (a bracket part).
 */
export function findApproximate(
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
export function approximateInBracket(norm: string, orig: string, start: number, end: number): Approximate | undefined {
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

export function approximate(text: string, a: Approximate): Parsed {
  return { kind: "not-a-number", text, reason: "approximate", approximate: a };
}

/**
 * Parses typed text (DOMAIN §2.1): numbers with units, negatives (▲ △ -), placeholders, composite values
 * with bracketed parts, labelled values and labelled shares. Never throws.
 *
 * Strings that are Excel error codes (`#REF!`) are `error`; text starting with "=" is text.
 */
