/**
 * What Excel accepts in a file, applied to everything Kensa writes (its own texts and the cells it carries over
 * into a copy), so no copy is one Excel refuses to open or repairs:
 *
 * - a cell holds at most 32,767 characters ("Excel specifications and limits": total number of characters that
 *   a cell can contain); a longer text is clipped and ends with CLIP_MARKER;
 * - the parts are XML 1.0, whose Char production (https://www.w3.org/TR/xml/#charsets) excludes the C0 controls
 *   other than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates; they are removed;
 * - a sheet name is 1–31 characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe, and not
 *   "History" (reserved by Excel); see legalSheetName.
 *
 * Pure: strings in, strings out.
 */

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;
/** Ends a text Kensa clipped to MAX_CELL_TEXT, so nobody takes the clipped text for the whole. */
export const CLIP_MARKER = "…（Kensa: 32,767文字を超える部分を省略）";
/** Excel's limit on a sheet name. */
export const MAX_SHEET_NAME = 31;

const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when the text has a character XML 1.0 cannot carry. */
export function hasInvalidXmlChars(text: string): boolean {
  NOT_XML_CHAR.lastIndex = 0;
  return NOT_XML_CHAR.test(text);
}

/** The text without the characters XML 1.0 cannot carry. */
export function stripInvalidXmlChars(text: string): string {
  return hasInvalidXmlChars(text) ? text.replace(NOT_XML_CHAR, "") : text;
}

/** The text clipped to fit one cell, ending with CLIP_MARKER when clipped (never splitting a surrogate pair). */
export function clipCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - CLIP_MARKER.length;
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return text.slice(0, end) + CLIP_MARKER;
}

/** A text as Excel can store it in a cell: valid XML characters only, at most 32,767 characters. */
export function excelText(text: string): string {
  return clipCellText(stripInvalidXmlChars(text));
}

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

/** True when Excel accepts the name for a sheet. */
export function isLegalSheetName(name: string): boolean {
  return legalSheetName(name, new Set()) === name;
}

/**
 * The name made legal for Excel (forbidden characters become "_", clipped to 31 characters, outer apostrophes
 * dropped), and different, ignoring case, from the names in `taken` (" (2)", " (3)"… appended).
 */
export function legalSheetName(name: string, taken: ReadonlySet<string>): string {
  let base = stripInvalidXmlChars(name)
    .replace(SHEET_NAME_FORBIDDEN, "_")
    .replace(/^'+|'+$/g, "");
  if (!base.trim() || base.toLowerCase() === "history") base = `Sheet_${base}`.replace(/_$/, "") || "Sheet";
  let candidate = clip(base, MAX_SHEET_NAME);
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = clip(base, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  return candidate;
}

/** The first `length` UTF-16 units, without a trailing half of a surrogate pair. */
function clip(text: string, length: number): string {
  const out = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(out) ? out.slice(0, -1) : out;
}

/**
 * The one name of an annotated copy, in every face (CLI --annotate, browser-mode download): `報告.kensa.xlsx`.
 * Neutral on purpose: the copy of a workbook with errors is not "checked" or "verified" (「検証済」), it is
 * Kensa's copy; and a folder of copies is never mistaken for inputs (the CLI skips `*.kensa.xlsx`).
 */
export function annotatedCopyName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|xlsm)$/i, "") || "workbook";
  return `${base}.kensa.xlsx`;
}
