/**
 * The two SAX parsers measured on real parts: saxes and htmlparser2 (xmlMode), each given the same
 * inflated part in 64 KB text chunks (as the reader streams it) with handlers that touch what the reader
 * touches (element name, the r/t/s attributes of a cell, text). Best of 5 runs, CPU time of this process.
 *
 *   npx tsx bench/sax.ts [file.xlsx ...]       (default: the R7 sample and a generated 10⁶-cell workbook)
 */
import { readFileSync } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";

const CHUNK = 64 * 1024;

function chunks(xml: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < xml.length; i += CHUNK) out.push(xml.slice(i, i + CHUNK));
  return out;
}

function viaSaxes(parts: string[]): number {
  let n = 0;
  const p = new SaxesParser({ position: false });
  p.on("opentag", (node) => {
    if (node.name === "c")
      n += (node.attributes.r as string).length + (node.attributes.t ? 1 : 0) + (node.attributes.s ? 1 : 0);
    else n++;
  });
  p.on("text", (t) => (n += t.length));
  p.on("closetag", () => n++);
  for (const c of parts) p.write(c);
  p.close();
  return n;
}

async function htmlparser2(): Promise<(parts: string[]) => number> {
  const { Parser } = await import("htmlparser2");
  return (parts) => {
    let n = 0;
    const p = new Parser(
      {
        onopentag(name, attrs) {
          if (name === "c") n += attrs.r.length + (attrs.t ? 1 : 0) + (attrs.s ? 1 : 0);
          else n++;
        },
        ontext(t) {
          n += t.length;
        },
        onclosetag() {
          n++;
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
    for (const c of parts) p.write(c);
    p.end();
    return n;
  };
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

export async function benchSax(files: string[]): Promise<void> {
  const h2 = await htmlparser2();
  console.log("\n## SAX parsers on real parts (CPU ms, best of 5; MB/s)");
  console.log(
    "part                                   | MB    | saxes ms | htmlparser2 ms | saxes MB/s | htmlparser2 MB/s",
  );
  for (const file of files) {
    const zip = unzipSync(readFileSync(file));
    for (const [name, data] of Object.entries(zip)) {
      if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
      if (data.length < 8 * 1024 && !name.includes("sharedStrings") && name !== "xl/worksheets/sheet1.xml") continue;
      const parts = chunks(strFromU8(data));
      if (viaSaxes(parts) !== h2(parts)) console.log(`  (the two parsers saw different events in ${name})`);
      const mb = data.length / 1e6;
      const s = cpuMs(() => viaSaxes(parts));
      const h = cpuMs(() => h2(parts));
      const label = `${file.split("/").pop()}:${name.replace("xl/", "")}`;
      console.log(
        `${label.padEnd(38)} | ${mb.toFixed(2).padStart(5)} | ${s.toFixed(1).padStart(8)} | ${h.toFixed(1).padStart(14)} | ${(mb / (s / 1000)).toFixed(0).padStart(10)} | ${(mb / (h / 1000)).toFixed(0).padStart(16)}`,
      );
    }
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  void benchSax(args.length ? args : ["samples/r7-report.xlsx"]);
}
