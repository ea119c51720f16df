/**
 * Kensa's memory of what it changed in a workbook, so clearing gives every cell back exactly as the person
 * had it, a second check does not stack highlights, and a failure at any point leaves a record of every
 * cell Kensa touched.
 *
 * Where: a very hidden worksheet `Kensa_state`, in the layout the exceljs adapter
 * (src/adapters/exceljs/annotate.ts) also writes and reads. A1 holds `Kensa 検証結果 state v1`; from row 2:
 *
 *   A sheet | B cell | C original fill | D note record        — a cell Kensa highlighted
 *   F sheet | G cells | H formula Kensa wrote | I what was there before  — computed cells Kensa filled
 *
 * - C: the fill record of ../../core/apply/fill.ts (exceljs Fill JSON plus the Office.js fill exactly as
 *   read; "" for no fill). The exceljs adapter reads columns A–C only.
 * - D: the note Kensa wrote on the cell (NoteRecord JSON, "" for none; written by this adapter only, with
 *   ExcelApi 1.18 — the exceljs adapter finds the person's part of a note from its text).
 * - F–I: written by 再計算・検証 only, so "remove Kensa's changes" can take its formulas out again. G is one
 *   cell or a run down one column ("F4:F10003") whose formulas are the first cell's filled down (H is the
 *   first cell's formula; shiftRows gives the others), so a column of 10,000 computed cells is one row;
 *   I is `{"f": formula or absent, "nf": number format}` of the cells before Kensa wrote them. A cell
 *   written again gets another row; the first row's I and the last row's H are the ones that count.
 *
 * The record is written and synced BEFORE the cell is changed, as appended rows or updates of single rows
 * (never cleared and rewritten), and a row is blanked only AFTER its cell was given back; so whatever sync
 * fails, every changed cell has its row (Excel keeps the operations of a failed batch that ran before the
 * failing one: see src/adapters/office/highlight.ts).
 *
 * Why a sheet rather than workbook.settings or custom XML: it is saved in the file, so it survives closing
 * the pane and reopening the workbook; the CLI's annotated copies and the add-in read and write the same
 * record, so a file highlighted by one is cleaned by the other. Its A1 starts with the result-sheet marker,
 * so the engine never checks it, and the reader leaves it out.
 */
import { fillRecordFromJson, fillRecordToJson, type OfficeFill } from "../../core/apply/fill";
import {
  BeforeSchema,
  HighlightRowSchema,
  MAX_STATE_ROWS,
  STATE_MARK,
  STATE_SHEET,
  WrittenRowSchema,
  type StateProblem,
} from "../../core/apply/state";

export { STATE_MARK, STATE_SHEET };
/** Columns A–D: highlighted cells. */
export const HIGHLIGHT_COLUMNS = 4;
/** Column F (0-based 5) starts the computed-cell records, F–I. */
export const WRITTEN_FIRST_COLUMN = 5;
export const STATE_COLUMNS = 9;

export type { OfficeFill };

/**
 * The note Kensa wrote on a cell: "own" when the cell had no note (clearing deletes it), "appended"
 * when Kensa's part follows a person's note (clearing gives back `user`, their text exactly).
 */
export type NoteRecord = { kensa: "own" } | { kensa: "appended"; user: string };

export interface StateEntry {
  sheet: string;
  /** A1, upper case, no "$". */
  cell: string;
  /** The original fill; null is "no fill". Meaningless when `unreadable` is set. */
  fill: OfficeFill | null;
  /** Why the recorded fill cannot be given back exactly (a theme colour without its resolved colour…). */
  unreadable?: string;
  /** Set only when Kensa wrote a note on the cell. */
  note?: NoteRecord;
  /** 1-based row of the state sheet (absent for entries not yet written). */
  row?: number;
}

/** Computed cells Kensa wrote (columns F–I): one cell, or a run down one column filled from the first. */
export interface WrittenEntry {
  sheet: string;
  /** "F4" or "F4:F10003" (one column), upper case, no "$". */
  range: string;
  /** The first cell's formula, with "=" (or the value, as text, when Kensa wrote a value). */
  formula: string;
  /** What the cells held before: a formula (Kensa's own, refreshed; single cells only) or nothing, and the number format. */
  before: { f?: string; nf: string };
  row?: number;
}

