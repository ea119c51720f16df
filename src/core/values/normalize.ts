/** Label normalisation (DOMAIN §2): NFKC, no whitespace, one dash, ASCII brackets, slash and colon. */

import { memoByText } from "./text-memo";

const DASHES = /[\u2014\u2015\u2010\u2011\u2012\u2013\u2212\uFF0D\u30FC\u2500]/g;

/**
 * True when normalizeLabel leaves the text as it is: every character printable ASCII other than [ ],
 * hiragana, katakana (not ー) and ・, or a CJK unified ideograph. NFKC maps none of these, composes none
 * of them with a neighbour, and no replacement below touches them.
 */
function isNormalLabel(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x5b || c === 0x5d || c === 0x7f) return false;
    } else if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fb))) {
      return false;
    }
  }
  return true;
}

/**
 * Labels seen before, normalised: header detection and row roles normalise the same few hundred texts of a sheet
 * thousands of times. Bounded, as a batch of files brings new texts without end.
 */
const normalizeKnown = memoByText(normalizeSlow);

export function normalizeLabel(text: string): string {
  return isNormalLabel(text) ? text : normalizeKnown(text);
}

function normalizeSlow(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(DASHES, "-")
    .replace(/[（【［\[〔]/g, "(")
    .replace(/[）】］\]〕]/g, ")")
    .replace(/[／]/g, "/")
    .replace(/[：]/g, ":");
}

/**
 * True when a header cell is the label itself or the label followed by a bracketed qualifier
 * (`全体（令和7年度当初）`, `予算額（億円）`); never a substring match.
 */
export function matchesLabel(cellText: string, label: string): boolean {
  const cell = normalizeLabel(cellText);
  const want = normalizeLabel(label);
  if (cell === want) return true;
  return cell.startsWith(want + "(") && cell.endsWith(")");
}
