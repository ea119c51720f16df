/**
 * One XML part, streamed: inflated chunks → UTF-8 decoding → saxes. Why saxes (bench/sax.ts has the figures):
 * a strict XML parser (a cut or broken part is an error, as it is to Excel, not silently repaired), no entity
 * expansion (an entity the document declares is an "undefined entity" error, so neither entity bombs nor
 * external entities can do anything), CommonJS, and 8 KB gzip in the browser. Parsing is most of a read's CPU
 * (a part costs its bytes: one parser reused across 3,000 small sheets saves nothing), but no parser measured
 * reads a workbook 1.5× faster: htmlparser2 12 in xmlMode parses sheets 1.2–1.7× faster (its Tokenizer
 * alone) but is lenient, ESM-only and 20–28 KB gzip; saxen 11 (3 KB) parses 1.6× faster alone yet reads a
 * workbook no faster, its attributes parsed on demand costing more than saxes's; ltx 1.3×, lenient; sax and
 * sax-wasm slower.
 *
 * Element names are given without their namespace prefix (`x:c` → `c`), as a namespace-aware reader sees
 * them; attribute names as written.
 *
 * Browser-safe: no Node imports.
 */
import { SaxesParser } from "saxes";
import { WorkbookReadError } from "../exceljs/errors";
import type { ZipArchive } from "./zip";

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  /** Only text inside elements; called with each piece as the parser reports it. */
  text(text: string): void;
  /**
   * Subtrees to pass over (phonetic runs, extension lists): asked for each element about to open; when it says
   * true, neither the element nor anything inside it (elements, text) reaches the handler.
   */
  skip?(name: string): boolean;
}

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

export function parseXmlPart(zip: ZipArchive, part: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ position: false });
  // Names are taken as they are unless the root element has a prefix (`<x:worksheet>`): then every name
  // loses its prefix. Saves a string search per tag on the usual unprefixed parts.
  let prefixed: boolean | undefined;
  /** Depth inside a skipped subtree (0: not in one). */
  let skipped = 0;
  parser.on("opentag", (node) => {
    prefixed ??= node.name.includes(":");
    if (skipped) {
      skipped++;
      return;
    }
    const name = prefixed ? local(node.name) : node.name;
    if (handler.skip?.(name)) skipped = 1;
    else handler.open(name, node.attributes as Record<string, string>);
  });
  parser.on("closetag", (node) => {
    if (skipped) skipped--;
    else handler.close(prefixed ? local(node.name) : node.name);
  });
  parser.on("text", (t) => {
    if (!skipped) handler.text(t);
  });
  parser.on("cdata", (t) => {
    if (!skipped) handler.text(t);
  });
  const decoder = new TextDecoder("utf-8");
  try {
    zip.read(part, (chunk) => {
      const s = decoder.decode(chunk, { stream: true });
      if (s) parser.write(s);
    });
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    parser.close();
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError("corrupt", undefined, { cause: err, detail: { part } });
  }
}
