/**
 * What the Office.js adapter writes besides highlights (./highlight.ts), each as a small, constant number
 * of round trips whatever the number of findings (within Excel on the web's 5 MB per request; above it the
 * same plan is cut into byte-sized batches, halved on a payload error):
 *
 * - computed cells (再計算・検証 only; 検証 never changes a value): sheets, protection and state; the target
 *   cells (values, formulas, number formats); the record of what Kensa will write (state columns F–I,
 *   appended before any cell is written); the cells — only empty cells or Kensa's own formulas, and only
 *   where something changes: 3 syncs when nothing changes, 4–5 otherwise;
 * - removing Kensa's changes (ハイライト解除 with removeAll): highlights given back, then its formulas taken
 *   out where a person has not changed them since, its result sheets and its state sheet deleted;
 * - the result sheet: sheets and their A1; Kensa's earlier result sheet is cleared and reused, never
 *   deleted and added again (deleting a sheet clears Excel's undo history,
 *   docs/excel/excel-add-ins-undo-capabilities.md);
 * - one fix, the template, selecting a finding's cells.
 *
 * Nothing is written to a protected sheet, and no sheet is added to a workbook whose structure is
 * protected: the person is told instead (docs/testing/application-specific-api-error-handling.md: Excel's
 * own error messages are not meant for end users).
 */
import type { CheckResult } from "../../core/engine";
import {
  internalReference,
  shiftRows,
  mergeIntoRectangles,
  normalizeFormula,
  planComputedWrites,
  planResultSheet,
  rectToA1,
  cellContentText,
  chooseFixLogName,
  fixLogHeadRows,
  fixLogRow,
  logTimestamp,
  FIX_LOG_HEADER_ROW,
  FIX_LOG_NAMES,
  FIX_LOG_WIDTHS,
  type FixLogEntry,
  type ComputedWrite,
  type ExistingCell,
  type ExistingSheet,
  type ResultSheetPlan,
} from "../../core/apply";
import { columnLetters, fromA1, toA1 } from "../../core/model/address";
import type { Fix } from "../../core/model/finding";
import { isFixLogTitle, isResultSheetTitle } from "../../core/model/kensa-sheets";
import { buildTemplate, type TemplateSheet, type TemplateStyle } from "../../core/template";
import type { CellRef, ClearReport, FillReport } from "../../host/host";
import {
  applyHighlights,
  columnRuns,
  formatCells,
  parseCell,
  queueBlankRows,
  readRuns,
  runAddress,
  stateBlock,
  writeStateRows,
} from "./highlight";
import { excelErrorCode, hostError } from "./errors";
import { PAYLOAD_BUDGET_BYTES, batchByBytes, chunkAddresses, gridBytes } from "./limits";
import type { Session } from "./session";
import { STATE_SHEET, WRITTEN_FIRST_COLUMN, cellKey, writtenRow, type WrittenEntry } from "./state";
import { loadWorkbookInfo, queueWorkbookInfo, type WorkbookInfo } from "./workbook-info";

type ColumnRunLike = { sheet: string; col: number; first: number; last: number };

/** A run of cells in two halves (a request or response too large for one sync). */
function splitRun<T extends ColumnRunLike>(r: T): T[] | undefined {
  if (r.first === r.last) return undefined;
  const mid = Math.floor((r.first + r.last) / 2);
  return [
    { ...r, last: mid },
    { ...r, first: mid + 1 },
  ];
}
type ComputedCellLike = { sheet: string; cell: string };

export { RUN_GAP, columnRuns, readRuns } from "./highlight";

interface Pos {
  row: number;
  col: number;
}

