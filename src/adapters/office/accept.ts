/**
 * The acceptance store (確認済みの記録, src/core/accept/store.ts) written into the open workbook through Office.js:
 * the very hidden sheet `Kensa_accepted` that `kensa accept` and browser mode write into the .xlsx itself
 * (src/adapters/exceljs/accept.ts), so an acceptance made in any face is honoured by the others.
 *
 * One edit is read → change → write, in one Excel.run:
 *  1. one sync: the sheets (name, id, visibility, protection), the workbook's structure protection and the store's
 *     cells, so the edit applies to the record as it is now (a co-author's or the CLI's rows are kept);
 *  2. refused before anything is written: a store sheet that is protected, one Kensa did not write (A1 without
 *     the mark), or no store sheet in a workbook whose structure is protected;
 *  3. the sheet is added when missing and made very hidden (Excel.SheetVisibility.veryHidden: only code can show
 *     it, ref Worksheet.visibility) — both change the workbook's structure, which a merged undo group cannot do,
 *     so StructureNeeded is thrown first and the host runs the edit again outside the group;
 *  4. the new grid over the old one, number format "@" BEFORE the values, so a reason such as 「=SUM(A1)」 or
 *     「1/2」 stays the text typed (ref Range.values: a value starting with "=" is otherwise taken for a formula);
 *     then the rows the old record had beyond the new one are emptied (the sheet is added or hidden in a sync
 *     of its own before, so a batch sent again after a payload error finds it). Writing over, not clearing first, means
 *     a failure between the two syncs leaves the new record plus old rows at worst, never an empty record.
 *
 * The sheet's id is reported to the host (Session.ownSheetIds), so the change events of this write are known as
 * Kensa's and never start the automatic re-check.
 */
import {
  ACCEPT_COLUMNS,
  ACCEPT_MARK,
  ACCEPT_SHEET,
  isAcceptSheet,
  parseAcceptanceGrid,
  storeGrid,
  type Acceptance,
} from "../../core/accept/store";
import { columnLetters } from "../../core/model/address";
import { HostError } from "../../host/host";
import { hostError } from "./errors";
import { StructureNeeded } from "./state-writes";
import type { Session } from "./session";

/** What an edit does with the record's entries: the new entries, or null to write nothing. */
export type StoreEdit = (entries: Acceptance[]) => Acceptance[] | null;

export interface StoreEditReport {
  /** Whether anything was written. */
  written: boolean;
  /** Acceptances in the record afterwards. */
  entries: number;
  /** The store sheet was added by this edit. */
  added: boolean;
}

/** Bytes of a grid of text cells sent once as number formats and once as values. */
function rowBytes(row: readonly string[]): number {
  return row.reduce((n, v) => n + v.length * 3 + 12, 40);
}

function notOurs(lang: Session["lang"]): HostError {
  return new HostError(
    "unknown",
    lang === "ja"
      ? `「${ACCEPT_SHEET}」という名前のシートが Kensa の記録ではないため、確認済みを書き込めません（シートの名前を変えてから、もう一度実行してください）。`
      : `A sheet named “${ACCEPT_SHEET}” is not Kensa's record, so the acceptance cannot be written (rename that sheet, then try again).`,
    false,
  );
}

/** Reads the record, applies `edit`, and writes the result into the store sheet (see the module comment). */
export async function editAcceptanceStore(s: Session, edit: StoreEdit): Promise<StoreEditReport> {
  const { ctx } = s;
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const wb = ctx.workbook.protection;
  wb.load("protected");
  let used = ctx.workbook.worksheets.getItemOrNullObject(ACCEPT_SHEET).getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex,rowCount,columnCount");
  await s.sync();
  const sheet = sheets.items.find((w) => isAcceptSheet(w.name));
  if (sheet && sheet.name !== ACCEPT_SHEET && used.isNullObject) {
    // the store under another case of its name, where getItem is case-sensitive: read it by its own name
    used = s.sheet(sheet.name).getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex,rowCount,columnCount");
    await s.sync();
  }
  // the old cells as a grid anchored at A1
  const grid: unknown[][] = [];
  let oldRows = 0;
  let oldColumns = 0;
  if (sheet && !used.isNullObject) {
    for (let r = 0; r < used.rowIndex; r++) grid.push([]);
    for (const row of used.values as unknown[][]) grid.push([...new Array<unknown>(used.columnIndex).fill(""), ...row]);
    oldRows = used.rowIndex + used.rowCount;
    oldColumns = used.columnIndex + used.columnCount;
  }
  if (sheet) {
    if (sheet.protection.protected) throw hostError("protected", s.lang, {}, false);
    const mark = grid[0]?.[0];
    if (oldRows > 0 && mark !== ACCEPT_MARK) throw notOurs(s.lang);
  } else if (wb.protected) throw hostError("protected", s.lang, {}, false);

  const next = edit(parseAcceptanceGrid(grid, sheet?.name ?? ACCEPT_SHEET).entries);
  if (!next) return { written: false, entries: parseAcceptanceGrid(grid).entries.length, added: false };

  const needsAdd = !sheet;
  const needsHide = !!sheet && sheet.visibility !== "VeryHidden";
  if ((needsAdd || needsHide) && !s.structureAllowed) throw new StructureNeeded();
  const name = sheet?.name ?? ACCEPT_SHEET;
  const ws = needsAdd ? ctx.workbook.worksheets.add(ACCEPT_SHEET) : s.sheet(name);
  if (needsAdd || needsHide) ws.visibility = "VeryHidden";
  ws.load("id");
  // the sheet first, in a sync of its own: a write batch sent again after a payload error must find it there
  await s.sync();
  s.ownSheetIds.push(ws.id);

  const rows = storeGrid(next);
  const last = columnLetters(ACCEPT_COLUMNS - 1);
  const indexed = rows.map((values, i) => ({ values, i }));
  await s.writeInBatches(
    indexed,
    (r) => rowBytes(r.values),
    (batch) => {
      // contiguous by construction: one range per batch, text format first
      const first = batch[0].i + 1;
      const range = ws.getRange(`A${first}:${last}${first + batch.length - 1}`);
      range.numberFormat = batch.map(() => new Array<string>(ACCEPT_COLUMNS).fill("@"));
      range.values = batch.map((r) => r.values);
    },
  );
  // what the old record had beyond the new one
  const width = Math.max(oldColumns, ACCEPT_COLUMNS);
  if (oldRows > rows.length) ws.getRangeByIndexes(rows.length, 0, oldRows - rows.length, width).clear("Contents");
  if (oldColumns > ACCEPT_COLUMNS)
    ws.getRangeByIndexes(0, ACCEPT_COLUMNS, rows.length, oldColumns - ACCEPT_COLUMNS).clear("Contents");
  await s.sync();
  return { written: true, entries: next.length, added: needsAdd };
}
