/**
 * Everything the Office.js adapter writes, each as a constant number of round trips whatever the
 * number of findings (within Excel on the web's 5 MB per request; above it the same plan is cut into
 * byte-sized batches):
 *
 * - highlights: 1 sync lists the sheets, 1 sync reads Kensa's state, the current fills of the cells
 *   to highlight (getCellProperties over column runs) and, with ExcelApi 1.18, their notes, 1 sync
 *   restores the previous highlights and notes, applies the new ones through RangeAreas (getRanges
 *   with address lists under 8,192 characters), writes the notes and rewrites the state: 3 syncs;
 *   with notes, 1 more when cells highlighted before are given back (their notes are known only once
 *   the state is read): 4 syncs for clearing or for a check that flags fewer cells;
 * - computed cells: list sheets, read the target cells (values + formulas), write formulas/values as
 *   2D arrays per column run, null where a cell must stay as it is: 3 syncs;
 * - result sheet: list sheets, read every A1 (to find Kensa's earlier result sheet), write: 3 syncs.
 */
import type { CheckResult } from "../../core/engine";
import {
  internalReference,
  mergeIntoRectangles,
  planComputedWrites,
  hasKensaPart,
  noteWithKensa,
  planHighlights,
  planResultSheet,
  userPartOfNote,
  rectToA1,
  type ComputedWrite,
  type ExistingCell,
  type ExistingSheet,
  type ResultSheetPlan,
} from "../../core/apply";
import { columnLetters, fromA1, toA1 } from "../../core/model/address";
import type { Fix } from "../../core/model/finding";
import { RESULT_SHEET_MARKER } from "../../core/rules/shared/result-sheet";
import { buildTemplate, type TemplateSheet, type TemplateStyle } from "../../core/template";
import { PAYLOAD_BUDGET_BYTES, batchByBytes, chunkAddresses, gridBytes, stringBytes } from "./limits";
import type { Session } from "./session";
import { STATE_SHEET, fillKey, normalizeFill, parseState, stateRows, type NoteRecord, type OfficeFill, type StateEntry } from "./state";