/** Strings that Excel's values setter would not keep as the same text. */
export function needsTextFormat(s: string): boolean {
  return (
    /^[=+\-@']/.test(s) ||
    (s.trim() !== "" && !Number.isNaN(Number(s.replace(/,/g, "")))) ||
    /^(TRUE|FALSE)$/i.test(s.trim())
  );
}

// ---------------------------------------------------------------------------------------------
// Computed cells

function existingOf(v: unknown, f: unknown): ExistingCell {
  const value = v === "" || v === undefined ? null : (v as ExistingCell["value"]);
  const out: ExistingCell = { value };
  if (typeof f === "string" && f.startsWith("=") && f !== v) out.formula = f.slice(1);
  return out;
}

export interface FillOutcome extends FillReport {
  /** Every planned write, including the unchanged ones. */
  writes: ComputedWrite[];
  skipped: number;
}

/** What Kensa would put in the cell, as it would read back through `formulas`. */
function contentOf(w: ComputedWrite): string {
  if (w.formula) return `=${w.formula}`;
  return w.value === null ? "" : String(w.value);
}

/** Codes of a first sync that failed because of the reads queued with it (then made again without them). */
const PREFETCH_FAILURES = new Set([
  "ItemNotFound",
  "InvalidReference",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

export async function fillComputed(
  s: Session,
  result: Pick<CheckResult, "computed">,
  opts: { knownSheets?: ReadonlySet<string> } = {},
): Promise<FillOutcome> {
  const probe = new Map<string, ExistingCell & { nf: string }>();
  const queueProbe = (batch: ColumnRunLike[]) => {
    const ranges = batch.map((r) => {
      const range = s.sheet(r.sheet).getRange(runAddress(r));
      range.load("values,formulas,numberFormat");
      return range;
    });
    return () =>
      batch.forEach((r, i) => {
        const { values, formulas, numberFormat } = ranges[i];
        for (let k = 0; k <= r.last - r.first; k++)
          probe.set(cellKey(r.sheet, toA1(r.first + k, r.col)), {
            ...existingOf(values[k][0], formulas[k][0]),
            nf: String(numberFormat[k][0] ?? "General"),
          });
      });
  };
  const runBytes = (r: ColumnRunLike) => (r.last - r.first + 1) * 40;
  const runsOf = (cs: readonly ComputedCellLike[]) =>
    readRuns(
      cs.map((c) => ({ sheet: c.sheet, ...parseCell(c.cell)! })),
      Math.max(20_000, 3 * cs.length),
    );
  // typed cells too: one holding exactly what Kensa would write is "unchanged", not "left alone"
  const wanted = result.computed.filter(
    (c) => parseCell(c.cell) && c.sheet.toLowerCase() !== STATE_SHEET.toLowerCase(),
  );
  // 1. sheets, protection and state — with the target cells when their sheets are known
  let info: WorkbookInfo | undefined;
  const probed = new Set<string>();
  const pre = opts.knownSheets ? runsOf(wanted.filter((c) => opts.knownSheets!.has(c.sheet))) : [];
  if (pre.length && pre.reduce((n, r) => n + runBytes(r), 0) < PAYLOAD_BUDGET_BYTES / 2) {
    const q = queueWorkbookInfo(s);
    const store = queueProbe(pre);
    try {
      await s.sync();
      info = q.collect();
      store();
      for (const r of pre) probed.add(r.sheet);
    } catch (err) {
      const code = excelErrorCode(err);
      if (!code || !PREFETCH_FAILURES.has(code)) throw err;
      probe.clear();
    }
  }
  info ??= await loadWorkbookInfo(s);
  const protectedSheets = new Set<string>();
  const writable = (sheet: string): boolean => {
    const st = info.sheet(sheet);
    if (!st || sheet.toLowerCase() === STATE_SHEET.toLowerCase()) return false;
    if (st.protected) protectedSheets.add(st.name);
    return !st.protected;
  };
  // 2. what the other target cells hold now
  const rest = runsOf(wanted.filter((c) => writable(c.sheet) && !probed.has(c.sheet)));
  if (rest.length) await s.writeInBatches(rest, runBytes, queueProbe, { split: splitRun });
  const { writes, skipped } = planComputedWrites(result.computed, (sheet, cell) => {
    if (!writable(sheet)) return "no-sheet";
    return probe.get(cellKey(sheet, cell)) ?? { value: null };
  });
  // a cell "typed" with exactly the value Kensa would write (Kensa's own value from an earlier run, or the
  // person's agreeing one) is unchanged, not left alone
  const computedValue = new Map(result.computed.map((c) => [cellKey(c.sheet, c.cell), c.value]));
  let unchanged = 0;
  let leftAlone = 0;
  for (const k of skipped) {
    if (k.reason !== "typed" && k.reason !== "user-formula") continue;
    const now = probe.get(cellKey(k.sheet, k.cell));
    if (k.reason === "typed" && now && !now.formula && now.value === computedValue.get(cellKey(k.sheet, k.cell)))
      unchanged++;
    else leftAlone++;
  }
  // skip writes that change nothing: Kensa's formula (or value) is already there, in the same number format
  const changing: { w: ComputedWrite; pos: { row: number; col: number }; before: ExistingCell & { nf: string } }[] = [];
  for (const w of writes) {
    const pos = parseCell(w.cell);
    if (!pos) continue;
    const before = probe.get(cellKey(w.sheet, w.cell)) ?? { value: null, nf: "General" };
    const sameContent = w.formula
      ? before.formula !== undefined && normalizeFormula(before.formula) === normalizeFormula(w.formula)
      : before.formula === undefined && before.value === w.value;
    const sameFormat = !w.numFmt || w.numFmt === before.nf;
    if (sameContent && sameFormat) unchanged++;
    else changing.push({ w, pos, before });
  }
  const out: FillOutcome = {
    written: [],
    unchanged,
    leftAlone,
    protectedSheets: [...protectedSheets].sort(),
    writes,
    skipped: skipped.length,
  };
  if (!changing.length) return out;
  const block = stateBlock(info);
  if (block) {
    out.blocked = block;
    return out;
  }

  // 3. record what Kensa writes (and what was there), before writing it: a column of formulas filled down
  // from its first cell, over cells that held nothing, is one row
  let next = info.stateSheet && info.state.ours ? info.state.lastRow + 1 : 2;
  const sorted = [...changing].sort((a, b) =>
    a.w.sheet < b.w.sheet ? -1 : a.w.sheet > b.w.sheet ? 1 : a.pos.col - b.pos.col || a.pos.row - b.pos.row,
  );
  const records: WrittenEntry[] = [];
  let run: { entry: WrittenEntry; col: number; first: number; last: number } | undefined;
  for (const { w, pos, before } of sorted) {
    const content = contentOf(w);
    const fits =
      run &&
      !before.formula &&
      !run.entry.before.f &&
      run.entry.sheet === w.sheet &&
      run.col === pos.col &&
      pos.row === run.last + 1 &&
      run.entry.before.nf === before.nf &&
      content.startsWith("=") &&
      shiftRows(run.entry.formula, pos.row - run.first) === content;
    if (run && fits) {
      run.last = pos.row;
      continue;
    }
    if (run)
      records.push({
        ...run.entry,
        range:
          run.first === run.last ? toA1(run.first, run.col) : `${toA1(run.first, run.col)}:${toA1(run.last, run.col)}`,
      });
    const entry: WrittenEntry = { sheet: w.sheet, range: "", formula: content, before: { nf: before.nf } };
    if (before.formula) entry.before.f = `=${before.formula}`;
    run = { entry, col: pos.col, first: pos.row, last: pos.row };
  }
  if (run)
    records.push({
      ...run.entry,
      range:
        run.first === run.last ? toA1(run.first, run.col) : `${toA1(run.first, run.col)}:${toA1(run.last, run.col)}`,
    });
  await writeStateRows(
    s,
    info,
    records.map((r) => ({ row: next++, col: WRITTEN_FIRST_COLUMN, values: writtenRow(r) })),
  );
  // not on the fix log (修正履歴): 再計算・検証 writes only into empty cells or over Kensa's own formulas, so no
  // figure a person entered is replaced; what was there is in the record above, and "remove Kensa's changes"
  // gives the workbook back exactly as the person had it, with no sheet of Kensa's left behind

  // 4. the cells: per column run, 2D arrays with null where nothing changes
  const byKey = new Map(changing.map((c) => [cellKey(c.w.sheet, toA1(c.pos.row, c.pos.col)), c.w]));
  const wruns = columnRuns(changing.map((c) => ({ sheet: c.w.sheet, ...c.pos })));
  // per column run: "@" where text must stay text (before its value), the formulas and values, then the
  // display formats — after the content, so a batch that fails part-way never leaves a Kensa format on a
  // cell without Kensa's content (the next "remove Kensa's changes" would not know it as Kensa's)
  const plans = wruns.map((r) => {
    const n = r.last - r.first + 1;
    const text: (string | null)[][] = [];
    const formats: (string | null)[][] = [];
    const values: (string | number | null)[][] = [];
    const formulas: (string | null)[][] = [];
    let anyText = false;
    let anyFormat = false;
    let anyValue = false;
    let anyFormula = false;
    for (let k = 0; k < n; k++) {
      const w = byKey.get(cellKey(r.sheet, toA1(r.first + k, r.col)));
      let fmt: string | null = w?.numFmt ?? null;
      let textFmt: string | null = null;
      let val: string | number | null = null;
      let formula: string | null = null;
      if (w?.formula) formula = `=${w.formula}`;
      else if (w && w.value !== null) {
        val = w.value;
        if (typeof val === "string" && needsTextFormat(val)) {
          textFmt = "@";
          fmt = null;
        }
      }
      text.push([textFmt]);
      formats.push([fmt]);
      values.push([val]);
      formulas.push([formula]);
      anyText ||= textFmt !== null;
      anyFormat ||= fmt !== null;
      anyValue ||= val !== null;
      anyFormula ||= formula !== null;
    }
    return {
      r,
      text: anyText ? text : undefined,
      formats: anyFormat ? formats : undefined,
      values: anyValue ? values : undefined,
      formulas: anyFormula ? formulas : undefined,
    };
  });
  await s.writeInBatches(
    plans,
    (p) => [p.text, p.formats, p.values, p.formulas].reduce((n, g) => n + (g ? gridBytes(g) : 0), 60),
    (batch) => {
      for (const p of batch) {
        const range = s.sheet(p.r.sheet).getRange(runAddress(p.r));
        if (p.text) range.numberFormat = p.text;
        if (p.values) range.values = p.values;
        if (p.formulas) range.formulas = p.formulas;
        if (p.formats) range.numberFormat = p.formats;
      }
    },
  );
  out.written = changing.map((c) => ({ sheet: c.w.sheet, cell: toA1(c.pos.row, c.pos.col) }));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Removing what Kensa wrote

/**
 * ハイライト解除, and with removeAll everything else Kensa wrote: its formulas go (where the cell still holds
 * exactly what Kensa wrote), its result sheets and its state sheet are deleted — the workbook as the person
 * had it. Deleting sheets clears Excel's undo history (the pane says so before).
 */
export async function clearAll(s: Session, removeAll: boolean): Promise<ClearReport> {
  const highlights = await applyHighlights(s, null);
  const out: ClearReport = { ...highlights, removedFormulas: 0, removedSheets: [], keptFormulas: 0 };
  if (!removeAll || highlights.blocked) return out;
  const info = await loadWorkbookInfo(s);
  const protectedSheets = new Set(out.protectedSheets);
  // every cell Kensa wrote: what it had before (first record) and what Kensa last wrote there (last record)
  const cells = new Map<
    string,
    { sheet: string; row: number; col: number; before: WrittenEntry["before"]; expected: string }
  >();
  let pendingRecords = 0;
  for (const w of info.state.written) {
    const st = info.sheet(w.sheet);
    if (!st) continue; // the sheet is gone
    if (st.protected) {
      protectedSheets.add(st.name);
      pendingRecords++;
      continue;
    }
    const [a, b = a] = w.range.split(":");
    const p = parseCell(a);
    const q = parseCell(b);
    if (!p || !q) continue;
    for (let row = p.row; row <= q.row; row++) {
      const key = cellKey(w.sheet, toA1(row, p.col));
      const expected = w.formula.startsWith("=") ? shiftRows(w.formula, row - p.row) : w.formula;
      const had = cells.get(key);
      if (had) had.expected = expected;
      else cells.set(key, { sheet: w.sheet, row, col: p.col, before: w.before, expected });
    }
  }
  // what those cells hold now: only the ones still holding exactly what Kensa wrote are given back
  const now = new Map<string, string>();
  const runs = columnRuns([...cells.values()], 0);
  await s.writeInBatches(
    runs,
    (r) => (r.last - r.first + 1) * 80,
    (batch) => {
      const ranges = batch.map((r) => {
        const range = s.sheet(r.sheet).getRange(runAddress(r));
        range.load("formulas");
        return range;
      });
      return () =>
        batch.forEach((r, i) => {
          const f = ranges[i].formulas;
          for (let k = 0; k <= r.last - r.first; k++)
            now.set(cellKey(r.sheet, toA1(r.first + k, r.col)), String(f[k]?.[0] ?? ""));
        });
    },
  );
  const restore: typeof cells extends Map<string, infer V> ? V[] : never = [];
  for (const [key, c] of cells) {
    const current = now.get(key) ?? "";
    const same = c.expected.startsWith("=")
      ? current.startsWith("=") && normalizeFormula(current) === normalizeFormula(c.expected)
      : current === c.expected;
    if (same) restore.push(c);
    else out.keptFormulas++;
  }
  if (restore.length) {
    // per column run: the number format first — while Kensa's formula is there, the next run still knows the
    // cell as Kensa's — then the content ("" clears it, or Kensa's earlier formula)
    const byKey = new Map(restore.map((c) => [cellKey(c.sheet, toA1(c.row, c.col)), c]));
    const wruns = columnRuns(restore);
    const plans = wruns.map((r) => {
      const nf: (string | null)[][] = [];
      const fx: (string | null)[][] = [];
      for (let row = r.first; row <= r.last; row++) {
        const c = byKey.get(cellKey(r.sheet, toA1(row, r.col)));
        nf.push([c ? c.before.nf : null]);
        fx.push([c ? (c.before.f ?? "") : null]);
      }
      return { r, nf, fx };
    });
    await s.writeInBatches(
      plans,
      (p) => gridBytes(p.nf) + gridBytes(p.fx) + 60,
      (batch) => {
        for (const p of batch) {
          const range = s.sheet(p.r.sheet).getRange(runAddress(p.r));
          range.numberFormat = p.nf;
          range.formulas = p.fx;
        }
      },
    );
    out.removedFormulas = restore.length;
  }
  out.protectedSheets = [...protectedSheets].sort();
  // Kensa's sheets: its result sheets, and the state sheet once nothing in it is still needed
  const resultSheets = (
    await existingSheets(
      s,
      info.sheets
        .filter((x) => !x.protected)
        .map((x) => x.name)
        .filter((n) => n.toLowerCase() !== STATE_SHEET.toLowerCase()),
    )
  ).filter((x) => x.kensa);
  const pending = highlights.liveEntries > 0 || pendingRecords > 0;
  const toDelete = resultSheets.map((x) => x.name);
  if (info.stateSheet && !pending) toDelete.push(info.stateSheet.name);
  if (toDelete.length) {
    if (info.workbookProtected) {
      out.blocked = "workbook-protected";
      return out;
    }
    if (!s.structureAllowed) throw new StructureNeededForRemoval();
    for (const name of toDelete) s.sheet(name).delete();
    await s.sync();
    if (info.stateSheet && toDelete.includes(info.stateSheet.name)) s.stateSheetPresent = false;
    out.removedSheets = toDelete;
  } else if (info.stateSheet && info.state.written.length) {
    // forget the records of the cells given back (or kept by the person), not those of protected sheets
    const done = info.state.written.filter((w) => !info.sheet(w.sheet)?.protected && w.row).map((w) => w.row!);
    if (done.length) {
      queueBlankRows(s.sheet(STATE_SHEET), done, "F", "I");
      await s.sync();
    }
  }
  return out;
}

class StructureNeededForRemoval extends Error {
  constructor() {
    super("Kensa's sheets can only be deleted outside an undo group");
    this.name = "StructureNeeded";
  }
}

/** The cells of a report, for messages. */
export function cellList(cells: readonly CellRef[]): string {
  return cells.map((c) => `${c.sheet}!${c.cell}`).join(", ");
}

// ---------------------------------------------------------------------------------------------
// One fix, after the user confirmed it

/**
 * Writes one fix, after logging it on the 修正履歴 sheet (core/apply/fix-log.ts) with what the cell held, so the
 * submitted figure is never lost: the log row is synced before the cell changes. Returns the log entry.
 */
export async function applyFix(s: Session, fix: Fix, rule?: string): Promise<FixLogEntry | undefined> {
  const ws = s.sheet(fix.sheet);
  const address = fix.cell.replace(/\$/g, "");
  const range = ws.getRange(address);
  // never write to a protected sheet: say so instead of passing on Excel's own message
  ws.protection.load("protected");
  range.load("values,formulas");
  await s.sync();
  if (ws.protection.protected) throw hostError("protected", s.lang);
  const after =
    fix.formula !== undefined
      ? `=${fix.formula.replace(/^=/, "")}`
      : typeof fix.value === "string" || typeof fix.value === "number"
        ? String(fix.value)
        : undefined;
  if (after === undefined) return undefined;
  const formula: unknown = range.formulas?.[0]?.[0];
  const value: unknown = range.values?.[0]?.[0];
  const before =
    typeof formula === "string" && formula.startsWith("=")
      ? formula
      : cellContentText(
          typeof value === "number" || typeof value === "boolean" || (typeof value === "string" && value !== "")
            ? value
            : null,
        );
  const entry: FixLogEntry = { at: logTimestamp(), sheet: fix.sheet, cell: address, kind: "fix", before, after };
  if (rule) entry.rule = rule;
  await appendFixLogRows(s, [entry]);
  if (fix.formula !== undefined) range.formulas = [[`=${fix.formula.replace(/^=/, "")}`]];
  else if (typeof fix.value === "string") {
    if (needsTextFormat(fix.value)) range.numberFormat = [["@"]];
    range.values = [[fix.value]];
  } else if (typeof fix.value === "number") range.values = [[fix.value]];
  await s.sync();
  return entry;
}

/** A sheet named as Kensa names its fix log (修正履歴, Kensa fixes, with " (2)"…): the only ones whose A1 is read. */
const FIX_LOG_NAME = new RegExp(`^(${Object.values(FIX_LOG_NAMES).join("|")})( \\(\\d+\\))?$`, "i");

/**
 * Appends rows to the 修正履歴 sheet, adding it (after the other sheets) when the workbook has none. Every cell
 * is text ("@" set before the value), so a logged formula stays its text. Refuses, before anything changes,
 * when the log cannot be added (the workbook's structure is protected) or its sheet is protected. Two syncs
 * (one when the workbook has no sheet of the log's name), besides reading the sheets when `known` is not given.
 */
export async function appendFixLogRows(
  s: Session,
  entries: readonly FixLogEntry[],
  known?: WorkbookInfo,
): Promise<void> {
  if (!entries.length) return;
  const info = known ?? (await loadWorkbookInfo(s, false));
  const candidates = info.sheets.map((x) => x.name).filter((n) => FIX_LOG_NAME.test(n));
  const probes = candidates.map((name) => {
    const a1 = s.sheet(name).getRange("A1");
    a1.load("values");
    const used = s.sheet(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    return { name, a1, used };
  });
  if (probes.length) await s.sync();
  const logs = new Set(probes.filter((p) => isFixLogTitle(p.a1.values?.[0]?.[0])).map((p) => p.name));
  const { name, exists } = chooseFixLogName(
    info.sheets.map((x) => ({ name: x.name, log: logs.has(x.name) })),
    s.lang,
  );
  if ((!exists && info.workbookProtected) || (exists && info.sheet(name)?.protected))
    throw hostError("protected", s.lang);
  const head = fixLogHeadRows(s.lang);
  const lastCol = columnLetters(FIX_LOG_WIDTHS.length - 1);
  let ws: Excel.Worksheet;
  let next: number;
  if (exists) {
    ws = s.sheet(name);
    const used = probes.find((p) => p.name === name)!.used;
    next = Math.max(used.isNullObject ? 0 : used.rowIndex + used.rowCount, head.length) + 1;
  } else {
    ws = s.ctx.workbook.worksheets.add(name);
    const grid = head.map((r) => Array.from({ length: FIX_LOG_WIDTHS.length }, (_, c) => r[c] ?? ""));
    const top = ws.getRange(`A1:${lastCol}${head.length}`);
    top.numberFormat = grid.map((r) => r.map(() => "@"));
    top.values = grid;
    ws.getRange("A1").format.font.bold = true;
    ws.getRange(`A${FIX_LOG_HEADER_ROW}:${lastCol}${FIX_LOG_HEADER_ROW}`).format.font.bold = true;
    FIX_LOG_WIDTHS.forEach(
      (w, i) => (ws.getRange(`${columnLetters(i)}1`).format.columnWidth = Math.round(w * POINTS_PER_CHAR)),
    );
    ws.freezePanes.freezeRows(FIX_LOG_HEADER_ROW);
    ws.load("id");
    next = head.length + 1;
  }
  const rows = entries.map((e) => fixLogRow(e, s.lang));
  const body = ws.getRange(`A${next}:${lastCol}${next + rows.length - 1}`);
  body.numberFormat = rows.map((r) => r.map(() => "@"));
  body.values = rows;
  await s.sync();
  // a sheet Kensa added: its change events are Kensa's own
  if (!exists) s.ownSheetIds.push(ws.id);
}

// ---------------------------------------------------------------------------------------------
// Result sheet

function excelString(t: string): string {
  return `"${t.replace(/"/g, '""')}"`;
}

/** Characters per column width unit, in points (Calibri 11: about 7 pixels ≈ 5.25 pt per character, plus padding). */
const POINTS_PER_CHAR = 5.6;

/** Existing sheets with the Kensa flag (A1 carries the result-sheet marker); never the state sheet. */
async function existingSheets(s: Session, names: readonly string[]): Promise<(ExistingSheet & { log: boolean })[]> {
  const a1 = names.map((n) => {
    const r = s.sheet(n).getRange("A1");
    r.load("values");
    return r;
  });
  await s.sync();
  return names.map((name, i) => {
    const v: unknown = a1[i].values?.[0]?.[0];
    return {
      name,
      kensa: isResultSheetTitle(v) && name.toLowerCase() !== STATE_SHEET.toLowerCase(),
      log: isFixLogTitle(v),
    };
  });
}

export async function writeResultSheet(
  s: Session,
  result: CheckResult,
  computedCounts: { written: number; skipped: number } = { written: 0, skipped: 0 },
): Promise<ResultSheetPlan> {
  const { ctx } = s;
  const info = await loadWorkbookInfo(s, false);
  const names = info.sheets.map((x) => x.name);
  const existing = (await existingSheets(s, names)).filter((x) => !x.log);
  const plan = planResultSheet(result, s.lang, existing, computedCounts);
  // Kensa's earlier result sheet is cleared and reused: deleting a sheet clears Excel's undo history
  const reuse = plan.replace.find((name) => !info.sheet(name)?.protected);
  if (!reuse && info.workbookProtected) throw hostError("protected", s.lang);
  let ws: Excel.Worksheet;
  if (reuse) {
    ws = s.sheet(reuse);
    ws.getRange().clear("All");
    ws.freezePanes.unfreeze();
    if (s.supports("1.9")) ws.autoFilter.remove();
    plan.name = reuse;
  } else ws = ctx.workbook.worksheets.add(plan.name);
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
        fmt.push(cell.numFmt ?? null);
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
  // severity colours on the 重要度 cells (and the summary's counts): one range list per colour
  const fills = new Map<string, string[]>();
  plan.rows.forEach((cells, r) =>
    cells.forEach(
      (c, col) =>
        c?.type === "text" && c.fill && (fills.get(c.fill) ?? fills.set(c.fill, []).get(c.fill)!).push(toA1(r, col)),
    ),
  );
  for (const [argb, cells] of fills) {
    const rects = mergeIntoRectangles(cells.map((a) => fromA1(a))).map(rectToA1);
    for (const address of chunkAddresses(rects)) ws.getRanges(address).format.fill.color = `#${argb.slice(-6)}`;
  }
  plan.widths.forEach(
    (w, i) => (ws.getRange(`${columnLetters(i)}1`).format.columnWidth = Math.round(w * POINTS_PER_CHAR)),
  );
  const table = ws.getRange(`A${plan.headerRow + 1}:${lastCol}${Math.max(n, plan.headerRow + 1)}`);
  table.format.verticalAlignment = "Top";
  for (const col of plan.wrapColumns)
    ws.getRange(
      `${columnLetters(col)}${plan.headerRow + 1}:${columnLetters(col)}${Math.max(n, plan.headerRow + 1)}`,
    ).format.wrapText = true;
  ws.freezePanes.freezeRows(plan.headerRow + 1);
  if (s.supports("1.9")) ws.autoFilter.apply(ws.getRange(plan.autoFilter));
  ws.activate();
  ws.load("id");
  await s.sync();
  s.ownSheetIds.push(ws.id);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Template

const STYLE_FILL: Partial<Record<TemplateStyle, string>> = {
  header: "#D9E1F2",
  computed: "#F2F2F2",
  totalComputed: "#F2F2F2",
};
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
    fmt.push(new Array<string | null>(maxCol + 1).fill(null));
    val.push(new Array<string | number | null>(maxCol + 1).fill(null));
    fx.push(new Array<string | null>(maxCol + 1).fill(null));
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
  sheet.columns.forEach(
    (c, i) => (ws.getRange(`${columnLetters(i)}1`).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR)),
  );
  if (s.supports("1.8")) {
    for (const v of sheet.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
      dv.errorAlert = {
        showAlert: true,
        style: v.strict ? "Stop" : "Warning",
        title: "Kensa",
        message: v.list.join(", "),
      };
    }
  }
  if (sheet.freezeCols > 0)
    ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(sheet.freezeCols - 1)}${sheet.freezeRows}`));
  else ws.freezePanes.freezeRows(sheet.freezeRows);
}

export async function insertTemplate(s: Session): Promise<string[]> {
  const info = await loadWorkbookInfo(s, false);
  if (info.workbookProtected) throw hostError("protected", s.lang);
  const names = info.sheets.map((x) => x.name);
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
    .filter((c): c is string => !!c && !!parseCell(c.replace(/\$/g, "").split(":")[0]))
    .map((c) => c.replace(/\$/g, ""));
  if (own.length === 1) ws.getRange(own[0]).select();
  else if (own.length > 1) {
    s.require("1.9");
    ws.getRanges(chunkAddresses(own)[0]).select();
  }
  await s.sync();
}
