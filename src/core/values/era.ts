/**
 * Western / Japanese era year pairs in text (DOMAIN §3.6): `2025（令和8）年` is wrong (令和8年 = 2026).
 *
 * Recognised pairs (full-width digits, brackets and spaces allowed; 元 = 1; 年 or 年度 on either side):
 *   2025（令和7）年   2025(令和7年)   2025年（令和7年）   2025年度（令和7年度）
 *   令和7（2025）年   令和7年（2025年）   令和7（2025）年度   令和元年（2019年）
 *   R7(2025)   2025(R7)   R7年度（2025年度）   H30（2018）
 * R and H stand for 令和 and 平成 when they do not close a word (`PJR7` is no era) and when the pair is off by
 * at most ABBREVIATION_WINDOW years: `H1(2025)` is more likely a first half-year than 平成元年 mistyped.
 * 令和 n = 2018 + n, 平成 n = 1988 + n, 昭和 n = 1925 + n. A bracket that goes on after the year
 * (`2022（令和4年9月策定）`) is not a pair. Only mismatches are returned; `index` and `match` refer to the
 * original text.
 */
export type Era = "令和" | "平成" | "昭和";

export interface EraMismatch {
  /** The pair as written, e.g. `2025（令和8）年` or `R8(2025)`. */
  match: string;
  western: number;
  /** The era, spelt out (R → 令和, H → 平成). */
  era: Era;
  eraYear: number;
  /** The Western year the era year stands for. */
  expectedWestern: number;
  /** Offset of match in the text. */
  index: number;
}

const ERA_BASE: Record<Era, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
const ABBREVIATION: Record<string, Era> = { R: "令和", H: "平成", Ｒ: "令和", Ｈ: "平成" };
/** Largest difference reported for an abbreviated era (R8(2025) is off by 1; H1(2025) by 36: not an era). */
const ABBREVIATION_WINDOW = 10;

// The expression runs on the text as written (no width-folded copy: this runs on every text cell), so digits,
// brackets and letters are matched in both widths; \s also matches the ideographic space.
const D = "[0-9０-９]";
const OPEN = "[(（]";
const CLOSE = "[)）]";
const YEAR_SUFFIX = "(?:年度|年)?";
const WESTERN = `(?<![0-9０-９.,．，])(?<w1>${D}{4})(?!${D})`;
/** An era: the name, or its initial R / H not closing a word (`PJR7` is no era). */
const eraOf = (n: string) =>
  `(?:(?<e${n}>令和|平成|昭和)|(?<![A-Za-zＡ-Ｚａ-ｚ])(?<a${n}>[RHＲＨ]))\\s*(?<n${n}>元|${D}{1,2})(?!${D})`;
const WESTERN2 = `(?<w2>${D}{4})(?!${D})`;

/** Western (era) or era (Western); the trailing 年/年度 after the bracket is part of the match. */
const PAIR_RE = new RegExp(
  `${WESTERN}\\s*${YEAR_SUFFIX}\\s*${OPEN}\\s*${eraOf("1")}\\s*${YEAR_SUFFIX}\\s*${CLOSE}${YEAR_SUFFIX}` +
    `|${eraOf("2")}\\s*${YEAR_SUFFIX}\\s*${OPEN}\\s*${WESTERN2}\\s*${YEAR_SUFFIX}\\s*${CLOSE}${YEAR_SUFFIX}`,
  "g",
);

/** An era name, or R / H (half- or full-width) before a digit or 元. */
const ERA_MARK_RE = /令和|平成|昭和|[RHＲＨ]\s*[0-9０-９元]/;
/** Four digits in a row (half- or full-width). */
const YEAR_RE = /[0-9０-９]{4}/;

/**
 * Cheap pre-test, for scanning every text cell of a sheet: could text hold an era pair at all (an era mark
 * and a four-digit year)? False for most text, without running the pair expression.
 */
export function mayHoldEraPair(text: string): boolean {
  return text.length >= 6 && ERA_MARK_RE.test(text) && YEAR_RE.test(text);
}

/** A run of digits of either width as a number. */
function digits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return n;
}

export function findEraMismatches(text: string): EraMismatch[] {
  if (typeof text !== "string" || !mayHoldEraPair(text)) return [];
  const out: EraMismatch[] = [];
  PAIR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // exec, not matchAll: no iterator and no copy of the expression per call.
  while ((m = PAIR_RE.exec(text)) !== null) {
    const g = m.groups!;
    const western = digits(g.w1 ?? g.w2);
    const abbreviated = g.a1 ?? g.a2;
    const era = (g.e1 ?? g.e2 ?? ABBREVIATION[abbreviated]) as Era;
    const n = g.n1 ?? g.n2;
    const eraYear = n === "元" ? 1 : digits(n);
    if (eraYear < 1) continue;
    const expectedWestern = ERA_BASE[era] + eraYear;
    if (western === expectedWestern) continue;
    if (abbreviated !== undefined && Math.abs(western - expectedWestern) > ABBREVIATION_WINDOW) continue;
    out.push({ match: m[0], western, era, eraYear, expectedWestern, index: m.index });
  }
  return out;
}
