/**
 * Writing Kensa's state sheet (layout in ./state.ts): rows appended or updated, never cleared and rewritten,
 * and synced before any cell they describe is touched (see ./highlight.ts for the order).
 */
import { toA1 } from "../../core/model/address";
import type { WriteBlock } from "../../host/host";
import { chunkAddresses, stringBytes } from "./limits";
import type { Session } from "./session";
import { STATE_MARK, STATE_SHEET } from "./state";
import type { WorkbookInfo } from "./workbook-info";

/** Thrown before anything is written when the run may not add or hide the state sheet (a merged undo group). */
export class StructureNeeded extends Error {
  constructor() {
    super("Kensa's state sheet must be added or hidden outside an undo group");
    this.name = "StructureNeeded";
  }
}

/** A write of the state sheet: one row (appended or updated). */
export interface StateWrite {
  /** 1-based row. */
  row: number;
  /** 0-based first column (0: A–D, 5: F–I). */
  col?: number;
  values: string[];
}

/** Queues the state writes; `mark` writes A1 too. */
function queueStateWrites(ws: Excel.Worksheet, writes: StateWrite[], mark: boolean): void {
  if (mark) {
    const a1 = ws.getRange("A1");
    a1.numberFormat = [["@"]];
    a1.values = [[STATE_MARK]];
  }
  // contiguous rows of one column block in one range each
  const sorted = [...writes].sort((a, b) => (a.col ?? 0) - (b.col ?? 0) || a.row - b.row);
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    const col = sorted[i].col ?? 0;
    const width = sorted[i].values.length;
    while (
      j < sorted.length &&
      (sorted[j].col ?? 0) === col &&
      sorted[j].values.length === width &&
      sorted[j].row === sorted[j - 1].row + 1
    )
      j++;
    const block = sorted.slice(i, j);
    const first = block[0].row;
    const letters = (c: number) => toA1(0, c).replace(/\d+$/, "");
    const range = ws.getRange(`${letters(col)}${first}:${letters(col + width - 1)}${first + block.length - 1}`);
    // text format first: a sheet named "=x" or "1" must stay text
    range.numberFormat = block.map(() => new Array<string>(width).fill("@"));
    range.values = block.map((w) => w.values);
    i = j;
  }
}

/** Queues blanking rows of the state sheet in the given columns ("A:D" or "F:I"). */
export function queueBlankRows(ws: Excel.Worksheet, rows: readonly number[], firstCol: string, lastCol: string): void {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[j - 1] + 1) j++;
    ranges.push(`${firstCol}${sorted[i]}:${lastCol}${sorted[j - 1]}`);
    i = j;
  }
  for (const address of chunkAddresses(ranges)) ws.getRanges(address).clear("Contents");
}

/** Makes sure Kensa may record in the state sheet; queues adding it when there is none. Returns why it may not. */
export function stateBlock(info: WorkbookInfo): WriteBlock | undefined {
  if (!info.stateSheet) return info.workbookProtected ? "workbook-protected" : undefined;
  if (info.stateSheet.protected) return "state-protected";
  if (!info.state.ours && !info.state.blank) return "state-foreign";
  return undefined;
}

/**
 * Prepares the state sheet for writes in this run: adds it (very hidden) when missing, hides it when a
 * failed run left it visible; both change the workbook's structure, so a merged undo group cannot do them
 * (StructureNeeded is thrown before anything is written). Returns whether A1 must be written.
 */
export function prepareStateSheet(
  s: Session,
  info: WorkbookInfo,
): { ws: Excel.Worksheet; mark: boolean; added: boolean } {
  const needsAdd = !info.stateSheet;
  const needsHide = !!info.stateSheet && info.stateSheet.visibility !== "VeryHidden";
  if ((needsAdd || needsHide) && !s.structureAllowed) throw new StructureNeeded();
  let ws: Excel.Worksheet;
  if (needsAdd) ws = s.ctx.workbook.worksheets.add(STATE_SHEET);
  else ws = s.sheet(STATE_SHEET);
  if (needsAdd || needsHide) ws.visibility = "VeryHidden";
  return { ws, mark: needsAdd || !info.state.ours, added: needsAdd };
}

/**
 * Writes rows of the state sheet in byte-sized batches, adding (or hiding) the sheet and writing its mark
 * in the first batch that gets through; `alongside` (other records: the 修正履歴 rows) is queued with every
 * batch until one gets through, so it costs no sync of its own.
 */
export async function writeStateRows(
  s: Session,
  info: WorkbookInfo,
  writes: StateWrite[],
  alongside?: () => () => void,
): Promise<void> {
  let ready: Excel.Worksheet | undefined;
  let pending = alongside;
  await s.writeInBatches(
    writes,
    (w) => rowBytes(w.values),
    (batch) => {
      const prep = ready ? { ws: ready, mark: false, added: false } : prepareStateSheet(s, info);
      queueStateWrites(prep.ws, batch, prep.mark);
      const after = pending?.();
      // a sheet just added: its id, so its change events are known as Kensa's
      if (prep.added) prep.ws.load("id");
      return () => {
        if (prep.added) s.ownSheetIds.push(prep.ws.id);
        s.stateSheetPresent = true;
        ready ??= prep.ws;
        after?.();
        pending = undefined;
      };
    },
  );
}

/** State rows are strings: bytes of one row write. */
function rowBytes(values: readonly string[]): number {
  return values.reduce((n, v) => n + stringBytes(v) * 2 + 8, 40);
}
