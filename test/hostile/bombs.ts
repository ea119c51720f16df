/**
 * Zip bombs, XML bombs and oversized workbooks, each a function writing its file into a folder and giving its
 * case. Every one must be refused (or read) in bounded time, under 1 GB, with one line naming the limit.
 *
 * BOMBS are run by the corpus test (test/hostile/hostile.test.ts) and by `npx tsx scripts/hostile-run.ts`.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { strFromU8 } from "fflate";
import type { Case } from "./cases";
import { sampleParts } from "./corpus";
import { deflateBomb, zipOf, type ZipEntry } from "./zip";

export type Bomb = (dir: string) => Promise<Case>;

const GiB = 1024 ** 3;
const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = "</sheetData></worksheet>";
const SST_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">';

/** The sample's parts with one part replaced by a bomb (or by text), as a zip written by hand. */
function sampleWith(
  part: string,
  replacement: ZipEntry["raw"] | string | Uint8Array,
  declaredSize?: number,
): Uint8Array {
  const parts = sampleParts();
  const entries: ZipEntry[] = Object.entries(parts).map(([name, data]) => ({ name, data }));
  const i = entries.findIndex((e) => e.name === part);
  const entry: ZipEntry =
    typeof replacement === "string"
      ? { name: part, data: Buffer.from(replacement, "utf8") }
      : replacement instanceof Uint8Array
        ? { name: part, data: replacement }
        : { name: part, raw: replacement };
  if (declaredSize !== undefined) entry.declaredSize = declaredSize;
  entries[i] = entry;
  return zipOf(entries);
}

async function bombFile(dir: string, name: string, bytes: Uint8Array, extra: Partial<Case> = {}): Promise<Case> {
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, bytes);
  return { id: `bomb/${name}`, args: ["check", file, "--format", "json"], inputs: [file], format: "json", ...extra };
}

const sst = () => strFromU8(sampleParts()["xl/sharedStrings.xml"]);
const sheet3 = () => strFromU8(sampleParts()["xl/worksheets/sheet3.xml"]);

