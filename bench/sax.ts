/**
 * The SAX parsers at hand measured on the parts the reader parses: saxes with a new parser per part (as the
 * reader does) and with one parser reset between parts, and htmlparser2 12 in xmlMode (its Parser, and its
 * Tokenizer alone). Each is given the inflated text in 64 KB chunks (the Tokenizer: whole) with handlers that
 * touch what the reader touches: every element's name and attributes, and text. CPU ms of this process, best
 * of 5, and MB/s.
 *
 * The part sets: the given workbooks' sheets and shared strings (the R7 sample by default), the 3,000 small
 * sheets of the sample repeated 250 times (`report ×250`), and a 10 MB sheet shaped like those of the 10⁶-cell
 * tables (35,000 rows of 8 cells, shared strings and numbers).
 *
 * Measured on the 2-core machine, MB/s on report ×250's sheets / a 10 MB tables sheet / the sample's parts:
 *   saxes 30–39 / 28–34 / 41–51 (one parser reused: the same), htmlparser2 Parser 38–40 / 29–36 / 49–51,
 *   htmlparser2 Tokenizer 46–53 / 46–50 / 57–70; and in a scratch folder (not dependencies): saxen 11 49–52 /
 *   46 / 71, ltx 3 40 / 31 / 45–50, sax 1.6 19 / 13–17 / 20–23, sax-wasm 3 6–8 / 5 / 8. Inside the reader saxen
 *   is no faster than saxes (its attributes, parsed on demand, cost more there): see src/adapters/xlsx/xml.ts.
 *
 *   npx tsx bench/sax.ts [file.xlsx ...]
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { repeatedReport } from "./generate";

const CHUNK = 64 * 1024;

interface PartSet {
  label: string;
  /** Each part's text, cut into chunks as the reader streams it. */
  parts: string[][];
  bytes: number;
}

function chunks(xml: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < xml.length; i += CHUNK) out.push(xml.slice(i, i + CHUNK));
  return out;
}

/** What every handler computes from an element, so that all parsers do the same work and can be compared. */
function opened(name: string, attrs: Record<string, string>): number {
  let n = name.length;
  for (const k in attrs) n += attrs[k].length;
  return n;
}

function saxesWith(parser: () => SaxesParser): (parts: string[][]) => number {
  return (parts) => {
    let n = 0;
    for (const part of parts) {
      const p = parser();
      p.on("opentag", (node) => (n += opened(node.name, node.attributes as Record<string, string>)));
      p.on("text", (t) => (n += t.trim().length));
      p.on("closetag", () => n++);
      for (const c of part) p.write(c);
      p.close();
    }
    return n;
  };
}

async function htmlparser2(): Promise<{
  parser: (parts: string[][]) => number;
  tokenizer: (parts: string[][]) => number;
}> {
  const { Parser, Tokenizer } = await import("htmlparser2");
  const parser = (parts: string[][]): number => {
    let n = 0;
    for (const part of parts) {
      const p = new Parser(
        {
          onopentag: (name, attrs) => (n += opened(name, attrs)),
          ontext: (t) => (n += t.trim().length),
          onclosetag: () => n++,
        },
        { xmlMode: true, decodeEntities: true },
      );
      for (const c of part) p.write(c);
      p.end();
    }
    return n;
  };
  // The Tokenizer reports offsets into the text: given each part whole, so that they index one string.
  const tokenizer = (parts: string[][]): number => {
    let n = 0;
    for (const part of parts) {
      const s = part.join("");
      let name = "";
      let attr = "";
      let attrs: Record<string, string> = {};
      let text = "";
      const flush = () => {
        n += text.trim().length;
        text = "";
      };
      const t = new Tokenizer(
        { xmlMode: true, decodeEntities: true },
        {
          onopentagname(a, b) {
            flush();
            name = s.slice(a, b);
            attrs = {};
          },
          onattribname(a, b) {
            attr = s.slice(a, b);
            attrs[attr] = "";
          },
          onattribdata(a, b) {
            attrs[attr] += s.slice(a, b);
          },
          onattribentity(cp) {
            attrs[attr] += String.fromCodePoint(cp);
          },
          onattribend() {},
          onopentagend() {
            n += opened(name, attrs);
          },
          onselfclosingtag() {
            n += opened(name, attrs) + 1;
          },
          onclosetag() {
            flush();
            n++;
          },
          ontext(a, b) {
            text += s.slice(a, b);
          },
          ontextentity(cp) {
            text += String.fromCodePoint(cp);
          },
          oncdata() {},
          oncomment() {},
          ondeclaration() {},
          onprocessinginstruction() {},
          onend: flush,
        },
      );
      t.write(s);
      t.end();
    }
    return n;
  };
  return { parser, tokenizer };
}

