/**
 * Reading on worker threads (src/cli/read-pool.ts): every file gives, through a thread, the very model or the
 * very error the main thread's reader gives; files come back in the order given, failures included; a thread
 * that dies costs nothing but time (its files are read on the main thread).
 */
import { execFileSync } from "child_process";
import { promises as fs, writeFileSync } from "fs";
import * as path from "path";
import { deserialize, serialize } from "v8";
import { build } from "esbuild";
import { buildHabits } from "../../scripts/build-habits";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-file";
import { POOL_MIN_FILES, readInputs, ReadPool, threadCount } from "../../src/cli/read-pool";
import type { Workbook } from "../../src/core/model/workbook";
import { writeSplit } from "../fixtures/split";
import { goodWorkbook, tempDir, writeBadFiles, writeWorkbook } from "../fixtures/workbooks";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "r7-report.xlsx");

let dir: string;
let script: string;
const files: string[] = [];

beforeAll(async () => {
  dir = await tempDir("kensa-read-pool-");
  // the worker as esbuild.cli.mjs bundles it beside the CLI
  script = path.join(dir, "read-worker.js");
  await build({
    entryPoints: [path.join(ROOT, "src", "cli", "read-worker.ts")],
    outfile: script,
    bundle: true,
    platform: "node",
    format: "cjs",
    alias: { fflate: "fflate/browser" },
    logLevel: "warning",
  });
  files.push(SAMPLE, await writeWorkbook(goodWorkbook(), path.join(dir, "good.xlsx")));
  files.push(...(await buildHabits(path.join(dir, "habits"))));
  files.push(...(await writeSplit(path.join(dir, "split"))));
  files.push(...Object.values(await writeBadFiles(path.join(dir, "bad"))));
  const cut = path.join(dir, "cut.xlsx");
  writeFileSync(cut, (await fs.readFile(SAMPLE)).subarray(0, 20_000));
  files.push(cut, path.join(dir, "no-such-file.xlsx"));
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A model, or the error as the CLI reports it: its class, code, file and both messages. */
async function outcome(read: Promise<Workbook>): Promise<unknown> {
  try {
    return await read;
  } catch (err) {
    const e = err as { name?: string; code?: string; file?: string; messages?: unknown };
    return { error: e.name, code: e.code, file: e.file, messages: e.messages };
  }
}

/**
 * The same data, byte for byte as V8 serializes it: holes, undefined, Dates and which cells are one object
 * (a model comes from another thread, and under jest from another realm, so prototypes cannot be compared).
 * Each side is serialized once through a round trip first, which settles how V8 happens to hold its strings
 * and arrays (the bytes then stay the same on every further trip).
 */
function same(a: unknown, b: unknown): boolean {
  const canonical = (x: unknown) => serialize(deserialize(serialize(x)));
  return canonical(a).equals(canonical(b));
}

async function throughInputs(
  inputs: string[],
  env: Record<string, string | undefined>,
  workerScript = script,
): Promise<{ file: string; outcome: unknown }[]> {
  const out: { file: string; outcome: unknown }[] = [];
  let debug = "";
  for await (const { file, read } of readInputs(inputs, env, { script: workerScript, debug: (l) => (debug += l) }))
    out.push({ file, outcome: await outcome(read) });
  if (env.KENSA_READ_THREADS !== "0") expect(debug).toMatch(/reading on \d+ threads/);
  return out;
}

test("every file read on a thread gives the main thread's model or error, in the order given", async () => {
  expect(files.length).toBeGreaterThan(40);
  const pooled = await throughInputs(files, { KENSA_READ_THREADS: "2" });
  expect(pooled.map((p) => p.file)).toEqual(files);
  const differing: string[] = [];
  let models = 0;
  for (const [i, file] of files.entries()) {
    const alone = await outcome(readWorkbookFile(file));
    if (!same(pooled[i].outcome, alone)) differing.push(path.relative(dir, file));
    if (!(alone as { error?: string }).error) models++;
  }
  expect(differing).toEqual([]);
  // the corpus holds both: workbooks read and files refused with their reasons
  expect(models).toBeGreaterThan(30);
  expect(files.length - models).toBeGreaterThan(5);
}, 120_000);

test("a special file is refused from its stat, not read, by the thread as by the main thread", async () => {
  const fifo = path.join(dir, "pipe.xlsx");
  execFileSync("mkfifo", [fifo]);
  const inputs = [...Array(POOL_MIN_FILES).fill(SAMPLE), fifo, SAMPLE];
  const pooled = await throughInputs(inputs, {});
  const alone = await throughInputs(inputs, { KENSA_READ_THREADS: "0" });
  expect(pooled).toEqual(alone);
  expect(pooled[POOL_MIN_FILES].outcome).toMatchObject({ error: "NotRegularFileError" });
}, 60_000);

test("a thread that cannot run leaves its files to the main thread: the same models", async () => {
  const broken = path.join(dir, "broken-worker.js");
  writeFileSync(broken, 'throw new Error("this thread fails as it starts");\n');
  const inputs = files.slice(0, 12);
  const viaBroken = await throughInputs(inputs, { KENSA_READ_THREADS: "2" }, broken);
  const alone = await throughInputs(inputs, { KENSA_READ_THREADS: "0" });
  expect(viaBroken).toEqual(alone);
}, 60_000);

test("threads: one per core from POOL_MIN_FILES files, KENSA_READ_THREADS when set", () => {
  expect(threadCount(POOL_MIN_FILES - 1, {})).toBe(0);
  expect(threadCount(POOL_MIN_FILES, {})).toBeGreaterThanOrEqual(1);
  expect(threadCount(POOL_MIN_FILES, {})).toBeLessThanOrEqual(4);
  expect(threadCount(1, { KENSA_READ_THREADS: "3" })).toBe(3);
  expect(threadCount(100, { KENSA_READ_THREADS: "0" })).toBe(0);
  expect(threadCount(100, { KENSA_READ_THREADS: "many" })).toBe(0);
  expect(threadCount(100, { KENSA_READ_THREADS: " " })).toBeGreaterThanOrEqual(1);
  // no worker script beside the module (the sources, as jest runs them): no pool, files read on the main thread
  expect(ReadPool.start(2)).toBeUndefined();
});