/** Rows of a column that a run may bridge (cells read or sent as null) to save a range object. */
export const RUN_GAP = 8;
/** Estimated response bytes of one cell's fill from getCellProperties. */
const FILL_BYTES_PER_CELL = 100;
/** Estimated request + response bytes of probing one cell's note (getItemOrNullObject + content). */
const NOTE_PROBE_BYTES = 200;

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
  const sorted = [...cells].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
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
export function readRuns(cells: readonly { sheet: string; row: number; col: number }[], extraCells: number): ColumnRun[] {
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

function runAddress(r: ColumnRun): string {
  const l = columnLetters(r.col);
  return r.first === r.last ? `${l}${r.first + 1}` : `${l}${r.first + 1}:${l}${r.last + 1}`;
}

function parse(cell: string): Pos | undefined {
  try {
    return fromA1(cell);
  } catch {
    return undefined;
  }
}

function hexColor(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** Strings that Excel's values setter would not keep as the same text. */
export function needsTextFormat(s: string): boolean {
  return /^[=+\-@']/.test(s) || (s.trim() !== "" && !Number.isNaN(Number(s.replace(/,/g, "")))) || /^(TRUE|FALSE)$/i.test(s.trim());
}

async function sheetNames(s: Session): Promise<string[]> {
  const ws = s.ctx.workbook.worksheets;
  ws.load("items/name");
  await s.sync();
  return ws.items.map((w) => w.name);
}

// ---------------------------------------------------------------------------------------------
// Highlights

function setFill(format: Excel.RangeFormat, fill: OfficeFill | null): void {
  if (!fill) {
    format.fill.clear();
    return;
  }
  if (fill.pattern === "Solid" || fill.pattern === "LinearGradient" || fill.pattern === "RectangularGradient") {
    format.fill.color = fill.color;
    return;
  }
  format.fill.color = fill.color;
  format.fill.pattern = fill.pattern as Excel.FillPattern;
  if (fill.patternColor) format.fill.patternColor = fill.patternColor;
}

/** Formats cells of one sheet through as few RangeAreas as the address limit allows. */
function formatCells(ws: Excel.Worksheet, cells: readonly Pos[], apply: (format: Excel.RangeFormat) => void): number {
  const ranges = mergeIntoRectangles(cells).map(rectToA1);
  let calls = 0;
  for (const address of chunkAddresses(ranges)) {
    apply(ws.getRanges(address).format);
    calls++;
  }
  return calls;
}

export interface HighlightOutcome {
  /** Cells highlighted now. */
  cells: number;
  /** Cells given back their own fill. */
  restored: number;
  /** getRanges calls made for restoring and highlighting. */
  rangeAreas: number;
}

/**
 * Restores the cells of the previous run, then highlights the findings' cells (most severe finding
 * wins a cell) and records their original fills. With no findings it only restores (clear).
 */
export async function applyHighlights(s: Session, result: Pick<CheckResult, "findings"> | null): Promise<HighlightOutcome> {
  s.require("1.9"); // getRanges (RangeAreas), getCellProperties
  const { ctx } = s;
  // 1. sheets
  const names = await sheetNames(s);
  const exists = new Set(names);
  const hasState = exists.has(STATE_SHEET);

  // Notes (ExcelApi 1.18): one per flagged cell with the findings' messages, the exceljs adapter's
  // text. Without 1.18 Kensa writes none: the older comments API (1.10) makes threaded conversations
  // (author, replies, resolved state) that people use to discuss a cell, not annotations, and Kensa
  // has no place in them. Records of notes written by an earlier session with 1.18 are kept for the
  // cells still flagged, so a later session with 1.18 can give the person's note back.
  const notesOn = s.supports("1.18");

  // What to highlight, on sheets that exist (never Kensa's own).
  const onSheet = (sheet: string) => exists.has(sheet) && sheet !== STATE_SHEET;
  const planned = result ? planHighlights(result.findings, s.lang) : { highlights: [], notes: [] };
  const plan = planned.highlights.filter((h) => onSheet(h.sheet));
  const noteTexts = new Map<string, string>();
  if (notesOn) for (const n of planned.notes) if (onSheet(n.sheet)) noteTexts.set(`${n.sheet}\u0000${n.cell}`, n.text);
  const target = new Map<string, { sheet: string; cell: string; row: number; col: number }>();
  for (const h of plan) {
    for (const r of h.rects) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const cell = toA1(row, col);
          target.set(`${h.sheet}\u0000${cell}`, { sheet: h.sheet, cell, row, col });
        }
      }
    }
  }

  // 2. the state and the current fills
  let stateRange: Excel.Range | undefined;
  if (hasState) {
    stateRange = s.sheet(STATE_SHEET).getUsedRange(true);
    stateRange.load("values,rowCount");
  }
  // Bridging gaps between runs reads extra cells; with notes it leaves room for the note probes, so
  // fills and notes still travel in one sync.
  const probes = notesOn ? [...target.keys()].filter((k) => noteTexts.has(k)).length : 0;
  const room = Math.floor((0.9 * PAYLOAD_BUDGET_BYTES - probes * NOTE_PROBE_BYTES) / FILL_BYTES_PER_CELL) - target.size;
  const runs = readRuns([...target.values()], Math.max(0, Math.min(Math.max(20_000, 3 * target.size), notesOn ? room : Infinity)));
  const current = new Map<string, OfficeFill | null>();
  // the target cells' notes are probed in the same syncs as their fills
  const notes = new Map<string, Excel.Note>();
  type ReadItem = { run: ColumnRun } | { key: string; sheet: string; cell: string };
  const readItems: ReadItem[] = runs.map((run) => ({ run }));
  for (const [key, t] of target) if (noteTexts.has(key)) readItems.push({ key, sheet: t.sheet, cell: t.cell });
  const readBatches = batchByBytes(readItems, (it) => ("run" in it ? (it.run.last - it.run.first + 1) * FILL_BYTES_PER_CELL : NOTE_PROBE_BYTES));
  if (readBatches.length === 0) readBatches.push([]);
  for (const items of readBatches) {
    const batch: ColumnRun[] = [];
    for (const it of items) {
      if ("run" in it) batch.push(it.run);
      else notes.set(it.key, probeNote(s, it.sheet, it.cell));
    }
    const props = batch.map((r) =>
      s
        .sheet(r.sheet)
        .getRange(runAddress(r))
        .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } }),
    );
    await s.sync();
    batch.forEach((r, i) => {
      const grid = props[i].value;
      for (let k = 0; k <= r.last - r.first; k++) {
        const key = `${r.sheet}\u0000${toA1(r.first + k, r.col)}`;
        if (target.has(key)) current.set(key, normalizeFill(grid[k]?.[0]?.format?.fill));
      }
    });
  }
  const previous = new Map<string, StateEntry>();
  let oldStateRows = 0;
  if (stateRange) {
    for (const e of parseState(stateRange.values)) previous.set(`${e.sheet}\u0000${e.cell}`, e);
    oldStateRows = stateRange.rowCount;
  }

  // (with notes) the notes of cells given back, once the state has said which they are
  const restoreNotes: { key: string; entry: StateEntry }[] = [];
  if (notesOn) for (const [key, e] of previous) if (!target.has(key) && onSheet(e.sheet) && parse(e.cell)) restoreNotes.push({ key, entry: e });
  if (restoreNotes.length) {
    const batches = batchByBytes(restoreNotes, () => NOTE_PROBE_BYTES);
    for (const batch of batches) {
      for (const { key, entry } of batch) notes.set(key, probeNote(s, entry.sheet, entry.cell));
      await s.sync();
    }
  }

  // 3. write: restore, highlight, notes, record
  let rangeAreas = 0;
  const restoreGroups = new Map<string, { sheet: string; fill: OfficeFill | null; cells: Pos[] }>();
  for (const [key, e] of previous) {
    if (target.has(key) || !exists.has(e.sheet)) continue;
    const pos = parse(e.cell);
    if (!pos) continue;
    const gk = `${e.sheet}\u0000${fillKey(e.fill)}`;
    let g = restoreGroups.get(gk);
    if (!g) restoreGroups.set(gk, (g = { sheet: e.sheet, fill: e.fill, cells: [] }));
    g.cells.push(pos);
  }
  let restored = 0;
  for (const g of restoreGroups.values()) {
    const ws = s.sheet(g.sheet);
    rangeAreas += formatCells(ws, g.cells, (f) => setFill(f, g.fill));
    restored += g.cells.length;
  }
  for (const h of plan) {
    const ws = s.sheet(h.sheet);
    for (const address of chunkAddresses(h.ranges)) {
      ws.getRanges(address).format.fill.color = hexColor(h.fill);
      rangeAreas++;
    }
  }
  const noteOps: NoteOp[] = [];
  for (const { key, entry } of restoreNotes) {
    const note = notes.get(key)!;
    if (note.isNullObject) continue; // the person deleted it
    const content = note.content;
    if (!hasKensaPart(content)) continue; // the person rewrote it: theirs now
    const user = entry.note?.kensa === "appended" ? entry.note.user : userPartOfNote(content);
    noteOps.push(user ? { bytes: 60 + stringBytes(user), run: () => void (note.content = user) } : { bytes: 60, run: () => note.delete() });
  }
  const entries: StateEntry[] = [...target.entries()].map(([key, t]) => {
    const prev = previous.get(key);
    const entry: StateEntry = { sheet: t.sheet, cell: t.cell, fill: prev ? prev.fill : (current.get(key) ?? null) };
    const text = noteTexts.get(key);
    const note = notes.get(key);
    if (text === undefined || !note) {
      if (prev?.note) entry.note = prev.note;
      return entry;
    }
    const existing = note.isNullObject ? undefined : note.content;
    const user = personsPart(existing, prev);
    const content = noteWithKensa(user, text);
    entry.note = user ? { kensa: "appended", user } : { kensa: "own" };
    const bytes = 60 + t.cell.length + stringBytes(content);
    if (existing === undefined) {
      const ws = s.sheet(t.sheet);
      noteOps.push({ bytes, run: () => void ws.notes.add(t.cell, content) });
    } else if (existing !== content) noteOps.push({ bytes, run: () => void (note.content = content) });
    return entry;
  });
  await writeState(s, entries, hasState, oldStateRows, noteOps);
  return { cells: target.size, restored, rangeAreas };
}