export interface ParsedState {
  /** A1 carries the mark. */
  ours: boolean;
  /** Nothing at all on the sheet (left by a failure right after the sheet was added): Kensa may take it. */
  blank: boolean;
  entries: StateEntry[];
  written: WrittenEntry[];
  /** The last 1-based row holding anything (1 when only the mark). */
  lastRow: number;
  /** Rows set aside as not Kensa's (validated with zod, core/apply/state.ts), or the whole record when too large. */
  problems: StateProblem[];
}

/** Column D of a state row; undefined for "" or anything not written by this adapter. */
export function noteFromJson(json: unknown): NoteRecord | undefined {
  if (typeof json !== "string" || !json) return undefined;
  try {
    const o = JSON.parse(json) as { kensa?: unknown; user?: unknown };
    if (o.kensa === "own") return { kensa: "own" };
    if (o.kensa === "appended" && typeof o.user === "string") return { kensa: "appended", user: o.user };
  } catch {
    // not ours
  }
  return undefined;
}

export function noteToJson(note: NoteRecord | undefined): string {
  return note ? JSON.stringify(note) : "";
}

export function sameNoteRecord(a: NoteRecord | undefined, b: NoteRecord | undefined): boolean {
  return noteToJson(a) === noteToJson(b);
}

/**
 * Parses the state sheet's values, given as a grid anchored at A1 (as read through Office.js); rows and
 * columns beyond the grid are empty.
 */
export function parseState(values: readonly (readonly unknown[])[] | undefined): ParsedState {
  const grid = values ?? [];
  let lastRow = 0;
  grid.forEach((row, r) => {
    if (row.some((v) => v !== "" && v !== null && v !== undefined)) lastRow = r + 1;
  });
  const out: ParsedState = {
    ours: grid[0]?.[0] === STATE_MARK,
    blank: lastRow === 0,
    entries: [],
    written: [],
    lastRow: Math.max(lastRow, 1),
    problems: [],
  };
  if (!out.ours) return out;
  if (lastRow - 1 > MAX_STATE_ROWS) {
    // a record longer than Kensa writes is forged or broken: acting on it could take hours
    out.problems.push({ kind: "too-large", rows: lastRow - 1 });
    return out;
  }
  let bad = 0;
  const text = (v: unknown) => (v === null || v === undefined ? "" : v);
  for (let r = 1; r < lastRow; r++) {
    const row = grid[r] ?? [];
    const blank = (v: unknown) => v === "" || v === null || v === undefined;
    if (!row.slice(0, HIGHLIGHT_COLUMNS).every(blank)) {
      const parsed = HighlightRowSchema.safeParse(row.slice(0, HIGHLIGHT_COLUMNS).map(text));
      if (parsed.success) {
        const [sheet, cell, fill, note] = parsed.data;
        const reading = fillRecordFromJson(fill ?? "");
        const entry: StateEntry = { sheet, cell, fill: reading.ok ? reading.fill : null, row: r + 1 };
        if (!reading.ok) entry.unreadable = reading.reason;
        const record = noteFromJson(note);
        if (record) entry.note = record;
        out.entries.push(entry);
      } else bad++;
    }
    const written = row.slice(WRITTEN_FIRST_COLUMN, STATE_COLUMNS);
    if (!written.every(blank)) {
      const parsed = WrittenRowSchema.safeParse(written.map(text));
      if (parsed.success) {
        const [sheet, range, formula, beforeJson] = parsed.data;
        out.written.push({ sheet, range, formula, before: beforeOf(beforeJson), row: r + 1 });
      } else bad++;
    }
  }
  if (bad) out.problems.push({ kind: "bad-rows", rows: bad });
  return out;
}

/** Column I; an unreadable "before" is an empty cell in the General format. */
function beforeOf(json: string | undefined): WrittenEntry["before"] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? "");
  } catch {
    return { nf: "General" };
  }
  const b = BeforeSchema.safeParse(parsed);
  if (!b.success) return { nf: "General" };
  const before: WrittenEntry["before"] = { nf: b.data.nf ?? "General" };
  if (b.data.f) before.f = b.data.f;
  return before;
}

/** Columns A–D of a highlighted cell's row (strings only; written with the text number format). */
export function entryRow(e: StateEntry): string[] {
  return [e.sheet, e.cell, fillRecordToJson(e.fill), noteToJson(e.note)];
}

/** Columns F–I of a computed cell's row. */
export function writtenRow(w: WrittenEntry): string[] {
  return [w.sheet, w.range, w.formula, JSON.stringify(w.before)];
}

/** `sheet\0CELL`, the key every map of cells uses. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell.replace(/\$/g, "").toUpperCase()}`;
}
