/** Binary noise removal shared by every sum, product and ratio Kensa computes. */

/** Removes binary noise from a sum or product (0.89 × 100 = 89.00000000000001 → 89; 0.1 + 0.2 → 0.3). */
export function cleanFloat(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  const r = Math.round(x);
  if (Math.abs(x - r) <= Math.abs(x) * 1e-14) return r;
  return Number(x.toPrecision(15));
}