/** A note write, queued in the write syncs with the state rows. */
interface NoteOp {
  bytes: number;
  run: () => void;
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

/**
 * Rewrites the state sheet and queues the note writes in the current batch (and more batches only
 * past the byte budget); syncs.
 */
async function writeState(s: Session, entries: StateEntry[], hasState: boolean, oldRows: number, noteOps: NoteOp[] = []): Promise<void> {
  const { ctx } = s;
  const sheets = ctx.workbook.worksheets;
  if (!entries.length) {
    const batches = batchByBytes(noteOps, (o) => o.bytes);
    for (let b = 0; b < batches.length; b++) {
      for (const o of batches[b]) o.run();
      if (b < batches.length - 1) await s.sync();
    }
    if (hasState) s.sheet(STATE_SHEET).delete();
    await s.sync();
    return;
  }
  let ws: Excel.Worksheet;
  if (hasState) {
    ws = s.sheet(STATE_SHEET);
    // D: a state written before notes had three columns; clearing four covers both.
    if (oldRows > 0) ws.getRange(`A1:D${oldRows}`).clear("Contents");
  } else {
    ws = sheets.add(STATE_SHEET);
    ws.visibility = "VeryHidden";
  }
  const rows = stateRows(entries);
  type Item = { op: NoteOp } | { r: string[]; i: number };
  const items: Item[] = [...noteOps.map((op) => ({ op })), ...rows.map((r, i) => ({ r, i }))];
  const batches = batchByBytes(items, (it) => ("op" in it ? it.op.bytes : it.r.reduce((n, v) => n + stringBytes(v) * 2 + 6, 8) + 20));
  for (const batch of batches) {
    const rowsOf = batch.filter((it): it is { r: string[]; i: number } => "r" in it);
    for (const it of batch) if ("op" in it) it.op.run();
    if (rowsOf.length) {
      const first = rowsOf[0].i;
      const range = ws.getRange(`A${first + 1}:D${first + rowsOf.length}`);
      // Text format first: a sheet named "=x" or "1" must stay text.
      range.numberFormat = rowsOf.map(() => ["@", "@", "@", "@"]);
      range.values = rowsOf.map(({ r }) => r);
    }
    await s.sync();
  }
}

// ---------------------------------------------------------------------------------------------
// Computed cells

function existingOf(v: unknown, f: unknown): ExistingCell {
  const value = v === "" || v === undefined ? null : (v as ExistingCell["value"]);
  const out: ExistingCell = { value };
  if (typeof f === "string" && f.startsWith("=") && f !== v) out.formula = f.slice(1);
  return out;
}

export interface FillOutcome {
  written: number;
  skipped: number;
  /** Writes that were left alone because a person typed there (or wrote their own formula). */
  leftAlone: number;
  writes: ComputedWrite[];
}

export async function fillComputed(s: Session, result: Pick<CheckResult, "computed">): Promise<FillOutcome> {
  const { ctx } = s;
  const exists = new Set(await sheetNames(s));
  const candidates = result.computed.filter((c) => exists.has(c.sheet) && c.sheet !== STATE_SHEET && !c.typed && parse(c.cell));
  const cells = candidates.map((c) => ({ sheet: c.sheet, ...parse(c.cell)! }));
  const runs = readRuns(cells, Math.max(20_000, 3 * cells.length));
  // read what the target cells hold now
  const probe = new Map<string, ExistingCell>();
  const batches = batchByBytes(runs, (r) => (r.last - r.first + 1) * 40);
  for (const batch of batches) {
    const ranges = batch.map((r) => {
      const range = s.sheet(r.sheet).getRange(runAddress(r));
      range.load("values,formulas");
      return range;
    });
    await s.sync();
    batch.forEach((r, i) => {
      const { values, formulas } = ranges[i];
      for (let k = 0; k <= r.last - r.first; k++) probe.set(`${r.sheet}\u0000${toA1(r.first + k, r.col)}`, existingOf(values[k][0], formulas[k][0]));
    });
  }
  if (!batches.length) await s.sync();
  const { writes, skipped } = planComputedWrites(result.computed, (sheet, cell) => {
    if (!exists.has(sheet)) return "no-sheet";
    return probe.get(`${sheet}\u0000${cell.replace(/\$/g, "").toUpperCase()}`) ?? { value: null };
  });
  const leftAlone = skipped.filter((k) => k.reason === "typed" || k.reason === "user-formula").length;
  // write: per column run, 2D arrays with null where nothing changes
  const byKey = new Map<string, ComputedWrite>();
  const wcells: { sheet: string; row: number; col: number }[] = [];
  for (const w of writes) {
    const p = parse(w.cell);
    if (!p) continue;
    byKey.set(`${w.sheet}\u0000${toA1(p.row, p.col)}`, w);
    wcells.push({ sheet: w.sheet, ...p });
  }
  const wruns = columnRuns(wcells);
  const plans = wruns.map((r) => {
    const n = r.last - r.first + 1;
    const formats: (string | null)[][] = [];
    const values: (string | number | null)[][] = [];
    const formulas: (string | null)[][] = [];
    let anyFormat = false;
    let anyValue = false;
    let anyFormula = false;
    for (let k = 0; k < n; k++) {
      const w = byKey.get(`${r.sheet}\u0000${toA1(r.first + k, r.col)}`);
      let fmt: string | null = w?.numFmt ?? null;
      let val: string | number | null = null;
      let formula: string | null = null;
      if (w?.formula) formula = `=${w.formula}`;
      else if (w && w.value !== null) {
        val = w.value;
        if (typeof val === "string" && needsTextFormat(val)) fmt = "@";
      }
      formats.push([fmt]);
      values.push([val]);
      formulas.push([formula]);
      anyFormat ||= fmt !== null;
      anyValue ||= val !== null;
      anyFormula ||= formula !== null;
    }
    return { r, formats: anyFormat ? formats : undefined, values: anyValue ? values : undefined, formulas: anyFormula ? formulas : undefined };
  });
  const wbatches = batchByBytes(plans, (p) => (p.formats ? gridBytes(p.formats) : 0) + (p.values ? gridBytes(p.values) : 0) + (p.formulas ? gridBytes(p.formulas) : 0) + 60);
  for (const batch of wbatches) {
    for (const p of batch) {
      const range = s.sheet(p.r.sheet).getRange(runAddress(p.r));
      if (p.formats) range.numberFormat = p.formats;
      if (p.values) range.values = p.values;
      if (p.formulas) range.formulas = p.formulas;
    }
    await s.sync();
  }
  return { written: writes.length, skipped: skipped.length, leftAlone, writes };
}

// ---------------------------------------------------------------------------------------------
// One fix, after the user confirmed it

export async function applyFix(s: Session, fix: Fix): Promise<void> {
  const ws = s.sheet(fix.sheet);
  const range = ws.getRange(fix.cell.replace(/\$/g, ""));
  if (fix.formula !== undefined) range.formulas = [[`=${fix.formula.replace(/^=/, "")}`]];
  else if (typeof fix.value === "string") {
    if (needsTextFormat(fix.value)) range.numberFormat = [["@"]];
    range.values = [[fix.value]];
  } else if (typeof fix.value === "number") range.values = [[fix.value]];
  else return;
  await s.sync();
}

// ---------------------------------------------------------------------------------------------
// Result sheet

function excelString(t: string): string {
  return `"${t.replace(/"/g, '""')}"`;
}

/** Characters per column width unit, in points (Calibri 11: about 7 pixels ≈ 5.25 pt per character, plus padding). */
const POINTS_PER_CHAR = 5.6;

/** Existing sheets with the Kensa flag (A1 carries the result-sheet marker); never the state sheet. */
async function existingSheets(s: Session, names: readonly string[]): Promise<ExistingSheet[]> {
  const a1 = names.map((n) => {
    const r = s.sheet(n).getRange("A1");
    r.load("values");
    return r;
  });
  await s.sync();
  return names.map((name, i) => {
    const v = a1[i].values?.[0]?.[0];
    return { name, kensa: typeof v === "string" && v.startsWith(RESULT_SHEET_MARKER) && name !== STATE_SHEET };
  });
}

export async function writeResultSheet(
  s: Session,
  result: CheckResult,
  computedCounts: { written: number; skipped: number } = { written: 0, skipped: 0 },
): Promise<ResultSheetPlan> {
  const { ctx } = s;
  const names = await sheetNames(s);
  const existing = await existingSheets(s, names);
  const plan = planResultSheet(result, s.lang, existing, computedCounts);
  const sheets = ctx.workbook.worksheets;
  for (const name of plan.replace) s.sheet(name).delete();
  const ws = sheets.add(plan.name);
  const width = plan.columnCount;
  const lastCol = columnLetters(width - 1);
  // cells as three aligned 2D arrays: number formats ("@" on every text cell, first), values, link formulas
  const rows = plan.rows.map((cells) => {
    const fmt: (string | null)[] = [];
    const val: (string | number | null)[] = [];
    const fx: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = cells[c] ?? null;
      if (!cell) {
        fmt.push(null);
        val.push(null);
        fx.push(null);
      } else if (cell.type === "text") {
        fmt.push("@");
        val.push(cell.text);
        fx.push(null);
      } else if (cell.type === "number") {
        fmt.push(null);
        val.push(cell.value);
        fx.push(null);
      } else {
        fmt.push(null);
        val.push(null);
        fx.push(`=HYPERLINK(${excelString("#" + internalReference(cell.sheet, cell.cell))},${excelString(cell.text)})`);
      }
    }
    return { fmt, val, fx };
  });
  const batches = batchByBytes(
    rows.map((r, i) => ({ ...r, i })),
    (r) => gridBytes([r.fmt]) + gridBytes([r.val]) + gridBytes([r.fx]),
  );
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b];
    const first = batch[0].i;
    const range = ws.getRange(`A${first + 1}:${lastCol}${first + batch.length}`);
    range.numberFormat = batch.map((r) => r.fmt);
    range.values = batch.map((r) => r.val);
    if (batch.some((r) => r.fx.some((f) => f !== null))) range.formulas = batch.map((r) => r.fx);
    if (b < batches.length - 1) await s.sync();
  }
  // formatting: a handful of ranges whatever the number of findings
  const n = plan.rows.length;
  const bold: string[] = [];
  plan.rows.forEach((cells, r) => cells.forEach((c, col) => c?.type === "text" && c.bold && bold.push(toA1(r, col))));
  const boldRects = mergeIntoRectangles(bold.map((a) => fromA1(a))).map(rectToA1);
  for (const address of chunkAddresses(boldRects)) ws.getRanges(address).format.font.bold = true;
  if (plan.rows.some((cells) => cells.some((c) => c?.type === "link"))) {
    const link = ws.getRange(`D${plan.headerRow + 2}:D${n}`);
    link.format.font.color = "#0563C1";
    link.format.font.underline = "Single";
  }
  plan.widths.forEach((w, i) => (ws.getRange(`${columnLetters(i)}1`).format.columnWidth = Math.round(w * POINTS_PER_CHAR)));
  const body = ws.getRange(`E${plan.headerRow + 1}:E${Math.max(n, plan.headerRow + 1)}`);
  body.format.wrapText = true;
  body.format.verticalAlignment = "Top";
  ws.freezePanes.freezeRows(plan.headerRow + 1);
  if (s.supports("1.9")) ws.autoFilter.apply(ws.getRange(plan.autoFilter));
  ws.activate();
  await s.sync();
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Template

