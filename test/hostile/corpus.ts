/**
 * The hostile corpus: files and scenarios a mailbox or a shared folder can deliver, generated from the bundled
 * sample (samples/r7-report.xlsx) with a fixed seed, so that every run tries exactly the same inputs.
 *
 * - mutants: the sample's bytes and its XML parts mutated at random (seeded), checked in batches;
 * - bombs: zip bombs (a part inflating to gigabytes, sizes declared as lies) and XML bombs (entity expansion,
 *   external entities, huge and deep parts): see ./bombs.ts, which holds those that need the capped reader;
 * - special files given as inputs (FIFO, devices, a socket, folders, symlink loops) and as outputs;
 * - injection: formula text, control characters, bidi overrides and very long strings in cells, sheet names
 *   and file names, through every output format;
 * - interrupted writes (the CLI killed while writing) and concurrent writes to one output.
 */
import { execFileSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as net from "net";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Case, RunResult } from "./cases";
import { PAYLOAD_MARKER } from "./run";

export const SAMPLE = path.join(__dirname, "..", "..", "samples", "r7-report.xlsx");

/** The seed of every random choice: the corpus is the same on every machine and every run. */
export const SEED = 0x6b656e73; // "kens"

/** mulberry32: a small, well-known 32-bit PRNG; enough to pick mutations reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Parts = Record<string, Uint8Array>;

export function sampleParts(): Parts {
  return unzipSync(readFileSync(SAMPLE));
}

/** The sample with some parts replaced (XML given as text). */
export function withParts(base: Parts, changes: Record<string, string | Uint8Array>): Uint8Array {
  const parts: Parts = { ...base };
  for (const [name, v] of Object.entries(changes)) parts[name] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(parts, { level: 1 });
}

const xml = (parts: Parts, name: string) => strFromU8(parts[name]);

/** Tokens an XML mutation inserts: structure, limits and values a reader must survive. */
const TOKENS = [
  "<",
  ">",
  "</c>",
  "</row>",
  '"',
  "&amp;",
  "&bogus;",
  "&#0;",
  "&#x1B;",
  "<![CDATA[",
  '<row r="1048577">',
  '<row r="0">',
  '<row r="-5">',
  '<c r="XFE1"><v>1</v></c>',
  '<c r="A0"><v>1</v></c>',
  '<c r="A1" t="s"><v>999999</v></c>',
  '<c r="B2" t="e"><v>#REF!</v></c>',
  '<c r="C3" s="9999"><v>1</v></c>',
  '<c r="D4"><v>1e309</v></c>',
  '<c r="D5"><v>NaN</v></c>',
  '<c r="D6" t="b"><v>7</v></c>',
  '<c r="D7" t="d"><v>not a date</v></c>',
  '<c r="D8"><f t="shared" si="99"/></c>',
  '<c r="D9"><f>SUM(A1:XFD1048576)</f></c>',
  "_x001B_",
  "\u202e",
  "999999999999999999999",
  "-1",
];

/** A mutation of the bytes of a file: flips, cuts, zeroed or repeated ranges. */
function mutateBytes(bytes: Uint8Array, rand: () => number): Uint8Array {
  const b = Uint8Array.from(bytes);
  const at = () => Math.floor(rand() * b.length);
  switch (Math.floor(rand() * 5)) {
    case 0: {
      for (let n = 1 + Math.floor(rand() * 16); n > 0; n--) b[at()] ^= 1 << Math.floor(rand() * 8);
      return b;
    }
    case 1:
      return b.subarray(0, at());
    case 2: {
      const s = at();
      b.fill(0, s, Math.min(b.length, s + 1 + Math.floor(rand() * 512)));
      return b;
    }
    case 3: {
      const s = at();
      const e = Math.min(b.length, s + 1 + Math.floor(rand() * 4096));
      return Buffer.concat([b.subarray(0, e), b.subarray(s, e), b.subarray(e)]);
    }
    default: {
      // the 4-byte size and offset fields of zip headers, set to extremes
      const s = at() & ~3;
      new DataView(b.buffer).setUint32(Math.min(s, b.length - 4), rand() < 0.5 ? 0xffffffff : 0x7fffffff, true);
      return b;
    }
  }
}

