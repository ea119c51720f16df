import { cleanFloat } from "../../../src/core/values/float";

describe("cleanFloat", () => {
  test.each([
    [0.89 * 100, 89],
    [0.1 + 0.2, 0.3],
    [165.5 - 0.05, 165.45],
    [1.005 * 1000, 1005],
    [36, 36],
    [-0.1 - 0.2, -0.3],
  ])("%p → %p", (noisy, clean) => {
    expect(cleanFloat(noisy)).toBe(clean);
  });

  test("leaves what is not finite alone", () => {
    expect(cleanFloat(Infinity)).toBe(Infinity);
    expect(cleanFloat(NaN)).toBeNaN();
  });

  test("a multiple of 1/64 is its own 15-digit reading (the fast path agrees with toPrecision)", () => {
    for (const x of [11.5, -0.25, 165.015625, 999999999.5, -123456.75, 0.015625])
      expect(cleanFloat(x)).toBe(Number(x.toPrecision(15)));
    // From 10⁹ the fast path stops: 17 significant digits are rounded to 15.
    expect(cleanFloat(12345678901.015625)).toBe(12345678901.0156);
  });
});
