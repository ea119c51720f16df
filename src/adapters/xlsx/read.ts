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
 * Browser-safe: no Node imports (file access is in ./read-file.ts).
 */
import type { Cell, CellValue, Sheet, Workbook } from "../../core/model/workbook";
import { WorkbookReadError } from "../exceljs/errors";
import { applyLayout, type Rect, type Span } from "../layout";
import {
  BUILTIN_FORMATS,
  decodeEscapes,
  excelToDate,
  isDateFormat,
  lettersToColumn,
  slideFormula,
  xmlDecode,
} from "./formats";
import * as limits from "./limits";
import { sniffWorkbookBytes } from "./sniff";
import { parseXmlPart, type XmlHandler } from "./xml";
import { ZipArchive, type InflateRaw } from "./zip";

// Plain constants for the hot loop (a bundler may turn imported bindings into getters).
const { MAX_CELLS, MAX_COLUMNS, MAX_GRID_SLOTS, MAX_MERGES, MAX_ROWS, MAX_SHARED_STRINGS, MAX_TEXT_CHARS } = limits;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** What is read of a workbook before its sheets: counts shared by every sheet. */
interface Context {
  zip: ZipArchive;
  /** Plain text of each shared string. */
  strings: string[] | undefined;
  /** Number format of each cell style (cellXfs index), as exceljs resolves it. */
  formats: (string | undefined)[];
  date1904: boolean;
  cells: number;
  slots: number;
}

function textTooLong(part: string): WorkbookReadError {
  return new WorkbookReadError("text-too-long", undefined, { detail: { part } });
}

/** A part name from a relationship's target, relative to the part holding the relationship. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/");
  parts.pop();
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The relationships of a part, by id; none when it has no .rels part. */
function readRelationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const name = zip.find(relsPartOf(part));
  if (!name) return rels;
  parseXmlPart(zip, name, {
    open(el, a) {
      if (el === "Relationship" && a.Id !== undefined && a.Target !== undefined) {
        const external = a.TargetMode === "External";
        rels.set(a.Id, { type: a.Type ?? "", target: external ? a.Target : resolveTarget(part, a.Target), external });
      }
    },
    close() {},
    text() {},
  });
  return rels;
}

function firstOfType(rels: Map<string, Relationship>, type: RegExp): Relationship | undefined {
  for (const rel of rels.values()) if (type.test(rel.type)) return rel;
  return undefined;
}

interface SheetRef {
  name: string;
  rId: string;
}

