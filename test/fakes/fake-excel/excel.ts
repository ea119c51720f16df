/**
 * FakeExcel: the FAKE Excel's workbook and its Excel.run (see test/fakes/fake-excel.ts), with the test set-up and
 * inspection helpers around it.
 *
 * Run options and cell-edit mode (ref Excel.RunOptions)
 * - delayForCellEdit: while a cell is being edited, a batch without it fails (InvalidOperationInCellEditMode,
 *   error table) and a batch with it waits until the edit ends (docs/excel/excel-add-ins-delay-in-cell-edit.md);
 * - `apiVersion`: an older ExcelApi version makes requirements.isSetSupported say false for newer sets.
 */
import type { Workbook } from "../../../src/core/model/workbook";
import { parseRect, rectAddress, versionLE } from "./address";
import { normalFill, toFill } from "./cells";
import { FakeContext } from "./context";
import type { FakeChangedEvent } from "./events";
import {
  FAKE_ERROR_VALUES,
  FAKE_PAYLOAD_LIMIT,
  FakeSheet,
  fakeInputOf,
  zeroStats,
  type FakeCell,
  type FakeInput,
  type FakeLayout,
  type FakeStats,
} from "./model";
import { noteKey } from "./notes";

type RunOptions = { delayForCellEdit?: boolean; mergeUndoGroup?: boolean };
type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/** The fake workbook and its Excel.run. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  stats: FakeStats = zeroStats();
  /** Every sync fails with InvalidOperationInCellEditMode while true (see endCellEdit). */
  cellEditMode = false;
  /** Highest ExcelApi version this "Excel" supports. */
  apiVersion = "1.18";
  /** "desktop" or "web": which column of the undo table applies (Worksheet.visibility supports undo on the web only). */
  platform: "desktop" | "web" = "desktop";
  /** Request/response limit in bytes (Excel on the web: 5 MB; tests may lower it). */
  payloadLimit = FAKE_PAYLOAD_LIMIT;
  /** Workbook.protection.protected: the structure is protected. */
  workbookProtected = false;
  /** The next sync fails with this code (once), before any of its operations runs. */
  failNextSyncWith?: string;
  /** The sync numbered `sync` (syncCount after it starts) fails after running `op` of its operations. */
  failAt?: { sync: number; op: number; code?: string };
  /** Syncs since the fake was made (never reset); `failAt.sync` counts these. */
  syncCount = 0;
  /** The number of operations of every sync so far, in order (for planning failures). */
  readonly syncLog: number[] = [];
  /** The undo stack as the person sees it: records added by the add-in, and how often it was cleared. */
  undo = { records: 0, cleared: 0 };
  /** Milliseconds between a sync and the change events it causes (their delivery is asynchronous). */
  eventDelayMs = 0;
  /** Every change event delivered (for tests). */
  readonly events: FakeChangedEvent[] = [];
  activeSheet?: string;
  selection?: { sheet: string; address: string };
  changeHandlers: ((e: unknown) => unknown)[] = [];
  /** Options of every Excel.run, in order (for tests). */
  readonly runs: RunOptions[] = [];
  /** Optional formula evaluator for cached values of formulas written through the API. */
  evaluate?: (sheet: string, formula: string) => number | string | boolean | null;
  private editWaiters: (() => void)[] = [];

  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean =>
      name === "ExcelApi" && (!minVersion || versionLE(minVersion, this.apiVersion)),
  };

  /** Excel.run([options,] batch): one request context per batch. */
  readonly run = async <T>(a: RunOptions | Batch<T>, b?: Batch<T>): Promise<T> => {
    const options: RunOptions = typeof a === "function" ? {} : (a ?? {});
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    this.runs.push(options);
    // delayForCellEdit: the batch waits until the edit ends (excel-add-ins-delay-in-cell-edit.md)
    if (options.delayForCellEdit && this.cellEditMode)
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    const ctx = new FakeContext(this, !!options.mergeUndoGroup && versionLE("1.20", this.apiVersion));
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      ctx.end();
    }
  };

  /** The person leaves cell-edit mode: batches waiting with delayForCellEdit run. */
  endCellEdit(): void {
    this.cellEditMode = false;
    const waiting = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiting) w();
  }

  resetStats(): void {
    this.stats = zeroStats();
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Adds a sheet from rows of inputs, with merged areas and hidden rows/columns (test setup; not counted). */
  addSheet(name: string, rows: FakeInput[][] = [], layout: FakeLayout = {}): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    rows.forEach((row, r) => row.forEach((input, c) => this.put(s, r, c, input)));
    for (const m of layout.merges ?? []) this.merge(s, m);
    for (const r of layout.hiddenRows ?? []) s.hiddenRows.add(r);
    for (const c of layout.hiddenColumns ?? []) s.hiddenColumns.add(c);
    return s;
  }

  /**
   * Loads a core workbook model (test setup; not counted), as Excel would hold it: values (a formula's
   * cached value, an error as an error value, a date as its serial number), formulas, number formats, then
   * the merged areas (emptying their covered cells) and hidden rows and columns.
   */
  addWorkbook(workbook: Workbook): void {
    for (const sheet of workbook.sheets) {
      const rows: FakeInput[][] = sheet.rows.map((row) => row.map((cell) => (cell ? fakeInputOf(cell) : undefined)));
      this.addSheet(sheet.name, rows, {
        merges: sheet.merges,
        hiddenRows: sheet.hiddenRows,
        hiddenColumns: sheet.hiddenColumns,
      });
    }
  }

  /**
   * Merges an area as Excel does (test setup): only the top-left cell keeps its value, the others are
   * emptied ("The value of a merged range is specified in the cell of the range's upper-left corner",
   * https://learn.microsoft.com/office/vba/api/excel.range.merge). Overlapping an existing merge fails.
   */
  merge(sheet: FakeSheet | string, address: string): void {
    const s = typeof sheet === "string" ? this.sheet(sheet) : sheet;
    if (!s) throw new Error(`fake: no sheet ${String(sheet)}`);
    const m = parseRect(address);
    if (s.merges.some((o) => o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right))
      throw new Error(`fake: ${address} overlaps a merged area`);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const cell = s.get(r, c);
        if (cell) {
          cell.value = "";
          delete cell.formula;
          delete cell.error;
        }
      }
    s.merges.push(m);
  }

  /** Puts a value as typing it would (test setup): an error literal becomes an error value unless the format is text. */
  put(s: FakeSheet, r: number, c: number, input: FakeInput): void {
    if (input === undefined || input === null) return;
    const cell = s.ensure(r, c);
    if (typeof input === "object") {
      if (input.nf) cell.numberFormat = input.nf;
      if (input.v !== undefined && input.v !== null) cell.value = input.v;
      if (input.f) cell.formula = input.f.startsWith("=") ? input.f : `=${input.f}`;
      if (input.fill) cell.fill = toFill(input.fill);
      if (input.note !== undefined) s.notes.set(rectAddress({ top: r, left: c, bottom: r, right: c }), input.note);
    } else cell.value = input;
    if (typeof cell.value === "string" && FAKE_ERROR_VALUES.test(cell.value) && cell.numberFormat !== "@")
      cell.error = true;
  }

  /** The cell at an A1 address (test inspection). */
  cell(sheet: string, a1: string): FakeCell | undefined {
    const { top, left } = parseRect(a1);
    return this.sheet(sheet)?.get(top, left);
  }

  /** The note on a cell (test inspection); undefined when it has none. */
  note(sheet: string, a1: string): string | undefined {
    return this.sheet(sheet)?.notes.get(noteKey(a1));
  }

  /** Every cell's fill as text, for before/after comparisons. */
  fills(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.sheets)
      for (const [k, c] of s.cells) out.set(`${s.name}!${k}`, c.fill ? JSON.stringify(normalFill(c.fill)) : "");
    return out;
  }

  /**
   * Everything a person sees of one sheet (value, formula, number format, fill, note of every cell), for
   * before/after comparisons; cells with nothing in them are left out.
   */
  snapshot(sheet: string): Record<string, string> {
    const s = this.sheet(sheet);
    const out: Record<string, string> = {};
    if (!s) return out;
    // row by row, left to right: the same text for the same cells whatever order they were made in
    const byNumber = (a: [number, unknown], b: [number, unknown]) => a[0] - b[0];
    for (const [r, cols] of [...s.cells.rows].sort(byNumber))
      for (const [col, c] of [...cols].sort(byNumber)) {
        if (c.value === "" && !c.formula && c.numberFormat === "General" && !c.fill) continue;
        const view = {
          v: c.value,
          f: c.formula ?? null,
          nf: c.numberFormat,
          fill: c.fill ? normalFill(c.fill) : null,
          e: !!c.error,
        };
        out[rectAddress({ top: r, left: col, bottom: r, right: col })] = JSON.stringify(view);
      }
    for (const [a1, text] of s.notes) out[`${a1}#note`] = text;
    return out;
  }

  private deliver(events: FakeChangedEvent[]): void {
    if (!events.length) return;
    setTimeout(() => {
      for (const e of events) {
        this.events.push(e);
        for (const h of this.changeHandlers) void h(e);
      }
    }, this.eventDelayMs);
  }

  /** Queues the change events of the add-in's own writes (called by a sync). */
  addinChanged(changes: { sheet: FakeSheet; address: string }[]): void {
    const tagged = versionLE("1.14", this.apiVersion);
    this.deliver(
      changes.map(({ sheet, address }) => {
        const e: FakeChangedEvent = {
          type: "WorksheetChanged",
          worksheetId: sheet.id,
          address,
          changeType: "RangeEdited",
          source: "Local",
        };
        if (tagged) e.triggerSource = "ThisLocalAddin";
        return e;
      }),
    );
  }

  /** A person (source "Local") or a co-author ("Remote") types a value: the cell changes and onChanged fires. */
  edit(sheet: string, a1: string, value: FakeInput, source: "Local" | "Remote" = "Local"): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet ${sheet}`);
    const { top, left } = parseRect(a1);
    const cell = s.get(top, left);
    if (cell) {
      cell.value = "";
      delete cell.formula;
      delete cell.error;
    }
    this.put(s, top, left, value);
    const e: FakeChangedEvent = {
      type: "WorksheetChanged",
      worksheetId: s.id,
      address: a1,
      changeType: "RangeEdited",
      source,
    };
    if (versionLE("1.14", this.apiVersion)) e.triggerSource = "Unknown";
    this.deliver([e]);
  }

  /** Fires worksheets.onChanged handlers, as a person's edit would (no cell changes). */
  fireChange(): void {
    const s = this.sheets[0];
    const e: FakeChangedEvent = {
      type: "WorksheetChanged",
      worksheetId: s?.id ?? "",
      address: "A1",
      changeType: "RangeEdited",
      source: "Local",
    };
    if (versionLE("1.14", this.apiVersion)) e.triggerSource = "Unknown";
    for (const h of this.changeHandlers) void h(e);
  }
}
