/** What the highlighter reads before it writes: current fills (getCellProperties, ExcelApi 1.9) and notes (1.18). */
import { toA1 } from "../../core/model/address";
import { hasKensaPart, userPartOfNote, type OfficeFill } from "../../core/apply";
import { fillFromOffice } from "./fills";
import { PAYLOAD_BUDGET_BYTES } from "./limits";
import { readRuns, runAddress, splitRun, type ColumnRun } from "./runs";
import type { Session } from "./session";
import { cellKey, type NoteRecord, type StateEntry } from "./state";

/** Estimated response bytes of one cell's fill from getCellProperties. */
export const FILL_BYTES_PER_CELL = 100;
/** Estimated request + response bytes of probing one cell's note (getItemOrNullObject + content). */
export const NOTE_PROBE_BYTES = 200;

/** Queues reading one cell's note (ExcelApi 1.18); isNullObject and content are known after the sync. */
function probeNote(s: Session, sheet: string, cell: string): Excel.Note {
  const note = s.sheet(sheet).notes.getItemOrNullObject(cell);
  note.load("content");
  return note;
}

/**
 * The person's part of a flagged cell's note, which Kensa's text follows. A note Kensa did not write
 * is entirely the person's; of Kensa's own earlier note, the person's part recorded in the state
 * (exactly as it was), or, for a state without that record (the exceljs adapter's), the text before
 * Kensa's mark.
 */
export function personsPart(existing: string | undefined, prev: StateEntry | undefined): string {
  if (existing === undefined) return ""; // no note (or the person deleted Kensa's)
  if (!prev) return existing; // Kensa never touched the cell: the note is the person's
  if (!hasKensaPart(existing)) return existing; // the person rewrote it
  const record: NoteRecord | undefined = prev.note;
  if (record?.kensa === "appended") return record.user;
  return userPartOfNote(existing);
}

export type ReadItem = { run: ColumnRun } | { probe: { key: string; sheet: string; cell: string } };

export function readItemBytes(it: ReadItem): number {
  return "run" in it ? (it.run.last - it.run.first + 1) * FILL_BYTES_PER_CELL : NOTE_PROBE_BYTES;
}

/** A run of cells in two halves (a read too large for one response); a note probe cannot be cut. */
export function splitReadItem(it: ReadItem): ReadItem[] | undefined {
  return "run" in it ? splitRun(it.run)?.map((run) => ({ run })) : undefined;
}

/** Read runs (bridging small gaps while the payload allows) and note probes for the cells. */
export function planReads(
  cells: readonly { sheet: string; row: number; col: number }[],
  probes: ReadItem[],
): ReadItem[] {
  const room =
    Math.floor((0.9 * PAYLOAD_BUDGET_BYTES - probes.length * NOTE_PROBE_BYTES) / FILL_BYTES_PER_CELL) - cells.length;
  const runs = readRuns(cells, Math.max(0, Math.min(Math.max(20_000, 3 * cells.length), room)));
  return [...runs.map((run) => ({ run })), ...probes];
}

/** Queues the reads; what it returns stores their results, once synced. */
export function queueReads(
  s: Session,
  items: readonly ReadItem[],
  wanted: ReadonlySet<string>,
  current: Map<string, OfficeFill | null | "unsettable">,
  notes: Map<string, Excel.Note>,
): () => void {
  const props: { run: ColumnRun; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  const probed: [string, Excel.Note][] = [];
  for (const it of items) {
    if ("probe" in it) probed.push([it.probe.key, probeNote(s, it.probe.sheet, it.probe.cell)]);
    else
      props.push({
        run: it.run,
        result: s
          .sheet(it.run.sheet)
          .getRange(runAddress(it.run))
          .getCellProperties({
            format: {
              fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true },
            },
          }),
      });
  }
  return () => {
    for (const [key, note] of probed) notes.set(key, note);
    for (const { run, result: r } of props) {
      const grid = r.value;
      for (let k = 0; k <= run.last - run.first; k++) {
        const key = cellKey(run.sheet, toA1(run.first + k, run.col));
        if (wanted.has(key)) current.set(key, fillFromOffice(grid[k]?.[0]?.format?.fill));
      }
    }
  };
}
