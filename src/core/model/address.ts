/** A1-style addresses. Rows and columns are 0-based internally. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const LETTERS: string[] = [];
const ROW_TEXTS: string[] = [];
/** Row numbers kept as text: those of any template's rows, not every row of a sheet of 10⁶. */
const ROW_TEXTS_KEPT = 4096;

/**
 * The A1 address of (row, col), with column letters and the first rows' numbers cached: the readers derive a
 * cell's address each time a message or a formula asks for it rather than keep one string per cell.
 */
export function toA1(row: number, col: number): string {
  const letters = (LETTERS[col] ??= columnLetters(col));
  if (row >= ROW_TEXTS_KEPT) return letters + String(row + 1);
  return letters + (ROW_TEXTS[row] ??= String(row + 1));
}

export function fromA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
