import {
  compareEqual,
  compareSum,
  exceeds,
  interval,
  roundTo,
  sameAtPrecision,
  sumFigures,
} from "../../../src/core/values/tolerance";
import type { Figure } from "../../../src/core/values/types";

/** "15.2" → { value: 15.2, decimals: 1 } */
const f = (written: string): Figure => {
  const dot = written.indexOf(".");
  return { value: Number(written), decimals: dot < 0 ? 0 : written.length - dot - 1 };
};

describe("interval", () => {
  it.each<[Figure, number, number]>([
    [f("16"), 15.5, 16.5],
    [f("15.2"), 15.15, 15.25],
    [f("16.31"), 16.305, 16.315],
    [{ value: 1457000, decimals: -3 }, 1456500, 1457500],
    [f("-2.5"), -2.55, -2.45],
  ])("%o → [%d, %d]", (fig, low, high) => {
    expect(interval(fig)).toEqual([low, high]);
  });
});

describe("sumFigures", () => {
  it("sums without float noise, decimals = max of the parts", () => {
    expect(sumFigures([f("10.4"), f("2.2"), f("2.6")])).toEqual({ value: 15.2, decimals: 1 });
    expect(sumFigures([f("63.8"), f("29.8")])).toEqual({ value: 93.6, decimals: 1 });
    expect(sumFigures([f("0.1"), f("0.2")]).value).toBe(0.3);
    expect(sumFigures([f("11"), f("7.3")])).toEqual({ value: 18.3, decimals: 1 });
    expect(sumFigures([])).toEqual({ value: 0, decimals: 0 });
  });

  it("keeps a shared unit", () => {
    expect(
      sumFigures([
        { value: 1, decimals: 0, unit: "件" },
        { value: 2, decimals: 0, unit: "件" },
      ]).unit,
    ).toBe("件");
    expect(
      sumFigures([
        { value: 1, decimals: 0, unit: "件" },
        { value: 2, decimals: 0 },
      ]).unit,
    ).toBeUndefined();
  });
});

describe("compareSum", () => {
  it.each<[string, Figure, Figure[], "count" | "amount" | "percent" | "none", "equal" | "rounding" | "mismatch"]>([
    // DOMAIN §2.2 and §3.2 seed examples
    ["seed 004: 10.4 + 2.2 + 2.6 vs 16 (amount)", f("16"), [f("10.4"), f("2.2"), f("2.6")], "amount", "mismatch"],
    ["11 + 7.3 vs 18 (amount)", f("18"), [f("11"), f("7.3")], "amount", "rounding"],
    ["seed 002: 93.6 = 63.8 + 29.8", f("93.6"), [f("63.8"), f("29.8")], "amount", "equal"],
    ["seed 002: 98.0 = 93.6 + 4.4", f("98.0"), [f("93.6"), f("4.4")], "amount", "equal"],
    ["0.1 + 0.2 = 0.3 (float noise)", f("0.3"), [f("0.1"), f("0.2")], "amount", "equal"],
    ["touching intervals intersect", f("16"), [f("10.4"), f("5.15")], "amount", "rounding"],
    // counts are exact
    ["counts: 165.5 vs 166", f("166"), [f("35"), f("130.5")], "count", "mismatch"],
    ["counts: 46.5 + 119.5 = 166", f("166"), [f("46.5"), f("119.5")], "count", "equal"],
    ["counts: 33 vs 20", f("20"), [f("0"), f("14"), f("19")], "count", "mismatch"],
    ["none is exact too", f("18"), [f("11"), f("7.3")], "none", "mismatch"],
    // percentages use intervals with their decimals
    ["percent: 89.0 + 11.0 = 100", f("100"), [f("89.0"), f("11.0")], "percent", "equal"],
    ["percent: 33.3 × 3 vs 100", f("100"), [f("33.3"), f("33.3"), f("33.3")], "percent", "rounding"],
    ["percent: 89.0 + 10.0 vs 100.0", f("100.0"), [f("89.0"), f("10.0")], "percent", "mismatch"],
  ])("%s → %s", (_name, total, parts, kind, status) => {
    expect(compareSum(total, parts, kind).status).toBe(status);
  });

  it("reports the sum and the summed interval", () => {
    const r = compareSum(f("16"), [f("10.4"), f("2.2"), f("2.6")], "amount");
    expect(r).toEqual({ status: "mismatch", sum: 15.2, sumDecimals: 1, low: 15.05, high: 15.35 });
    const c = compareSum(f("166"), [f("35"), f("130.5")], "count");
    expect(c).toEqual({ status: "mismatch", sum: 165.5, sumDecimals: 1, low: 165.5, high: 165.5 });
  });
});

describe("compareEqual", () => {
  it.each<[Figure, Figure, "count" | "amount" | "percent" | "none", string]>([
    [f("324"), f("324"), "count", "equal"],
    [f("324"), f("323"), "count", "mismatch"],
    [f("16"), f("15.8"), "amount", "rounding"],
    [f("16"), f("15.2"), "amount", "mismatch"],
    [f("16.0"), f("16"), "amount", "equal"],
    [f("89.7"), f("89.74"), "percent", "rounding"],
  ])("%o vs %o (%s) → %s", (a, b, kind, status) => {
    expect(compareEqual(a, b, kind)).toBe(status);
  });
});

describe("exceeds", () => {
  it.each<[Figure, Figure, "count" | "amount" | "percent" | "none", boolean]>([
    [f("38"), f("33"), "count", true],
    [f("33"), f("33"), "count", false],
    [f("33.5"), f("33"), "count", true],
    [f("3"), f("77"), "count", false],
    [f("16.3"), f("16"), "amount", false], // 16 may be 16.49
    [f("16.6"), f("16"), "amount", true],
    [f("16.5"), f("16"), "amount", false], // touching: 16.45 > 16.5? no
    [f("12.2"), f("12.0"), "percent", true],
    [f("12.1"), f("12.0"), "percent", false], // [12.05, 12.15] touches [11.95, 12.05]
    [f("0.3"), { value: 0.1 + 0.2, decimals: 1 }, "count", false],
  ])("%o over %o (%s) → %s", (part, whole, kind, expected) => {
    expect(exceeds(part, whole, kind)).toBe(expected);
  });
});

describe("roundTo", () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [15.25, 1, 15.3],
    [-15.25, 1, -15.3],
    [89.04, 1, 89],
    [1457123, -3, 1457000],
    [1457500, -3, 1458000],
    [0.125, 2, 0.13],
    [-0.04, 1, 0],
    [16, 0, 16],
  ])("roundTo(%d, %d) = %d", (v, d, r) => {
    expect(roundTo(v, d)).toBe(r);
    expect(Object.is(roundTo(v, d), -0)).toBe(false);
  });
});

describe("sameAtPrecision", () => {
  it.each<[number, Figure, boolean]>([
    [10.7339, f("10.73"), true],
    [10.7361, f("10.73"), false], // rounds to 10.74
    [10.739, f("10.73"), false], // truncation is not accepted
    [0.8904 * 100, f("89.0"), true],
    [0.8956 * 100, f("89.0"), false],
    [(2 / 3) * 100, f("66.7"), true],
    [(2 / 3) * 100, f("67"), true],
    [(2 / 3) * 100, f("66"), false],
    [15.25, f("15.2"), true], // exactly on the half boundary: either rounding is accepted
    [15.25, f("15.3"), true],
    [30, f("30"), true],
    [30, f("30.0"), true],
    [NaN, f("1"), false],
  ])("computed %d vs typed %o → %s", (computed, typed, expected) => {
    expect(sameAtPrecision(computed, typed)).toBe(expected);
  });
});
