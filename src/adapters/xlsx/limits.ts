/**
 * Hard limits of the .xlsx reader. Every input — a zip bomb, a sheet of a million rows, a 100 MB string —
 * meets one of these before it can take more than about 1 GB of memory or more than a few seconds, and is
 * refused with one line naming the part and the limit (WorkbookReadError). Real submissions are far below
 * every one: the R7 report is 34 KB zipped, 0.15 MB inflated, 12 sheets and about 4,000 cells.
 *
 * Browser-safe: constants only.
 */

/** Excel's grid: 1,048,576 rows (ECMA-376 Part 1 §18.3.1.73; Excel specifications and limits). */
export const MAX_ROWS = 1_048_576;

/** Excel's grid: 16,384 columns, A to XFD (same sources). */
export const MAX_COLUMNS = 16_384;

/**
 * A file larger than this is not read at all (checked on the file's size before its bytes are loaded).
 * 100 MB zipped is 30× the 10⁶-cell benchmark workbook (3.3 MB) and 3,000× a real report.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Zip entries in one file: a workbook of 100 sheets has about 250; more is not a workbook Kensa checks. */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Inflated size of one part (a sheet's XML, the shared strings), declared in the zip or counted as it
 * inflates (a zip header can lie). A sheet of 10⁶ non-empty cells is about 30–45 MB of XML; 128 MB leaves
 * room for styles and long texts, and bounds what a single XML text node can hold while it is parsed.
 */
export const MAX_PART_BYTES = 128 * 1024 * 1024;

/**
 * Inflated size of all the parts read, together. Parsing runs at about 50 MB/s, so this bounds the time of
 * a read to about 5 s on any input; 40× the 10⁶-cell benchmark (27 MB).
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * Non-empty cells of a workbook. Each costs about 100–150 bytes in the model, so 2·10⁶ keeps the model
 * under about 300 MB; twice the largest benchmark and 500× a real report.
 */
export const MAX_CELLS = 2_000_000;

/**
 * Slots of the model's rows (rows are dense arrays up to their last cell, 8 bytes a slot): one cell at
 * XFD on each of 10⁶ rows would otherwise need 128 GB. 32·10⁶ slots is 256 MB.
 */
export const MAX_GRID_SLOTS = 32_000_000;

/** Characters of one text (a cell's text, a shared string, a formula): Excel's own limit for a cell. */
export const MAX_TEXT_CHARS = 32_767;

/** Shared strings in one workbook: each is used by at least one cell of a valid workbook. */
export const MAX_SHARED_STRINGS = MAX_CELLS;

/**
 * Merged ranges of one sheet: a report sheet has a few dozen; 10,000 keeps emptying the covered cells
 * and the overlap check (refused, as Excel calls such a file damaged) well under a second.
 */
export const MAX_MERGES = 10_000;

/** Inflate input chunk: one push can give at most about 1,032× this (deflate's ratio), 16.5 MB. */
export const INFLATE_CHUNK_BYTES = 16 * 1024;
