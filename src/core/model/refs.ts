/**
 * Cell references in findings (DOMAIN §3.4, §4). A finding's `cell` is an A1 address on its own sheet; each of
 * its `cells` is written as seen from that sheet:
 *
 * - `C5` on the same sheet;
 * - `'PJ3'!G12` on another sheet of the same workbook (always quoted, as Kensa has always written them);
 * - `[提出_医薬品.xlsx]様式2!G6` in another workbook of the submission set: Excel's external-reference form, with
 *   the book and sheet quoted together only when Excel would quote them (`'[a b.xlsx]Sheet 1'!A1`,
 *   `'[book.xlsx]PJ1'!A1` since PJ1 is itself a cell address). A file name with folders
 *   (`sub/[book.xlsx]…`, used only when two files of a set share a name) is always quoted, as Excel does with paths.
 *
 * Pure: no file I/O. Shared by the engine, the CLI, browser mode and the pane.
 */

/** Where a cell is: a workbook of the set ("" for a workbook checked alone) and a sheet of it. */
export interface Place {
  file: string;
  sheet: string;
}

/** A reference taken apart: `file` and `sheet` are absent when the reference does not name them. */
export interface ParsedRef {
  file?: string;
  sheet?: string;
  cell: string;
}

/** Letters (any script), digits, `_` and `.`: what Excel leaves unquoted, when not starting with a digit or `.`. */
const PLAIN = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
/** A name that reads as a cell or an R1C1 reference (`A1`, `PJ1`, `XFD1048576`, `R`, `C`, `R1C1`, `RC3`). */
const A1_LIKE = /^[A-Za-z]{1,3}\d+$/;
const R1C1_LIKE = /^(?:R\d*(?:C\d*)?|C\d*)$/i;
/** What may stand unquoted between the brackets of a book name. */
const PLAIN_BOOK = /^[\p{L}\p{N}_.]+$/u;

/** True when Excel writes this sheet name in single quotes in a formula. */
export function sheetNeedsQuotes(sheet: string): boolean {
  return !PLAIN.test(sheet) || A1_LIKE.test(sheet) || R1C1_LIKE.test(sheet);
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `[book.xlsx]Sheet!A1` for a cell of another workbook, quoted as Excel quotes it. */
export function externalRef(file: string, sheet: string, cell: string): string {
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  const dir = cut >= 0 ? file.slice(0, cut + 1) : "";
  const book = cut >= 0 ? file.slice(cut + 1) : file;
  const body = `${dir}[${book}]${sheet}`;
  const quoted = dir !== "" || !PLAIN_BOOK.test(book) || sheetNeedsQuotes(sheet);
  return `${quoted ? quote(body) : body}!${cell}`;
}

/** `'Sheet'!A1` for a cell on another sheet of the same workbook (the form Kensa has always written). */
export function sheetRef(sheet: string, cell: string): string {
  return `${quote(sheet)}!${cell}`;
}

/** A cell as seen from `from`: bare on the same sheet, `'Sheet'!A1` in the same workbook, `[book]Sheet!A1` elsewhere. */
export function cellRef(from: Place, to: Place, cell: string): string {
  if (to.file !== from.file) return externalRef(to.file, to.sheet, cell);
  return to.sheet === from.sheet ? cell : sheetRef(to.sheet, cell);
}

/** True when a reference names another workbook. */
export function isExternalRef(ref: string): boolean {
  return parseRef(ref).file !== undefined;
}

/**
 * Takes a reference apart: `C5`, `'PJ3'!G12`, `Sheet1!A1`, `[book.xlsx]様式2!G6`, `'[a b.xlsx]Sheet 1'!A1`,
 * `'sub/[book.xlsx]S'!A1` (file `sub/book.xlsx`). A text that is none of these is returned as its own `cell`.
 */
export function parseRef(ref: string): ParsedRef {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { cell: ref };
  const cell = ref.slice(bang + 1);
  let where = ref.slice(0, bang);
  if (where.length >= 2 && where.startsWith("'") && where.endsWith("'")) where = where.slice(1, -1).replace(/''/g, "'");
  const open = where.indexOf("[");
  const close = where.indexOf("]", open + 1);
  if (open < 0 || close < 0) return { sheet: where, cell };
  return { file: where.slice(0, open) + where.slice(open + 1, close), sheet: where.slice(close + 1), cell };
}