/** A mutation of the text of an XML part: deletions, repeats and hostile tokens at random places. */
function mutateXml(text: string, rand: () => number): string {
  let t = text;
  for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
    const at = Math.floor(rand() * t.length);
    const op = Math.floor(rand() * 4);
    if (op === 0) t = t.slice(0, at) + t.slice(Math.min(t.length, at + 1 + Math.floor(rand() * 200)));
    else if (op === 1) {
      const end = Math.min(t.length, at + 1 + Math.floor(rand() * 400));
      t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
    } else if (op === 2) t = t.slice(0, at) + TOKENS[Math.floor(rand() * TOKENS.length)] + t.slice(at);
    else
      t = t.replace(/="(\d+)"/g, (m, d: string) => (rand() < 0.05 ? `="${rand() < 0.5 ? "4294967296" : d + d}"` : m));
  }
  return t;
}

/** Well-formed values a cell, a reference or a type can hold, legal XML but hostile to what reads them. */
const VALUES = [
  "1e308",
  "-1e308",
  "4.9e-324",
  "-0",
  "123456789012345678901234567890",
  "0.1",
  "NaN",
  "Infinity",
  "",
  "#DIV/0!",
  "=1+1",
  "+cmd|' /C calc'!A0",
  "_x001B_[2J",
  "▲",
  "約70",
  "令和99年度",
  "XFD1048576",
  "A1048576",
  "ZZZ1",
  "9999999",
  "str",
  "inlineStr",
  "e",
  "b",
  "d",
  "s",
];

const escapeAttr = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** A mutation that keeps the XML well-formed: values, cell references, types and style indexes replaced. */
function mutateValues(text: string, rand: () => number): string {
  const pick = () => escapeAttr(VALUES[Math.floor(rand() * VALUES.length)]);
  const rate = 0.02 + rand() * 0.1;
  return text
    .replace(/<(v|t)>([^<]*)<\/\1>/g, (m, tag: string) => (rand() < rate ? `<${tag}>${pick()}</${tag}>` : m))
    .replace(/ (r|t|s|ref|sqref)="([^"]*)"/g, (m, attr: string) => (rand() < rate ? ` ${attr}="${pick()}"` : m));
}

/** Writes the seeded mutants into `dir`: byte mutants of the whole file, XML mutants of one part each. */
export async function writeMutants(dir: string, count: number): Promise<string[]> {
  const rand = prng(SEED);
  const sample = readFileSync(SAMPLE);
  const parts = sampleParts();
  const xmlParts = Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  // the parts a reader works hardest on are picked more often
  const weighted = [
    ...xmlParts,
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/worksheets/sheet3.xml",
    "xl/worksheets/sheet4.xml",
  ];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `mutant-${String(i).padStart(3, "0")}.xlsx`);
    // a third of the mutants break the zip, a third the XML, a third keep both well-formed and reach the rules
    if (i % 3 === 0) await fs.writeFile(file, mutateBytes(sample, rand));
    else {
      const part = weighted[Math.floor(rand() * weighted.length)];
      await fs.writeFile(
        file,
        withParts(parts, { [part]: (i % 3 === 1 ? mutateXml : mutateValues)(xml(parts, part), rand) }),
      );
    }
    files.push(file);
  }
  return files;
}

/** Shared strings with every payload: formula text, control characters, bidi, very long text. */
function payloadStrings(parts: Parts): string {
  const payloads = [
    `=HYPERLINK("http://example.invalid/${PAYLOAD_MARKER}","x")`,
    `+cmd|' /C calc'!A0 ${PAYLOAD_MARKER}`,
    `-2+3+cmd|' /C calc'!${PAYLOAD_MARKER}`,
    `@SUM(1+1)*cmd|'/C calc'!A0 ${PAYLOAD_MARKER}`,
    `\t=1+1 ${PAYLOAD_MARKER}`,
    `\r=1+1 ${PAYLOAD_MARKER}`,
    `ESC _x001B_[2J BEL _x0007_ ${PAYLOAD_MARKER}`,
    `行1\r\n行2\r行3 ${PAYLOAD_MARKER}`,
    `\u202egnp.exe ${PAYLOAD_MARKER}`,
    // just under Excel's limit of 32,767 characters a cell (longer text is a forged file: bombs.ts)
    `${"長".repeat(32_000)} ${PAYLOAD_MARKER}`,
  ];
  const sst = xml(parts, "xl/sharedStrings.xml");
  // replace the first strings of the sample (titles and labels, read by every sheet) with the payloads
  let i = 0;
  const escapeXml = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
  return sst.replace(/<si><t>[^<]*<\/t><\/si>/g, (m) =>
    i < payloads.length * 3 && i++ % 3 === 1
      ? `<si><t xml:space="preserve">${escapeXml(payloads[Math.floor(i / 3) % payloads.length])}</t></si>`
      : m,
  );
}

