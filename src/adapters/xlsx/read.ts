/**
 * Reading an .xlsx or .xlsm into the core workbook model without exceljs: the zip's parts inflated as they
 * stream (./zip.ts, fflate) and parsed as they inflate (./xml.ts, saxes), one pass per part, nothing kept
 * but the model. Every size is capped (./limits.ts); a breach is one WorkbookReadError naming the limit.
 *
 * The model is exactly the one the exceljs reader (../exceljs/read.ts, kept as the oracle of the
 * equivalence tests) builds, cell for cell:
 * - numbers, strings, booleans → value; a number in a date format → a Date (1900 or 1904 system); a number
 *   format other than General is kept as numFmt on numbers, dates and numeric formula results;
 * - shared, inline and rich strings → their plain text;
 * - formulas (shared formulas translated to each cell, array formulas on their first cell) → the cached
 *   result as value, the formula text without "=" in `formula`;
 * - error values, typed or cached → { error: "#REF!" };
 * - a cell with an external hyperlink → its text (as exceljs's hyperlink value);
 * - the cells covered by a merged range other than its top-left are empty; overlapping ranges are a
 *   damaged file (Excel repairs them, exceljs refuses them);
 * - hidden rows and `<col hidden>` runs, then merges and hidden rows/columns cut to the used box (../layout.ts).
 * Where exceljs would fail or read nonsense on a file Excel accepts, this reader follows Excel: rows and
 * cells without an `r` address follow the previous one, prefixed element names are read, parts are found
 * through the relationships rather than by their usual names.
 *
 * Here the workbook around its sheets; the parts read before them (relationships, workbook, styles, shared
 * strings) in ./parts.ts, one worksheet in ./sheet.ts, its references and merged ranges in ./cells.ts.
 *
 * Browser-safe: no Node imports (file access is in ./read-file.ts).
 */
import type { Sheet, Workbook } from "../../core/model/workbook";
import { WorkbookReadError } from "../exceljs/errors";
import {
  firstOfType,
  readRelationships,
  readSharedStrings,
  readStyles,
  readWorkbookPart,
  REL_OFFICE_DOCUMENT,
  REL_SHARED_STRINGS,
  REL_STYLES,
  REL_WORKSHEET,
  type Relationship,
} from "./parts";
import { readSheet, type Context } from "./sheet";
import { sniffWorkbookBytes } from "./sniff";
import { ZipArchive, type InflateRaw } from "./zip";

function hasCells(wb: Workbook): boolean {
  for (const s of wb.sheets) for (const r of s.rows) if (r.length) return true;
  return false;
}

/**
 * Reads an .xlsx held in memory, synchronously. Throws WorkbookReadError (never anything else).
 * `inflateRaw`: a native inflater where there is one (Node's zlib, see ./read-file.ts); fflate otherwise.
 */
export function readWorkbookBytes(bytes: Uint8Array, options: { inflateRaw?: InflateRaw } = {}): Workbook {
  const sniffed = sniffWorkbookBytes(bytes);
  if (sniffed !== "zip") throw new WorkbookReadError(sniffed);
  try {
    return readZip(ZipArchive.open(bytes, options.inflateRaw));
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError("corrupt", undefined, { cause: err });
  }
}

function readZip(zip: ZipArchive): Workbook {
  const root = readRelationships(zip, "");
  const workbookPart =
    zip.find(firstOfType(root, REL_OFFICE_DOCUMENT)?.target ?? "xl/workbook.xml") ?? zip.find("xl/workbook.xml");
  // A zip without a workbook part is some other zip (a .docx, an archive), not a workbook.
  if (!workbookPart) throw new WorkbookReadError("not-xlsx");
  const { sheets: refs, date1904 } = readWorkbookPart(zip, workbookPart);
  const rels = readRelationships(zip, workbookPart);
  const partOf = (rel: Relationship | undefined, fallback: string) =>
    zip.find(rel?.target ?? fallback) ?? zip.find(fallback);
  const ctx: Context = {
    zip,
    formats: readStyles(zip, partOf(firstOfType(rels, REL_STYLES), "xl/styles.xml")),
    strings: readSharedStrings(zip, partOf(firstOfType(rels, REL_SHARED_STRINGS), "xl/sharedStrings.xml")),
    date1904,
    cells: 0,
    slots: 0,
    stringCells: [],
    numberCells: [],
  };
  const sheets: Sheet[] = [];
  for (const ref of refs) {
    const rel = rels.get(ref.rId);
    // Chart sheets, dialog and macro sheets hold no cells Kensa checks.
    if (!rel || rel.external || !REL_WORKSHEET.test(rel.type)) continue;
    const part = zip.find(rel.target);
    if (!part) continue;
    sheets.push(readSheet(ctx, ref.name, part));
  }
  const workbook = { sheets };
  if (!sheets.length || !hasCells(workbook)) throw new WorkbookReadError("empty");
  return workbook;
}

/**
 * Reads an .xlsx held in memory (a Buffer, a Uint8Array or an ArrayBuffer). Throws WorkbookReadError (never
 * anything else) when it cannot: not-xlsx, corrupt, encrypted, xls, empty, or a limit of ./limits.ts.
 */
export async function readWorkbookBuffer(buf: ArrayBuffer | Uint8Array): Promise<Workbook> {
  return readWorkbookBytes(buf instanceof Uint8Array ? buf : new Uint8Array(buf));
}

export { sniffWorkbookBytes, classifyCompoundFile } from "./sniff";
