/** writeJson writes exactly JSON.stringify(value, null, 2), in bounded pieces. */
import { writeJson } from "../../src/cli/json-out";

function written(value: unknown, depth?: number): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeJson(value, (s) => pieces.push(s), depth);
  return { text: pieces.join(""), pieces };
}

/** A report-shaped document: files, each with sheets and findings of varied shapes. */
function report(findings: number) {
  return {
    files: [
      {
        file: "提出_医薬品.xlsx",
        status: "checked",
        sheets: [
          { name: "PJ1", kind: "monitoring" },
          { name: "メモ", kind: null },
        ],
        findings: Array.from({ length: findings }, (_, i) => ({
          rule: i % 3 ? "sum/breakdown" : "value/not-a-number",
          severity: i % 2 ? "error" : "info",
          sheet: "PJ1",
          cell: `C${i + 2}`,
          cells: i % 5 ? [`C${i + 2}`] : [`C${i + 2}`, `D${i + 2}`],
          message: `内訳の合計${i}件が指標値と一致しません（"引用" \\ \n 改行 \u2028）。`,
          expected: i % 4 ? i : undefined,
          actual: i % 7 ? -i / 3 : undefined,
          fix: i % 11 ? undefined : { sheet: "PJ1", cell: `C${i + 2}`, value: i },
        })),
        summary: { error: 1, warning: 0, info: 2 },
      },
      { file: "空.xlsx", status: "unreadable", sheets: [], findings: [], summary: {}, error: undefined },
    ],
    set: { rollup: "none", projects: [], missing: [] },
  };
}

test.each([0, 1, 31, 32, 33, 600])("a report of %i findings: the bytes JSON.stringify gives", (n) => {
  const doc = report(n);
  expect(written(doc).text).toBe(JSON.stringify(doc, null, 2));
});

test("every depth gives the same bytes, for values of every JSON kind", () => {
  const values: unknown[] = [
    null,
    0,
    -1.5e-7,
    "文字列",
    true,
    [],
    {},
    [[], {}, [[]], [{}]],
    { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("s")], d: { e: { f: [1, { g: [2, 3] }] } } },
    { when: new Date(Date.UTC(2026, 11, 3)), nested: [new Date(0)] },
    {
      gone: { toJSON: () => undefined },
      kept: { toJSON: (key: string) => `key ${key}` },
      list: [{ toJSON: () => undefined }],
    },
    { boxed: [Object("文字"), Object(3), Object(true)], bare: Object.assign(Object.create(null), { a: [1] }) },
    { indexed: Array.from({ length: 70 }, () => ({ toJSON: (key: string) => `#${key}` })) },
    {
      instance: new (class Point {
        constructor(
          readonly x = 1,
          readonly y = [2],
        ) {}
      })(),
    },
    Array.from({ length: 700 }, (_, i) => (i % 3 ? { i, s: "x".repeat(i % 17) } : [i, null, "y"])),
  ];
  for (const v of values)
    for (const depth of [0, 1, 2, 3, 4, 8])
      expect([depth, written(v, depth).text]).toEqual([depth, JSON.stringify(v, null, 2)]);
});

test("a large report is written in pieces of about 16K characters, not as one string", () => {
  const doc = report(20_000);
  const { text, pieces } = written(doc);
  expect(text.length).toBeGreaterThan(5_000_000);
  expect(pieces.length).toBeGreaterThan(text.length / 40_000);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(40_000);
  expect(text).toBe(JSON.stringify(doc, null, 2));
});
