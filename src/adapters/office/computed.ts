/**
 * Computed cells (再計算・検証 only; 検証 never changes a value), each step a small, constant number of round
 * trips whatever the number of cells (within Excel on the web's 5 MB per request; above it the same plan is cut
 * into byte-sized batches, halved on a payload error):
 *
 * 1. sheets, protection and state, with the target cells when their sheets are known (values, formulas,
 *    number formats) and the sheets that may be the 修正履歴 log; 2. the other target cells; 3. the record of
 *    what Kensa will write (state columns F–I) and the 修正履歴 rows (what each cell held, what Kensa writes,
 *    when), in one sync before any cell is written; 4. the cells — only empty cells or Kensa's own formulas,
 *    never a figure a person typed, and only where something changes. Three syncs when the target sheets are
 *    known, one more when they are not or the log is not where the first sync looked.
 */
import type { CheckResult } from "../../core/engine";
import {
  cellContentText,
  compactComputedLog,
  logTimestamp,
  normalizeFormula,
  planComputedWrites,
  shiftRows,
  type ComputedWrite,
  type ExistingCell,
  type FixLogEntry,
} from "../../core/apply";
import { toA1 } from "../../core/model/address";
import type { FillReport } from "../../host/host";
import { PREFETCH_FAILURES, excelErrorCode } from "./errors";
import { fixLogCandidates, planFixLog, queueFixLogProbe, queueFixLogRows, type FixLogProbe } from "./fix-log";
import { PAYLOAD_BUDGET_BYTES, gridBytes } from "./limits";
import { columnRuns, loadRuns, parseCell, readRuns, runAddress, splitRun, type ColumnRun, type Pos } from "./runs";
import type { Session } from "./session";
import { needsTextFormat } from "./sheet-format";
import { STATE_SHEET, WRITTEN_FIRST_COLUMN, cellKey, writtenRow, type WrittenEntry } from "./state";
import { stateBlock, writeStateRows } from "./state-writes";
import { loadWorkbookInfo, queueWorkbookInfo, type WorkbookInfo } from "./workbook-info";

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

type Changing = { w: ComputedWrite; pos: Pos; before: ExistingCell & { nf: string } };

/**
 * What Kensa writes, as state rows: a column of formulas filled down from its first cell, over cells that held
 * nothing, is one row.
 */
function stateRecords(sorted: readonly Changing[]): WrittenEntry[] {
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
  return records;
}

export async function fillComputed(
  s: Session,
  result: Pick<CheckResult, "computed">,
  opts: { knownSheets?: ReadonlySet<string> } = {},
): Promise<FillOutcome> {
  const probe = new Map<string, ExistingCell & { nf: string }>();
  const queueProbe = (batch: ColumnRun[]) => {
    const ranges = loadRuns(s, batch, "values,formulas,numberFormat");
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
  const runBytes = (r: ColumnRun) => (r.last - r.first + 1) * 40;
  const runsOf = (cs: readonly { sheet: string; cell: string }[]) =>
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
  let logs: FixLogProbe | undefined;
  const probed = new Set<string>();
  const pre = opts.knownSheets ? runsOf(wanted.filter((c) => opts.knownSheets!.has(c.sheet))) : [];
  if (pre.length && pre.reduce((n, r) => n + runBytes(r), 0) < PAYLOAD_BUDGET_BYTES / 2) {
    const q = queueWorkbookInfo(s);
    const store = queueProbe(pre);
    // and the sheets that may be Kensa's 修正履歴, so logging what changes costs no sync of its own
    const logProbe = queueFixLogProbe(s, fixLogCandidates(opts.knownSheets!));
    try {
      await s.sync();
      info = q.collect();
      store();
      logs = logProbe();
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
  const changing: Changing[] = [];
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
  const records = stateRecords(sorted);
  // and on the fix log (修正履歴), in the same sync, as the annotated copy logs them: which cells, what they held,
  // what Kensa wrote (a refresh of Kensa's own formula changes nothing a person entered: not logged again)
  const at = logTimestamp();
  const logged = compactComputedLog(
    changing
      .map(({ w, before }) => ({ w, before: cellContentText(before.value, before.formula), after: contentOf(w) }))
      .filter(({ before, after }) => before !== after)
      .map(({ w, before, after }): FixLogEntry => ({
        at,
        sheet: w.sheet,
        cell: w.cell,
        kind: "computed",
        label: w.label,
        before,
        after,
      })),
  );
  const log = logged.length ? await planFixLog(s, info, logs) : undefined;
  await writeStateRows(
    s,
    info,
    records.map((r) => ({ row: next++, col: WRITTEN_FIRST_COLUMN, values: writtenRow(r) })),
    log && (() => queueFixLogRows(s, log, logged)),
  );

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
