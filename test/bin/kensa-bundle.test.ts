/**
 * The CLI bundle (esbuild.cli.mjs) starts without what a check does not use: zod (Kensa's schemas are built on
 * first use, src/core/catalogue/schema.ts lazySchema) and child_process (commander's, for subcommands Kensa does
 * not have). A validation still loads zod, and its findings are the same.
 */
import { execFileSync, spawnSync } from "child_process";
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { repeatedReport } from "../../bench/generate";
import { LARGE_INPUT_BYTES } from "../../src/cli/heap";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "r7-report.xlsx");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kensa-bundle-"));
  cpSync(path.join(ROOT, "bin"), path.join(dir, "bin"), { recursive: true });
  execFileSync(process.execPath, [path.join(ROOT, "esbuild.cli.mjs"), dir], { stdio: "pipe", timeout: 120_000 });
  // runs bin/kensa.js with the given arguments, then reports what the process loaded
  writeFileSync(
    path.join(dir, "probe.js"),
    `process.argv = [process.argv[0], ${JSON.stringify(path.join(dir, "bin", "kensa.js"))}, ...process.argv.slice(2)];
const vm = require("vm");
let cacheRejected = null;
vm.Script = class extends vm.Script {
  constructor(source, options) {
    super(source, options);
    if (options && options.cachedData) cacheRejected = this.cachedDataRejected;
  }
};
// PROBE_SKIP_FLAG: a V8 flag the CLI may not set (to see what it changes)
const v8 = require("v8");
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  if (!process.env.PROBE_SKIP_FLAG || !flags.startsWith(process.env.PROBE_SKIP_FLAG)) setFlags(flags);
};
process.on("exit", () => {
  const zod = Object.keys(require.cache).some((f) => f.includes("node_modules/zod/"));
  const childProcess = process.moduleLoadList.includes("NativeModule child_process");
  const newSpaceMb = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576;
  require("fs").writeSync(2, "\\n" + JSON.stringify({ zod, childProcess, cacheRejected, newSpaceMb }));
});
require(${JSON.stringify(path.join(dir, "bin", "kensa.js"))});`,
  );
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function probe(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(dir, "probe.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules"), NO_COLOR: "1", ...env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = r.stderr.trimEnd().split("\n");
  return {
    loaded: JSON.parse(lines.pop()!) as {
      zod: boolean;
      childProcess: boolean;
      cacheRejected: boolean | null;
      newSpaceMb: number;
    },
    r,
    stderr: lines.join("\n"),
  };
}

test("checking the sample loads neither zod nor child_process", () => {
  const { loaded, r } = probe(["check", SAMPLE, "--format", "json"]);
  expect(JSON.parse(r.stdout).files[0].summary).toEqual({ error: 12, warning: 2, info: 25 });
  expect(loaded).toMatchObject({ zod: false, childProcess: false, cacheRejected: false });
});

test("a catalogue file is validated with zod, its problems in plain words", () => {
  const file = path.join(dir, "catalogue.yaml");
  writeFileSync(file, "indicators:\n  - number: 9\n    label: X\n    rollup: additiv\n    groups: []\n");
  const { loaded, r, stderr } = probe(["check", SAMPLE, "--catalogue", file]);
  expect(r.status).toBe(2);
  expect(stderr).toContain("indicators[0].rollup は additive・deduplicated・share-bounds のいずれかです");
  expect(loaded.zod).toBe(true);
});

test("a workbook of a megabyte or more is checked with V8's young generation kept small (src/cli/heap.ts)", () => {
  const large = path.join(dir, "large.xlsx");
  writeFileSync(large, repeatedReport(60)); // 1.2 MB, 720 sheets
  expect(statSync(large).size).toBeGreaterThanOrEqual(LARGE_INPUT_BYTES);
  const kept = probe(["check", large, "--format", "json"]);
  const grown = probe(["check", large, "--format", "json"], { PROBE_SKIP_FLAG: "--semi-space-growth-factor" });
  expect(kept.r.stdout).toBe(grown.r.stdout);
  // V8 grows the space to 2 × 16 MB when most of what a check allocates survives; kept, it stays at a few MB
  expect(grown.loaded.newSpaceMb).toBeGreaterThanOrEqual(16);
  expect(kept.loaded.newSpaceMb).toBeLessThanOrEqual(8);
}, 60_000);
