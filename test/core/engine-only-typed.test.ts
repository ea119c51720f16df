/**
 * CheckOptions.onlyTypedComputed (issue 13): a check that writes nothing back builds only the computed cells that
 * hold a typed value. Findings are the same; the computed cells are exactly the typed ones of a full check.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { checkSet, checkWorkbook } from "../../src/core/engine";
import { generatedWorkbook } from "../../bench/generate";

const sample = readWorkbookBytes(readFileSync(path.join(__dirname, "..", "..", "samples", "r7-report.xlsx")));

test.each([
  ["the R7 sample", sample],
  ["generated budget tables", generatedWorkbook(2_000)],
])("%s: same findings, computed cells only where a value is typed", (_, workbook) => {
  const full = checkWorkbook(workbook);
  const only = checkWorkbook(workbook, { onlyTypedComputed: true });
  expect(only.findings).toEqual(full.findings);
  expect(only.summary).toEqual(full.summary);
  const typed = full.computed.filter((c) => c.typed);
  expect(typed.length).toBeGreaterThan(0);
  expect(only.computed.length).toBeLessThan(full.computed.length);
  expect(only.computed).toEqual(typed);
  for (const c of only.computed) expect(c.typed).toBeDefined();
});

test("checkSet honours it for every member", () => {
  const books = [
    { name: "a.xlsx", workbook: sample },
    { name: "b.xlsx", workbook: generatedWorkbook(1_000) },
  ];
  const full = checkSet(books);
  const only = checkSet(books, { onlyTypedComputed: true });
  expect(only.summary).toEqual(full.summary);
  only.files.forEach((f, i) => {
    expect(f.result!.findings).toEqual(full.files[i].result!.findings);
    expect(f.result!.computed.every((c) => c.typed)).toBe(true);
  });
});
