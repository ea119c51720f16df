/**
 * The reader and `kensa check` on workbooks that look like the work, each measured in a fresh process
 * (CPU time of the whole process, start-up included, and peak RSS), interleaved: every round runs each
 * command once, in turn, so that a busy machine slows them alike. Median of the rounds.
 *
 * - check:   `kensa check FILE --format json`, the CLI as npm builds it (tsc, then the esbuild bundle with its
 *            code cache, esbuild.cli.mjs) in a temporary folder, started through bin/kensa.js;
 * - read:    the reader alone (src/adapters/xlsx, readWorkbookBytes);
 * - exceljs: the previous reader's bare load (`new ExcelJS.Workbook().xlsx.load(bytes)`), what issue 13's
 *            targets are relative to.
 * Workbooks (./generate.ts): the R7 sample (every kind: インハウス予算, 予算内訳, アウトプット指標, 全体 and PJ1–PJ8,
 * mostly monitoring), the same report repeated to 10⁴, 10⁵ and 10⁶ cells of used range (its parts copied as
 * new sheets: 24 to 2,000 monitoring PJ sheets), a 10⁶-cell workbook of large budget tables, and the bomb of
 * issue 13 (1.1 million one-cell rows, refused). The 10⁶ targets are read on both 10⁶ workbooks. Then batches: 1,000
 * sample-sized files read and checked in one process, with the new reader and with the previous one, and
 * `kensa check --each` on a folder of 1,000.
 *
 *   npx tsx bench/reader.ts            (KENSA_BENCH_ROUNDS=3, KENSA_BENCH_BATCH=1000)
 */
import { execFileSync } from "node:child_process";
import { cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { bomb, generatedWorkbook, repeatedReport } from "./generate";

const ROOT = resolve(__dirname, "..");
const SAMPLE = join(ROOT, "samples", "r7-report.xlsx");
const ROUNDS = Number(process.env.KENSA_BENCH_ROUNDS ?? 3);
const BATCH = Number(process.env.KENSA_BENCH_BATCH ?? 1000);

/** Targets of issue 13, quoted beside the figures. */
const TARGETS = {
  sampleCheckCpu: 0.4,
  checkVsExceljsAt1e6: 0.7,
  memoryVsExceljsAt1e6: 0.5,
  batchFilesPerSecond: 100,
  bombSeconds: 2,
  bombMb: 300,
};

/** The measuring child, plain JavaScript next to the compiled CLI: runs one mode, writes {cpu, rssMb} to argv[3]. */
const CHILD = String.raw`
const fs = require("fs");
const [mode, out, file, count] = process.argv.slice(2);
const lib = __dirname + "/lib";
// Peak RSS of this process: VmHWM (Linux keeps getrusage's maxrss across exec, so a child would report its
// parent's peak when that was higher).
function peakMb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
}
function done() {
  // the whole process: its CPU, and the wall-clock time since it started
  const c = process.cpuUsage();
  fs.writeFileSync(out, JSON.stringify({ cpu: (c.user + c.system) / 1e6, wall: process.uptime(), rssMb: peakMb() }));
}
async function run() {
  if (mode === "check" || mode === "check-each") {
    // as a user runs it: bin/kensa.js (the CLI bundle and its code cache), output discarded by the parent
    const args = mode === "check" ? ["check", file] : ["check", "--each", file];
    process.argv = [process.argv[0], __dirname + "/bin/kensa.js", ...args, "--format", "json"];
    process.on("exit", done);
    require(__dirname + "/bin/kensa.js");
    return;
  }
  const bytes = fs.readFileSync(file);
  if (mode === "read") {
    try { require(lib + "/adapters/xlsx/read.js").readWorkbookBytes(bytes); } catch (e) { if (!e.code) throw e; }
  } else if (mode === "exceljs") {
    const ExcelJS = require("exceljs");
    await new ExcelJS.Workbook().xlsx.load(bytes);
  } else if (mode.startsWith("batch")) {
    require(__dirname + "/bin/v8-tuning.js"); // as bin/kensa.js starts a check
    // the new reader as the CLI runs it (Node's native inflate), or the previous exceljs reader
    const { readWorkbookBytes } = require(lib + "/adapters/xlsx/read.js");
    const { nodeInflateRaw } = require(lib + "/adapters/xlsx/read-file.js");
    const read = mode === "batch-exceljs" ? require(lib + "/adapters/exceljs/read.js").readWorkbookBuffer : async (b) => readWorkbookBytes(b, { inflateRaw: nodeInflateRaw });
    // as "kensa check" checks (no --annotate): computed cells only where a value is typed
    const { checkWorkbook } = require(lib + "/core/engine.js");
    const check = mode === "batch-read" ? () => undefined : (wb) => checkWorkbook(wb, { onlyTypedComputed: true });
    const t0 = process.cpuUsage();
    const w0 = process.hrtime.bigint();
    for (let i = 0; i < Number(count); i++) check(await read(bytes));
    const c = process.cpuUsage(t0);
    const wall = Number(process.hrtime.bigint() - w0) / 1e9;
    const total = process.cpuUsage();
    fs.writeFileSync(out, JSON.stringify({ cpu: (total.user + total.system) / 1e6, loopCpu: (c.user + c.system) / 1e6, wall, rssMb: peakMb() }));
    return;
  }
  done();
}
run().catch((e) => { console.error(e); process.exit(3); });
`;

interface Measure {
  cpu: number;
  rssMb: number;
  loopCpu?: number;
  wall?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function largeTables(cells: number, path: string): Promise<void> {
  const model = generatedWorkbook(cells);
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map((c) => (c ? c.value : null)));
  }
  await wb.xlsx.writeFile(path);
}

