/**
 * Highlights and notes on the cells of the findings, and giving every cell back exactly as it was —
 * restorable whichever sync fails.
 *
 * Real Excel runs the operations of a batch in order and does not roll a failed batch back: what ran
 * before the failing operation stays applied (no rollback is documented; the error names "the statement
 * that caused the error", OfficeExtension.DebugInfo.statement). So the order is:
 *
 *   1. read: sheets, their protection, the workbook's protection and Kensa's state (workbook-info.ts);
 *   2. read: the current fill of every cell to highlight or give back (getCellProperties, ExcelApi 1.9)
 *      and, with ExcelApi 1.18, their notes — one sync (more only past the 5 MB budget);
 *   3. record: the state rows of cells not yet recorded are APPENDED, and rows whose record changes are
 *      updated one by one — never cleared and rewritten — and synced before any cell is touched; a cell
 *      already recorded is never recorded again from its current fill (its original stays);
 *   4. write: fills (RangeAreas per fill, address lists under 8,192 characters) and notes; writes that
 *      change nothing are skipped;
 *   5. forget: the rows of cells given back are blanked, after they were given back.
 *
 * A failure in 3 leaves rows for cells not yet touched (giving back a cell that still has its own fill
 * changes nothing); in 4, touched cells all have their rows; in 5, rows of cells already given back (they
 * are no longer in Kensa's colours, so the next clear leaves them alone). Steps 3–5 are skipped when they
 * have nothing to do, so re-checking an unchanged workbook writes nothing.
 *
 * Fills (ExcelApi 1.9 RangeFill): colour, pattern, pattern colour, tintAndShade and patternTintAndShade are
 * read and written back as read. No Fill reads as color "#FFFFFF" like a white fill, and both may read
 * pattern null; only tintAndShade tells them apart — null for No Fill, a number for a fill
 * (OfficeDev/office-js#4900, Microsoft's answer; #6218). Gradient fills can be read but not set
 * (RangeFill.pattern reference), so a cell with one is not highlighted. Microsoft does not document
 * whether `color` reads a tinted theme colour before or after its tint; Kensa writes back exactly the pair
 * it read, which gives the same cell if the getter and the setter agree (to be confirmed on real Excel).
 *
 * A cell given back is restored only while it still shows one of Kensa's colours: if the person re-filled
 * it since, their fill is kept. A recorded fill Kensa cannot understand (a theme colour recorded by an
 * older CLI without its resolved colour) leaves the cell alone, and the report says so.
 *
 * Protected sheets are never written (their findings stay in the list); without a state sheet in a
 * workbook whose structure is protected, Kensa cannot record and writes nothing.
 */
import type { CheckResult } from "../../core/engine";
import {
  SEVERITY_FILL,
  UNSETTABLE_PATTERNS,
  fillKey,
  hasKensaPart,
  isBetween,
  mergeIntoRectangles,
  noteWithKensa,
  planHighlights,
  rectToA1,
  sameFill,
  userPartOfNote,
  type OfficeFill,
} from "../../core/apply";
import { fromA1, toA1 } from "../../core/model/address";
import type { HighlightReport, WriteBlock } from "../../host/host";
import { PAYLOAD_BUDGET_BYTES, chunkAddresses, stringBytes } from "./limits";
import type { Session } from "./session";
import {
  HIGHLIGHT_COLUMNS,
  STATE_MARK,
  STATE_SHEET,
  cellKey,
  entryRow,
  sameNoteRecord,
  type NoteRecord,
  type StateEntry,
} from "./state";
import { excelErrorCode } from "./errors";
import { loadWorkbookInfo, queueWorkbookInfo, type WorkbookInfo } from "./workbook-info";

/** Estimated response bytes of one cell's fill from getCellProperties. */
const FILL_BYTES_PER_CELL = 100;
/** Estimated request + response bytes of probing one cell's note (getItemOrNullObject + content). */
const NOTE_PROBE_BYTES = 200;
/** Rows of a column that a read run may bridge to save a range object. */
export const RUN_GAP = 8;

/** Kensa's highlight colours as Office fills. */
export const KENSA_FILLS: readonly OfficeFill[] = Object.values(SEVERITY_FILL).map((argb) => ({
  color: `#${argb.slice(-6).toUpperCase()}`,
  pattern: "Solid",
}));

export function isKensaFill(f: OfficeFill | null): boolean {
  return !!f && KENSA_FILLS.some((k) => sameFill(k, f));
}

