/**
 * Fiscal years and periods (DOMAIN §3.3): 期間 such as `R7-R11`, `令和6～10年度`, `R6〜R10`,
 * `令和7年度～令和11年度`, `2025-2029年度`, and the 報告年度 of a sheet (`令和7年度`, `R7`, `2025年度`).
 *
 * Years are Western fiscal years throughout (令和7年度 = 2025; 令和 n = 2018 + n, 平成 n = 1988 + n).
 */

export interface Period {
  /** First fiscal year (Western), e.g. 2024 for R6. */
  first: number;
  /** Last fiscal year (Western), inclusive. */
  last: number;
}

const ERA_BASE: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };

/** NFKC, no spaces, one kind of range separator (~), upper-case era letters. */
function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[〜~\u2010-\u2015\u2212\uFE63\uFF0D\u30FC\-]|から|より/g, "~")
    .replace(/([rh])(?=(?:\d|元))/g, (m) => m.toUpperCase());
}

/**
 * One year token: an era year (`令和7`, `R7`, `令和元`, `H30`) or a Western year (`2025`), optionally
 * followed by 年度 / 年. The lookbehind keeps `PJ7` or `AR7` from reading as a year.
 */
const ERA_YEAR = "(?<![A-Za-z])(?:令和|平成|R|H)(?:\\d{1,2}|元)(?!\\d)";
const WESTERN_YEAR = "(?<!\\d)(?:19|20)\\d\\d(?!\\d)";
const YEAR = `(?:${ERA_YEAR}|${WESTERN_YEAR})`;
const SUFFIX = "(?:年度|年)?(?:末|度)?";
/** Second year: a full token, or a bare number in the first one's era (`令和6～10年度`). */
const SECOND = `(?:${YEAR}|(?<![A-Za-z\\d])\\d{1,4}(?!\\d))`;

const RANGE_RE = new RegExp(`(${YEAR})${SUFFIX}~(${SECOND})${SUFFIX}`);
const YEAR_RE = new RegExp(YEAR);
const PER_YEAR_HEADER_RE = new RegExp(
  `^(?:実績|単年度?実績|実績値)?\\(?(${YEAR})(?:年度|年)?\\)?(?:実績|実績値|数値|値|単年度?実績|の実績|単年度?)?(?:\\([^()]*\\))?$`,
);

/** The Western fiscal year of one token (`令和7`, `R7`, `令和元`, `2025`), or undefined. */
function yearOf(token: string): number | undefined {
  const m = /^(令和|平成|R|H)(\d{1,2}|元)$/.exec(token);
  if (m) return ERA_BASE[m[1]] + (m[2] === "元" ? 1 : Number(m[2]));
  if (/^\d{4}$/.test(token)) return Number(token);
  return undefined;
}

function eraOf(token: string): string | undefined {
  return /^(令和|平成|R|H)/.exec(token)?.[1];
}

/**
 * The first period written in the text, or a single fiscal year as a one-year period. Undefined when
 * none is found or the range is backwards or longer than 30 years.
 */
export function parsePeriod(text: string | undefined | null): Period | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  const s = normalize(text);
  const m = RANGE_RE.exec(s);
  if (m) {
    const first = yearOf(m[1]);
    if (first !== undefined) {
      let last = yearOf(m[2]);
      if (last === undefined && /^\d+$/.test(m[2])) {
        const n = Number(m[2]);
        const era = eraOf(m[1]);
        if (era !== undefined) last = ERA_BASE[era] + n;
        else if (n < 100) last = Math.floor(first / 100) * 100 + n; // 2025-29
      }
      if (last !== undefined && last >= first && last - first < 30) return { first, last };
      return undefined;
    }
  }
  const single = parseFiscalYear(text);
  return single === undefined ? undefined : { first: single, last: single };
}

/** The first fiscal year written in the text (`令和7年度`, `R7`, `2025年度`, `令和元年度`), as a Western year. */
export function parseFiscalYear(text: string | undefined | null): number | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  const m = YEAR_RE.exec(normalize(text));
  return m ? yearOf(m[0]) : undefined;
}

/** Number of fiscal years in a period (R6–R10 → 5). */
export function yearsIn(period: Period): number {
  return period.last - period.first + 1;
}

/**
 * Years of the period elapsed at the end of the report year: reportYear − first + 1, clamped to
 * [0, years] (R7 in R6–R10 → 2).
 */
export function elapsedYears(period: Period, reportYear: number): number {
  const n = reportYear - period.first + 1;
  return Math.max(0, Math.min(yearsIn(period), n));
}

/** True when the fiscal year lies in the period. */
export function inPeriod(period: Period, year: number): boolean {
  return year >= period.first && year <= period.last;
}

/** 2025 → "令和7年度" (ja) or "FY2025" (en); years before 2019 in 平成. */
export function fiscalYearLabel(year: number, lang: "ja" | "en" = "ja"): string {
  if (lang === "en") return `FY${year}`;
  if (year >= 2019) return `令和${year === 2019 ? "元" : year - 2018}年度`;
  if (year >= 1989) return `平成${year === 1989 ? "元" : year - 1988}年度`;
  return `${year}年度`;
}

/** 2025 → "R7" (H for years before 2019; the Western year before 1989). */
export function shortYearLabel(year: number): string {
  if (year >= 2019) return `R${year - 2018}`;
  if (year >= 1989) return `H${year - 1988}`;
  return String(year);
}

/** "R6–R10" */
export function periodLabel(period: Period): string {
  return period.first === period.last
    ? shortYearLabel(period.first)
    : `${shortYearLabel(period.first)}–${shortYearLabel(period.last)}`;
}

/**
 * A per-year column header (`R6実績`, `令和7年度`, `R7`, `2025年度`, `実績（R6）`, `令和6年度実績`): the fiscal
 * year it holds, or undefined when the header is anything else (`令和10年度末までの達成目標`).
 */
export function perYearHeaderYear(header: string): number | undefined {
  const s = normalize(header)
    .replace(/[（【［\[〔]/g, "(")
    .replace(/[）】］\]〕]/g, ")");
  const m = PER_YEAR_HEADER_RE.exec(s);
  return m ? yearOf(m[1]) : undefined;
}
