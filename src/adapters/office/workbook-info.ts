/**
 * The first sync of every write: the sheets (name, id, visibility, protection), whether the workbook's
 * structure is protected, and Kensa's state — one round trip, before anything is written, so Kensa never
 * writes to a protected sheet and always knows what it recorded.
 *
 * - Worksheet.protection.protected, ExcelApi 1.2; Workbook.protection.protected, ExcelApi 1.7
 *   (docs/excel/excel-add-ins-worksheets.md "Protect worksheet data"; excel-add-ins-workbooks.md "Protect
 *   workbook structure": it prevents "adding, deleting, moving, or renaming worksheets");
 * - the state sheet through getItemOrNullObject and getUsedRangeOrNullObject(true) (ExcelApi 1.4), so a
 *   workbook without one costs no error. A state too large for one response (Excel on the web's 5 MB) is
 *   read again in row blocks, halved on a payload error.
 */
import { isPayloadError } from "./errors";
import type { Session } from "./session";
import { STATE_COLUMNS, STATE_SHEET, parseState, type ParsedState } from "./state";

export interface SheetState {
  name: string;
  id: string;
  visibility: string;
  protected: boolean;
}

export interface WorkbookInfo {
  sheets: SheetState[];
  workbookProtected: boolean;
  /** The state sheet, when there is one. */
  stateSheet?: SheetState;
  /** What it holds (empty when there is no state sheet). */
  state: ParsedState;
  sheet(name: string): SheetState | undefined;
}

/** Rows read per request when the state is read in blocks (halved on a payload error). */
const STATE_BLOCK_ROWS = 20_000;

function gridFrom(values: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number): unknown[][] {
  const grid: unknown[][] = [];
  for (let r = 0; r < rowIndex; r++) grid.push([]);
  for (const row of values) grid.push([...new Array<unknown>(columnIndex).fill(""), ...row]);
  return grid;
}

/**
 * Queues the loads of the first sync, so a caller can add its own requests to the same sync; `collect`
 * reads them once it succeeded.
 */
export function queueWorkbookInfo(s: Session, withState = true): { collect: () => WorkbookInfo } {
  const { ctx } = s;
  const ws = ctx.workbook.worksheets;
  ws.load("items/name,items/id,items/visibility,items/protection/protected");
  const wb = ctx.workbook.protection;
  wb.load("protected");
  let used: Excel.Range | undefined;
  if (withState) {
    used = ctx.workbook.worksheets.getItemOrNullObject(STATE_SHEET).getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex,rowCount");
  }
  return {
    collect: () => {
      const grid = used && !used.isNullObject ? gridFrom(used.values, used.rowIndex, used.columnIndex) : [];
      return infoOf(s, ws, wb.protected, withState ? grid : []);
    },
  };
}

function infoOf(
  s: Session,
  ws: Excel.WorksheetCollection,
  workbookProtected: boolean,
  grid: unknown[][],
): WorkbookInfo {
  const sheets: SheetState[] = ws.items.map((w) => ({
    name: w.name,
    id: w.id,
    visibility: w.visibility,
    protected: w.protection.protected,
  }));
  const byName = new Map(sheets.map((x) => [x.name.toLowerCase(), x]));
  const stateSheet = byName.get(STATE_SHEET.toLowerCase());
  if (stateSheet) s.ownSheetIds.push(stateSheet.id);
  s.stateSheetPresent = !!stateSheet;
  return {
    sheets,
    workbookProtected,
    stateSheet,
    state: parseState(stateSheet ? grid : []),
    sheet: (name) => byName.get(name.toLowerCase()),
  };
}

export async function loadWorkbookInfo(s: Session, withState = true): Promise<WorkbookInfo> {
  let q = queueWorkbookInfo(s, withState);
  try {
    await s.sync();
    return q.collect();
  } catch (err) {
    if (!withState || !isPayloadError(err)) throw err;
  }
  // the state is too large for one response: the rest first, then the state in row blocks
  q = queueWorkbookInfo(s, false);
  await s.sync();
  const info = q.collect();
  if (!info.stateSheet) return info;
  return { ...info, state: parseState(await readStateInBlocks(s)) };
}

/** The state sheet's cells A1:I{last} in row blocks (after one response could not hold them). */
async function readStateInBlocks(s: Session): Promise<unknown[][]> {
  const ws = s.sheet(STATE_SHEET);
  const used = ws.getUsedRange(true);
  used.load("rowIndex,rowCount");
  await s.sync();
  const last = used.rowIndex + used.rowCount; // rows 0..last-1
  const grid: unknown[][] = [];
  let rows = STATE_BLOCK_ROWS;
  for (let first = 0; first < last;) {
    const count = Math.min(rows, last - first);
    const r = ws.getRangeByIndexes(first, 0, count, STATE_COLUMNS);
    r.load("values");
    try {
      await s.sync();
    } catch (err) {
      if (!isPayloadError(err) || count === 1) throw err;
      rows = Math.max(1, Math.floor(count / 2));
      continue;
    }
    grid.push(...r.values);
    first += count;
  }
  return grid;
}
