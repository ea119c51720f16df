/**
 * ハイライト解除, and with removeAll everything else Kensa wrote: highlights given back (./highlight.ts), then its
 * formulas taken out where a person has not changed them since, its result sheets and its state sheet deleted.
 * The 修正履歴 sheet goes too when it logs nothing but those formulas; once it logs a fix applied, it stays: it
 * is the record of a figure the person replaced.
 */
import { normalizeFormula, shiftRows } from "../../core/apply";
import { toA1 } from "../../core/model/address";
import type { ClearReport } from "../../host/host";
import { disposableFixLogs } from "./fix-log";
import { applyHighlights } from "./highlight";
import { gridBytes } from "./limits";
import { existingSheets } from "./result-sheet";
import { columnRuns, loadRuns, parseCell, runAddress } from "./runs";
import type { Session } from "./session";
import { STATE_SHEET, cellKey, type WrittenEntry } from "./state";
import { queueBlankRows } from "./state-writes";
import { loadWorkbookInfo } from "./workbook-info";

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
      const ranges = loadRuns(s, batch, "formulas");
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
  const toDelete = [...resultSheets.map((x) => x.name), ...(await disposableFixLogs(s, info))];
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
