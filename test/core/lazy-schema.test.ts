/**
 * Kensa's schemas are built by their first use, not when imported (catalogue/schema.ts lazySchema): `z` is not
 * touched before, so the CLI bundle, where zod stands behind a getter (esbuild.cli.mjs), loads it only then
 * (test/bin/kensa-bundle.test.ts). The schemas still validate as zod schemas do.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- modules loaded inside jest.isolateModules */

test("importing the schemas touches no zod; the first validation builds them, and they validate", () => {
  jest.isolateModules(() => {
    let touched = 0;
    jest.doMock("zod", () => {
      const actual = jest.requireActual<typeof import("zod")>("zod");
      const z = new Proxy(actual.z, {
        get: (target, key) => {
          touched++;
          return Reflect.get(target, key) as unknown;
        },
      });
      return { ...actual, z };
    });
    const catalogue = require("../../src/core/catalogue/schema") as typeof import("../../src/core/catalogue/schema");
    const report = require("../../src/core/report/schema") as typeof import("../../src/core/report/schema");
    const state = require("../../src/core/apply/state") as typeof import("../../src/core/apply/state");
    expect(touched).toBe(0);

    expect(report.SummarySchema.safeParse({ error: 1, warning: 0, info: 0 }).success).toBe(true);
    expect(report.SummarySchema.safeParse({ error: -1, warning: 0, info: 0 }).success).toBe(false);
    const built = touched;
    expect(built).toBeGreaterThan(0);
    // nested schemas built together, defaults applied, strict objects still strict
    const parsed = catalogue.CatalogueFileSchema.safeParse({
      indicators: [
        {
          number: 8,
          label: "L",
          rollup: "additive",
          groups: [{ key: "g", label: null, relation: "partial", items: [{ key: "k", label: "K" }] }],
        },
      ],
    });
    expect(parsed.success && parsed.data.mode).toBe("extend");
    expect(parsed.success && parsed.data.indicators[0].number).toBe("8");
    expect(catalogue.CatalogueOverrideSchema.safeParse({ indicators: [], alias: 1 }).success).toBe(false);
    expect(state.exceljsFillOf('{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFFF0000"}}')).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFF0000" },
    });
    expect(state.HighlightRowSchema.safeParse(["S", "$a$1", "", ""]).data?.[1]).toBe("A1");
    expect(touched).toBeGreaterThan(built);
  });
});
