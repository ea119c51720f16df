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
  fillKey,
  hasKensaPart,
  noteWithKensa,
  planHighlights,
  sameFill,
  userPartOfNote,
  type OfficeFill,
} from "../../core/apply";
import { toA1 } from "../../core/model/address";
import type { HighlightReport } from "../../host/host";
import { PREFETCH_FAILURES, excelErrorCode } from "./errors";
import { formatCells, kensaMade, setFill } from "./fills";
import { personsPart, planReads, queueReads, readItemBytes, splitReadItem, type ReadItem } from "./highlight-reads";
import { PAYLOAD_BUDGET_BYTES, stringBytes } from "./limits";
import { parseCell, type Pos } from "./runs";
import type { Session } from "./session";
import {
  HIGHLIGHT_COLUMNS,
  STATE_SHEET,
  cellKey,
  entryRow,
  sameNoteRecord,
  type NoteRecord,
  type StateEntry,
} from "./state";
import { queueBlankRows, stateBlock, writeStateRows, type StateWrite } from "./state-writes";
import { loadWorkbookInfo, queueWorkbookInfo, type WorkbookInfo } from "./workbook-info";

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

/** A write of a cell: a fill of a group of cells, or one note. */
type CellOp =
  | { kind: "fill"; sheet: string; fill: OfficeFill | null; now: OfficeFill | null; cells: Pos[]; bytes: number }
  | { kind: "note"; bytes: number; run: () => void };

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
