/**
 * Issue 7 acceptance, engine path: the R7 sample rewritten in the habits of real ministry workbooks
 * (test/fixtures/habits, one habit at a time and all together) must give, through checkWorkbook, the
 * sample's findings at the moved cells — the same severity, rule, sheet and cell, involving the same cells
 * with the same numbers and fix — plus only the findings a habit legitimately adds (the info naming a
 * hidden working column, DOMAIN §2). A corrected copy of the sample (every error fixed in the data) gives no
 * error and keeps the two warnings, in every habit.
 *
 * The .xlsx path (`kensa check --format json`), the habits' presence in the written files and unrelated
 * workbooks are in habits-cli.test.ts.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import {
  correctedSample,
  detail,
  key,
  loadSample,
  movedKeys,
  rewrite,
  VARIANTS,
  withoutExtras,
  type Rewritten,
  type SampleSource,
} from "../fixtures/habits";
import { expectedFindings } from "./r7-expected";

let sample: SampleSource;
let corrected: SampleSource;
let base: CheckResult;
let fixedBase: CheckResult;

beforeAll(() => {
  sample = loadSample();
  corrected = correctedSample(sample);
  base = checkWorkbook(sample.workbook);
  fixedBase = checkWorkbook(corrected.workbook);
});

describe("the sample and its corrected copy", () => {
  test("the generator's model of the sample gives what samples/r7-report.xlsx gives", async () => {
    const fromFile = checkWorkbook(await readWorkbookFile(join(__dirname, "..", "..", "samples", "r7-report.xlsx")));
    expect(base.findings.map((f) => detail(f))).toEqual(fromFile.findings.map((f) => detail(f)));
  });

  test("the sample's findings hold every DOMAIN §5 finding, so moving them means something", () => {
    const keys = new Set(base.findings.map(key));
    expect(expectedFindings.map(key).filter((k) => !keys.has(k))).toEqual([]);
  });

  test("the corrected copy gives no error", () => {
    expect(fixedBase.findings.filter((f) => f.severity === "error").map((f) => `${key(f)} ${f.message}`)).toEqual([]);
  });

  test("the corrected copy keeps the sample's warnings", () => {
    const warnings = (r: CheckResult) =>
      r.findings
        .filter((f) => f.severity === "warning")
        .map(key)
        .sort();
    expect(warnings(fixedBase)).toEqual(warnings(base));
    expect(warnings(fixedBase).length).toBe(2);
  });

  test("generation is deterministic", () => {
    for (const variant of ["all", "all-three-row", "all-unmerged"]) {
      expect(JSON.stringify(rewrite(sample, variant).workbook)).toEqual(
        JSON.stringify(rewrite(sample, variant).workbook),
      );
    }
  });

  test("rewriting never modifies its source", () => {
    const before = JSON.stringify(sample.workbook);
    for (const variant of Object.keys(VARIANTS)) rewrite(sample, variant);
    expect(JSON.stringify(sample.workbook)).toBe(before);
  });
});

describe.each(Object.keys(VARIANTS))("habit %s", (variant) => {
  let r: Rewritten;
  let result: CheckResult;
  let fixed: Rewritten;
  let fixedResult: CheckResult;

  beforeAll(() => {
    r = rewrite(sample, variant);
    result = checkWorkbook(r.workbook);
    fixed = rewrite(corrected, variant);
    fixedResult = checkWorkbook(fixed.workbook);
  });

  test("every sheet is recognised as the same kind", () => {
    const want = base.sheets.map((s) => ({ name: r.sheetName(s.name), kind: s.kind }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...result.sheets].sort(byName)).toEqual(want.sort(byName));
  });

  test("the habit's own findings are there (exactly once each)", () => {
    expect(withoutExtras(result.findings, r.extras).missing).toEqual([]);
  });

  test("the sample's findings, at the moved cells, and no other", () => {
    const { rest } = withoutExtras(result.findings, r.extras);
    expect(rest.map(key).sort()).toEqual(movedKeys(base.findings, r));
  });

  test("each finding involves the moved cells, with the same numbers and fix", () => {
    const { rest } = withoutExtras(result.findings, r.extras);
    expect(rest.map((f) => detail(f)).sort()).toEqual(base.findings.map((f) => detail(f, r)).sort());
  });

  test("corrected copy: no error", () => {
    expect(fixedResult.findings.filter((f) => f.severity === "error").map((f) => `${key(f)} ${f.message}`)).toEqual([]);
  });

  test("corrected copy: the sample's warnings at the moved cells", () => {
    const warnings = fixedResult.findings.filter((f) => f.severity === "warning");
    expect(warnings.map(key).sort()).toEqual(
      movedKeys(
        base.findings.filter((f) => f.severity === "warning"),
        fixed,
      ),
    );
  });

  test("corrected copy: the corrected sample's findings at the moved cells, and no other", () => {
    const { rest, missing } = withoutExtras(fixedResult.findings, fixed.extras);
    expect(missing).toEqual([]);
    expect(rest.map(key).sort()).toEqual(movedKeys(fixedBase.findings, fixed));
  });
});
