/**
 * Property-based tests of value parsing (src/core/values/parse.ts, DOMAIN §2.1) with fast-check: any text
 * (hostile included) gives one of the known kinds without throwing, and every way a person writes the same
 * figure — thousands separators, full-width digits, a unit, ▲ for minus, spaces — reads as that figure with
 * the precision it was written with.
 */
import fc from "fast-check";
import { foldWidth, parseText, unitKindOf } from "../../../src/core/values/parse";
import { normalizeLabel } from "../../../src/core/values/normalize";

const KINDS = new Set(["number", "shares", "placeholder", "empty", "error", "not-a-number"]);

/** Any text: full Unicode, control characters, brackets and the characters figures are made of. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc
    .array(fc.constantFrom(..."0123456789０１２３,.．%％▲△-－+()（）/／:：約程度件人億円万 \u3000\t\n=#※*"), {
      maxLength: 40,
    })
    .map((cs) => cs.join("")),
);

/** A written figure: its digits as text, and the value and decimals it must read as. */
const figure = fc
  .record({
    whole: fc.integer({ min: 0, max: 999_999_999 }),
    fraction: fc.integer({ min: 0, max: 9999 }),
    decimals: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ whole, fraction, decimals }) => {
    const frac = decimals ? String(fraction % 10 ** decimals).padStart(decimals, "0") : "";
    const text = decimals ? `${whole}.${frac}` : String(whole);
    return { whole, frac, decimals, text, value: Number(text) };
  });

const toFullWidth = (s: string) => s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withThousands = (whole: number) => whole.toLocaleString("en-US");

describe("parseText on any text", () => {
  test("never throws and gives one of the known kinds", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const p = parseText(text);
        expect(KINDS.has(p.kind)).toBe(true);
        if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("text starting with = is never a number (a formula typed as text stays text)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(parseText(`=${text}`).kind).not.toBe("number");
      }),
    );
  });
});

describe("parseText on written figures", () => {
  test("plain, with thousands separators, full-width: the same value and decimals", () => {
    fc.assert(
      fc.property(figure, (f) => {
        const separated = f.decimals ? `${withThousands(f.whole)}.${f.frac}` : withThousands(f.whole);
        for (const text of [f.text, separated, toFullWidth(f.text), toFullWidth(separated), ` ${f.text}\u3000`]) {
          const p = parseText(text);
          expect(p).toMatchObject({ kind: "number", value: f.value, decimals: f.decimals });
        }
      }),
    );
  });

  test("with a unit: the unit and its kind (count, amount, percent)", () => {
    fc.assert(
      fc.property(
        figure,
        fc.constantFrom("件", "人", "社", "億円", "百万円", "千円", "%"),
        fc.boolean(),
        (f, unit, spaced) => {
          const p = parseText(`${f.text}${spaced ? " " : ""}${unit}`);
          expect(p).toMatchObject({
            kind: "number",
            value: f.value,
            decimals: f.decimals,
            unit,
            unitKind: unitKindOf(unit),
          });
        },
      ),
    );
  });

  test("▲, △ and - are minus signs", () => {
    fc.assert(
      fc.property(figure, fc.constantFrom("▲", "△", "-"), (f, sign) => {
        fc.pre(f.value !== 0);
        expect(parseText(`${sign}${f.text}`)).toMatchObject({ kind: "number", value: -f.value, decimals: f.decimals });
      }),
    );
  });

  test("an approximate figure (約, 程度) is never a number to compute with", () => {
    fc.assert(
      fc.property(
        figure,
        fc.constantFrom(
          (t: string) => `約${t}`,
          (t: string) => `${t}件程度`,
          (t: string) => `概ね${t}`,
        ),
        (f, write) => {
          expect(parseText(write(f.text))).toMatchObject({ kind: "not-a-number", reason: "approximate" });
        },
      ),
    );
  });
});

describe("normalising", () => {
  test("foldWidth keeps the length (indices stay valid) and is idempotent", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = foldWidth(text);
        expect(once.length).toBe(text.length);
        expect(foldWidth(once)).toBe(once);
      }),
    );
  });

  test("normalizeLabel is idempotent", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeLabel(text);
        expect(normalizeLabel(once)).toBe(once);
      }),
    );
  });
});
