/** Label normalisation (DOMAIN §2): NFKC, no whitespace, one dash, ASCII brackets, slash and colon. */

const DASHES = /[\u2014\u2015\u2010\u2011\u2012\u2013\u2212\uFF0D\u30FC\u2500]/g;

export function normalizeLabel(text: string): string {
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
