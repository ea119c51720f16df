/** Binary noise removal shared by every sum, product and ratio Kensa computes. */

/** Removes binary noise from a sum or product (0.89 × 100 = 89.00000000000001 → 89; 0.1 + 0.2 → 0.3). */
export function cleanFloat(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  // A multiple of 1/64 under 10⁹ (11.5, 0.25: the bounds of a whole figure's interval) has at most 9 + 6
  // significant digits: it is its own 15-digit reading, without formatting it.
  if (x > -1e9 && x < 1e9 && Number.isInteger(x * 64)) return x;
  const r = Math.round(x);
  if (Math.abs(x - r) <= Math.abs(x) * 1e-14) return r;
  return Number(x.toPrecision(15));
}