const STYLE_FILL: Partial<Record<TemplateStyle, string>> = { header: "#D9E1F2", computed: "#F2F2F2", totalComputed: "#F2F2F2" };
const STYLE_BOLD: TemplateStyle[] = ["title", "metaLabel", "header", "total", "totalComputed", "section"];

function uniqueName(name: string, taken: Set<string>): string {
  let out = name.slice(0, 31);
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${name.slice(0, 31 - String(n).length - 3)} (${n})`;
  taken.add(out.toLowerCase());
  return out;
}

function writeTemplateSheet(s: Session, name: string, sheet: TemplateSheet): void {
  const ws = s.ctx.workbook.worksheets.add(name);
  let maxRow = 0;
  let maxCol = sheet.columns.length - 1;
  for (const c of sheet.cells) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  const fmt: (string | null)[][] = [];
  const val: (string | number | null)[][] = [];
  const fx: (string | null)[][] = [];
  for (let r = 0; r <= maxRow; r++) {
    fmt.push(new Array(maxCol + 1).fill(null));
    val.push(new Array(maxCol + 1).fill(null));
    fx.push(new Array(maxCol + 1).fill(null));
  }
  const byStyle = new Map<TemplateStyle, Pos[]>();
  let anyFormula = false;
  for (const c of sheet.cells) {
    if (c.formula !== undefined) {
      fx[c.row][c.col] = `=${c.formula.replace(/^=/, "")}`;
      anyFormula = true;
    } else if (c.value !== undefined) {
      val[c.row][c.col] = c.value;
      if (typeof c.value === "string" && needsTextFormat(c.value)) fmt[c.row][c.col] = "@";
    }
    if (c.numFmt) fmt[c.row][c.col] = c.numFmt;
    if (c.style) {
      let list = byStyle.get(c.style);
      if (!list) byStyle.set(c.style, (list = []));
      list.push({ row: c.row, col: c.col });
    }
  }
  const range = ws.getRange(`A1:${columnLetters(maxCol)}${maxRow + 1}`);
  range.numberFormat = fmt;
  range.values = val;
  if (anyFormula) range.formulas = fx;
  for (const [style, cells] of byStyle) {
    const fill = STYLE_FILL[style];
    const bold = STYLE_BOLD.includes(style);
    if (!fill && !bold && style !== "title") continue;
    formatCells(ws, cells, (f) => {
      if (fill) f.fill.color = fill;
      if (bold) f.font.bold = true;
      if (style === "title") f.font.size = 14;
    });
  }
  sheet.columns.forEach((c, i) => (ws.getRange(`${columnLetters(i)}1`).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR)));
  if (s.supports("1.8")) {
    for (const v of sheet.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
      dv.errorAlert = { showAlert: true, style: v.strict ? "Stop" : "Warning", title: "Kensa", message: v.list.join(", ") };
    }
  }
  if (sheet.freezeCols > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(sheet.freezeCols - 1)}${sheet.freezeRows}`));
  else ws.freezePanes.freezeRows(sheet.freezeRows);
}

export async function insertTemplate(s: Session): Promise<string[]> {
  const names = await sheetNames(s);
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const spec = buildTemplate(s.lang);
  const added: string[] = [];
  for (const sheet of spec.sheets) {
    const name = uniqueName(sheet.name, taken);
    writeTemplateSheet(s, name, sheet);
    added.push(name);
  }
  if (added.length) s.sheet(added[0]).activate();
  await s.sync();
  return added;
}

// ---------------------------------------------------------------------------------------------
// Selecting a finding's cells

export async function selectCells(s: Session, sheet: string, cells: readonly string[]): Promise<void> {
  const ws = s.sheet(sheet);
  ws.activate();
  const own = cells
    .map((c) => {
      const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(c);
      if (!m) return c;
      const name = (m[1] ?? m[2]).replace(/''/g, "'");
      return name === sheet ? m[3] : undefined;
    })
    .filter((c): c is string => !!c && !!parse(c.replace(/\$/g, "").split(":")[0]))
    .map((c) => c.replace(/\$/g, ""));
  if (own.length === 1) ws.getRange(own[0]).select();
  else if (own.length > 1) {
    s.require("1.9");
    ws.getRanges(chunkAddresses(own)[0]).select();
  }
  await s.sync();
}