/** Thrown before anything is written when the run may not add or hide the state sheet (a merged undo group). */
export class StructureNeeded extends Error {
  constructor() {
    super("Kensa's state sheet must be added or hidden outside an undo group");
    this.name = "StructureNeeded";
  }
}

interface Pos {
  row: number;
  col: number;
}

/** A vertical run of cells in one column, rows first..last inclusive (0-based). */
export interface ColumnRun {
  sheet: string;
  col: number;
  first: number;
  last: number;
}

/** Groups cells into vertical runs per sheet and column, bridging gaps of up to `gap` rows. */
export function columnRuns(cells: readonly { sheet: string; row: number; col: number }[], gap = RUN_GAP): ColumnRun[] {
  const sorted = [...cells].sort((a, b) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row,
  );
  const runs: ColumnRun[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === c.sheet && last.col === c.col && c.row <= last.last + gap + 1) {
      last.last = Math.max(last.last, c.row);
      continue;
    }
    runs.push({ sheet: c.sheet, col: c.col, first: c.row, last: c.row });
  }
  return runs;
}

/**
 * Runs for reading cells: starts from exact runs and bridges the smallest gaps first while the extra
 * cells read stay under `extraCells` — few range objects, bounded payload, however scattered the cells.
 */
export function readRuns(
  cells: readonly { sheet: string; row: number; col: number }[],
  extraCells: number,
): ColumnRun[] {
  const runs = columnRuns(cells, 0);
  const gaps: { i: number; size: number }[] = [];
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i];
    const b = runs[i + 1];
    if (a.sheet === b.sheet && a.col === b.col) gaps.push({ i, size: b.first - a.last - 1 });
  }
  gaps.sort((x, y) => x.size - y.size);
  const joinNext = new Set<number>();
  let spent = 0;
  for (const g of gaps) {
    if (spent + g.size > extraCells) break;
    spent += g.size;
    joinNext.add(g.i);
  }
  const out: ColumnRun[] = [];
  runs.forEach((r, i) => {
    if (i > 0 && joinNext.has(i - 1)) out[out.length - 1].last = r.last;
    else out.push({ ...r });
  });
  return out;
}

export function runAddress(r: ColumnRun): string {
  const l = toA1(0, r.col).replace(/\d+$/, "");
  return r.first === r.last ? `${l}${r.first + 1}` : `${l}${r.first + 1}:${l}${r.last + 1}`;
}

export function parseCell(cell: string): Pos | undefined {
  try {
    return fromA1(cell);
  } catch {
    return undefined;
  }
}

