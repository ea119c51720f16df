/**
 * Acceptance on real data (DOMAIN §5): the R7 sample, transcribed from the seeds, produces every
 * expected finding at its cell, and no other error or warning anywhere.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { buildSample } from "../../scripts/build-sample";
import { expectedFindings, expectedSheetKinds, optionalFindings } from "./r7-expected";

const ROOT = join(__dirname, "..", "..");
const key = (f: { rule: string; severity: string; sheet: string; cell: string }) =>
  `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

let result: CheckResult;

beforeAll(async () => {
  result = checkWorkbook(await readWorkbookFile(join(ROOT, "samples", "r7-report.xlsx")));
});

test("the committed sample is what the generator makes from the committed data", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kensa-sample-"));
  try {
    const out = join(dir, "r7.xlsx");
    await buildSample(join(ROOT, "samples", "r7-report.data.json"), out);
    expect(readFileSync(out).equals(readFileSync(join(ROOT, "samples", "r7-report.xlsx")))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every sheet is recognised as its kind", () => {
  expect(result.sheets).toEqual(expectedSheetKinds);
});

test.each(expectedFindings.map((f) => [key(f), f] as const))("reports %s", (_name, want) => {
  const hit = result.findings.find((f) => f.rule === want.rule && f.sheet === want.sheet && f.cell === want.cell);
  expect(hit).toBeDefined();
  expect(hit!.severity).toBe(want.severity);
  expect(hit!.message).not.toBe("");
});

test("no other finding than the expected and the optional ones", () => {
  const allowed = new Set([...expectedFindings, ...optionalFindings].map(key));
  const extra = result.findings.filter((f) => !allowed.has(key(f))).map((f) => `${key(f)} ${f.message}`);
  expect(extra).toEqual([]);
});

test("the totals are those of DOMAIN §5", () => {
  const required = { error: 0, warning: 0, info: 0 };
  for (const f of expectedFindings) required[f.severity]++;
  expect(result.summary.error).toBe(required.error);
  expect(result.summary.warning).toBe(required.warning);
  expect(result.summary.info).toBeGreaterThanOrEqual(required.info);
});