function readWorkbookPart(zip: ZipArchive, part: string): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXmlPart(zip, part, {
    open(el, a) {
      if (el === "sheet") {
        const rId = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
        if (rId !== undefined) sheets.push({ name: a.name ?? "", rId });
      } else if (el === "workbookPr") {
        date1904 = a.date1904 === "1" || a.date1904 === "true";
      }
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** The number format of each cell style: `<cellXfs><xf numFmtId>` through `<numFmts>` or the built-in table. */
function readStyles(zip: ZipArchive, part: string | undefined): (string | undefined)[] {
  if (!part) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  parseXmlPart(zip, part, {
    open(el, a) {
      if (el === "numFmt") {
        // exceljs unescapes backslashes in format codes (numfmt-xform.js).
        if (a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, "$1"));
      } else if (el === "cellXfs") {
        inCellXfs = true;
      } else if (el === "xf" && inCellXfs) {
        ids.push(parseInt(a.numFmtId, 10));
      }
    },
    close(el) {
      if (el === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return ids.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
}

/** The plain text of each shared string: its `<t>`, or its runs' `<t>` joined; phonetic runs left out. */
function readSharedStrings(zip: ZipArchive, part: string | undefined): string[] | undefined {
  if (!part) return undefined;
  const strings: string[] = [];
  let plain: string | undefined;
  let runs: string | undefined;
  let text: string | undefined;
  let depthRun = false;
  let skip = 0;
  let collecting = false;
  parseXmlPart(zip, part, {
    open(el) {
      if (skip) {
        skip++;
        return;
      }
      switch (el) {
        case "si":
          plain = undefined;
          runs = undefined;
          break;
        case "r":
          depthRun = true;
          runs ??= "";
          break;
        case "t":
          text = "";
          collecting = true;
          break;
        case "rPh":
          skip = 1;
          break;
      }
    },
    text(t) {
      if (!collecting) return;
      text += t;
      if (text!.length > MAX_TEXT_CHARS) throw textTooLong(part);
    },
    close(el) {
      if (skip) {
        skip--;
        return;
      }
      switch (el) {
        case "t":
          collecting = false;
          if (depthRun) runs += decodeEscapes(text!);
          else plain = decodeEscapes(text!);
          break;
        case "r":
          depthRun = false;
          break;
        case "si":
          if (strings.length >= MAX_SHARED_STRINGS)
            throw new WorkbookReadError("too-many-strings", undefined, { detail: { part } });
          strings.push(runs ?? plain ?? "");
          if (runs !== undefined && runs.length > MAX_TEXT_CHARS) throw textTooLong(part);
          break;
      }
    },
  });
  return strings;
}

/** What a cell element holds while it is being read. */
const V = 1;
const F = 2;
const T = 3;
const RUN_T = 4;

/** A cell's value as exceljs's hyperlink text: its plain text, "" when empty. */
function hyperlinkText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

/** Reads one worksheet part. */
function readSheet(ctx: Context, name: string, part: string): Sheet {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: Span[] = [];
  const hiddenColumns: Span[] = [];
  const merges: Rect[] = [];
  /** External hyperlinks by cell reference (their r:id). */
  const hyperlinks = new Map<string, string>();
  /** Shared formula masters by `si`: the master's formula and position. */
  const masters = new Map<string, { formula: string | undefined; row: number; col: number }>();
  const strings = ctx.strings;
  const formats = ctx.formats;
  const date1904 = ctx.date1904;
  const outOfRange = (cell: string) => new WorkbookReadError("out-of-range", undefined, { detail: { part, cell } });

  let inSheetData = false;
  /**
   * The cells of the row being read, in a scratch array reused from row to row, copied to an array of
   * exactly their number when the row ends: an array grown by push keeps spare capacity (17 slots for
   * one cell), which a sheet of a million one-cell rows would pay 150 MB for.
   */
  const scratch: (Cell | undefined)[] = [];
  let width = 0; // slots of scratch used by the current row
  let inRow = false;
  let rowIndex = -1; // 0-based
  let col = -1; // 0-based column of the current cell
  let ref: string | undefined;
  let type: string | undefined;
  let style = 0;
  let what = 0;
  let v: string | undefined;
  let f: string | undefined;
  let fType: string | undefined;
  let fRef: string | undefined;
  let fSi: string | undefined;
  let inIs = false;
  let runs: string | undefined;
  let runText: string | undefined;
  let skip = 0;

  const handler: XmlHandler = {
    open(el, a) {
      if (skip) {
        skip++;
        return;
      }
      if (!inSheetData) {
        switch (el) {
          case "sheetData":
            inSheetData = true;
            return;
          case "col": {
            // A column range past XFD is not a valid sheet; exceljs, which writes our copies, would build one
            // column object per index (1.8 GB for min="4294967296", found by the hostile corpus).
            const min = Number(a.min ?? "1");
            const max = Number(a.max ?? a.min ?? "1");
            if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && max <= MAX_COLUMNS)) {
              throw outOfRange(`<col min="${a.min ?? ""}" max="${a.max ?? ""}">`);
            }
            if (a.hidden === "1" || a.hidden === "true") hiddenColumns.push([min - 1, max - 1]);
            return;
          }
          case "mergeCell": {
            if (merges.length >= MAX_MERGES)
              throw new WorkbookReadError("too-many-merges", undefined, { detail: { part } });
            const rect = parseRange(a.ref ?? "");
            if (!rect) throw new WorkbookReadError("corrupt", undefined, { detail: { part } });
            merges.push(rect);
            return;
          }
          case "hyperlink": {
            const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
            if (id !== undefined && a.ref !== undefined) hyperlinks.set(a.ref, id);
            return;
          }
          case "extLst":
            skip = 1;
            return;
        }
        return;
      }
      switch (el) {
        case "row": {
          rowIndex = a.r !== undefined ? parseInt(a.r, 10) - 1 : rowIndex + 1;
          if (!(rowIndex >= 0 && rowIndex < MAX_ROWS)) throw outOfRange(`${a.r ?? rowIndex + 1}行`);
          inRow = true;
          width = 0;
          col = -1;
          if (a.hidden === "1" || a.hidden === "true") hiddenRows.push([rowIndex, rowIndex]);
          return;
        }
        case "c": {
          ref = a.r;
          if (ref !== undefined) {
            const at = cellColumn(ref);
            if (at < 0) throw outOfRange(ref);
            col = at;
          } else col++;
          if (col >= MAX_COLUMNS) throw outOfRange(ref ?? `${rowIndex + 1}行${col + 1}列`);
          type = a.t;
          style = a.s !== undefined ? parseInt(a.s, 10) : 0;
          v = f = fType = fRef = fSi = runs = undefined;
          inIs = false;
          return;
        }
        case "v":
          what = V;
          return;
        case "f":
          what = F;
          fType = a.t;
          fRef = a.ref;
          fSi = a.si;
          return;
        case "is":
          inIs = true;
          return;
        case "t":
          if (inIs) {
            if (runText !== undefined) {
              what = RUN_T;
              runText = "";
            } else what = T;
          }
          return;
        case "r":
          if (inIs) {
            runs ??= "";
            runText = "";
          }
          return;
        case "rPh":
          skip = 1;
          return;
      }
    },
    text(t) {
      switch (what) {
        case V:
        case T:
          v = v === undefined ? t : v + t;
          if (v.length > MAX_TEXT_CHARS) throw textTooLong(part);
          return;
        case F:
          f = f === undefined ? t : f + t;
          if (f.length > MAX_TEXT_CHARS) throw textTooLong(part);
          return;
        case RUN_T:
          runText += t;
          if (runText!.length > MAX_TEXT_CHARS) throw textTooLong(part);
          return;
      }
    },
    close(el) {
      if (skip) {
        skip--;
        return;
      }
      switch (el) {
        case "v":
        case "f":
          what = 0;
          return;
        case "t":
          if (what === RUN_T) {
            runs += decodeEscapes(runText!);
            if (runs!.length > MAX_TEXT_CHARS) throw textTooLong(part);
          }
          what = 0;
          return;
        case "r":
          runText = undefined;
          return;
        case "is":
          inIs = false;
          return;
        case "c": {
          // An empty cell (styled or not) is a hole.
          const cell = finishCell();
          if (cell) place(cell);
          return;
        }
        case "row":
          if (width) {
            rows[rowIndex] = scratch.slice(0, width);
            scratch.fill(undefined, 0, width);
          } else if (rows[rowIndex]) rows[rowIndex] = []; // a repeated row replaces the earlier one, as in exceljs
          inRow = false;
          return;
        case "sheetData":
          inSheetData = false;
          return;
      }
    },
  };

  function place(cell: Cell): void {
    if (!inRow)
      throw new WorkbookReadError("corrupt", undefined, { cause: new Error("a cell outside a row"), detail: { part } });
    if (col >= width) {
      ctx.slots += col + 1 - width;
      if (ctx.slots > MAX_GRID_SLOTS) throw new WorkbookReadError("grid-too-large", undefined, { detail: { part } });
      while (width < col) scratch[width++] = undefined;
      scratch[width++] = cell;
    } else {
      if (scratch[col] !== undefined) ctx.cells--;
      scratch[col] = cell;
    }
    if (++ctx.cells > MAX_CELLS) throw new WorkbookReadError("too-many-cells", undefined, { detail: { part } });
  }

  function numFmtOf(): string | undefined {
    return style ? formats[style] : undefined;
  }

  function withFormat(value: CellValue, numFmt: string | undefined): Cell {
    return numFmt && numFmt !== "General" ? { value, numFmt } : { value };
  }

  /** The cell as exceljs maps it (cell-xform parseClose + reconcile, then read.ts's mapCell). */
  function finishCell(): Cell | undefined {
    if (f || fType) {
      const numFmt = numFmtOf();
      let result: unknown;
      if (v) {
        if (type === "str") result = xmlDecode(v);
        else if (type === "b") result = parseInt(v, 10) !== 0;
        else if (type === "e") result = { error: v };
        else result = parseFloat(v);
        if (isDateFormat(numFmt)) result = excelToDate(result, date1904);
      }
      let formula = f;
      if (fType === "shared") {
        if (fRef !== undefined) {
          if (fSi !== undefined) masters.set(fSi, { formula: f, row: rowIndex, col });
        } else if (!formula && fSi !== undefined) {
          const master = masters.get(fSi);
          if (master?.formula) formula = slideFormula(master.formula, master.row, master.col, rowIndex, col);
        }
      }
      const value: CellValue = result === undefined ? null : (result as CellValue);
      const cell: Cell = typeof value === "number" || value instanceof Date ? withFormat(value, numFmt) : { value };
      if (formula) cell.formula = formula;
      return cell;
    }
    if (runs !== undefined) return { value: runs };
    if (v === undefined) return undefined;
    switch (type) {
      case "s": {
        const s = strings?.[parseInt(v, 10)];
        if (s === undefined) throw new WorkbookReadError("corrupt", undefined, { detail: { part } });
        return { value: s };
      }
      case "str":
        return { value: xmlDecode(v) };
      case "inlineStr":
        return { value: v };
      case "b":
        return { value: parseInt(v, 10) !== 0 };
      case "e":
        return { value: { error: v } };
      default: {
        const numFmt = numFmtOf();
        const n = parseFloat(v);
        return withFormat(isDateFormat(numFmt) ? excelToDate(n, date1904) : n, numFmt);
      }
    }
  }

  parseXmlPart(ctx.zip, part, handler);

  if (hyperlinks.size) applyHyperlinks(ctx, part, rows, hyperlinks);
  if (merges.length) emptyMerged(rows, merges, part);
  // Blank rows between non-empty ones are empty arrays; nothing after the last non-empty row.
  let last = rows.length - 1;
  while (last >= 0 && !(rows[last] && rows[last].some((c) => c !== undefined))) last--;
  rows.length = last + 1;
  for (let r = 0; r <= last; r++) {
    const cells = rows[r];
    if (!cells) rows[r] = [];
    else {
      let end = cells.length;
      while (end > 0 && cells[end - 1] === undefined) end--;
      cells.length = end;
    }
  }
  const sheet: Sheet = { name, rows };
  applyLayout(sheet, { merges, hiddenRows, hiddenColumns });
  return sheet;

  /** exceljs turns a cell with an external hyperlink into its text (worksheet-xform reconcile). */
  function applyHyperlinks(
    c: Context,
    sheetPart: string,
    grid: (Cell | undefined)[][],
    links: Map<string, string>,
  ): void {
    const rels = readRelationships(c.zip, sheetPart);
    const targets = [...links].filter(([, id]) => rels.has(id)).map(([a]) => a);
    if (!targets.length) return;
    let empties: Set<string> | undefined;
    for (const address of targets) {
      const pos = parseCell(address);
      if (!pos) continue;
      const cell = grid[pos.row]?.[pos.col];
      if (cell) {
        grid[pos.row][pos.col] = { value: hyperlinkText(cell.value) };
        continue;
      }
      // An empty `<c>` element under a hyperlink becomes a cell holding "": find which ones were there.
      empties ??= emptyCellRefs(c.zip, sheetPart);
      if (!empties.has(address)) continue;
      const r = (grid[pos.row] ??= []);
      while (r.length < pos.col) r.push(undefined);
      r[pos.col] = { value: "" };
    }
  }
}

/** The `r` of every empty `<c>` element of a sheet (a second, rare pass: only for hyperlinks on empty cells). */
function emptyCellRefs(zip: ZipArchive, part: string): Set<string> {
  const refs = new Set<string>();
  let ref: string | undefined;
  let filled = false;
  parseXmlPart(zip, part, {
    open(el, a) {
      if (el === "c") {
        ref = a.r;
        filled = false;
      } else if (el === "v" || el === "f" || el === "is") filled = true;
    },
    close(el) {
      if (el === "c" && !filled && ref !== undefined) refs.add(ref);
    },
    text() {},
  });
  return refs;
}

/** 0-based column of a cell reference ("B12" → 1), -1 when it is not one. */
function cellColumn(ref: string): number {
  let i = 0;
  let n = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
    if (n > MAX_COLUMNS) return MAX_COLUMNS;
  }
  if (i === 0) return -1;
  if (i < ref.length) {
    const r = Number(ref.slice(i));
    if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) return -1;
  }
  return n - 1;
}

/** "B3" → { row: 2, col: 1 }, with optional $; undefined when not a single cell. */
function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) return undefined;
  const col = lettersToColumn(m[1]) - 1;
  const row = parseInt(m[2], 10) - 1;
  return col < MAX_COLUMNS && row < MAX_ROWS ? { row, col } : undefined;
}

