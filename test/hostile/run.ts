/**
 * Runs hostile cases against the real CLI, each in its own Node process with a time limit, its memory watched,
 * and judges every run against the invariants of issue 14: no crash or stack trace, no hang, no run over 1 GB,
 * no input modified, no raw control character printed, JSON that parses, every unreadable file named on one
 * line, every workbook written complete.
 *
 * The CLI is bundled once with esbuild (its packages left to node_modules), so that the run tests src/ as it is
 * now, not a stale lib/, and each process starts in about half a second.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { escapeControls } from "../../src/cli/terminal";
import { MEMORY_LIMIT_BYTES, RUN_TIMEOUT_MS, type Case, type RunResult } from "./cases";

const ROOT = path.join(__dirname, "..", "..");

/** What a failed invariant is called in the tally. */
export type ProblemKind = "crash" | "hang" | "memory" | "modified-input" | "control-chars" | "output" | "other";

export interface Outcome {
  id: string;
  result: RunResult;
  problems: { kind: ProblemKind; detail: string }[];
}

/** Bundles src/cli/main.ts into a temp folder (its packages resolve through NODE_PATH); returns the child script and a cleanup. */
export async function bundleCli(): Promise<{ child: string; dispose: () => Promise<void> }> {
  // esbuild comes with tsx (a dev dependency); loaded lazily so that importing this file costs nothing
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kensa-hostile-cli-"));
  await esbuild.build({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: path.join(dir, "cli.js"),
    logLevel: "error",
  });
  // main() as bin/kensa.js calls it, and the process's own peak RSS on fd 3 at exit: VmHWM from /proc, the peak
  // of this program's memory since exec (getrusage's ru_maxrss would also count the parent's pages the forked
  // child held before exec), or ru_maxrss where there is no /proc
  const child = path.join(dir, "child.js");
  await fs.writeFile(
    child,
    `"use strict";
const fs = require("fs");
function peak() {
  try { return Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]) * 1024; }
  catch { return process.resourceUsage().maxRSS * 1024; }
}
process.on("exit", () => { try { fs.writeSync(3, String(peak())); } catch {} });
require("./cli.js").main(process.argv).then((code) => { process.exitCode = code; });
`,
  );
  return { child, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** Resident memory of a running process, from /proc (Linux); 0 where /proc is missing. */
async function rssOf(pid: number): Promise<number> {
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status);
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** One run of the CLI: killed at the time limit, at the memory limit, or at `killAfterMs`. */
export function runCli(
  child: string,
  args: string[],
  options: { killAfterMs?: number; killSignal?: NodeJS.Signals; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const proc = spawn(process.execPath, [child, ...args], {
      cwd: options.cwd ?? ROOT,
      env: {
        ...process.env,
        NODE_PATH: path.join(ROOT, "node_modules"),
        NO_COLOR: "1",
        KENSA_LANG: "",
        KENSA_DEBUG: "",
      },
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let reported = "";
    let sampled = 0;
    let timedOut = false;
    let overMemory = false;
    let outBytes = 0;
    // output is kept up to a bound: a run printing without end is itself a failure, not a reason to run out of memory here
    const keep = (into: Buffer[]) => (b: Buffer) => {
      outBytes += b.length;
      if (outBytes < 64 * 1024 * 1024) into.push(b);
    };
    proc.stdout!.on("data", keep(out));
    proc.stderr!.on("data", keep(err));
    (proc.stdio[3] as NodeJS.ReadableStream).on("data", (b: Buffer) => (reported += b.toString()));
    const hang = setTimeout(() => {
      timedOut = true;
      proc.kill("SIGKILL");
    }, RUN_TIMEOUT_MS);
    const interrupt =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => proc.kill(options.killSignal ?? "SIGKILL"), options.killAfterMs);
    const watch = setInterval(() => {
      void rssOf(proc.pid!).then((rss) => {
        sampled = Math.max(sampled, rss);
        if (rss > MEMORY_LIMIT_BYTES && !overMemory) {
          overMemory = true;
          proc.kill("SIGKILL");
        }
      });
    }, 20);
    proc.on("close", (code, signal) => {
      clearTimeout(hang);
      clearTimeout(interrupt);
      clearInterval(watch);
      const peak = Math.max(sampled, Number(reported) || 0);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ms: Date.now() - started,
        peakRssBytes: peak,
        timedOut,
        overMemory: overMemory || peak > MEMORY_LIMIT_BYTES,
      });
    });
  });
}

