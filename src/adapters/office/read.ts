/**
 * Reading the open workbook through Office.js into the core model, in as few round trips as Excel's
 * limits allow:
 *
 *  1. one small sync: (recalculate, when asked, and) list the worksheets;
 *  2. one small sync: every sheet's used range (values only: getUsedRange(true)) — its position and size;
 *  3. the cells: `values`, `formulas` and `numberFormat` of every used range, ALL sheets in ONE sync while
 *     the estimated response fits the 5 MB budget of Excel on the web; above it, row blocks of the
 *     sheets are grouped into syncs by estimated bytes (columns × bytes per cell, measured on the first
 *     batch), never more than 5,000,000 cells per sync. A payload error halves the blocks and retries.
 *
 * Kensa's state sheet is read in the same syncs (it is a sheet) and returned apart from the model.
 */
import type { Cell, CellValue, Sheet, Workbook } from "../../core/model/workbook";
import type { Lang } from "../../core/report/format";
import type { ProgressListener } from "../../host/host";
import { hostError, isPayloadError } from "./errors";
import { MAX_CELLS_PER_READ, PAYLOAD_BUDGET_BYTES, gridBytes } from "./limits";
import { STATE_SHEET, parseState, type StateEntry } from "./state";

/** Error values Excel returns as strings in `values`. */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** First guess of JSON bytes per cell for values + formulas + numberFormat, before any was measured. */
export const INITIAL_BYTES_PER_CELL = 48;

export interface ReadOptions {
  lang?: Lang;
  onProgress?: ProgressListener;
  /** Full recalculation before reading (the ribbon's re-check). */
  calculate?: boolean;
  /** Bytes one read sync may return (tests lower it). */
  budget?: number;
}

export interface SheetInfo {
  name: string;
  visibility: string;
  /** 0-based position and size of the used range (values only); rowCount 0 when the sheet is blank. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadSnapshot {
  workbook: Workbook;
  sheets: SheetInfo[];
  /** Kensa's record of the cells it highlighted (empty when there is none). */
  state: StateEntry[];
  /** Names and used-range addresses: a cheap fingerprint of the workbook's shape at read time. */
  fingerprint: string;
  /** Read syncs, for tests and the benchmark. */
  syncs: number;
}

interface Block {
  sheet: number;
  /** Rows relative to the used range. */
  first: number;
  count: number;
}

function toCell(v: unknown, f: unknown, nf: unknown): Cell | undefined {
  const isFormula = typeof f === "string" && f.startsWith("=") && f !== v;
  if (!isFormula && (v === "" || v === null || v === undefined)) return undefined;
  let value: CellValue;
  if (typeof v === "string" && ERROR_VALUE.test(v)) value = { error: v };
  else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") value = v;
  else if (v === "" || v === null || v === undefined) value = null;
  else value = String(v);
  const cell: Cell = { value };
  if (typeof value === "number" && typeof nf === "string" && nf && nf !== "General") cell.numFmt = nf;
  if (isFormula) cell.formula = (f as string).slice(1);
  return cell;
}

function fingerprintOf(sheets: readonly { name: string; address: string }[]): string {
  return sheets.map((s) => `${s.name}\u0001${s.address}`).join("\u0002");
}

/** Cuts every sheet's used range into row blocks so that no block exceeds the budget or the cell limit. */
function planBlocks(infos: readonly SheetInfo[], bytesPerCell: number, budget: number): Block[] {
  const blocks: Block[] = [];
  infos.forEach((s, i) => {
    if (!s.rowCount || !s.columnCount) return;
    const rowBytes = s.columnCount * bytesPerCell;
    // quarter-budget blocks, so batches can be packed close to the budget
    const rowsPerBlock = Math.max(1, Math.min(Math.floor(budget / 4 / rowBytes), Math.floor(MAX_CELLS_PER_READ / 4 / s.columnCount)));
    for (let first = 0; first < s.rowCount; first += rowsPerBlock) blocks.push({ sheet: i, first, count: Math.min(rowsPerBlock, s.rowCount - first) });
  });
  return blocks;
}

