/**
 * Issue 7 parity: every habit of test/fixtures/habits, and its corrected copy, checked through the CLI path
 * (the .xlsx read by Kensa's file reader, `kensa check --format json`) and through the add-in's path
 * (ExcelHost reading FakeExcel, which holds the workbook as Excel does: merged values in the top-left cell
 * only, hidden rows and columns, merged areas through getMergedAreasOrNullObject) must give identical
 * findings — same rule, severity, sheet, cell, cells, numbers and message.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExcelHost } from "../../src/adapters/office";
import { runCaptured } from "../../src/cli/capture";
import { checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import type { Workbook } from "../../src/core/model/workbook";
import { FakeExcel } from "../fakes/fake-excel";
import { correctedSample, loadSample, rewrite, VARIANTS, writeXlsx, type SampleSource } from "../fixtures/habits";

type Compared = Pick<Finding, "rule" | "severity" | "sheet" | "cell" | "cells" | "message" | "expected" | "actual">;

function compared(f: Compared): string {
  return JSON.stringify([
    f.severity,
    f.rule,
    f.sheet,
    f.cell,
    f.cells,
    f.message,
    f.expected ?? null,
    f.actual ?? null,
  ]);
}

async function viaExcel(workbook: Workbook, apiVersion?: string): Promise<string[]> {
  const fake = new FakeExcel();
  if (apiVersion) fake.apiVersion = apiVersion;
  fake.addWorkbook(workbook);
  const host = new ExcelHost({ run: fake.run, requirements: fake.requirements });
  return checkWorkbook(await host.read()).findings.map(compared);
}

async function viaCli(workbook: Workbook, dir: string, name: string): Promise<string[]> {
  const file = join(dir, `${name}.xlsx`);
  await writeXlsx(workbook, file);
  const { stdout } = await runCaptured(["check", file, "--format", "json"]);
  const report = JSON.parse(stdout) as { files: { findings: Compared[] }[] };
  return report.files[0].findings.map(compared);
}

let sample: SampleSource;
let corrected: SampleSource;
let dir: string;

beforeAll(() => {
  sample = loadSample();
  corrected = correctedSample(sample);
  dir = mkdtempSync(join(tmpdir(), "kensa-habits-excel-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(Object.keys(VARIANTS))("habit %s: the add-in and the CLI give the same findings", (variant) => {
  test("the sample", async () => {
    const { workbook } = rewrite(sample, variant);
    const cli = await viaCli(workbook, dir, variant);
    expect(cli.length).toBeGreaterThan(30);
    expect(await viaExcel(workbook)).toEqual(cli);
  });

  test("the corrected copy", async () => {
    const { workbook } = rewrite(corrected, variant);
    expect(await viaExcel(workbook)).toEqual(await viaCli(workbook, dir, `${variant}-corrected`));
  });
});

test("below ExcelApi 1.13 the add-in says which sheets' merges it could not read, instead of passing silently", async () => {
  const { workbook } = rewrite(sample, "all");
  const findings = (await viaExcel(workbook, "1.12")).map((s) => JSON.parse(s) as unknown[]);
  const layout = findings.filter((f) => f[1] === "structure/layout-unknown");
  expect(layout.map((f) => f[2]).sort()).toEqual(workbook.sheets.map((s) => s.name).sort());
});
