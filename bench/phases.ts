/**
 * Where one check's CPU and memory go, phase by phase: the read, detection, each kind's reader and analysis, and
 * each rule (with what it keeps in the check's memo until the run ends). For finding the next thing to make faster
 * or smaller; `npm run bench` keeps the figures issue 13 sets targets for.
 *
 *   npx tsx bench/phases.ts [FILE.xlsx]        (the R7 sample repeated 250 times when no file is given)
 *
 * Heap figures are live bytes after a full collection, so each is what the phase leaves held, not its garbage.
 * CPU is of this process (V8's compiler and marking threads included) running the TypeScript sources through tsx,
 * without the CLI's bundle, code cache and V8 tuning: compare phases with each other, and a change with the code
 * before it, not with `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { nodeInflateRaw } from "../src/adapters/xlsx/read-file";
import { readWorkbookBytes } from "../src/adapters/xlsx/read";
import { createContext } from "../src/core/engine";
import { RULES } from "../src/core/rules/index";
import { READERS } from "../src/core/sheets/readers";
import type { SheetKind } from "../src/core/model/kinds";
import { repeatedReport } from "./generate";

// A full collection on demand, for live sizes: the flag, then the function from a fresh context.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

const liveMb = (): number => {
  collect();
  return process.memoryUsage().heapUsed / 1e6;
};
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function row(label: string, ms: number, mb: number, extra = ""): void {
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms ${mb.toFixed(1).padStart(8)} MB  ${extra}`);
}

function main(): void {
  const file = process.argv[2];
  const bytes = file ? readFileSync(file) : repeatedReport(250);
  console.log(`# ${file ?? "R7 sample ×250"}: ${Math.round(bytes.length / 1024).toLocaleString("en-US")} KB zipped`);
  console.log(`${"phase".padEnd(34)} ${"CPU".padStart(10)} ${"held".padStart(11)}`);

  let heap = liveMb();
  let cpu = cpuMs();
  const step = (label: string, extra = "") => {
    const nextCpu = cpuMs();
    const nextHeap = liveMb();
    row(label, nextCpu - cpu, nextHeap - heap, extra);
    cpu = cpuMs(); // the collection above is not the next phase's
    heap = nextHeap;
  };

  const workbook = readWorkbookBytes(bytes, { inflateRaw: nodeInflateRaw });
  let cells = 0;
  for (const sheet of workbook.sheets) for (const r of sheet.rows) if (r) for (const c of r) if (c) cells++;
  step("read", `${workbook.sheets.length} sheets, ${cells.toLocaleString("en-US")} cells`);

  const ctx = createContext(workbook, undefined, undefined, true);
  step("detect", `${ctx.tables.length} tables`);

  // Each kind's reader timed as ctx.analyses() calls it.
  const spent = new Map<SheetKind, { ms: number; tables: number }>();
  const readers = READERS;
  const original = { ...readers };
  for (const kind of Object.keys(readers) as SheetKind[]) {
    readers[kind] = (table, context) => {
      const t0 = cpuMs();
      const out = original[kind](table, context);
      const s = spent.get(kind) ?? { ms: 0, tables: 0 };
      s.ms += cpuMs() - t0;
      s.tables++;
      spent.set(kind, s);
      return out;
    };
  }
  try {
    ctx.analyses();
  } finally {
    Object.assign(readers, original);
  }
  step("analyses (all kinds)");
  for (const [kind, s] of spent)
    console.log(`  ${kind.padEnd(32)} ${s.ms.toFixed(0).padStart(7)} ms  ${s.tables} tables`);

  let findings = 0;
  const small = { rules: 0, ms: 0, mb: 0, findings: 0 };
  for (const rule of RULES) {
    const n = [...rule.check(ctx)].length;
    findings += n;
    const nextCpu = cpuMs();
    const nextHeap = liveMb();
    const ms = nextCpu - cpu;
    const mb = nextHeap - heap;
    if (ms >= 5 || mb >= 0.1) row(`  ${rule.meta.id}`, ms, mb, `${n} findings`);
    else
      Object.assign(small, {
        rules: small.rules + 1,
        ms: small.ms + ms,
        mb: small.mb + mb,
        findings: small.findings + n,
      });
    cpu = cpuMs();
    heap = nextHeap;
  }
  row(`  ${small.rules} other rules`, small.ms, small.mb, `${small.findings} findings`);
  console.log(`rules: ${findings} findings (as rules return them; the engine then renders and sorts them)`);
}

main();
