/**
 * Property-based tests of the interval arithmetic (src/core/values/tolerance.ts, DOMAIN §2.2) with fast-check.
 *
 * Figures are generated as integer mantissas with a number of displayed decimals, so that the truth of each
 * property can be decided exactly in integers (BigInt) at a common scale and compared with what the float
 * implementation says: an interval test off by float noise at a boundary would show up as a counterexample.
 */
import fc from "fast-check";
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

/** A written figure: mantissa × 10^-decimals (decimals may be negative: 145.7万 is −3 with the 万 folded in). */
interface Written {
  mantissa: number;
  decimals: number;
}

const written = (maxDecimals = 3): fc.Arbitrary<Written> =>
  fc.record({
    mantissa: fc.integer({ min: -9_999_999, max: 9_999_999 }),
    decimals: fc.integer({ min: -2, max: maxDecimals }),
  });

function figure(w: Written): Figure {
  // the value a cell shows: exact decimal text read as a double, as Number("15.2") does
  const value = w.decimals >= 0 ? Number(`${w.mantissa}e-${w.decimals}`) : Number(`${w.mantissa}e${-w.decimals}`);
  return { value, decimals: w.decimals };
}

/** Exact bounds of the figure's interval, as integers at scale 10^(scale+1) (the half unit needs one more digit). */
function exactInterval(w: Written, scale: number): [bigint, bigint] {
  const unit = 10n ** BigInt(scale + 1 - w.decimals); // one displayed unit at the common scale
  const centre = BigInt(w.mantissa) * unit;
  return [centre - unit / 2n, centre + unit / 2n];
}

const scaleOf = (ws: Written[]) => Math.max(0, ...ws.map((w) => w.decimals));

describe("interval()", () => {
  test("holds the figure, and is one displayed unit wide", () => {
    fc.assert(
      fc.property(written(), (w) => {
        const f = figure(w);
        const [low, high] = interval(f);
        expect(low).toBeLessThanOrEqual(f.value);
        expect(high).toBeGreaterThanOrEqual(f.value);
        expect(high - low).toBeCloseTo(10 ** -w.decimals, 9);
      }),
    );
  });
});

describe("compareSum() for amounts", () => {
  const totals = fc.tuple(written(), fc.array(written(), { minLength: 1, maxLength: 6 }));

  test("a mismatch exactly when the total's interval and the parts' summed interval do not meet", () => {
    fc.assert(
      fc.property(totals, ([t, parts]) => {
        const scale = scaleOf([t, ...parts]);
        const [tl, th] = exactInterval(t, scale);
        let low = 0n;
        let high = 0n;
        for (const p of parts) {
          const [l, h] = exactInterval(p, scale);
          low += l;
          high += h;
        }
        const meet = tl <= high && low <= th;
        const status = compareSum(figure(t), parts.map(figure), "amount").status;
        expect(status === "mismatch").toBe(!meet);
      }),
    );
  });

  test("equal when the total is the exact sum of the parts, whatever their order", () => {
    fc.assert(
      fc.property(fc.array(written(), { minLength: 1, maxLength: 6 }), fc.integer(), (parts, seed) => {
        const scale = scaleOf(parts);
        const sum = parts.reduce((s, p) => s + BigInt(p.mantissa) * 10n ** BigInt(scale - p.decimals), 0n);
        const total = figure({ mantissa: Number(sum), decimals: scale });
        const shuffled = [...parts].sort((a, b) => ((a.mantissa ^ seed) & 7) - ((b.mantissa ^ seed) & 7));
        expect(compareSum(total, parts.map(figure), "amount").status).toBe("equal");
        expect(compareSum(total, shuffled.map(figure), "amount").status).toBe("equal");
      }),
    );
  });

  test("the same verdict with the parts in any order, and compareEqual symmetric", () => {
    fc.assert(
      fc.property(written(), fc.array(written(), { minLength: 1, maxLength: 5 }), (t, parts) => {
        const forward = compareSum(figure(t), parts.map(figure), "amount").status;
        const backward = compareSum(figure(t), [...parts].reverse().map(figure), "amount").status;
        expect(backward).toBe(forward);
        const [a, b] = [figure(t), figure(parts[0])];
        expect(compareEqual(a, b, "amount")).toBe(compareEqual(b, a, "amount"));
      }),
    );
  });

  // Shown at its decimals, the sum is the exact sum. (Its raw value may keep noise beyond 15 significant
  // digits when a partial sum is far larger than the total: 67113690 − 4823.635 − 57108900 gives
  // 9999966.36499999, not 9999966.365; every comparison and every message goes through the decimals.)
  test("sumFigures keeps the largest decimals, and the exact sum at those decimals", () => {
    fc.assert(
      fc.property(fc.array(written(), { minLength: 1, maxLength: 6 }), (parts) => {
        const scale = scaleOf(parts);
        const exact = parts.reduce((s, p) => s + BigInt(p.mantissa) * 10n ** BigInt(scale - p.decimals), 0n);
        const s = sumFigures(parts.map(figure));
        expect(s.decimals).toBe(Math.max(...parts.map((p) => p.decimals)));
        expect(roundTo(s.value, scale)).toBe(figure({ mantissa: Number(exact), decimals: scale }).value);
      }),
    );
  });
});

describe("counts are exact", () => {
  const count = fc.integer({ min: 0, max: 10_000_000 });

  test("equal only when the sum is the total; a part exceeds its whole only when greater", () => {
    fc.assert(
      fc.property(count, fc.array(count, { minLength: 1, maxLength: 8 }), (total, parts) => {
        const fig = (n: number): Figure => ({ value: n, decimals: 0 });
        const sum = parts.reduce((a, b) => a + b, 0);
        expect(compareSum(fig(total), parts.map(fig), "count").status).toBe(sum === total ? "equal" : "mismatch");
        expect(exceeds(fig(parts[0]), fig(total), "count")).toBe(parts[0] > total);
      }),
    );
  });
});

describe("exceeds() for amounts", () => {
  test("a part is above its whole exactly when its interval lies wholly above the whole's", () => {
    fc.assert(
      fc.property(written(), written(), (part, whole) => {
        const scale = scaleOf([part, whole]);
        const [pl] = exactInterval(part, scale);
        const [, wh] = exactInterval(whole, scale);
        expect(exceeds(figure(part), figure(whole), "amount")).toBe(pl > wh);
      }),
    );
  });
});

describe("roundTo() and sameAtPrecision()", () => {
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const decimals = fc.integer({ min: -3, max: 6 });

  test("rounds to within half a unit, idempotent, symmetric around zero", () => {
    fc.assert(
      fc.property(value, decimals, (v, d) => {
        const r = roundTo(v, d);
        expect(Math.abs(r - v)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(v) * 1e-12);
        expect(roundTo(r, d)).toBe(r);
        expect(roundTo(-v, d)).toBe(r === 0 ? 0 : -r);
      }),
    );
  });

  test("a value agrees with itself rounded to any displayed precision", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), (v, d) => {
        expect(sameAtPrecision(v, { value: roundTo(v, d), decimals: d })).toBe(true);
      }),
    );
  });

  test("a truncation that differs by a whole displayed unit is not the same figure", () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 4 }), (m, d) => {
        const typed = figure({ mantissa: m, decimals: d });
        const computed = figure({ mantissa: m + 1, decimals: d }).value + 0.3 * 10 ** -d;
        expect(sameAtPrecision(computed, typed)).toBe(false);
      }),
    );
  });
});