/** A file's identity for "not modified": its kind, and for a regular file its bytes' hash. */
async function fingerprint(p: string): Promise<string> {
  const st = await fs.lstat(p).catch(() => undefined);
  if (!st) return "missing";
  if (st.isSymbolicLink()) return `symlink→${await fs.readlink(p)}`;
  if (!st.isFile()) return `kind:${st.mode & 0o170000}`;
  // a sparse file of gigabytes is hashed from its size and first and last megabyte (it is never written by reading)
  if (st.size > 64 * 1024 * 1024) {
    const fh = await fs.open(p, "r");
    try {
      const head = Buffer.alloc(1 << 20);
      const tail = Buffer.alloc(1 << 20);
      await fh.read(head, 0, head.length, 0);
      await fh.read(tail, 0, tail.length, st.size - tail.length);
      return `${st.size}:${createHash("sha256").update(head).update(tail).digest("hex")}:${st.mtimeMs}`;
    } finally {
      await fh.close();
    }
  }
  return createHash("sha256")
    .update(await fs.readFile(p))
    .digest("hex");
}

/** Characters a terminal acts on (what src/cli/terminal.ts escapes), newline aside. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A JavaScript stack frame, as Node prints them. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/** The same escaping as the CLI's, to find a file's name in its output. */
export const escapedName = escapeControls;

/** Is this a complete workbook package? undefined when it is, or why not. */
function workbookProblem(bytes: Uint8Array): string | undefined {
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name === "[Content_Types].xml" || f.name === "xl/workbook.xml" });
    if (!parts["[Content_Types].xml"] || !parts["xl/workbook.xml"])
      return "a zip without [Content_Types].xml or xl/workbook.xml";
    return undefined;
  } catch (e) {
    return `not a complete zip (${(e as Error).message})`;
  }
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : (({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name.toLowerCase()] ?? m),
  );

/**
 * Every formula of a written workbook where the payload marker is formula code: cell text or a sheet name
 * turned into a formula. Inside a string literal ("…", with "" for a quote) it is only text, as in Kensa's own
 * HYPERLINK("#'Sheet'!A1", …) links; outside one it would run.
 */
function injectedFormulas(bytes: Uint8Array, marker: string): string[] {
  const found: string[] = [];
  const parts = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/.*\.xml$/.test(f.name) });
  for (const [name, data] of Object.entries(parts)) {
    for (const m of Buffer.from(data)
      .toString("utf8")
      .matchAll(/<f[^>]*>([^<]*)<\/f>/g)) {
      const formula = unescapeXml(m[1]);
      if (formula.replace(/"(?:[^"]|"")*"/g, '""').includes(marker)) found.push(`${name}: ${formula.slice(0, 100)}`);
    }
  }
  return found;
}

/** The marker every injection payload carries, to find it again in what Kensa wrote. */
export const PAYLOAD_MARKER = "KENSAPAYLOAD";