/** "A1:C3" (or "A1") → a rectangle, corners in either order, as exceljs's Range reads it. */
function parseRange(ref: string): Rect | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Inserts a range into ranges sorted by left column that all span one row; false when it overlaps one. */
function insertByLeft(active: Rect[], m: Rect): boolean {
  let lo = 0;
  let hi = active.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (active[mid].left < m.left) lo = mid + 1;
    else hi = mid;
  }
  if ((lo > 0 && active[lo - 1].right >= m.left) || (lo < active.length && active[lo].left <= m.right)) return false;
  active.splice(lo, 0, m);
  return true;
}

/**
 * Empties the cells covered by merged ranges (all but each range's top-left). Overlapping ranges are
 * refused as a damaged file (two ranges overlap only if both span the lower one's top row, where the
 * ranges active are disjoint and sorted by left column, so its neighbours tell). Then one sweep of the rows
 * with the ranges spanning each: about cells + ranges² in the worst case, ranges ≤ MAX_MERGES.
 */
function emptyMerged(rows: (Cell | undefined)[][], merges: Rect[], part: string): void {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let active: Rect[] = [];
  for (const m of byTop) {
    active = active.filter((x) => x.bottom >= m.top);
    if (!insertByLeft(active, m)) {
      throw new WorkbookReadError("corrupt", undefined, {
        cause: new Error("overlapping merged ranges"),
        detail: { part },
      });
    }
  }
  active = [];
  let next = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    if (active.some((x) => x.bottom < r)) active = active.filter((x) => x.bottom >= r);
    while (next < byTop.length && byTop[next].top <= r) {
      const m = byTop[next++];
      if (m.bottom >= r) insertByLeft(active, m);
    }
    if (!active.length) continue;
    let k = 0;
    for (let c = 0; c < row.length && k < active.length; c++) {
      if (row[c] === undefined) continue;
      while (k < active.length && active[k].right < c) k++;
      if (k < active.length && c >= active[k].left && (r > active[k].top || c > active[k].left)) row[c] = undefined;
    }
  }
}

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