/** What getCellProperties says of one cell's fill (ExcelApi 1.9). */
interface ReadFill {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

/**
 * A cell's fill from getCellProperties: null for No Fill, "unsettable" for a gradient. No Fill and a white
 * fill both read color #FFFFFF and may both read pattern null; tintAndShade is null only for No Fill
 * (office-js#4900, #6218). Where tintAndShade is not reported at all, a null or "None" pattern is taken as
 * No Fill (the add-in's behaviour before #4900 was answered).
 */
export function fillFromOffice(f: ReadFill | null | undefined): OfficeFill | null | "unsettable" {
  if (!f) return null;
  if (f.tintAndShade === null) return null;
  if (f.tintAndShade === undefined && (!f.pattern || f.pattern === "None")) return null;
  const pattern = f.pattern ?? "Solid";
  if (pattern === "None") return null;
  if (UNSETTABLE_PATTERNS.has(pattern)) return "unsettable";
  const out: OfficeFill = { color: (f.color ?? "#FFFFFF").toUpperCase(), pattern };
  if (f.tintAndShade) out.tintAndShade = f.tintAndShade;
  if (pattern !== "Solid") {
    out.patternColor = (f.patternColor ?? "#000000").toUpperCase();
    if (f.patternTintAndShade) out.patternTintAndShade = f.patternTintAndShade;
  }
  return out;
}

/**
 * Sets a fill exactly — colour, pattern, pattern colour and both tints; no fill: clear — writing only the
 * parts that differ from the cell's current fill `now` (fewer operations, so fewer half-written cells when a
 * batch fails part-way). A colour write is followed by the tint whenever a tint is involved: Microsoft does
 * not document whether setting the colour keeps the tint.
 */
export function setFill(format: Excel.RangeFormat, target: OfficeFill | null, now: OfficeFill | null = null): void {
  if (!target) {
    format.fill.clear();
    return;
  }
  const colour = !now || now.color.toUpperCase() !== target.color.toUpperCase();
  if (colour) format.fill.color = target.color;
  if (now ? now.pattern !== target.pattern : target.pattern !== "Solid")
    format.fill.pattern = target.pattern as Excel.FillPattern;
  const tint = target.tintAndShade ?? 0;
  if ((now?.tintAndShade ?? 0) !== tint || (colour && (tint !== 0 || (now?.tintAndShade ?? 0) !== 0)))
    format.fill.tintAndShade = tint;
  if (target.pattern !== "Solid") {
    const pc = target.patternColor ?? "#000000";
    const pcWrite =
      !now || now.pattern === "Solid" || (now.patternColor ?? "#000000").toUpperCase() !== pc.toUpperCase();
    if (pcWrite) format.fill.patternColor = pc;
    const pt = target.patternTintAndShade ?? 0;
    if ((now?.patternTintAndShade ?? 0) !== pt || (pcWrite && pt !== 0)) format.fill.patternTintAndShade = pt;
  }
}

/** True when the cell shows a fill Kensa made or was making between `original` and one of its colours. */
function kensaMade(now: OfficeFill | null, original: OfficeFill | null): boolean {
  return KENSA_FILLS.some((k) => isBetween(now, original, k));
}

/** Formats cells of one sheet through as few RangeAreas as the address limit allows; returns the getRanges calls. */
export function formatCells(
  ws: Excel.Worksheet,
  cells: readonly Pos[],
  apply: (format: Excel.RangeFormat) => void,
): number {
  const ranges = mergeIntoRectangles(cells).map(rectToA1);
  let calls = 0;
  for (const address of chunkAddresses(ranges)) {
    apply(ws.getRanges(address).format);
    calls++;
  }
  return calls;
}

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
function personsPart(existing: string | undefined, prev: StateEntry | undefined): string {
  if (existing === undefined) return ""; // no note (or the person deleted Kensa's)
  if (!prev) return existing; // Kensa never touched the cell: the note is the person's
  if (!hasKensaPart(existing)) return existing; // the person rewrote it
  const record: NoteRecord | undefined = prev.note;
  if (record?.kensa === "appended") return record.user;
  return userPartOfNote(existing);
}

export interface HighlightOutcome extends HighlightReport {
  /** getRanges calls made for restoring and highlighting. */
  rangeAreas: number;
  /** Rows of the state still describing cells after this call. */
  liveEntries: number;
}

interface Target {
  key: string;
  sheet: string;
  cell: string;
  row: number;
  col: number;
  fill: OfficeFill;
  note?: string;
}

/** A write of the state sheet: one row (appended or updated). */
export interface StateWrite {
  /** 1-based row. */
  row: number;
  /** 0-based first column (0: A–D, 5: F–I). */
  col?: number;
  values: string[];
}

/** A write of a cell: a fill of a group of cells, or one note. */
type CellOp =
  | { kind: "fill"; sheet: string; fill: OfficeFill | null; now: OfficeFill | null; cells: Pos[]; bytes: number }
  | { kind: "note"; bytes: number; run: () => void };

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
 * in the first batch that gets through.
 */
export async function writeStateRows(s: Session, info: WorkbookInfo, writes: StateWrite[]): Promise<void> {
  let ready: Excel.Worksheet | undefined;
  await s.writeInBatches(
    writes,
    (w) => rowBytes(w.values),
    (batch) => {
      const prep = ready ? { ws: ready, mark: false, added: false } : prepareStateSheet(s, info);
      queueStateWrites(prep.ws, batch, prep.mark);
      // a sheet just added: its id, so its change events are known as Kensa's
      if (prep.added) prep.ws.load("id");
      return () => {
        if (prep.added) s.ownSheetIds.push(prep.ws.id);
        s.stateSheetPresent = true;
        ready ??= prep.ws;
      };
    },
  );
}

/** State rows are strings: bytes of one row write. */
function rowBytes(values: readonly string[]): number {
  return values.reduce((n, v) => n + stringBytes(v) * 2 + 8, 40);
}

type ReadItem = { run: ColumnRun } | { probe: { key: string; sheet: string; cell: string } };

function readItemBytes(it: ReadItem): number {
  return "run" in it ? (it.run.last - it.run.first + 1) * FILL_BYTES_PER_CELL : NOTE_PROBE_BYTES;
}

/** A run of cells in two halves (a read too large for one response); a note probe cannot be cut. */
function splitReadItem(it: ReadItem): ReadItem[] | undefined {
  if (!("run" in it) || it.run.first === it.run.last) return undefined;
  const mid = Math.floor((it.run.first + it.run.last) / 2);
  return [{ run: { ...it.run, last: mid } }, { run: { ...it.run, first: mid + 1 } }];
}

/** Read runs (bridging small gaps while the payload allows) and note probes for the cells. */
function planReads(cells: readonly { sheet: string; row: number; col: number }[], probes: ReadItem[]): ReadItem[] {
  const room =
    Math.floor((0.9 * PAYLOAD_BUDGET_BYTES - probes.length * NOTE_PROBE_BYTES) / FILL_BYTES_PER_CELL) - cells.length;
  const runs = readRuns(cells, Math.max(0, Math.min(Math.max(20_000, 3 * cells.length), room)));
  return [...runs.map((run) => ({ run })), ...probes];
}

/** Queues the reads; what it returns stores their results, once synced. */
function queueReads(
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

export interface HighlightOptions {
  /** What the caller already read of the workbook (no first sync then). */
  info?: WorkbookInfo;
  /**
   * Sheets known to exist (those of the read the findings come from): the flagged cells' fills and notes are
   * then read in the first sync, with the sheets and the state. Should a sheet have gone since, the first
   * sync is made again without them.
   */
  knownSheets?: ReadonlySet<string>;
}

/** Codes of a first sync that failed because of the reads queued with it (then made again without them). */
const PREFETCH_FAILURES = new Set([
  "ItemNotFound",
  "InvalidReference",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/**
 * Restores the cells highlighted before and not flagged now, and highlights the findings' cells (most
 * severe finding wins a cell), recording each cell before touching it. With `result` null it only gives
 * cells back (ハイライト解除).
 */
export async function applyHighlights(
  s: Session,
  result: Pick<CheckResult, "findings"> | null,
  opts: HighlightOptions = {},
): Promise<HighlightOutcome> {
  s.require("1.9"); // getRanges (RangeAreas), getCellProperties, RangeFill.pattern/tintAndShade
  const notesOn = s.supports("1.18");

  // what to highlight
  const planned = result ? planHighlights(result.findings, s.lang) : { highlights: [], notes: [] };
  const noteTexts = new Map<string, string>();
  for (const n of planned.notes) noteTexts.set(cellKey(n.sheet, n.cell), n.text);
  const allTargets = new Map<string, Target>();
  for (const h of planned.highlights) {
    if (h.sheet.toLowerCase() === STATE_SHEET.toLowerCase()) continue;
    const fill: OfficeFill = { color: `#${h.fill.slice(-6).toUpperCase()}`, pattern: "Solid" };
    for (const r of h.rects)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const cell = toA1(row, col);
          const key = cellKey(h.sheet, cell);
          const t: Target = { key, sheet: h.sheet, cell, row, col, fill };
          const text = notesOn ? noteTexts.get(key) : undefined;
          if (text !== undefined) t.note = text;
          allTargets.set(key, t);
        }
  }

  // 1. sheets, protection, state — with the flagged cells' fills and notes when their sheets are known
  const current = new Map<string, OfficeFill | null | "unsettable">();
  const notes = new Map<string, Excel.Note>();
  const read = new Set<string>();
  let info = opts.info;
  if (!info) {
    const pre = opts.knownSheets ? [...allTargets.values()].filter((t) => opts.knownSheets!.has(t.sheet)) : [];
    const items = pre.length
      ? planReads(
          pre,
          notesOn
            ? pre
                .filter((t) => t.note !== undefined)
                .map((t) => ({ probe: { key: t.key, sheet: t.sheet, cell: t.cell } }))
            : [],
        )
      : [];
    // (the state's own size is not known before this sync: a response too large makes it again without them)
    if (items.length && items.reduce((n, it) => n + readItemBytes(it), 0) < 0.9 * PAYLOAD_BUDGET_BYTES) {
      const q = queueWorkbookInfo(s);
      const wanted = new Set(pre.map((t) => t.key));
      const store = queueReads(s, items, wanted, current, notes);
      try {
        await s.sync();
        info = q.collect();
        store();
        for (const k of wanted) read.add(k);
      } catch (err) {
        const code = excelErrorCode(err);
        if (!code || !PREFETCH_FAILURES.has(code)) throw err;
        current.clear();
        notes.clear();
      }
    }
    info ??= await loadWorkbookInfo(s);
  }
  const out: HighlightOutcome = {
    highlighted: 0,
    restored: 0,
    protectedSheets: [],
    unrestorable: [],
    notHighlighted: [],
    rangeAreas: 0,
    liveEntries: info.state.entries.length,
  };
  const protectedSheets = new Set<string>();
  const targets = new Map<string, Target>();
  for (const [key, t] of allTargets) {
    const st = info.sheet(t.sheet);
    if (!st) continue;
    if (st.protected) protectedSheets.add(st.name);
    else targets.set(key, t);
  }

  // what was recorded
  const previous = new Map<string, StateEntry>();
  for (const e of info.state.entries) previous.set(cellKey(e.sheet, e.cell), e);
  const finish = (): HighlightOutcome => {
    out.protectedSheets = [...protectedSheets].sort();
    return out;
  };
  if (!targets.size && !previous.size) return finish();
  const block = stateBlock(info);
  if (block) {
    out.blocked = block;
    return finish();
  }

  // cells to give back: recorded, not flagged now
  const giveBack: { key: string; entry: StateEntry; pos: Pos }[] = [];
  const forget: number[] = []; // state rows to blank once their cells are given back
  for (const [key, e] of previous) {
    if (targets.has(key)) continue;
    const pos = parseCell(e.cell);
    const st = info.sheet(e.sheet);
    if (!pos || !st) {
      if (e.row) forget.push(e.row); // the sheet (or the cell) is gone: nothing to give back
      continue;
    }
    if (st.protected) {
      protectedSheets.add(st.name);
      continue;
    }
    if (e.unreadable) {
      out.unrestorable.push({ sheet: e.sheet, cell: e.cell });
      continue;
    }
    giveBack.push({ key, entry: e, pos });
  }
  // flagged cells whose recorded fill cannot be understood: left alone
  for (const [key, t] of targets) {
    const e = previous.get(key);
    if (e?.unreadable) {
      out.unrestorable.push({ sheet: t.sheet, cell: t.cell });
      targets.delete(key);
    }
  }

  // 2. current fills (and notes) of every cell to highlight or give back, not read yet
  const toRead = [
    ...[...targets.values()]
      .filter((t) => !read.has(t.key))
      .map((t) => ({ key: t.key, sheet: t.sheet, row: t.row, col: t.col, note: t.note !== undefined })),
    ...giveBack
      .filter((g) => !read.has(g.key))
      .map((g) => ({ key: g.key, sheet: g.entry.sheet, ...g.pos, note: true })),
  ];
  if (toRead.length) {
    // every cell given back gets its note probed: the exceljs adapter writes notes without recording them
    const probes: ReadItem[] = notesOn
      ? toRead.filter((c) => c.note).map((c) => ({ probe: { key: c.key, sheet: c.sheet, cell: toA1(c.row, c.col) } }))
      : [];
    const wanted = new Set(toRead.map((c) => c.key));
    await s.writeInBatches(
      planReads(toRead, probes),
      readItemBytes,
      (batch) => queueReads(s, batch, wanted, current, notes),
      { split: splitReadItem },
    );
  }

  // decide: state rows, fill writes, note writes
  const appends: StateEntry[] = [];
  const updates: StateWrite[] = [];
  // cells sharing the fill to write and the fill they have now: one RangeAreas write each
  const fillGroups = new Map<
    string,
    { sheet: string; fill: OfficeFill | null; now: OfficeFill | null; cells: Pos[] }
  >();
  const addFill = (sheet: string, fill: OfficeFill | null, now: OfficeFill | null, pos: Pos) => {
    const gk = `${sheet}\u0000${fillKey(fill)}\u0000${fillKey(now)}`;
    let g = fillGroups.get(gk);
    if (!g) fillGroups.set(gk, (g = { sheet, fill, now, cells: [] }));
    g.cells.push(pos);
  };
  const noteOps: CellOp[] = [];
  for (const t of targets.values()) {
    const now = current.get(t.key) ?? null;
    const prev = previous.get(t.key);
    if (now === "unsettable") {
      // a gradient cannot be set back: never highlight it (a recorded cell the person gave a gradient since is theirs)
      out.notHighlighted.push({ sheet: t.sheet, cell: t.cell });
      if (prev?.row) forget.push(prev.row);
      continue;
    }
    const entry: StateEntry = prev ? { ...prev } : { sheet: t.sheet, cell: t.cell, fill: now };
    let changed = !prev;
    // the person re-filled a recorded cell since (not the original, not Kensa's, nor a mix Kensa left): theirs now
    if (prev && !kensaMade(now, prev.fill)) {
      entry.fill = now;
      changed = true;
    }
    // note
    let noteOp: CellOp | undefined;
    const note = notes.get(t.key);
    if (t.note !== undefined && note) {
      const existing = note.isNullObject ? undefined : note.content;
      const user = personsPart(existing, prev);
      const content = noteWithKensa(user, t.note);
      const record: NoteRecord = user ? { kensa: "appended", user } : { kensa: "own" };
      if (!sameNoteRecord(record, entry.note)) {
        entry.note = record;
        changed = true;
      }
      const bytes = 60 + t.cell.length + stringBytes(content);
      if (existing === undefined) {
        const ws = s.sheet(t.sheet);
        noteOp = { kind: "note", bytes, run: () => void ws.notes.add(t.cell, content) };
      } else if (existing !== content) noteOp = { kind: "note", bytes, run: () => void (note.content = content) };
    }
    if (changed) {
      if (prev?.row) updates.push({ row: prev.row, values: entryRow(entry) });
      else appends.push(entry);
    }
    out.highlighted++;
    if (!sameFill(now, t.fill)) addFill(t.sheet, t.fill, now, t);
    if (noteOp) noteOps.push(noteOp);
  }
  for (const g of giveBack) {
    const now = current.get(g.key) ?? null;
    // give the fill back only while the cell shows Kensa's colour, or a mix of it and the original that a
    // failed write left (a fill the person chose since stays)
    if (now !== "unsettable" && !sameFill(now, g.entry.fill) && kensaMade(now, g.entry.fill))
      addFill(g.entry.sheet, g.entry.fill, now, g.pos);
    const note = notes.get(g.key);
    if (note && !note.isNullObject) {
      const content = note.content;
      if (hasKensaPart(content)) {
        const user = g.entry.note?.kensa === "appended" ? g.entry.note.user : userPartOfNote(content);
        noteOps.push(
          user
            ? { kind: "note", bytes: 60 + stringBytes(user), run: () => void (note.content = user) }
            : { kind: "note", bytes: 60, run: () => note.delete() },
        );
      }
    }
    out.restored++;
    if (g.entry.row) forget.push(g.entry.row);
  }

  const cellOps: CellOp[] = [
    ...[...fillGroups.values()].map((g) => ({ kind: "fill" as const, ...g, bytes: 80 + g.cells.length * 12 })),
    ...noteOps,
  ];
  if (!appends.length && !updates.length && !cellOps.length && !forget.length) {
    out.liveEntries = info.state.entries.length;
    return finish();
  }

  // 3. record before touching any cell
  if (appends.length || updates.length) {
    let next = info.stateSheet && info.state.ours ? info.state.lastRow + 1 : 2;
    const writes: StateWrite[] = [...updates, ...appends.map((e) => ({ row: next++, values: entryRow(e) }))];
    await writeStateRows(s, info, writes);
  }

  // 4. the cells
  await s.writeInBatches(
    cellOps,
    (op) => op.bytes,
    (batch) => {
      for (const op of batch) {
        if (op.kind === "note") op.run();
        else {
          const { fill, now } = op;
          out.rangeAreas += formatCells(s.sheet(op.sheet), op.cells, (f) => setFill(f, fill, now));
        }
      }
    },
    {
      split: (op) =>
        op.kind === "fill" && op.cells.length > 1
          ? [op.cells.slice(0, op.cells.length >> 1), op.cells.slice(op.cells.length >> 1)].map((cells) => ({
              ...op,
              cells,
              bytes: 80 + cells.length * 12,
            }))
          : undefined,
    },
  );

  // 5. forget the cells given back (and the ones on sheets that are gone)
  if (forget.length) {
    queueBlankRows(s.sheet(STATE_SHEET), forget, "A", String.fromCharCode(64 + HIGHLIGHT_COLUMNS));
    await s.sync();
  }
  out.liveEntries = info.state.entries.length - forget.length + appends.length;
  return finish();
}