function cpuMs(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = process.cpuUsage();
    f();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

function partSet(label: string, files: Record<string, Uint8Array>, wanted: RegExp): PartSet {
  const parts: string[][] = [];
  let bytes = 0;
  for (const [name, data] of Object.entries(files)) {
    if (!wanted.test(name)) continue;
    parts.push(chunks(strFromU8(data)));
    bytes += data.length;
  }
  return { label, parts, bytes };
}

/** A sheet of 35,000 rows × 8 cells as Excel writes a budget table: 10 MB, like the 10⁶-cell tables' largest. */
function tablesSheet(): string {
  const rows: string[] = [];
  for (let r = 1; r <= 35_000; r++) {
    let row = `<row r="${r}" spans="1:8" x14ac:dyDescent="0.25">`;
    for (let c = 0; c < 8; c++) {
      const ref = `${String.fromCharCode(65 + c)}${r}`;
      row +=
        c < 2 ? `<c r="${ref}" t="s"><v>${(r * 8 + c) % 5000}</v></c>` : `<c r="${ref}"><v>${(r * c) % 1000}</v></c>`;
    }
    rows.push(`${row}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

export async function benchSax(files: string[]): Promise<void> {
  const sets: PartSet[] = files.map((file) =>
    partSet(
      `${file.split("/").pop()}: sheets + strings`,
      unzipSync(readFileSync(file)),
      /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/,
    ),
  );
  sets.push(partSet("report ×250: 3,000 sheets", unzipSync(repeatedReport(250)), /^xl\/worksheets\/[^/]+\.xml$/));
  const big = tablesSheet();
  sets.push({ label: "tables: one 10 MB sheet", parts: [chunks(big)], bytes: Buffer.byteLength(big) });

  const reused = new SaxesParser({ position: false });
  const h2 = await htmlparser2();
  const parsers: [string, (parts: string[][]) => number][] = [
    ["saxes (per part)", saxesWith(() => new SaxesParser({ position: false }))],
    // saxes keeps one handler per event: each part replaces the last one's, and close() resets the parser
    ["saxes (reused)", saxesWith(() => reused)],
    ["htmlparser2 Parser", h2.parser],
    ["htmlparser2 Tokenizer", h2.tokenizer],
  ];
  console.log("\n## SAX parsers on real parts (CPU ms, best of 5; MB/s)");
  console.log(`part set                          |    MB | ${parsers.map(([k]) => k.padStart(22)).join(" | ")}`);
  for (const set of sets) {
    const mb = set.bytes / 1e6;
    const expected = parsers[0][1](set.parts);
    const cells = parsers.map(([name, run]) => {
      const differs = run(set.parts) !== expected ? " (differs)" : "";
      if (differs) console.log(`  ${name} saw other events than saxes in ${set.label}`);
      const ms = cpuMs(() => run(set.parts));
      return `${ms.toFixed(0)} ms ${(mb / (ms / 1000)).toFixed(0)} MB/s${differs}`.padStart(22);
    });
    console.log(`${set.label.padEnd(33)} | ${mb.toFixed(2).padStart(5)} | ${cells.join(" | ")}`);
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  void benchSax(args.length ? args : ["samples/r7-report.xlsx"]);
}
