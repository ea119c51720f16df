/**
 * Reading the open workbook through Office.js into the core model, in as few round trips as Excel's
 * limits allow:
 *
 *  1. one small sync: (recalculate, when asked, and) list the worksheets;
 *  2. one small sync: every sheet's used range (values only: getUsedRange(true)) — its position and size —
 *     and, queued in the same sync, its layout (see "Layout" below);
 *  3. the cells: `values`, `formulas` and `numberFormat` of every used range, ALL sheets in ONE sync while
 *     the estimated response fits the 5 MB budget of Excel on the web; above it, row blocks of the
 *     sheets are grouped into syncs by estimated bytes (columns × bytes per cell, measured on the first
 *     batch), never more than 5,000,000 cells per sync. A payload error halves the blocks and retries.
 *
 *  4. only when some cell reads like an error value ("#N/A", "#DIV/0!", …): `valueTypes` of those cells
 *     (ExcelApi 1.1, Range.valueTypes reference), which tells an error value ("Error") from text that looks
 *     like one (a cell formatted as text holding "#N/A") — one small sync, not the whole sheet's types. Kensa's state sheet is read in the same
 * syncs (it is a sheet) and returned apart from the model; the sheets' ids are read too, so change events
 * on Kensa's own sheets can be told apart (ExcelHost.onChanged).
 *
 * Layout (merged areas, hidden rows and columns), two extra requests per sheet and no extra sync:
 *  - merged areas: `usedRange.getMergedAreasOrNullObject()` (ExcelApi 1.13), a null object when there is
 *    none. It reports only the areas whose top-left cell is in the range
 *    (https://github.com/OfficeDev/office-js/issues/3611) — the used range holds every top-left that has
 *    a value — and fails above 512 areas (Range.getMergedAreasOrNullObject reference,
 *    https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
 *    Each area's own address is read (`areas/items/address`), as Microsoft advises for getting every
 *    merged area in full (https://github.com/OfficeDev/office-js/issues/1590). Below 1.13 the sheet says
 *    `layoutUnknown: ["merges"]`;
 *  - hidden rows and columns: `rowHidden` / `columnHidden` of the used range (ExcelApi 1.2: true when all
 *    rows/columns of the range are hidden, false when none is, null when some are; Range reference) and
 *    the visible cells, `usedRange.getSpecialCellsOrNullObject("Visible")` (ExcelApi 1.9; a null object,
 *    never the ItemNotFound error of getSpecialCells, when no cell is visible:
 *    https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells). A row is
 *    hidden when no visible area crosses it, a column likewise. When neither tells (below 1.9 with some
 *    rows or columns hidden), the sheet says `layoutUnknown: ["hidden"]`.
 * A sync with the layout requests that fails (more than 512 merged areas, a response too large) is done
 * again without them, then each sheet's layout is read alone: merged areas in ever smaller row bands,
 * and what still fails is marked unknown. Both readers cut the layout to the used box (../layout.ts).
 */
import type { Cell, CellValue, Sheet, Workbook } from "../../core/model/workbook";
import type { Lang } from "../../core/values/format";
import type { ProgressListener } from "../../host/host";
import { applyLayout } from "../layout";
import { hostError, isPayloadError } from "./errors";
import { MAX_CELLS_PER_READ, PAYLOAD_BUDGET_BYTES, gridBytes } from "./limits";
import {
  areasOf,
  hiddenOf,
  isLayoutFailure,
  queueMerged,
  queueVisible,
  readLayoutAlone,
  type LayoutQuery,
  type LayoutResult,
} from "./read-layout";
import { STATE_SHEET, parseState, type StateEntry } from "./state";

export { parseAreas } from "./read-layout";

/** Error values Excel returns as strings in `values` (used only where `valueTypes` is not given). */
const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** First guess of JSON bytes per cell for values + formulas + numberFormat, before any was measured. */
export const INITIAL_BYTES_PER_CELL = 48;

export interface ReadOptions {
  lang?: Lang;
  onProgress?: ProgressListener;
  /** Full recalculation before reading (the ribbon's re-check). */
  calculate?: boolean;
  /** Bytes one read sync may return (tests lower it). */
  budget?: number;
  /** isSetSupported("ExcelApi", version); without it the global Office.context.requirements is asked. */
  supports?: (version: string) => boolean;
}

export interface SheetInfo {
  name: string;
  /** Worksheet.id. */
  id: string;
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
  // an error until valueTypes says otherwise (step 4)
  if (typeof v === "string" && ERROR_VALUE.test(v)) value = { error: v };
  else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") value = v;
  else if (v === "" || v === null || v === undefined) value = null;
  else value = String(v);
  const cell: Cell = { value };
  if (typeof value === "number" && typeof nf === "string" && nf && nf !== "General") cell.numFmt = nf;
  if (isFormula) cell.formula = f.slice(1);
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
    const rowsPerBlock = Math.max(
      1,
      Math.min(Math.floor(budget / 4 / rowBytes), Math.floor(MAX_CELLS_PER_READ / 4 / s.columnCount)),
    );
    for (let first = 0; first < s.rowCount; first += rowsPerBlock)
      blocks.push({ sheet: i, first, count: Math.min(rowsPerBlock, s.rowCount - first) });
  });
  return blocks;
}

