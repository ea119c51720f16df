/**
 * The hostile corpus (issue 14 item 7): every case of ./corpus.ts and ./bombs.ts run through the real CLI in
 * its own process, with a time limit and its memory watched. The tally must be all zeros: no crash or stack
 * trace, no hang, no run over 1 GB, no input modified, no raw control character printed, no bad output.
 * `npx tsx scripts/hostile-run.ts` runs the same corpus with a line per case.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { BOMBS, buildBombs } from "./bombs";
import { buildCorpus } from "./corpus";
import { bundleCli, runCases, tally, type Outcome } from "./run";

let outcomes: Outcome[] = [];
let dir = "";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kensa-hostile-"));
  const { child, dispose } = await bundleCli();
  try {
    const cases = [
      ...(await buildCorpus(path.join(dir, "corpus"))),
      ...(await buildBombs(path.join(dir, "bombs"), BOMBS)),
    ];
    outcomes = await runCases(child, cases, 2);
  } finally {
    await dispose();
  }
}, 240_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test("every hostile case keeps every invariant", () => {
  const failed = outcomes
    .filter((o) => o.problems.length)
    .map((o) => `${o.id}: ${o.problems.map((p) => `${p.kind}: ${p.detail}`).join("; ")}`);
  expect(failed).toEqual([]);
  expect(outcomes.length).toBeGreaterThan(50);
  const t = tally(outcomes);
  expect({
    crash: t.crash,
    hang: t.hang,
    memory: t.memory,
    modified: t["modified-input"],
    controls: t["control-chars"],
    output: t.output,
    other: t.other,
  }).toEqual({
    crash: 0,
    hang: 0,
    memory: 0,
    modified: 0,
    controls: 0,
    output: 0,
    other: 0,
  });
});

test("the special files and bombs were refused, each with one line, not read", () => {
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  // a FIFO alone: refused at once (a read would block until the time limit)
  expect(byId.get("special/fifo-alone")!.result.ms).toBeLessThan(15_000);
  expect(byId.get("special/fifo-alone")!.result.code).toBe(2);
  // /dev/zero and the 1.2 GB bombs never took the memory a whole read would
  for (const id of [
    "special/inputs-text-ja",
    "bomb/zip-rows-1.2GB",
    "bomb/zip-declared-lie",
    "bomb/file-sparse-1.9GB",
  ]) {
    expect(byId.get(id)!.result.peakRssBytes).toBeLessThan(512 * 1024 * 1024);
  }
  const ja = byId.get("special/inputs-text-ja")!.result.stderr;
  expect(ja).toMatch(/pipe\.xlsx: 名前付きパイプ（FIFO）であり、通常のファイルではないため読み込みません/);
  expect(byId.get("special/inputs-text-en")!.result.stderr).toMatch(
    /pipe\.xlsx: a named pipe \(FIFO\), not a regular file: not read/,
  );
});
