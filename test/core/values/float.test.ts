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
});
