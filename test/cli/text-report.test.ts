/** The text report of one file is given out in bounded pieces, in order, its outcome line last and alone. */
import type { Finding } from "../../src/core/model/finding";
import type { FileReport } from "../../src/core/report/schema";
import { fileReportPieces, PLAIN } from "../../src/cli/text-report";

function report(findings: number): FileReport {
  return {
    file: "提出_医薬品.xlsx",
    status: "checked",
    sheets: [
      { name: "PJ1", kind: "monitoring" },
      { name: "PJ2", kind: "monitoring" },
    ],
    findings: Array.from({ length: findings }, (_, i): Finding => ({
      rule: "sum/breakdown",
      severity: "error",
      sheet: i % 2 ? "PJ2" : "PJ1",
      cell: `C${i + 2}`,
      cells: [`C${i + 2}`],
      message: `指摘${i}番：内訳の合計が指標値と一致しません。`,
    })).sort((a, b) => a.sheet.localeCompare(b.sheet)),
    summary: { error: findings, warning: 0, info: 0 },
  };
}

test("thousands of findings: pieces of some 16K characters, every finding once and in order", () => {
  const pieces = [...fileReportPieces(report(5_000), "ja", PLAIN)];
  const text = pieces.join("");
  expect(pieces.length).toBeGreaterThan(10);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(20_000);
  const order = [...text.matchAll(/指摘(\d+)番/g)].map((m) => Number(m[1]));
  expect(order).toEqual([...Array(5_000).keys()].sort((a, b) => (a % 2) - (b % 2) || a - b));
  expect(text.indexOf("PJ1")).toBeLessThan(text.indexOf("PJ2"));
});

test.each([0, 3, 5_000])("%i findings: the outcome line is the last piece, alone", (n) => {
  const pieces = [...fileReportPieces(report(n), "ja", PLAIN)];
  expect(pieces.at(-1)).toMatch(/^ {2}→ [^\n]*\n\n$/);
  expect(pieces.slice(0, -1).join("")).not.toContain("→");
});

test("--quiet: one line, one piece", () => {
  expect([...fileReportPieces(report(5_000), "ja", PLAIN, { quiet: true })]).toEqual([
    expect.stringMatching(/^提出_医薬品\.xlsx: [^\n]*\n$/),
  ]);
});