/** The sample with payloads in cells and in sheet names (a tab, a bidi override, a formula-like name). */
export function injectionWorkbook(): Uint8Array {
  const parts = sampleParts();
  const wb = xml(parts, "xl/workbook.xml")
    .replace('name="PJ7"', 'name="PJ7&#9;=cmd"')
    .replace('name="PJ8"', `name="\u202ePJ8 ${PAYLOAD_MARKER}"`)
    // quotes in a sheet name must stay inside the string literal of Kensa's own HYPERLINK formulas
    .replace('name="PJ6"', `name="PJ6&quot;&amp;cmd(&quot;${PAYLOAD_MARKER}')&quot;"`);
  return withParts(parts, { "xl/sharedStrings.xml": payloadStrings(parts), "xl/workbook.xml": wb });
}

/** File names a submitter's mail could carry: terminal escapes, BEL, CR, newline, bidi, formula text, very long. */
export const HOSTILE_NAMES = [
  "esc-\x1b[2J\x1b]0;pwned\x07.xlsx",
  "bel-\x07-cr-\rOK.xlsx",
  "newline-\n✖ fake.xlsx",
  "bidi-\u202egnp.xlsx",
  "c1-\u009b31m.xlsx",
  "=HYPERLINK(1).xlsx",
  `${"長い名前".repeat(20)}.xlsx`,
];

const exists = (p: string) =>
  fs.lstat(p).then(
    () => true,
    () => false,
  );

