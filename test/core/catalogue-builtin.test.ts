/**
 * The built-in catalogue is used as it is at start-up (src/core/catalogue/default.ts, no validation then):
 * here, at test time, it must pass the same zod validation and checks as any catalogue, and come back
 * unchanged (no default filled in, no field dropped), so that skipping the validation at start changes nothing.
 */
import { defaultCatalogue } from "../../src/core/catalogue/default";
import data from "../../src/core/catalogue/indicators.json";
import { parseCatalogue } from "../../src/core/catalogue/load";
import { formatIssue } from "../../src/core/rules/shared/catalogue-sheet";

test("indicators.json is a valid catalogue, identical to what validation gives", () => {
  const r = parseCatalogue(JSON.parse(JSON.stringify(data)));
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
  expect(r.catalogue).toEqual(defaultCatalogue);
  expect(JSON.stringify(r.catalogue)).toBe(JSON.stringify(defaultCatalogue));
});

test("and it is not empty", () => {
  expect(JSON.stringify(defaultCatalogue).length).toBeGreaterThan(1000);
});
