/**
 * Western / Japanese era year pairs in text (DOMAIN §3.6): `2025（令和8）年` is wrong (令和8年 = 2026).
 *
 * Recognised pairs (full-width digits, brackets and spaces allowed; 元 = 1; 年 or 年度 on either side):
 *   2025（令和7）年   2025(令和7年)   2025年（令和7年）   2025年度（令和7年度）
 *   令和7（2025）年   令和7年（2025年）   令和元年（2019年）
 * 令和 n = 2018 + n, 平成 n = 1988 + n. A bracket that goes on after the year (`2022（令和4年9月策定）`) is
 * not a pair. Only mismatches are returned; `index` and `match` refer to the original text.
 */
import { foldWidth } from "./parse";

export type Era = "令和" | "平成";

export interface EraMismatch {
  /** The pair as written, e.g. `2025（令和8）年`. */
  match: string;
  western: number;
  era: Era;
  eraYear: number;
  /** The Western year the era year stands for. */
  expectedWestern: number;
  /** Offset of match in the text. */
  index: number;
}

const ERA_BASE: Record<Era, number> = { 令和: 2018, 平成: 1988 };

const YEAR_SUFFIX = "(?:年度|年)?";
const WESTERN = "(?<![\\d.,])(?<w1>\\d{4})(?!\\d)";
const ERA = "(?<e1>令和|平成)\\s*(?<n1>元|\\d{1,2})(?!\\d)";
const WESTERN2 = "(?<w2>\\d{4})(?!\\d)";
const ERA2 = "(?<e2>令和|平成)\\s*(?<n2>元|\\d{1,2})(?!\\d)";

/** Western (era) or era (Western); the trailing 年/年度 after the bracket is part of the match. */
const PAIR_RE = new RegExp(
  `${WESTERN}\\s*${YEAR_SUFFIX}\\s*\\(\\s*${ERA}\\s*${YEAR_SUFFIX}\\s*\\)${YEAR_SUFFIX}` +
    `|${ERA2}\\s*${YEAR_SUFFIX}\\s*\\(\\s*${WESTERN2}\\s*${YEAR_SUFFIX}\\s*\\)${YEAR_SUFFIX}`,
  "gu",
);

const QUICK_RE = /令和|平成/;

export function findEraMismatches(text: string): EraMismatch[] {
  if (typeof text !== "string" || !QUICK_RE.test(text)) return [];
  const norm = foldWidth(text);
  const out: EraMismatch[] = [];
  PAIR_RE.lastIndex = 0;
  for (const m of norm.matchAll(PAIR_RE)) {
    const g = m.groups!;
    const western = Number(g.w1 ?? g.w2);
    const era = (g.e1 ?? g.e2) as Era;
    const n = g.n1 ?? g.n2!;
    const eraYear = n === "元" ? 1 : Number(n);
    if (eraYear < 1) continue;
    const expectedWestern = ERA_BASE[era] + eraYear;
    if (western === expectedWestern) continue;
    const index = m.index!;
    out.push({ match: text.slice(index, index + m[0].length), western, era, eraYear, expectedWestern, index });
  }
  return out;
}