/** A folder holding only `what`. */
async function only(dir: string, names: string[]): Promise<string[]> {
  const got = (await fs.readdir(dir)).sort();
  const want = [...names].sort();
  return JSON.stringify(got) === JSON.stringify(want)
    ? []
    : [`${dir} holds ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
}

function mkfifo(p: string): void {
  execFileSync("mkfifo", [p]);
}

/** A Unix socket file at `p` that outlives its server: bound, hard-linked to `p`, then the server closed. */
async function makeSocket(p: string): Promise<void> {
  const bound = `${p}.bound`;
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(bound, resolve));
  await fs.link(bound, p);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fs.rm(bound, { force: true });
}

/** Every case of the corpus except the bombs (./bombs.ts), with its files written under `dir`. */
export async function buildCorpus(dir: string): Promise<Case[]> {
  const cases: Case[] = [];
  const d = (...p: string[]) => path.join(dir, ...p);
  for (const sub of ["mutants", "special", "names", "inject", "out", "write", "accept"])
    await fs.mkdir(d(sub), { recursive: true });

  // --- mutation fuzzing: 48 mutants in batches through text, JSON and --each, and the well-formed ones (which
  // the reader accepts and exceljs then loads again to annotate) through --annotate and --out.
  // The annotate batch takes structural mutants too: one (<col min="4294967296">) once passed the reader and made
  // exceljs build 4·10⁹ columns while annotating; the reader now refuses a <col> past XFD.
  const mutants = await writeMutants(d("mutants"), 48);
  const batches = [mutants.slice(0, 16), mutants.slice(16, 32), mutants.slice(32), mutants.slice(36)];
  cases.push({ id: "mutants/text-set", args: ["check", ...batches[0]], inputs: batches[0], format: "text" });
  cases.push({
    id: "mutants/json-set",
    args: ["check", ...batches[1], "--format", "json"],
    inputs: batches[1],
    format: "json",
  });
  cases.push({
    id: "mutants/each-csv",
    args: ["check", ...batches[2], "--each", "--format", "csv", "--lang", "en"],
    inputs: batches[2],
    format: "csv",
  });
  const annotated = d("mutants", "annotated");
  cases.push({
    id: "mutants/annotate-out",
    args: ["check", ...batches[3], "--annotate", annotated, "--out", d("mutants", "findings.xlsx")],
    inputs: batches[3],
    format: "text",
    outputs: [
      d("mutants", "findings.xlsx"),
      ...batches[3].map((f) => path.join(annotated, path.basename(f).replace(/\.xlsx$/, ".kensa.xlsx"))),
    ],
  });

  // --- special files given as inputs: refused from their stat, each with one line, nothing opened or read
  const fifo = d("special", "pipe.xlsx");
  mkfifo(fifo);
  const socket = d("special", "socket.xlsx");
  await makeSocket(socket);
  // a folder named like a workbook is searched: the FIFO in it is named like one too, and must be refused
  const folder = d("special", "folder.xlsx");
  await fs.mkdir(folder);
  const fifoInFolder = path.join(folder, "inner.xlsx");
  mkfifo(fifoInFolder);
  const toZero = d("special", "zero.xlsx");
  await fs.symlink("/dev/zero", toZero);
  const loopA = d("special", "loop-a.xlsx");
  await fs.symlink(d("special", "loop-b.xlsx"), loopA);
  await fs.symlink(loopA, d("special", "loop-b.xlsx"));
  const dangling = d("special", "dangling.xlsx");
  await fs.symlink(d("special", "nowhere.xlsx"), dangling);
  const empty = d("special", "empty.xlsx");
  await fs.writeFile(empty, "");
  // each refused on one line (the FIFO found in the folder as well)
  const specials = [fifo, socket, "/dev/zero", toZero, "/dev/null", loopA, dangling, empty];
  for (const lang of ["ja", "en"]) {
    cases.push({
      id: `special/inputs-text-${lang}`,
      args: ["check", ...specials, folder, SAMPLE, "--lang", lang],
      inputs: [fifo, socket, toZero, loopA, dangling, empty, fifoInFolder, SAMPLE],
      format: "text",
      unreadable: [...specials, fifoInFolder],
    });
  }
  cases.push({
    id: "special/inputs-json",
    args: ["check", ...specials, "--format", "json"],
    inputs: [fifo, toZero, empty],
    format: "json",
    unreadable: specials,
    codes: [2],
  });
  cases.push({
    id: "special/fifo-alone",
    args: ["check", fifo],
    inputs: [fifo],
    format: "text",
    unreadable: [fifo],
    codes: [2],
  });
  cases.push({
    id: "special/accept-fifo",
    args: ["accept", fifo, "--rule", "sum/subtotal", "--cell", "予算内訳!D28", "--reason", "確認"],
    inputs: [fifo],
    format: "text",
    codes: [1],
    verify: (r) =>
      r.stderr.split("\n").filter(Boolean).length === 1 && r.stderr.includes("pipe.xlsx")
        ? []
        : [`accept on a FIFO: ${JSON.stringify(r.stderr)}`],
  });
  cases.push({
    id: "special/accept-other-fifo",
    args: ["accept", SAMPLE, fifo, "--list"],
    inputs: [fifo, SAMPLE],
    format: "text",
    codes: [0],
  });
  const catalogueFifo = d("special", "catalogue.yaml");
  mkfifo(catalogueFifo);
  cases.push({
    id: "special/catalogue-fifo",
    args: ["check", SAMPLE, "--catalogue", catalogueFifo],
    inputs: [catalogueFifo, SAMPLE],
    format: "text",
    codes: [2],
    verify: (r) =>
      /名前付きパイプ/.test(r.stderr) ? [] : [`a FIFO catalogue is not named as one: ${JSON.stringify(r.stderr)}`],
  });

  // --- file names that would drive a terminal, and cell text, sheet names and payloads through every output
  const named = HOSTILE_NAMES.map((n) => d("names", n));
  for (const f of named) await fs.copyFile(SAMPLE, f);
  const missingNamed = d("names", "missing-\x1b[31m-\x07.xlsx");
  cases.push({
    id: "names/text",
    args: ["check", ...named, missingNamed, "--each"],
    inputs: named,
    format: "text",
    unreadable: [missingNamed],
  });
  cases.push({ id: "names/quiet-set", args: ["check", d("names"), "--quiet"], inputs: named, format: "text" });
  cases.push({
    id: "names/json",
    args: ["check", ...named, "--format", "json", "--each"],
    inputs: named,
    format: "json",
  });
  cases.push({
    id: "names/annotate",
    args: ["check", named[0], named[1], "--annotate", d("names", "annotated")],
    inputs: named,
    format: "text",
    outputs: [0, 1].map((i) => d("names", "annotated", HOSTILE_NAMES[i].replace(/\.xlsx$/, ".kensa.xlsx"))),
  });
  const injection = d("inject", "payloads.xlsx");
  await fs.writeFile(injection, injectionWorkbook());
  const injected = { inputs: [injection] };
  cases.push({ id: "inject/text", args: ["check", injection], ...injected, format: "text" });
  cases.push({ id: "inject/json", args: ["check", injection, "--format", "json"], ...injected, format: "json" });
  cases.push({
    id: "inject/csv",
    args: ["check", injection, "--format", "csv"],
    ...injected,
    format: "csv",
    verify: (r) =>
      // every field is quoted; one starting with = + - @ tab or CR is neutralised with a leading '
      [...r.stdout.matchAll(/(?:^|,)"([=+\-@\t\r][^"]*)/gm)]
        .filter((m) => m[1].includes(PAYLOAD_MARKER))
        .map((m) => `CSV field not neutralised: ${m[1].slice(0, 40)}`),
  });
  cases.push({
    id: "inject/out-and-annotate",
    args: ["check", injection, "--out", d("inject", "findings.xlsx"), "--annotate", d("inject", "annotated")],
    ...injected,
    format: "text",
    outputs: [d("inject", "findings.xlsx"), d("inject", "annotated", "payloads.kensa.xlsx")],
  });

  // --- outputs that are not regular files: refused, left exactly as they were
  const victim = d("out", "victim.txt");
  await fs.writeFile(victim, "a file nobody named");
  const outFifo = d("out", "fifo.xlsx");
  mkfifo(outFifo);
  const toNull = d("out", "null.xlsx");
  await fs.symlink("/dev/null", toNull);
  const toVictim = d("out", "link.xlsx");
  await fs.symlink(victim, toVictim);
  const outDir = d("out", "folder.xlsx");
  await fs.mkdir(outDir);
  const outputTargets = [outFifo, toNull, toVictim, outDir];
  if (process.getuid?.() === 0) {
    // a character device of our own (the same numbers as /dev/null), never /dev/null itself
    const dev = d("out", "device.xlsx");
    try {
      execFileSync("mknod", [dev, "c", "1", "3"]);
      outputTargets.push(dev);
    } catch {
      // no mknod in this container: the symlink to /dev/null stands for it
    }
  }
  // every target through `template --force` (--force replaces a file, nothing else); each writing command once
  for (const target of outputTargets) {
    cases.push({
      id: `out/template-force-${path.basename(target)}`,
      args: ["template", "--out", target, "--force"],
      inputs: [target, victim],
      format: "text",
      codes: [2],
    });
  }
  cases.push({
    id: "out/check-out-fifo",
    args: ["check", SAMPLE, "--out", outFifo],
    inputs: [outFifo, SAMPLE],
    format: "text",
    codes: [2],
  });
  cases.push({
    id: "out/check-out-link",
    args: ["check", SAMPLE, "--out", toVictim, "--format", "json"],
    inputs: [toVictim, victim, SAMPLE],
    format: "json",
    codes: [2],
  });
  cases.push({
    id: "out/catalogue-null-link",
    args: ["catalogue", "--out", toNull, "--force"],
    inputs: [toNull],
    format: "text",
    codes: [2],
  });
  cases.push({
    id: "out/catalogue-folder",
    args: ["catalogue", "--out", outDir, "--format", "xlsx"],
    inputs: [outDir],
    format: "text",
    codes: [2],
  });
  // an annotated copy's name taken by a symlink planted in the output folder: that copy is refused, the target kept
  const annotateDir = d("out", "annotated");
  await fs.mkdir(annotateDir);
  await fs.symlink(victim, path.join(annotateDir, "r7-report.kensa.xlsx"));
  cases.push({
    id: "out/annotate-planted-link",
    args: ["check", SAMPLE, "--annotate", annotateDir],
    inputs: [victim, SAMPLE, path.join(annotateDir, "r7-report.kensa.xlsx")],
    format: "text",
    codes: [1],
  });
  // accept through a symlink: the workbook behind it is not replaced unless named itself
  const acceptTarget = d("accept", "book.xlsx");
  await fs.copyFile(SAMPLE, acceptTarget);
  const acceptLink = d("accept", "link.xlsx");
  await fs.symlink(acceptTarget, acceptLink);
  cases.push({
    id: "out/accept-through-link",
    args: ["accept", acceptLink, "--rule", "sum/subtotal", "--cell", "予算内訳!D28", "--reason", "確認済みのため"],
    inputs: [acceptTarget, acceptLink],
    format: "text",
    codes: [1],
    verify: async () => only(d("accept"), ["book.xlsx", "link.xlsx"]),
  });

  // --- interrupted writes: killed while reading, checking or writing; never a partial output, never a changed input
  for (const ms of [300, 800, 1300]) {
    const out = d("write", `killed-${ms}`);
    cases.push({
      id: `write/killed-after-${ms}ms`,
      args: ["check", SAMPLE, "--annotate", out, "--out", path.join(out, "findings.xlsx")],
      inputs: [SAMPLE],
      format: "text",
      killAfterMs: ms,
      outputs: [path.join(out, "r7-report.kensa.xlsx"), path.join(out, "findings.xlsx")],
      verify: async () => {
        const left = (await exists(out)) ? (await fs.readdir(out)).filter((f) => !f.startsWith(".")) : [];
        return left
          .filter((f) => !["r7-report.kensa.xlsx", "findings.xlsx"].includes(f))
          .map((f) => `unexpected file ${f}`);
      },
    });
  }
  // Ctrl+C or SIGTERM while writing: the same, and the temp files removed as well
  for (const [signal, ms] of [
    ["SIGTERM", 900],
    ["SIGINT", 1200],
  ] as const) {
    const out = d("write", `${signal}-${ms}`);
    cases.push({
      id: `write/${signal}-after-${ms}ms`,
      args: ["check", SAMPLE, "--annotate", out, "--out", path.join(out, "findings.xlsx")],
      inputs: [SAMPLE],
      format: "text",
      killAfterMs: ms,
      killSignal: signal,
      outputs: [path.join(out, "r7-report.kensa.xlsx"), path.join(out, "findings.xlsx")],
      verify: async (r) => {
        const left = (await exists(out)) ? await fs.readdir(out) : [];
        const problems = left
          .filter((f) => !["r7-report.kensa.xlsx", "findings.xlsx"].includes(f))
          .map((f) => `left behind: ${f}`);
        // before the CLI has loaded, the signal's default action ends it (nothing is being written then)
        if (r.signal !== signal && ![0, 1, 130, 143].includes(r.code ?? -1))
          problems.push(`ended by ${r.signal ?? r.code}`);
        return problems;
      },
    });
  }
  const accepted = d("write", "accept-killed.xlsx");
  await fs.copyFile(SAMPLE, accepted);
  for (const ms of [600, 900]) {
    cases.push({
      id: `write/accept-killed-after-${ms}ms`,
      args: ["accept", accepted, "--rule", "sum/subtotal", "--cell", "予算内訳!D28", "--reason", "中断試験"],
      inputs: [],
      format: "text",
      killAfterMs: ms,
      outputs: [accepted],
    });
  }
  // --- concurrent writes: two runs writing the same outputs at once; the survivor is one whole file
  const together = d("write", "together");
  cases.push({
    id: "write/concurrent-check-out",
    args: ["check", SAMPLE, "--out", path.join(together, "findings.xlsx"), "--annotate", together],
    inputs: [SAMPLE],
    format: "text",
    copies: 2,
    outputs: [path.join(together, "findings.xlsx"), path.join(together, "r7-report.kensa.xlsx")],
    verify: async () => only(together, ["findings.xlsx", "r7-report.kensa.xlsx"]),
  });
  const template = d("write", "template.xlsx");
  cases.push({
    id: "write/concurrent-template",
    args: ["template", "--out", template, "--force"],
    inputs: [],
    format: "text",
    copies: 2,
    codes: [0],
    outputs: [template],
    verify: async () =>
      only(
        d("write"),
        (await fs.readdir(d("write"))).filter((f) => !f.startsWith(".")),
      ).then(async (p) => [
        ...p,
        ...(await fs.readdir(d("write"))).filter((f) => f.endsWith(".tmp")).map((f) => `temp file left: ${f}`),
      ]),
  });
  return cases;
}

/** The problems of a run that printed `needle` nowhere: for cases that must name something. */
export function mentions(r: RunResult, needle: RegExp): string[] {
  return needle.test(r.stdout + r.stderr) ? [] : [`output does not match ${needle}`];
}