function defaultSupports(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export async function readWorkbook(ctx: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadSnapshot> {
  const lang = options.lang ?? "ja";
  const budget = options.budget ?? PAYLOAD_BUDGET_BYTES;
  const progress = (fraction: number) =>
    options.onProgress?.({ fraction, step: lang === "ja" ? "ブックを読み込んでいます" : "Reading the workbook" });
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };

  // 1. the sheets
  if (options.calculate) ctx.workbook.application.calculate("Full");
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync();
  const sheets = worksheets.items;

  // 2. their used ranges, and their layout in the same sync
  const supports = options.supports ?? defaultSupports;
  const canMerge = supports("1.13");
  const canSeeVisible = supports("1.9");
  const queueUsed = () =>
    sheets.map((ws) => {
      const r = ws.getUsedRange(true); // a blank sheet answers its top-left cell: one empty cell is read
      r.load("address,rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden");
      return r;
    });
  let used = queueUsed();
  let queries: LayoutQuery[] | undefined = used.map((r) => ({
    merged: canMerge ? queueMerged(r) : undefined,
    visible: canSeeVisible ? queueVisible(r) : undefined,
  }));
  try {
    await sync();
  } catch (err) {
    if (!(canMerge || canSeeVisible) || !isLayoutFailure(err)) throw err;
    // The layout requests may be what failed (over 512 merged areas, a response too large): read the
    // used ranges without them, then each sheet's layout alone (readLayoutAlone).
    used = queueUsed();
    queries = undefined;
    await sync();
  }
  const infos: SheetInfo[] = sheets.map((ws, i) => ({
    name: ws.name,
    id: ws.id,
    visibility: ws.visibility,
    rowIndex: used[i].rowIndex,
    columnIndex: used[i].columnIndex,
    rowCount: used[i].rowCount,
    columnCount: used[i].columnCount,
  }));
  const fingerprint = fingerprintOf(infos.map((s, i) => ({ name: s.name, address: used[i].address })));
  const layouts: LayoutResult[] = [];
  for (let i = 0; i < infos.length; i++) {
    const s = infos[i];
    if (queries) {
      const q = queries[i];
      const hidden = hiddenOf(s, used[i].rowHidden, used[i].columnHidden, q.visible);
      layouts.push({
        merges: q.merged && !q.merged.isNullObject ? areasOf(q.merged) : undefined,
        ...hidden,
        unknown: [...(q.merged ? [] : ["merges" as const]), ...(hidden ? [] : ["hidden" as const])],
      });
    } else {
      layouts.push(await readLayoutAlone(sheets[i], s, used[i], canMerge, canSeeVisible, sync));
    }
  }
  progress(0.1);

  // 3. the cells
  const grids: (Cell | undefined)[][][] = infos.map(() => []);
  let bytesPerCell = INITIAL_BYTES_PER_CELL;
  /** Cells whose value reads like an error value: valueTypes decides (step 4). */
  const errorLike: { sheet: number; row: number; col: number; cell: Cell }[] = [];
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
          replanned.push(
            { sheet: b.sheet, first: b.first, count: half },
            { sheet: b.sheet, first: b.first + half, count: b.count - half },
          );
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
          if (cell && typeof cell.value === "object" && cell.value !== null && "error" in cell.value)
            errorLike.push({ sheet: b.sheet, row: s.rowIndex + b.first + rr, col: s.columnIndex + cc, cell });
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

  // 4. which of the cells that read like error values are errors
  if (errorLike.length) {
    const bySheet = new Map<number, typeof errorLike>();
    for (const e of errorLike) {
      let list = bySheet.get(e.sheet);
      if (!list) bySheet.set(e.sheet, (list = []));
      list.push(e);
    }
    // one range per run of such cells down a column
    const queued: { cells: (typeof errorLike)[number][]; r: Excel.Range }[] = [];
    for (const [i, list] of bySheet) {
      list.sort((a, b) => a.col - b.col || a.row - b.row);
      let run: (typeof errorLike)[number][] = [];
      const flush = () => {
        if (!run.length) return;
        const r = sheets[i].getRangeByIndexes(run[0].row, run[0].col, run[run.length - 1].row - run[0].row + 1, 1);
        r.load("valueTypes");
        queued.push({ cells: run, r });
        run = [];
      };
      for (const e of list) {
        const last = run[run.length - 1];
        if (last && (last.col !== e.col || e.row !== last.row + 1)) flush();
        run.push(e);
      }
      flush();
    }
    await sync();
    for (const { cells, r } of queued) {
      cells.forEach((e, k) => {
        if (
          (r.valueTypes?.[k]?.[0] as string | undefined) !== "Error" &&
          e.cell.value &&
          typeof e.cell.value === "object" &&
          "error" in e.cell.value
        )
          e.cell.value = e.cell.value.error;
      });
    }
  }

  const modelSheets: Sheet[] = [];
  let state: StateEntry[] = [];
  infos.forEach((s, i) => {
    const grid = grids[i];
    const rows: (Cell | undefined)[][] = [];
    for (let r = 0; r < grid.length; r++) rows.push(grid[r] ?? []);
    if (s.name.toLowerCase() === STATE_SHEET.toLowerCase()) {
      state = parseState(
        rows.map((r) =>
          r.map((c) =>
            c?.value && typeof c.value === "object" && "error" in c.value ? c.value.error : (c?.value ?? ""),
          ),
        ),
      ).entries;
      return;
    }
    const sheet: Sheet = { name: s.name, rows };
    const layout = layouts[i];
    applyLayout(sheet, layout);
    if (layout.unknown.length) sheet.layoutUnknown = layout.unknown;
    modelSheets.push(sheet);
  });
  progress(1);
  return { workbook: { sheets: modelSheets }, sheets: infos, state, fingerprint, syncs };
}
