/**
 * TEST FAKE of the Excel JavaScript API (Office.js) — NOT Excel.
 *
 * An in-memory workbook behind just the part of the Excel JS object model that the Office.js adapter
 * (src/adapters/office) uses, with the request/sync semantics that matter for correctness and cost:
 *
 * - calls on proxy objects are QUEUED and run only at context.sync(); reading a property that was not
 *   loaded (or before the sync) throws PropertyNotLoaded, as Excel does;
 * - it COUNTS syncs, proxy objects, queued operations and estimated request/response bytes;
 * - it ENFORCES Excel's limits: a request or a response over 5 MB fails the whole sync with
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (Excel on the web); a get of more
 *   than 5,000,000 cells fails; an address string over 8,192 characters fails (real Excel silently
 *   truncates it — the fake makes that loud);
 * - Excel's value coercion: a string written through `values` that starts with "=" becomes a formula and
 *   a numeric-looking string becomes a number, unless the cell's number format is text ("@");
 * - it simulates cell-edit mode (every sync fails with InvalidOperationInCellEditMode) and an older
 *   ExcelApi version (newer APIs fail with ApiNotFound; isSetSupported answers accordingly).
 *
 * - cell notes (ExcelApi 1.18, worksheet.notes): add / getItemOrNullObject / content / delete, queued,
 *   counted and version-checked like the rest; adding a note where one exists fails, as in Excel.
 *
 * - merged areas and hidden rows/columns, for reading the layout (each behaviour cites its source):
 *   - a merged area keeps its value in its top-left cell only; the other cells read "" — "The value of a
 *     merged range is specified in the cell of the range's upper-left corner"
 *     (https://learn.microsoft.com/office/vba/api/excel.range.merge); FakeExcel.merge empties them;
 *   - Range.getMergedAreasOrNullObject (ExcelApi 1.13; ApiNotFound below, isSetSupported says false):
 *     a RangeAreas (address, areaCount, cellCount, areas/items/address) of the merged areas whose
 *     top-left cell is in the range, whole (https://github.com/OfficeDev/office-js/issues/3611); a null
 *     object (isNullObject true) when there is none; it fails above 512 areas, as its reference says
 *     (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1));
 *     the error code Excel gives then is not documented: the fake says GeneralException;
 *   - Range.rowHidden / columnHidden (ExcelApi 1.2): true when all rows (columns) of the range are
 *     hidden, false when none is, null when some are (Range reference);
 *   - Range.getSpecialCells / getSpecialCellsOrNullObject("Visible") (ExcelApi 1.9): the visible cells as
 *     a RangeAreas, one area per run of visible rows × run of visible columns; getSpecialCells throws
 *     ItemNotFound when there is none, the OrNullObject form answers a null object
 *     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells). Only
 *     "Visible" is modelled. RangeAreas.address lists sheet-qualified areas ("Sheet1!A1:B4, Sheet1!D1:D4",
 *     RangeAreas.address reference).
 *
 * What it does NOT model: formula calculation (formulas keep the cached value a test gives them, or
 * null; HYPERLINK shows its text), fonts/widths/validation beyond recording them, writing into or
 * merging/unmerging merged cells through the API, filters, themes, events beyond registration, and real
 * Excel's timing. Real-Excel verification is a manual step.
 */

// Types only: the e2e tests transpile this file alone and run it in a page, where nothing can be required.
import type { Workbook } from "../../src/core/model/workbook";

export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const FAKE_MAX_GET_CELLS = 5_000_000;
export const FAKE_MAX_ADDRESS = 8192;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
  get debugInfo() {
    return { code: this.code, message: this.message };
  }
}

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
}

export interface FakeCell {
  /** The value (a formula's cached result); "" when empty. */
  value: number | string | boolean;
  /** With the leading "=". */
  formula?: string;
  numberFormat: string;
  fill: FakeFill | null;
  bold?: boolean;
}

export type FakeInput = number | string | boolean | null | undefined | { v?: number | string | boolean | null; f?: string; nf?: string; fill?: string | FakeFill };