export async function readWorkbook(ctx: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadSnapshot> {
  const lang = options.lang ?? "ja";
  const budget = options.budget ?? PAYLOAD_BUDGET_BYTES;
  const progress = (fraction: number) => options.onProgress?.({ fraction, step: lang === "ja" ? "ブックを読み込んでいます" : "Reading the workbook" });
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };

  // 1. the sheets
  if (options.calculate) ctx.workbook.application.calculate("Full");
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await sync();
  const sheets = worksheets.items;

  // 2. their used ranges
  const used = sheets.map((ws) => {
    const r = ws.getUsedRange(true); // a blank sheet answers its top-left cell: one empty cell is read
    r.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return r;
  });
  await sync();
  const infos: SheetInfo[] = sheets.map((ws, i) => ({
    name: ws.name,
    visibility: ws.visibility,
    rowIndex: used[i].rowIndex,
    columnIndex: used[i].columnIndex,
    rowCount: used[i].rowCount,
    columnCount: used[i].columnCount,
  }));
  const fingerprint = fingerprintOf(infos.map((s, i) => ({ name: s.name, address: used[i].address })));
  progress(0.1);

  // 3. the cells
  const grids: (Cell | undefined)[][][] = infos.map(() => []);
  let bytesPerCell = INITIAL_BYTES_PER_CELL;
  let currentBudget = budget;
  let pending = planBlocks(infos, bytesPerCell, currentBudget);
  const totalCells = pending.reduce((n, b) => n + b.count * infos[b.sheet].columnCount, 0) || 1;
  let doneCells = 0;
  while (pending.length) {
    // take blocks while they fit
    const batch: Block[] = [];
    let bytes = 0;
    let cells = 0;
    while (pending.length) {
      const b = pending[0];
      const c = b.count * infos[b.sheet].columnCount;
      if (batch.length && (bytes + c * bytesPerCell > currentBudget || cells + c > MAX_CELLS_PER_READ)) break;
      batch.push(b);
      pending.shift();
      bytes += c * bytesPerCell;
      cells += c;
    }
    const ranges = batch.map((b) => {
      const s = infos[b.sheet];
      const r = sheets[b.sheet].getRangeByIndexes(s.rowIndex + b.first, s.columnIndex, b.count, s.columnCount);
      r.load("values,formulas,numberFormat");
      return r;
    });
    try {
      await sync();
    } catch (err) {
      if (!isPayloadError(err)) throw err;
      // Halve and retry these blocks (and plan the rest with the smaller budget).
      currentBudget = Math.floor(currentBudget / 2);
      if (batch.every((b) => b.count === 1) && batch.length === 1) throw hostError("payload-too-large", lang);
      const replanned: Block[] = [];
      for (const b of batch) {
        if (b.count === 1) replanned.push(b);
        else {
          const half = Math.ceil(b.count / 2);
          replanned.push({ sheet: b.sheet, first: b.first, count: half }, { sheet: b.sheet, first: b.first + half, count: b.count - half });
        }
      }
      pending = [...replanned, ...pending];
      bytesPerCell = bytesPerCell * 2;
      continue;
    }
    let measured = 0;
    batch.forEach((b, i) => {
      const r = ranges[i];
      const values = r.values;
      const formulas = r.formulas;
      const formats = r.numberFormat;
      if (!values || !formulas || !formats) throw hostError("payload-too-large", lang); // Excel's null above its cell limit
      measured += gridBytes(values) + gridBytes(formulas) + gridBytes(formats);
      const s = infos[b.sheet];
      const grid = grids[b.sheet];
      for (let rr = 0; rr < b.count; rr++) {
        const vrow = values[rr];
        const frow = formulas[rr];
        const nrow = formats[rr];
        let row: (Cell | undefined)[] | undefined;
        for (let cc = 0; cc < s.columnCount; cc++) {
          const cell = toCell(vrow[cc], frow[cc], nrow[cc]);
          if (!cell) continue;
          if (!row) {
            row = [];
            for (let k = 0; k < s.columnIndex; k++) row.push(undefined);
          }
          while (row.length < s.columnIndex + cc) row.push(undefined);
          row.push(cell);
        }
        if (row) grid[s.rowIndex + b.first + rr] = row;
      }
      doneCells += b.count * s.columnCount;
    });
    // Plan the rest with what this batch really weighed (plus a margin).
    if (cells > 0) bytesPerCell = Math.max(8, Math.ceil((measured / cells) * 1.25));
    progress(0.1 + 0.9 * (doneCells / totalCells));
  }

  const modelSheets: Sheet[] = [];
  let state: StateEntry[] = [];
  infos.forEach((s, i) => {
    const grid = grids[i];
    const rows: (Cell | undefined)[][] = [];
    for (let r = 0; r < grid.length; r++) rows.push(grid[r] ?? []);
    if (s.name === STATE_SHEET) {
      state = parseState(rows.map((r) => r.map((c) => c?.value ?? "")));
      return;
    }
    modelSheets.push({ name: s.name, rows });
  });
  progress(1);
  return { workbook: { sheets: modelSheets }, sheets: infos, state, fingerprint, syncs };
}
