/**
 * The one edit distance: how near a label typed by a person is to a known name (catalogue matching, unknown
 * labels, re-listed project indicators).
 */

/** A text as code points, the unit of edit distance. */
export function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = ch.codePointAt(0)!;
  return out.subarray(0, n);
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal string alignment (restricted Damerau–Levenshtein) distance over code points; returns max + 1
 * as soon as the distance is known to exceed `max`.
 */
export function editDistance(a: ArrayLike<number> | string, b: ArrayLike<number> | string, max = Infinity): number {
  const x = typeof a === "string" ? codePoints(a) : a;
  const y = typeof b === "string" ? codePoints(b) : b;
  const n = x.length;
  const m = y.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const xi = x[i - 1];
    for (let j = 1; j <= m; j++) {
      const yj = y[j - 1];
      let v = prev[j - 1] + (xi === yj ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && xi === y[j - 2] && x[i - 2] === yj && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}