/** A sheet's layout for test setup: merged areas as A1 rectangles, 0-based hidden rows and columns. */
export interface FakeLayout {
  merges?: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** Merged areas one getMergedAreasOrNullObject can return (Range.getMergedAreasOrNullObject reference). */
export const FAKE_MAX_MERGED_AREAS = 512;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class FakeSheet {
  visibility = "Visible";
  readonly cells = new Map<string, FakeCell>();
  frozenRows = 0;
  autoFilter?: string;
  validations: { address: string; rule: unknown }[] = [];
  /** Cell notes by A1 address (upper case, no "$"). */
  readonly notes = new Map<string, string>();
  /** Merged areas (see FakeExcel.merge). */
  readonly merges: Rect[] = [];
  /** 0-based hidden rows and columns. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  constructor(public name: string) {}
  key(r: number, c: number): string {
    return `${r},${c}`;
  }
  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(this.key(r, c));
  }
  ensure(r: number, c: number): FakeCell {
    let cell = this.get(r, c);
    if (!cell) this.cells.set(this.key(r, c), (cell = { value: "", numberFormat: "General", fill: null }));
    return cell;
  }
}

export interface FakeStats {
  syncs: number;
  proxies: number;
  /** Queued operations (method calls, property sets, loads). */
  operations: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** getRanges calls (RangeAreas). */
  rangeAreas: number;
  /** Cell-level writes of values/formulas/numberFormat (cells touched). */
  cellsWritten: number;
  longestAddress: number;
  calculations: number;
  /** getMergedAreasOrNullObject and getSpecialCells(OrNullObject) calls. */
  layoutRequests: number;
}

function zeroStats(): FakeStats {
  return {
    syncs: 0,
    proxies: 0,
    operations: 0,
    requestBytes: 0,
    responseBytes: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    rangeAreas: 0,
    cellsWritten: 0,
    longestAddress: 0,
    calculations: 0,
    layoutRequests: 0,
  };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, "").replace(/^.*!/, "").trim();
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(a);
  if (!m) throw new FakeExcelError("InvalidArgument", `fake: unsupported address "${address}"`);
  const top = Number(m[2]) - 1;
  const left = colNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? colNumber(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function rectAddress(r: Rect): string {
  const tl = `${colLetters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${colLetters(r.right)}${r.bottom + 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function bytesOf(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? "null", "utf8");
}

function versionLE(a: string, b: string): boolean {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

function toFill(f: string | FakeFill | undefined): FakeFill | null {
  if (!f) return null;
  if (typeof f === "string") return { color: f.toUpperCase(), pattern: "Solid", patternColor: "#000000" };
  return { ...f, color: f.color.toUpperCase() };
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The fake workbook and its Excel.run. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  stats: FakeStats = zeroStats();
  /** Every sync fails with InvalidOperationInCellEditMode while true. */
  cellEditMode = false;
  /** Highest ExcelApi version this "Excel" supports. */
  apiVersion = "1.18";
  /** Request/response limit in bytes (Excel on the web: 5 MB; tests may lower it). */
  payloadLimit = FAKE_PAYLOAD_LIMIT;
  /** The next sync fails with this code (once). */
  failNextSyncWith?: string;
  activeSheet?: string;
  selection?: { sheet: string; address: string };
  changeHandlers: ((e: unknown) => unknown)[] = [];
  /** Optional formula evaluator for cached values of formulas written through the API. */
  evaluate?: (sheet: string, formula: string) => number | string | boolean | null;

  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean => name === "ExcelApi" && (!minVersion || versionLE(minVersion, this.apiVersion)),
  };

  /** Excel.run: one request context per batch. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  resetStats(): void {
    this.stats = zeroStats();
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
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
   * cached value, an error as its text, a date as its serial number), formulas, number formats, then the
   * merged areas (emptying their covered cells) and hidden rows and columns.
   */
  addWorkbook(workbook: Workbook): void {
    for (const sheet of workbook.sheets) {
      const rows: FakeInput[][] = sheet.rows.map((row) =>
        row.map((cell) => {
          if (!cell) return undefined;
          const v = cell.value;
          const value = v === null ? null : v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : typeof v === "object" ? v.error : v;
          return { v: value, f: cell.formula, nf: cell.numFmt };
        }),
      );
      this.addSheet(sheet.name, rows, { merges: sheet.merges, hiddenRows: sheet.hiddenRows, hiddenColumns: sheet.hiddenColumns });
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
    if (s.merges.some((o) => o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right)) throw new Error(`fake: ${address} overlaps a merged area`);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const cell = s.get(r, c);
        if (cell) {
          cell.value = "";
          delete cell.formula;
        }
      }
    s.merges.push(m);
  }

  put(s: FakeSheet, r: number, c: number, input: FakeInput): void {
    if (input === undefined || input === null) return;
    const cell = s.ensure(r, c);
    if (typeof input === "object") {
      if (input.v !== undefined && input.v !== null) cell.value = input.v;
      if (input.f) cell.formula = input.f.startsWith("=") ? input.f : `=${input.f}`;
      if (input.nf) cell.numberFormat = input.nf;
      if (input.fill) cell.fill = toFill(input.fill);
    } else cell.value = input;
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
    for (const s of this.sheets) for (const [k, c] of s.cells) out.set(`${s.name}!${k}`, c.fill ? JSON.stringify(c.fill) : "");
    return out;
  }

  /** Fires worksheets.onChanged handlers, as a person's edit would. */
  fireChange(): void {
    for (const h of this.changeHandlers) void h({ source: "Local", changeType: "RangeEdited" });
  }
}

type Op = { bytes: number; minVersion?: string; exec: () => number | void };

class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op): void {
    this.fake.stats.operations++;
    this.queue.push(op);
  }
  proxy(): void {
    this.fake.stats.proxies++;
  }
  async sync(): Promise<void> {
    const fake = this.fake;
    const ops = this.queue;
    this.queue = [];
    fake.stats.syncs++;
    const request = ops.reduce((n, o) => n + o.bytes, 64);
    fake.stats.requestBytes += request;
    fake.stats.maxRequestBytes = Math.max(fake.stats.maxRequestBytes, request);
    if (fake.failNextSyncWith) {
      const code = fake.failNextSyncWith;
      fake.failNextSyncWith = undefined;
      throw new FakeExcelError(code, `fake: ${code}`);
    }
    if (fake.cellEditMode) throw new FakeExcelError("InvalidOperationInCellEditMode", "The operation is not allowed while the user is editing a cell.");
    if (request > fake.payloadLimit) throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `fake: request of ${request} bytes exceeds ${fake.payloadLimit} bytes`);
    for (const op of ops) if (op.minVersion && !versionLE(op.minVersion, fake.apiVersion)) throw new FakeExcelError("ApiNotFound", `fake: ExcelApi ${op.minVersion} is not supported`);
    let response = 64;
    for (const op of ops) response += op.exec() ?? 0;
    fake.stats.responseBytes += response;
    fake.stats.maxResponseBytes = Math.max(fake.stats.maxResponseBytes, response);
    if (response > fake.payloadLimit) throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `fake: response of ${response} bytes exceeds ${fake.payloadLimit} bytes`);
  }
}

class FakeProxy {
  protected loaded = new Set<string>();
  isNullObject = false;
  constructor(readonly context: FakeContext) {
    context.proxy();
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new FakeExcelError("PropertyNotLoaded", `fake: property "${prop}" was not loaded (call load() and context.sync() first)`);
  }
}

class FakeWorkbook extends FakeProxy {
  private _worksheets?: FakeWorksheetCollection;
  private _application?: FakeApplication;
  get worksheets(): FakeWorksheetCollection {
    return (this._worksheets ??= new FakeWorksheetCollection(this.context));
  }
  get application(): FakeApplication {
    return (this._application ??= new FakeApplication(this.context));
  }
}

class FakeApplication extends FakeProxy {
  calculate(type: string): void {
    this.context.enqueue({ bytes: 40 + type.length, exec: () => void this.context.fake.stats.calculations++ });
  }
}

class FakeEventSource {
  constructor(private readonly ctx: FakeContext) {}
  add(handler: (e: unknown) => unknown) {
    const fake = this.ctx.fake;
    this.ctx.enqueue({ bytes: 40, minVersion: "1.9", exec: () => void fake.changeHandlers.push(handler) });
    return {
      context: this.ctx,
      remove: () =>
        this.ctx.enqueue({
          bytes: 40,
          exec: () => {
            fake.changeHandlers = fake.changeHandlers.filter((h) => h !== handler);
          },
        }),
    };
  }
}

class FakeWorksheetCollection extends FakeProxy {
  private _items?: FakeWorksheet[];
  readonly onChanged: FakeEventSource;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = new FakeEventSource(ctx);
  }
  get items(): FakeWorksheet[] {
    this.need("items");
    return this._items!;
  }
  load(props: string): void {
    this.context.enqueue({
      bytes: 40 + props.length,
      exec: () => {
        this._items = this.context.fake.sheets.map((s) => {
          const w = new FakeWorksheet(this.context, s.name);
          w.markLoaded(s);
          return w;
        });
        this.loaded.add("items");
        return bytesOf(this._items.map((w) => ({ name: w.name, visibility: w.visibility })));
      },
    });
  }
  getItem(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.context, name);
    this.context.enqueue({
      bytes: 40 + name.length,
      exec: () => {
        if (!this.context.fake.sheet(name)) throw new FakeExcelError("ItemNotFound", `fake: no sheet named ${name}`);
      },
    });
    return w;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.context, name);
    this.context.enqueue({
      bytes: 40 + name.length,
      exec: () => {
        w.isNullObject = !this.context.fake.sheet(name);
      },
    });
    return w;
  }
  add(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.context, name);
    this.context.enqueue({
      bytes: 40 + name.length,
      exec: () => {
        const fake = this.context.fake;
        if (fake.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `fake: a sheet named ${name} exists`);
        if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeExcelError("InvalidArgument", `fake: bad sheet name ${name}`);
        fake.sheets.push(new FakeSheet(name));
      },
    });
    return w;
  }
}

class FakeWorksheet extends FakeProxy {
  private _visibility = "Visible";
  private _freeze?: { freezeRows(n: number): void; freezeAt(r: FakeRange): void; unfreeze(): void };
  private _autoFilter?: { apply(r: FakeRange): void };
  constructor(
    ctx: FakeContext,
    private sheetName: string,
  ) {
    super(ctx);
  }
  markLoaded(s: FakeSheet): void {
    this._visibility = s.visibility;
    this.loaded.add("name").add("visibility");
  }
  get name(): string {
    this.need("name");
    return this.sheetName;
  }
  get visibility(): string {
    this.need("visibility");
    return this._visibility;
  }
  set visibility(v: string) {
    this.context.enqueue({ bytes: 40, exec: () => void (this.resolve().visibility = v) });
  }
  resolve(): FakeSheet {
    const s = this.context.fake.sheet(this.sheetName);
    if (!s) throw new FakeExcelError("ItemNotFound", `fake: no sheet named ${this.sheetName}`);
    return s;
  }
  getRange(address: string): FakeRange {
    checkAddress(this.context, address);
    const r = new FakeRange(this.context, this);
    this.context.enqueue({ bytes: 40 + address.length, exec: () => void (this.resolve(), (r.rect = parseRect(address))) });
    return r;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const r = new FakeRange(this.context, this);
    this.context.enqueue({ bytes: 60, minVersion: "1.7", exec: () => void (this.resolve(), (r.rect = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 })) });
    return r;
  }
  getRanges(address: string): FakeRangeAreas {
    checkAddress(this.context, address);
    this.context.fake.stats.rangeAreas++;
    const r = new FakeRangeAreas(this.context, this);
    this.context.enqueue({ bytes: 40 + address.length, minVersion: "1.9", exec: () => void (this.resolve(), (r.rects = address.split(",").map(parseRect))) });
    return r;
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.context, this);
    this.context.enqueue({
      bytes: 40,
      exec: () => {
        const s = this.resolve();
        let rect: Rect | undefined;
        for (const [k, c] of s.cells) {
          const has = c.value !== "" || !!c.formula || (!valuesOnly && (c.fill !== null || c.numberFormat !== "General"));
          if (!has) continue;
          const [row, col] = k.split(",").map(Number);
          if (!rect) rect = { top: row, left: col, bottom: row, right: col };
          else {
            rect.top = Math.min(rect.top, row);
            rect.left = Math.min(rect.left, col);
            rect.bottom = Math.max(rect.bottom, row);
            rect.right = Math.max(rect.right, col);
          }
        }
        r.rect = rect ?? { top: 0, left: 0, bottom: 0, right: 0 };
      },
    });
    return r;
  }
  private _notes?: FakeNoteCollection;
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, this));
  }
  activate(): void {
    this.context.enqueue({ bytes: 30, exec: () => void (this.context.fake.activeSheet = this.resolve().name) });
  }
  delete(): void {
    this.context.enqueue({
      bytes: 30,
      exec: () => {
        const fake = this.context.fake;
        const s = this.resolve();
        const visibleLeft = fake.sheets.filter((x) => x !== s && x.visibility === "Visible").length;
        if (s.visibility === "Visible" && visibleLeft === 0) throw new FakeExcelError("InvalidOperation", "fake: cannot delete the last visible sheet");
        fake.sheets.splice(fake.sheets.indexOf(s), 1);
      },
    });
  }
  get freezePanes() {
    return (this._freeze ??= (() => {
      this.context.proxy();
      return {
        freezeRows: (n: number) => this.context.enqueue({ bytes: 30, exec: () => void (this.resolve().frozenRows = n) }),
        freezeAt: (r: FakeRange) => this.context.enqueue({ bytes: 30, exec: () => void (this.resolve().frozenRows = r.rect!.bottom + 1) }),
        unfreeze: () => this.context.enqueue({ bytes: 30, exec: () => void (this.resolve().frozenRows = 0) }),
      };
    })());
  }
  get autoFilter() {
    return (this._autoFilter ??= (() => {
      this.context.proxy();
      return { apply: (r: FakeRange) => this.context.enqueue({ bytes: 40, minVersion: "1.9", exec: () => void (this.resolve().autoFilter = rectAddress(r.rect!)) }) };
    })());
  }
}

function noteKey(address: string): string {
  return rectAddress(parseRect(address));
}

class FakeNote extends FakeProxy {
  private _content?: string;
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly key: string,
  ) {
    super(ctx);
  }
  load(props: string): void {
    this.context.enqueue({
      bytes: 40 + props.length,
      minVersion: "1.18",
      exec: () => {
        if (this.isNullObject) return 20;
        for (const p of props.split(",").map((x) => x.trim())) if (p !== "content") throw new FakeExcelError("InvalidArgument", `fake: note property ${p} is not modelled`);
        this._content = this.worksheet.resolve().notes.get(this.key) ?? "";
        this.loaded.add("content");
        return bytesOf(this._content) + 20;
      },
    });
  }
  get content(): string {
    this.need("content");
    return this._content!;
  }
  set content(v: string) {
    this.context.enqueue({
      bytes: 40 + bytesOf(v),
      minVersion: "1.18",
      exec: () => {
        const notes = this.worksheet.resolve().notes;
        if (!notes.has(this.key)) throw new FakeExcelError("ItemNotFound", `fake: no note at ${this.key}`);
        notes.set(this.key, v);
      },
    });
  }
  delete(): void {
    this.context.enqueue({
      bytes: 30,
      minVersion: "1.18",
      exec: () => {
        const notes = this.worksheet.resolve().notes;
        if (!notes.has(this.key)) throw new FakeExcelError("ItemNotFound", `fake: no note at ${this.key}`);
        notes.delete(this.key);
      },
    });
  }
  markNull(isNull: boolean): void {
    this.isNullObject = isNull;
  }
}

class FakeNoteCollection extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  add(cellAddress: string, content: string): FakeNote {
    checkAddress(this.context, cellAddress);
    const key = noteKey(cellAddress);
    const note = new FakeNote(this.context, this.worksheet, key);
    this.context.enqueue({
      bytes: 40 + cellAddress.length + bytesOf(content),
      minVersion: "1.18",
      exec: () => {
        const notes = this.worksheet.resolve().notes;
        if (notes.has(key)) throw new FakeExcelError("InvalidArgument", `fake: ${key} already has a note`);
        notes.set(key, String(content));
      },
    });
    return note;
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    checkAddress(this.context, cellAddress);
    const key = noteKey(cellAddress);
    const note = new FakeNote(this.context, this.worksheet, key);
    this.context.enqueue({
      bytes: 40 + cellAddress.length,
      minVersion: "1.18",
      exec: () => note.markNull(!this.worksheet.resolve().notes.has(key)),
    });
    return note;
  }
}

function checkAddress(ctx: FakeContext, address: string): void {
  ctx.fake.stats.longestAddress = Math.max(ctx.fake.stats.longestAddress, address.length);
  if (address.length > FAKE_MAX_ADDRESS) throw new FakeExcelError("InvalidArgument", `fake: address of ${address.length} characters (Excel truncates above ${FAKE_MAX_ADDRESS})`);
}

class FakeFillProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly each: (f: (c: FakeCell) => void) => void,
  ) {
    super(ctx);
  }
  set color(v: string) {
    this.context.enqueue({ bytes: 40, exec: () => this.each((c) => void (c.fill = { color: v.toUpperCase(), pattern: c.fill && c.fill.pattern !== "None" ? c.fill.pattern : "Solid", patternColor: c.fill?.patternColor ?? "#000000" })) });
  }
  set pattern(v: string) {
    this.context.enqueue({ bytes: 40, minVersion: "1.9", exec: () => this.each((c) => void (c.fill = v === "None" ? null : { color: c.fill?.color ?? "#FFFFFF", pattern: v, patternColor: c.fill?.patternColor ?? "#000000" })) });
  }
  set patternColor(v: string) {
    this.context.enqueue({ bytes: 40, minVersion: "1.9", exec: () => this.each((c) => void (c.fill = { color: c.fill?.color ?? "#FFFFFF", pattern: c.fill?.pattern ?? "Solid", patternColor: v.toUpperCase() })) });
  }
  clear(): void {
    this.context.enqueue({ bytes: 30, exec: () => this.each((c) => void (c.fill = null)) });
  }
}

class FakeFormat extends FakeProxy {
  private _fill?: FakeFillProxy;
  private _font?: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private readonly each: (f: (c: FakeCell) => void) => void,
  ) {
    super(ctx);
  }
  get fill(): FakeFillProxy {
    return (this._fill ??= new FakeFillProxy(this.context, this.each));
  }
  get font(): Record<string, unknown> {
    if (!this._font) {
      this.context.proxy();
      const ctx = this.context;
      const each = this.each;
      this._font = new Proxy(
        {},
        {
          set: (_t, prop) => {
            ctx.enqueue({ bytes: 40, exec: () => (prop === "bold" ? each((c) => void (c.bold = true)) : undefined) });
            return true;
          },
        },
      );
    }
    return this._font;
  }
  set columnWidth(_v: number) {
    this.context.enqueue({ bytes: 40, exec: () => undefined });
  }
  set wrapText(_v: boolean) {
    this.context.enqueue({ bytes: 40, exec: () => undefined });
  }
  set verticalAlignment(_v: string) {
    this.context.enqueue({ bytes: 40, exec: () => undefined });
  }
}

function writeCell(fake: FakeExcel, sheet: FakeSheet, cell: FakeCell, v: unknown, asFormula: boolean): void {
  fake.stats.cellsWritten++;
  if (v === "") {
    cell.value = "";
    delete cell.formula;
    return;
  }
  if (typeof v === "string") {
    const text = cell.numberFormat === "@";
    if (!text && v.startsWith("=") && v.length > 1) {
      cell.formula = v;
      const m = /^=HYPERLINK\((".*?"),"((?:[^"]|"")*)"\)$/i.exec(v);
      cell.value = m ? m[2].replace(/""/g, '"') : (fake.evaluate?.(sheet.name, v.slice(1)) ?? "");
      return;
    }
    delete cell.formula;
    if (!text && NUMERIC.test(v.trim())) cell.value = Number(v);
    else if (!text && /^(TRUE|FALSE)$/i.test(v)) cell.value = v.toUpperCase() === "TRUE";
    else cell.value = v;
    void asFormula;
    return;
  }
  delete cell.formula;
  cell.value = v as number | boolean;
}

class FakeRange extends FakeProxy {
  rect?: Rect;
  private data: Record<string, unknown> = {};
  private _format?: FakeFormat;
  private _dv?: { rule: unknown; errorAlert: unknown };
  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  private each = (f: (c: FakeCell) => void): void => {
    const s = this.worksheet.resolve();
    const r = this.rect!;
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(s.ensure(row, col));
  };
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const s = this.worksheet.resolve();
    const r = this.rect!;
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(s.get(row, col)));
      out.push(line);
    }
    return out;
  }
  load(props: string): void {
    this.context.enqueue({
      bytes: 40 + props.length,
      exec: () => {
        const r = this.rect!;
        const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        let bytes = 0;
        for (const p of props.split(",").map((x) => x.trim())) {
          let v: unknown;
          switch (p) {
            case "values":
            case "formulas":
            case "numberFormat":
              if (cells > FAKE_MAX_GET_CELLS) throw new FakeExcelError("RangeExceedsLimit", `fake: get of ${cells} cells exceeds 5,000,000`);
              v =
                p === "values"
                  ? this.grid((c) => c?.value ?? "")
                  : p === "formulas"
                    ? this.grid((c) => c?.formula ?? c?.value ?? "")
                    : this.grid((c) => c?.numberFormat ?? "General");
              break;
            case "address":
              v = `${quoteSheet(this.worksheet.resolve().name)}!${rectAddress(r)}`;
              break;
            case "rowIndex":
              v = r.top;
              break;
            case "columnIndex":
              v = r.left;
              break;
            case "rowCount":
              v = r.bottom - r.top + 1;
              break;
            case "columnCount":
              v = r.right - r.left + 1;
              break;
            case "rowHidden":
            case "columnHidden": {
              // ExcelApi 1.2: true when all rows (columns) of the range are hidden, false when none is,
              // null when some are (Range.rowHidden / columnHidden reference).
              if (!versionLE("1.2", this.context.fake.apiVersion)) throw new FakeExcelError("ApiNotFound", "fake: ExcelApi 1.2 is not supported");
              const s = this.worksheet.resolve();
              const [set, first, last] = p === "rowHidden" ? [s.hiddenRows, r.top, r.bottom] : [s.hiddenColumns, r.left, r.right];
              let hidden = 0;
              for (let i = first; i <= last; i++) if (set.has(i)) hidden++;
              v = hidden === 0 ? false : hidden === last - first + 1 ? true : null;
              break;
            }
            default:
              throw new FakeExcelError("InvalidArgument", `fake: property ${p} is not modelled`);
          }
          this.data[p] = v;
          this.loaded.add(p);
          bytes += bytesOf(v) + p.length + 4;
        }
        return bytes;
      },
    });
  }
  private read(p: string): never | unknown {
    this.need(p);
    return this.data[p];
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }
  get address(): string {
    return this.read("address") as string;
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden") as boolean | null;
  }
  get columnHidden(): boolean | null {
    return this.read("columnHidden") as boolean | null;
  }
  /** Marks a range of the areas collection as loaded with `props` (RangeAreas.load of "areas/items/..."). */
  loadFrom(props: string[]): number {
    let bytes = 0;
    for (const p of props) {
      const r = this.rect!;
      const v = p === "address" ? `${quoteSheet(this.worksheet.resolve().name)}!${rectAddress(r)}` : p === "rowIndex" ? r.top : p === "columnIndex" ? r.left : p === "rowCount" ? r.bottom - r.top + 1 : p === "columnCount" ? r.right - r.left + 1 : undefined;
      if (v === undefined) throw new FakeExcelError("InvalidArgument", `fake: area property ${p} is not modelled`);
      this.data[p] = v;
      this.loaded.add(p);
      bytes += bytesOf(v) + p.length + 4;
    }
    return bytes;
  }
  /**
   * ExcelApi 1.13. The merged areas whose top-left cell is in this range, whole
   * (https://github.com/OfficeDev/office-js/issues/3611); a null object when there is none; fails above
   * 512 areas (Range.getMergedAreasOrNullObject reference; the error code is not documented).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.context, this.worksheet);
    this.context.fake.stats.layoutRequests++;
    this.context.enqueue({
      bytes: 40,
      minVersion: "1.13",
      exec: () => {
        const r = this.rect!;
        const found = this.worksheet.resolve().merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
        if (found.length > FAKE_MAX_MERGED_AREAS) throw new FakeExcelError("GeneralException", `fake: ${found.length} merged areas (more than ${FAKE_MAX_MERGED_AREAS})`);
        areas.resolveTo(found.map((m) => ({ ...m })));
      },
    });
    return areas;
  }
  private visibleAreas(): Rect[] {
    const s = this.worksheet.resolve();
    const r = this.rect!;
    const runs = (first: number, last: number, hidden: Set<number>): [number, number][] => {
      const out: [number, number][] = [];
      for (let i = first; i <= last; i++) {
        if (hidden.has(i)) continue;
        const prev = out[out.length - 1];
        if (prev && prev[1] === i - 1) prev[1] = i;
        else out.push([i, i]);
      }
      return out;
    };
    const out: Rect[] = [];
    for (const [top, bottom] of runs(r.top, r.bottom, s.hiddenRows)) for (const [left, right] of runs(r.left, r.right, s.hiddenColumns)) out.push({ top, left, bottom, right });
    return out;
  }
  private specialCells(cellType: string, orNull: boolean): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.context, this.worksheet);
    this.context.fake.stats.layoutRequests++;
    this.context.enqueue({
      bytes: 40 + cellType.length,
      minVersion: "1.9",
      exec: () => {
        if (cellType !== "Visible") throw new FakeExcelError("InvalidArgument", `fake: special cells ${cellType} are not modelled`);
        const found = this.visibleAreas();
        if (found.length === 0 && !orNull) throw new FakeExcelError("ItemNotFound", "fake: no cells were found");
        areas.resolveTo(found);
      },
    });
    return areas;
  }
  /** ExcelApi 1.9: the visible cells; ItemNotFound when there is none (special-cells article). */
  getSpecialCells(cellType: string): FakeRangeAreas {
    return this.specialCells(cellType, false);
  }
  /** ExcelApi 1.9: the visible cells; a null object when there is none (special-cells article). */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return this.specialCells(cellType, true);
  }
  private setGrid(name: string, grid: unknown[][], apply: (cell: FakeCell, v: unknown) => void): void {
    this.context.enqueue({
      bytes: 40 + bytesOf(grid),
      exec: () => {
        const r = this.rect!;
        if (!Array.isArray(grid) || grid.length !== r.bottom - r.top + 1 || grid.some((row) => !Array.isArray(row) || row.length !== r.right - r.left + 1))
          throw new FakeExcelError("InvalidArgument", `fake: ${name} array does not match ${rectAddress(r)}`);
        const s = this.worksheet.resolve();
        grid.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v === null || v === undefined) return; // null leaves the cell as it is
            apply(s.ensure(r.top + i, r.left + j), v);
          }),
        );
      },
    });
  }
  set values(grid: unknown[][]) {
    this.setGrid("values", grid, (c, v) => writeCell(this.context.fake, this.worksheet.resolve(), c, v, false));
  }
  set formulas(grid: unknown[][]) {
    this.setGrid("formulas", grid, (c, v) => writeCell(this.context.fake, this.worksheet.resolve(), c, v, true));
  }
  set numberFormat(grid: unknown[][]) {
    this.setGrid("numberFormat", grid, (c, v) => void (c.numberFormat = String(v)));
  }
  get format(): FakeFormat {
    return (this._format ??= new FakeFormat(this.context, this.each));
  }
  get dataValidation() {
    if (!this._dv) {
      this.context.proxy();
      const ctx = this.context;
      const self = this;
      this._dv = {
        set rule(v: unknown) {
          ctx.enqueue({ bytes: 40 + bytesOf(v), minVersion: "1.8", exec: () => void self.worksheet.resolve().validations.push({ address: rectAddress(self.rect!), rule: v }) });
        },
        set errorAlert(_v: unknown) {
          ctx.enqueue({ bytes: 60, minVersion: "1.8", exec: () => undefined });
        },
        get rule() {
          return undefined;
        },
        get errorAlert() {
          return undefined;
        },
      } as { rule: unknown; errorAlert: unknown };
    }
    return this._dv;
  }
  getCellProperties(opts: { format?: { fill?: Record<string, boolean> } }) {
    this.context.proxy();
    const result: { value?: unknown } = {};
    let loaded = false;
    this.context.enqueue({
      bytes: 40 + bytesOf(opts),
      minVersion: "1.9",
      exec: () => {
        const want = opts.format?.fill ?? {};
        const v = this.grid((c) => {
          const f = c?.fill;
          const fill: Record<string, unknown> = {};
          if (want.color) fill.color = f ? f.color : "#FFFFFF";
          if (want.pattern) fill.pattern = f ? f.pattern : "None";
          if (want.patternColor) fill.patternColor = f ? f.patternColor : "#000000";
          return { format: { fill } };
        });
        result.value = v;
        loaded = true;
        return bytesOf(v);
      },
    });
    return {
      get value() {
        if (!loaded) throw new FakeExcelError("PropertyNotLoaded", "fake: ClientResult.value read before context.sync()");
        return result.value;
      },
    };
  }
  clear(applyTo?: string): void {
    this.context.enqueue({
      bytes: 40,
      exec: () => {
        const s = this.worksheet.resolve();
        const r = this.rect!;
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            if (applyTo === "Contents") {
              const c = s.get(row, col);
              if (c) {
                c.value = "";
                delete c.formula;
              }
            } else s.cells.delete(s.key(row, col));
          }
      },
    });
  }
  select(): void {
    this.context.enqueue({ bytes: 30, exec: () => void (this.context.fake.selection = { sheet: this.worksheet.resolve().name, address: rectAddress(this.rect!) }) });
  }
}

class FakeRangeAreas extends FakeProxy {
  rects: Rect[] = [];
  private _format?: FakeFormat;
  private _areas?: FakeRangeCollection;
  private data: Record<string, unknown> = {};
  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  private each = (f: (c: FakeCell) => void): void => {
    const s = this.worksheet.resolve();
    for (const r of this.rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(s.ensure(row, col));
  };
  /** Sets the areas a *OrNullObject method found (none: a null object). */
  resolveTo(rects: Rect[]): void {
    this.rects = rects;
    this.isNullObject = rects.length === 0;
  }
  get format(): FakeFormat {
    return (this._format ??= new FakeFormat(this.context, this.each));
  }
  /** The areas (RangeAreas.areas, a RangeCollection); its items are there once loaded. */
  get areas(): FakeRangeCollection {
    return (this._areas ??= new FakeRangeCollection(this.context, this.worksheet, () => this.rects));
  }
  /** address, areaCount, cellCount and areas/items/<address|rowIndex|columnIndex|rowCount|columnCount>. */
  load(props: string): void {
    this.context.enqueue({
      bytes: 40 + props.length,
      exec: () => {
        if (this.isNullObject) return 20; // a null object loads nothing; its properties stay unreadable
        const itemProps: string[] = [];
        let bytes = 0;
        for (const p of props.split(",").map((x) => x.trim())) {
          let v: unknown;
          if (p.startsWith("areas/items/")) {
            itemProps.push(p.slice("areas/items/".length));
            continue;
          } else if (p === "address") {
            const sheet = quoteSheet(this.worksheet.resolve().name);
            v = this.rects.map((r) => `${sheet}!${rectAddress(r)}`).join(", ");
          } else if (p === "areaCount") v = this.rects.length;
          else if (p === "cellCount") v = this.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
          else throw new FakeExcelError("InvalidArgument", `fake: RangeAreas property ${p} is not modelled`);
          this.data[p] = v;
          this.loaded.add(p);
          bytes += bytesOf(v) + p.length + 4;
        }
        if (itemProps.length) bytes += this.areas.fill(itemProps);
        return bytes;
      },
    });
  }
  get address(): string {
    this.need("address");
    return this.data.address as string;
  }
  get areaCount(): number {
    this.need("areaCount");
    return this.data.areaCount as number;
  }
  get cellCount(): number {
    this.need("cellCount");
    return this.data.cellCount as number;
  }
  select(): void {
    this.context.enqueue({
      bytes: 30,
      minVersion: "1.9",
      exec: () => void (this.context.fake.selection = { sheet: this.worksheet.resolve().name, address: this.rects.map(rectAddress).join(",") }),
    });
  }
}

/** RangeAreas.areas: the ranges of a RangeAreas, readable once loaded ("areas/items/address"). */
class FakeRangeCollection extends FakeProxy {
  private _items?: FakeRange[];
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly rects: () => Rect[],
  ) {
    super(ctx);
  }
  /** Builds the items with `props` loaded; returns the response bytes. */
  fill(props: string[]): number {
    let bytes = 2;
    this._items = this.rects().map((rect) => {
      const r = new FakeRange(this.context, this.worksheet);
      r.rect = rect;
      bytes += r.loadFrom(props);
      return r;
    });
    this.loaded.add("items");
    return bytes;
  }
  load(props: string): void {
    this.context.enqueue({ bytes: 40 + props.length, exec: () => this.fill(props.split(",").map((p) => p.trim().replace(/^items\//, ""))) });
  }
  get items(): FakeRange[] {
    this.need("items");
    return this._items!;
  }
}

/**
 * Test data for the fake: an インハウス予算 sheet (DOMAIN §3.1) of `rows` institutes, of which `bad`
 * (spread evenly) state 健康・医療関係 above 全体 (one part/exceeds-whole error each). The ratio columns
 * are left empty for Kensa to fill.
 */
export function budgetSheetRows(rows: number, bad = 0, prefix = "研究機関"): FakeInput[][] {
  const out: FakeInput[][] = [
    ["報告年度", "令和7年度"],
    ["(単位：億円)"],
    ["機関名", "所管", "全体", "健康・医療関係", "外部資金（健康・医療関係）", "健康・医療比率", "外部資金比率", "備考"],
  ];
  const step = bad > 0 ? Math.max(1, Math.floor(rows / bad)) : Infinity;
  let badLeft = bad;
  for (let i = 0; i < rows; i++) {
    const whole = 100 + (i % 97);
    const isBad = badLeft > 0 && i % step === 0;
    if (isBad) badLeft--;
    out.push([`${prefix}${i + 1}`, ["文", "厚", "経"][i % 3], whole, isBad ? whole + 5 : 10 + (i % 53), 3 + (i % 11), null, null, i % 13 === 0 ? "2025（令和7）年度に拡充" : null]);
  }
  return out;
}