/** The benchmark in a temporary folder (the compiled CLI and the generated workbooks, some 20 MB), removed after. */
export async function benchReader(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kensa-bench-reader-"));
  try {
    await benchReaderIn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchReaderIn(dir: string): Promise<void> {
  console.log(
    "\n## Reader and kensa check (fresh process each, CPU s incl. start-up, peak RSS MB; median of interleaved rounds)",
  );
  process.stdout.write(`  compiling the CLI into ${dir}/lib … `);
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "typescript", "bin", "tsc"),
        "-p",
        join(ROOT, "tsconfig.cli.json"),
        "--outDir",
        join(dir, "lib"),
      ],
      { stdio: "pipe" },
    );
  } catch {
    // type errors elsewhere in a working tree still emit JavaScript
  }
  // the one-file CLI as npm run build:cli makes it (esbuild.cli.mjs), with bin/ beside it
  cpSync(join(ROOT, "bin"), join(dir, "bin"), { recursive: true });
  execFileSync(process.execPath, [join(ROOT, "esbuild.cli.mjs"), dir], { stdio: "pipe" });
  console.log("done");
  writeFileSync(join(dir, "child.js"), CHILD);
  const env = { ...process.env, NODE_PATH: join(ROOT, "node_modules") };
  const run = (mode: string, file: string, count = 0): Measure => {
    const out = join(dir, `m-${mode}.json`);
    try {
      execFileSync(process.execPath, [join(dir, "child.js"), mode, out, file, String(count)], {
        stdio: "ignore",
        env,
        cwd: ROOT,
      });
    } catch (err) {
      if ((err as { status?: number }).status === 3) throw err; // the child failed; exit 1 is `kensa check` finding errors
    }
    return JSON.parse(readFileSync(out, "utf8")) as Measure;
  };

  const books: { label: string; file: string }[] = [{ label: "R7 sample", file: SAMPLE }];
  for (const [times, label] of [
    [3, "report ×3"],
    [25, "report ×25"],
    [250, "report ×250"],
  ] as const) {
    const file = join(dir, `report-${times}.xlsx`);
    writeFileSync(file, repeatedReport(times));
    books.push({ label, file });
  }
  const large = join(dir, "tables-1e6.xlsx");
  await largeTables(1e6, large);
  books.push({ label: "tables 10⁶", file: large });
  const bombFile = join(dir, "bomb.xlsx");
  writeFileSync(bombFile, bomb());
  books.push({ label: "bomb (refused)", file: bombFile });

  // the cells of each workbook, as the reader gives them (in this process: not measured)
  const { readWorkbookBytes } = await import("../src/adapters/xlsx/read");
  const cellsOf = (file: string): string => {
    try {
      let n = 0;
      for (const s of readWorkbookBytes(readFileSync(file)).sheets)
        for (const r of s.rows) for (const c of r) if (c) n++;
      return n.toLocaleString("en-US");
    } catch (err) {
      return String((err as { code?: string }).code ?? "error");
    }
  };

  console.log(
    "workbook        | zipped KB | cells     | check s | read s | exceljs s | check/exceljs | read/exceljs | check MB | read MB | exceljs MB | check MB/exceljs MB | read MB/exceljs MB",
  );
  console.log(
    "----------------|-----------|-----------|---------|--------|-----------|---------------|--------------|----------|---------|------------|--------------------|-------------------",
  );
  const figures = new Map<string, { check: Measure; read: Measure; exceljs: Measure }>();
  for (const b of books) {
    const modes = ["check", "read", "exceljs"] as const;
    const got: Record<(typeof modes)[number], Measure[]> = { check: [], read: [], exceljs: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < modes.length; k++) {
        const mode = modes[(k + round) % modes.length];
        got[mode].push(run(mode, b.file));
      }
    }
    const m = (mode: (typeof modes)[number]): Measure => ({
      cpu: median(got[mode].map((x) => x.cpu)),
      rssMb: median(got[mode].map((x) => x.rssMb)),
    });
    const f = { check: m("check"), read: m("read"), exceljs: m("exceljs") };
    figures.set(b.label, f);
    const kb = readFileSync(b.file).length / 1024;
    console.log(
      `${b.label.padEnd(15)} | ${kb.toFixed(0).padStart(9)} | ${cellsOf(b.file).padStart(9)} | ${f.check.cpu.toFixed(2).padStart(7)} | ${f.read.cpu.toFixed(2).padStart(6)} | ${f.exceljs.cpu.toFixed(2).padStart(9)} | ${(f.check.cpu / f.exceljs.cpu).toFixed(2).padStart(12)}× | ${(f.read.cpu / f.exceljs.cpu).toFixed(2).padStart(11)}× | ${f.check.rssMb.toFixed(0).padStart(8)} | ${f.read.rssMb.toFixed(0).padStart(7)} | ${f.exceljs.rssMb.toFixed(0).padStart(10)} | ${(f.check.rssMb / f.exceljs.rssMb).toFixed(2).padStart(18)}× | ${(f.read.rssMb / f.exceljs.rssMb).toFixed(2).padStart(17)}×`,
    );
  }

  console.log(
    `\n  batches: ${BATCH} sample-sized files read and checked in one process (the R7 sample's bytes, each read anew)`,
  );
  const batch = run("batch", SAMPLE, BATCH);
  const batchOld = run("batch-exceljs", SAMPLE, BATCH);
  const batchRead = run("batch-read", SAMPLE, BATCH);
  for (const [label, r] of [
    ["new reader + check", batch],
    ["previous reader + check", batchOld],
    ["new reader alone", batchRead],
  ] as const) {
    console.log(
      `    ${label.padEnd(26)} ${(BATCH / r.loopCpu!).toFixed(0).padStart(5)} files/s of CPU (${(BATCH / r.wall!).toFixed(0)} files/s wall), peak ${r.rssMb.toFixed(0)} MB`,
    );
  }
  // The same batch as a reviewer runs it: the CLI on a folder of the sample's copies (hard links), each checked
  // on its own, start-up, file reads and the JSON report included.
  const folder = join(dir, "batch");
  mkdirSync(folder);
  for (let i = 0; i < BATCH; i++) linkSync(SAMPLE, join(folder, `提出${String(i).padStart(4, "0")}.xlsx`));
  const each = run("check-each", folder);
  console.log(
    `    ${"kensa check --each FOLDER".padEnd(26)} ${(BATCH / each.cpu).toFixed(0).padStart(5)} files/s of CPU (${(BATCH / each.wall!).toFixed(0)} files/s wall), peak ${each.rssMb.toFixed(0)} MB`,
  );

  const sample = figures.get("R7 sample")!;
  const b = figures.get("bomb (refused)")!;
  const ok = (good: boolean) => (good ? "OK" : "MISSED");
  console.log("\n  issue 13 targets:");
  console.log(
    `    sample checked in ≤ ${TARGETS.sampleCheckCpu} s CPU per process: ${sample.check.cpu.toFixed(2)} s — ${ok(sample.check.cpu <= TARGETS.sampleCheckCpu)}`,
  );
  for (const label of ["tables 10⁶", "report ×250"]) {
    const big = figures.get(label)!;
    const cpu = big.check.cpu / big.exceljs.cpu;
    const mem = big.check.rssMb / big.exceljs.rssMb;
    console.log(
      `    ${label}: check ≤ ${TARGETS.checkVsExceljsAt1e6}× the bare exceljs read's CPU: ${cpu.toFixed(2)}× — ${ok(cpu <= TARGETS.checkVsExceljsAt1e6)}; peak memory ≤ ${TARGETS.memoryVsExceljsAt1e6}×: ${mem.toFixed(2)}× — ${ok(mem <= TARGETS.memoryVsExceljsAt1e6)}`,
    );
  }
  // Both rates, each judged: a reviewer waits on the clock (V8 marks and compiles on other threads beside the
  // check), while CPU seconds are what a machine busy with other work can spare.
  const perCpu = BATCH / batch.loopCpu!;
  const perWall = BATCH / batch.wall!;
  console.log(
    `    batches ≥ ${TARGETS.batchFilesPerSecond} files/s: ${perWall.toFixed(0)} per second of wall-clock time — ${ok(perWall >= TARGETS.batchFilesPerSecond)}; ${perCpu.toFixed(0)} per CPU second — ${ok(perCpu >= TARGETS.batchFilesPerSecond)}`,
  );
  console.log(
    `    bomb refused in < ${TARGETS.bombSeconds} s and ${TARGETS.bombMb} MB (kensa check): ${b.check.cpu.toFixed(2)} s, ${b.check.rssMb.toFixed(0)} MB — ${ok(b.check.cpu < TARGETS.bombSeconds && b.check.rssMb < TARGETS.bombMb)}`,
  );
}

if (require.main === module) {
  benchReader().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
