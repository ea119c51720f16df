/** formatNumber formats as Intl.NumberFormat("en-US") does, without loading ICU's number data at start. */
import fc from "fast-check";
import { formatFigure, formatNumber } from "../../../src/core/values/format";

const formatters = new Map<number, Intl.NumberFormat>();
function intl(value: number, decimals: number): string {
  let f = formatters.get(decimals);
  if (!f)
    formatters.set(
      decimals,
      (f = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })),
    );
  return f.format(value);
}

test("figures as reviewers read them", () => {
  expect(formatNumber(1443)).toBe("1,443");
  expect(formatNumber(1234567.891, 2)).toBe("1,234,567.89");
  expect(formatNumber(-30600, 0)).toBe("-30,600");
  expect(formatNumber(16, 1)).toBe("16.0");
  expect(formatFigure({ value: 89, decimals: 1, unit: "%" })).toBe("89.0%");
});

test("halves round away from zero on the shortest decimal form, as Intl does (1.005 → 1.01, where toFixed gives 1.00)", () => {
  expect(formatNumber(1.005, 2)).toBe("1.01");
  expect(formatNumber(-2.5, 0)).toBe("-3");
  expect(formatNumber(999.95, 1)).toBe("1,000.0");
  expect(formatNumber(9.999, 2)).toBe("10.00");
  expect(formatNumber(-0.0004, 3)).toBe("-0.000");
});

test("edge forms agree with Intl: zeros, exponents, non-finite values, decimals out of range", () => {
  for (const v of [0, -0, 1e-7, 5e-7, 1e21, 1.5e300, NaN, Infinity, -Infinity, 0.1 + 0.2])
    for (const d of [0, 1, 2, 10]) expect(formatNumber(v, d)).toBe(intl(v, d));
  expect(formatNumber(12.345, 12)).toBe(intl(12.345, 10));
  expect(formatNumber(12.345, -1)).toBe(intl(12.345, 0));
});

test("any double at any decimals agrees with Intl.NumberFormat", () => {
  const value = fc.oneof(
    fc.double({ noNaN: true, min: -1e16, max: 1e16 }),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000 + 0.0005),
    fc.tuple(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => n / 10 ** k),
  );
  fc.assert(
    fc.property(value, fc.integer({ min: 0, max: 10 }), (v, d) => formatNumber(v, d) === intl(v, d)),
    { numRuns: 20_000 },
  );
});