/** Runs one case (all its copies) and judges it. */
export async function runCase(child: string, c: Case): Promise<Outcome> {
  const problems: Outcome["problems"] = [];
  const before = await Promise.all(c.inputs.map(fingerprint));
  const after = c.around ? await c.around() : undefined;
  let results: RunResult[];
  try {
    results = await Promise.all(
      Array.from({ length: c.copies ?? 1 }, () =>
        runCli(child, c.args, { killAfterMs: c.killAfterMs, killSignal: c.killSignal }),
      ),
    );
  } finally {
    await after?.();
  }
  const result = results[0];
  for (const r of results) {
    if (r.timedOut) problems.push({ kind: "hang", detail: `still running after ${RUN_TIMEOUT_MS} ms` });
    if (r.overMemory)
      problems.push({ kind: "memory", detail: `peak RSS ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MiB` });
    const text = r.stdout + r.stderr;
    if (STACK.test(text))
      problems.push({ kind: "crash", detail: `stack trace: ${(STACK.exec(text) ?? [""])[0].trim()}` });
    if (c.killAfterMs === undefined && !r.timedOut && !r.overMemory) {
      const allowed = c.codes ?? [0, 1, 2];
      if (r.code === null || !allowed.includes(r.code))
        problems.push({
          kind: "crash",
          detail: `exit ${r.code ?? r.signal} (allowed ${allowed.join(", ")}): ${r.stderr.slice(0, 200)}`,
        });
      // stderr is always text; stdout is text, JSON or CSV
      const raw = RAW_CONTROL.exec(r.stderr) ?? (c.format === "text" ? RAW_CONTROL.exec(r.stdout) : null);
      if (raw)
        problems.push({
          kind: "control-chars",
          detail: `raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, "0")} in ${RAW_CONTROL.test(r.stderr) ? "stderr" : "stdout"}`,
        });
      if (c.format === "json" && r.stdout) {
        try {
          const doc = JSON.parse(r.stdout) as {
            files?: { file: string; status: string; error?: { message: string } }[];
          };
          for (const f of doc.files ?? []) {
            if (f.error && (f.error.message.includes("\n") || !f.error.message.trim()))
              problems.push({ kind: "output", detail: `${f.file}: error message not one line` });
            if (c.unreadable?.includes(f.file) && f.status !== "unreadable")
              problems.push({ kind: "output", detail: `${f.file}: status ${f.status}, not unreadable` });
          }
          for (const u of c.unreadable ?? [])
            if (!doc.files?.some((f) => f.file === u))
              problems.push({ kind: "output", detail: `${u} missing from the JSON report` });
          if (RAW_CONTROL.test(r.stdout.replace(/\n/g, "")))
            problems.push({ kind: "control-chars", detail: "raw control character in the JSON text" });
        } catch (e) {
          problems.push({ kind: "output", detail: `stdout is not JSON (${(e as Error).message})` });
        }
      }
      if (c.format === "text") {
        for (const u of c.unreadable ?? []) {
          const lines = r.stderr.split("\n").filter((l) => l.startsWith(`✖ ${escapedName(u)}: `));
          if (lines.length !== 1)
            problems.push({ kind: "output", detail: `${escapedName(u)}: ${lines.length} error lines, not one` });
        }
      }
    }
    if (c.secret && (r.stdout + r.stderr).includes(c.secret))
      problems.push({ kind: "output", detail: "an external entity's content was printed" });
  }
  const afterPrints = await Promise.all(c.inputs.map(fingerprint));
  c.inputs.forEach((p, i) => {
    if (before[i] !== afterPrints[i])
      problems.push({
        kind: "modified-input",
        detail: `${p}: ${before[i].slice(0, 24)} → ${afterPrints[i].slice(0, 24)}`,
      });
  });
  for (const o of c.outputs ?? []) {
    const st = await fs.lstat(o).catch(() => undefined);
    if (!st?.isFile()) continue;
    const bytes = readFileSync(o);
    const why = workbookProblem(bytes);
    if (why && /\.xlsx$/i.test(o)) problems.push({ kind: "output", detail: `${path.basename(o)}: ${why}` });
    if (!why && /\.xlsx$/i.test(o))
      for (const f of injectedFormulas(bytes, PAYLOAD_MARKER))
        problems.push({ kind: "output", detail: `cell text became a formula: ${f}` });
    if (c.secret && bytes.includes(Buffer.from(c.secret)))
      problems.push({ kind: "output", detail: `${path.basename(o)}: holds an external entity's content` });
  }
  if (c.verify) for (const p of await c.verify(result)) problems.push({ kind: "other", detail: p });
  return { id: c.id, result, problems };
}

/** Runs cases `parallel` at a time (one per core by default), in order of the list. */
export async function runCases(
  child: string,
  cases: readonly Case[],
  parallel = 2,
  onOutcome?: (o: Outcome) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++) {
      outcomes[i] = await runCase(child, cases[i]);
      onOutcome?.(outcomes[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, cases.length) }, worker));
  return outcomes;
}

/** The tally issue 14 asks for: how many runs broke each invariant. */
export function tally(
  outcomes: readonly Outcome[],
): Record<ProblemKind, number> & { runs: number; maxRssMiB: number; slowestMs: number } {
  const t = {
    runs: outcomes.length,
    crash: 0,
    hang: 0,
    memory: 0,
    "modified-input": 0,
    "control-chars": 0,
    output: 0,
    other: 0,
    maxRssMiB: 0,
    slowestMs: 0,
  };
  for (const o of outcomes) {
    for (const kind of new Set(o.problems.map((p) => p.kind))) t[kind]++;
    t.maxRssMiB = Math.max(t.maxRssMiB, Math.round(o.result.peakRssBytes / 2 ** 20));
    t.slowestMs = Math.max(t.slowestMs, o.result.ms);
  }
  return t;
}