/** The bombs, by name. */
export const ALL_BOMBS: Record<string, Bomb> = {
  /** 1.2 GB of rows without numbers: over the inflated-size cap and past row 1,048,576. */
  "zip-rows-1.2GB": (dir) =>
    bombFile(
      dir,
      "zip-rows-1.2GB",
      sampleWith(
        "xl/worksheets/sheet3.xml",
        deflateBomb(SHEET_OPEN, "<row><c><v>1</v></c></row>", 1.2 * GiB, SHEET_CLOSE),
      ),
    ),
  /** One shared string of 1.2 GB. */
  "zip-string-1.2GB": (dir) =>
    bombFile(
      dir,
      "zip-string-1.2GB",
      sampleWith("xl/sharedStrings.xml", deflateBomb(`${SST_OPEN}<si><t>`, "A", 1.2 * GiB, "</t></si></sst>")),
    ),
  /** 1.2 GB of whitespace in a comment: nothing to parse, only bytes to inflate. */
  "zip-comment-1.2GB": (dir) =>
    bombFile(
      dir,
      "zip-comment-1.2GB",
      sampleWith("xl/styles.xml", deflateBomb('<?xml version="1.0"?><!--', " ", 1.2 * GiB, "--><styleSheet/>")),
    ),
  /** The same, its headers declaring 2 kB: the inflated bytes are what counts, not the declared size. */
  "zip-declared-lie": (dir) =>
    bombFile(
      dir,
      "zip-declared-lie",
      sampleWith("xl/styles.xml", deflateBomb('<?xml version="1.0"?><!--', " ", 1.2 * GiB, "--><styleSheet/>"), 2048),
    ),
  /** Billion laughs: ten levels of ten references, 10⁹ copies of "lol" if expanded. */
  "xml-billion-laughs": (dir) => {
    const levels = [
      '<!ENTITY lol0 "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
    ];
    const doc = sst()
      .replace("<sst ", `<!DOCTYPE sst [${levels.join("")}]><sst `)
      .replace("<si><t>", "<si><t>&lol9;");
    return bombFile(dir, "xml-billion-laughs", sampleWith("xl/sharedStrings.xml", doc));
  },
  /** Quadratic blow-up: one 50 kB entity referenced 40,000 times (2 GB if expanded). */
  "xml-quadratic": (dir) => {
    const doc = sst()
      .replace("<sst ", `<!DOCTYPE sst [<!ENTITY big "${"B".repeat(50_000)}">]><sst `)
      .replace("<si><t>", `<si><t>${"&big;".repeat(40_000)}`);
    return bombFile(dir, "xml-quadratic", sampleWith("xl/sharedStrings.xml", doc));
  },
  /** An external entity naming a local file: its content must never reach any output. */
  "xml-external-entity": async (dir) => {
    const secret = "KENSA-SECRET-CANARY-7f3a9c";
    const canary = path.join(dir, "canary.txt");
    await fs.writeFile(canary, secret);
    const doc = sst()
      .replace("<sst ", `<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://${canary}">]><sst `)
      .replace("<si><t>", "<si><t>&xxe;");
    const c = await bombFile(dir, "xml-external-entity", sampleWith("xl/sharedStrings.xml", doc), { secret });
    return {
      ...c,
      args: ["check", ...c.args.slice(1, 2), "--annotate", path.join(dir, "xxe-annotated")],
      format: "text",
      outputs: [path.join(dir, "xxe-annotated", "xml-external-entity.kensa.xlsx")],
    };
  },
  /** A million nested elements: a recursive reader would overflow its stack. */
  "xml-deep-nesting": (dir) =>
    bombFile(
      dir,
      "xml-deep-nesting",
      sampleWith("xl/worksheets/sheet3.xml", deflateBomb(SHEET_OPEN, "<x>", 3_000_000, SHEET_CLOSE)),
    ),
  /** A row number past Excel's last row (1,048,576). */
  "sheet-row-past-limit": (dir) =>
    bombFile(
      dir,
      "sheet-row-past-limit",
      sampleWith(
        "xl/worksheets/sheet3.xml",
        sheet3().replace("</sheetData>", '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'),
      ),
    ),
  /** A column past XFD. */
  "sheet-column-past-xfd": (dir) =>
    bombFile(
      dir,
      "sheet-column-past-xfd",
      sampleWith(
        "xl/worksheets/sheet3.xml",
        sheet3().replace("</sheetData>", '<row r="60"><c r="XFE60"><v>1</v></c></row></sheetData>'),
      ),
    ),
  /** A dimension and a merge over the whole grid (17 billion cells, if anyone expanded them). */
  "sheet-whole-grid-merge": (dir) =>
    bombFile(
      dir,
      "sheet-whole-grid-merge",
      sampleWith(
        "xl/worksheets/sheet3.xml",
        sheet3()
          .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
          .replace(
            /<mergeCells[^>]*>[\s\S]*?<\/mergeCells>|(?=<pageMargins)/,
            '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
          ),
      ),
    ),
  /** A column range starting past XFD (found by the mutation fuzzing): checked, then annotated through exceljs. */
  "sheet-col-past-xfd-annotate": async (dir) => {
    const c = await bombFile(
      dir,
      "sheet-col-past-xfd-annotate",
      sampleWith("xl/worksheets/sheet3.xml", sheet3().replace(/<col min="13"/, '<col min="4294967296"')),
    );
    const out = path.join(dir, "col-annotated");
    return {
      ...c,
      args: ["check", c.inputs[0], "--annotate", out],
      format: "text",
      outputs: [path.join(out, "sheet-col-past-xfd-annotate.kensa.xlsx")],
    };
  },
  /** 1.1 million real rows (row numbers past the limit at the end): the issue's 1.5 GB sheet. */
  "sheet-1.1M-rows": (dir) => {
    // built in chunks of bytes: one 45 MB string of 1.1 million joined rows would cost this process 600 MB
    const chunks: Buffer[] = [Buffer.from(SHEET_OPEN)];
    for (let start = 1; start <= 1_100_000; start += 10_000) {
      let text = "";
      for (let r = start; r < start + 10_000; r++) text += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
      chunks.push(Buffer.from(text));
    }
    chunks.push(Buffer.from(SHEET_CLOSE));
    return bombFile(dir, "sheet-1.1M-rows", sampleWith("xl/worksheets/sheet3.xml", Buffer.concat(chunks)));
  },
  /** A text of 40,000 characters, over Excel's 32,767 a cell: only a forged file holds one. */
  "sheet-text-over-excel-limit": (dir) =>
    bombFile(
      dir,
      "sheet-text-over-excel-limit",
      sampleWith("xl/sharedStrings.xml", sst().replace("<si><t>", `<si><t>${"長".repeat(40_000)}`)),
    ),
  /** One shared string of 100 MB (the issue's 1.4 GB case). */
  "sheet-string-100MB": (dir) =>
    bombFile(
      dir,
      "sheet-string-100MB",
      sampleWith(
        "xl/sharedStrings.xml",
        deflateBomb(
          sst()
            .replace(/<\/sst>\s*$/, "")
            .concat("<si><t>"),
          "長い",
          100 * 1024 * 1024,
          "</t></si></sst>",
        ),
      ),
    ),
  /** A sparse 1.9 GB regular file: a reader that reads whole files takes 1.9 GB before it knows. */
  "file-sparse-1.9GB": async (dir) => {
    const file = path.join(dir, "file-sparse-1.9GB.xlsx");
    const fh = await fs.open(file, "w");
    await fh.write(Buffer.from("PK\x03\x04"), 0, 4, 0);
    await fh.truncate(Math.floor(1.9 * GiB));
    await fh.close();
    return { id: "bomb/file-sparse-1.9GB", args: ["check", file], inputs: [file], format: "text", unreadable: [file] };
  },
};

/** The bombs run by the corpus test: every one, each bounded by the capped reader (src/adapters/xlsx). */
export const BOMBS: string[] = Object.keys(ALL_BOMBS);

export async function buildBombs(dir: string, names: readonly string[]): Promise<Case[]> {
  await fs.mkdir(dir, { recursive: true });
  const cases: Case[] = [];
  for (const n of names) cases.push(await ALL_BOMBS[n](dir));
  return cases;
}
