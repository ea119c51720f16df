/**
 * Reading one worksheet part into the model's sheet (./read.ts reads the workbook around it): one streaming
 * pass over its XML, each cell mapped as exceljs maps it, then hyperlinks, merged ranges and the layout
 * (hidden rows and columns) applied.
 */
import type { Cell, CellValue, Sheet } from "../../core/model/workbook";
import { WorkbookReadError } from "../exceljs/errors";
import { applyLayout, type Rect, type Span } from "../layout";
import { cellColumn, emptyCellRefs, emptyMerged, parseCell, parseRange, pastGridAtEnd } from "./cells";
import { decodeEscapes, excelToDate, isDateFormat, slideFormula, xmlDecode } from "./formats";
import * as limits from "./limits";
import { readRelationships, textTooLong } from "./parts";
import { parseXmlPart, type XmlHandler } from "./xml";
import type { ZipArchive } from "./zip";

// Plain constants for the hot loop (a bundler may turn imported bindings into getters).
const { MAX_CELLS, MAX_COLUMNS, MAX_GRID_SLOTS, MAX_MERGES, MAX_ROWS, MAX_TEXT_CHARS } = limits;

/** What is read of a workbook before its sheets: counts shared by every sheet. */
export interface Context {
  zip: ZipArchive;
  /** Plain text of each shared string. */
  strings: string[] | undefined;
  /** Number format of each cell style (cellXfs index), as exceljs resolves it. */
  formats: (string | undefined)[];
  date1904: boolean;
  cells: number;
  slots: number;
  /**
   * Cells shared by every place that holds the same thing (the model's cells are never changed once read,
   * and the engine already shares one cell between the rows a merge spans): one per shared string, and per
   * cell style one per number text up to SHARED_NUMBERS of them. A budget table repeats its ministries, its
   * "—" and most of its small amounts: 10⁶ cells of one hold some 0.5 million cells fewer (16 MB).
   */
  stringCells: (Cell | undefined)[];
  numberCells: (Map<string, Cell> | undefined)[];
}

/** Distinct number texts shared per cell style: beyond them a number is its own cell (a cache entry costs as much). */
const SHARED_NUMBERS = 4096;

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
export function readSheet(ctx: Context, name: string, part: string): Sheet {
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
  const { stringCells, numberCells } = ctx;
  const outOfRange = (cell: string) => new WorkbookReadError("out-of-range", undefined, { detail: { part, cell } });
  const pastGrid = pastGridAtEnd(ctx.zip, part);
  if (pastGrid !== undefined) throw outOfRange(pastGrid);

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

  const handler: XmlHandler = {
    // phonetic runs inside the cells, extension lists around them
    skip: (el) => el === (inSheetData ? "rPh" : "extLst"),
    open(el, a) {
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
        const k = parseInt(v, 10);
        const shared = stringCells[k];
        if (shared) return shared;
        const s = strings?.[k];
        if (s === undefined) throw new WorkbookReadError("corrupt", undefined, { detail: { part } });
        return (stringCells[k] = { value: s });
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
        // a Date is an object a reader could change: each date cell has its own
        if (isDateFormat(numFmt)) return withFormat(excelToDate(n, date1904), numFmt);
        const byText = (numberCells[style] ??= new Map<string, Cell>());
        let cell = byText.get(v);
        if (!cell) {
          cell = withFormat(n, numFmt);
          if (byText.size < SHARED_NUMBERS) byText.set(v, cell);
        }
        return cell;
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
