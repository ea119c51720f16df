/**
 * TEST FAKE of the Excel JavaScript API (Office.js) — NOT Excel.
 *
 * An in-memory workbook behind just the part of the Excel JS object model that the Office.js adapter
 * (src/adapters/office) uses, with the request/sync semantics that matter for correctness and cost. Each
 * behaviour below says what it follows; "docs/…" is a page of OfficeDev/office-js-docs-pr, "ref" the
 * API reference (learn.microsoft.com/javascript/api/excel, the same text as @types/office-js), "#n" an
 * issue of OfficeDev/office-js. Where Microsoft documents nothing, the fake takes the case that is worse
 * for Kensa and says so.
 *
 * Requests and limits
 * - calls on proxy objects are QUEUED and run only at context.sync(), in order; reading a property that
 *   was not loaded (or before the sync) throws PropertyNotLoaded (docs/develop/application-specific-api-model.md,
 *   "proxy objects … added to a queue of pending commands");
 * - it COUNTS syncs, proxy objects, queued operations and estimated request/response bytes;
 * - it ENFORCES Excel on the web's limits: a request or a response over 5 MB fails the whole sync with
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (docs/excel/performance.md,
 *   docs/testing/application-specific-api-error-handling.md); a get of more than 5,000,000 cells fails
 *   (performance.md); an address string over 8,192 characters fails (real Excel silently truncates it,
 *   docs/excel/excel-add-ins-troubleshooting.md — the fake makes that loud);
 *
 * Partial failure (`failAt`, and any operation that throws)
 * - a batch is not a transaction: when an operation fails, the operations queued before it in the same
 *   sync stay applied and the ones after it do not run. Microsoft documents no rollback; the error names
 *   "the statement that caused the error" (ref OfficeExtension.DebugInfo.statement), so the queue runs in
 *   order up to it — the fake keeps what ran before it, the worse case for an add-in
 *   (shared/reference/excel-real-behaviour.md row 1). `failAt` fails the n-th sync at its k-th operation
 *   (k = the number of operations that still run; k ≥ their count: all ran and the answer was lost);
 *
 * Values
 * - a string written through `values` that starts with "=" becomes a formula, a numeric-looking string a
 *   number, "TRUE"/"FALSE" a boolean and an error literal ("#N/A", "#DIV/0!", …) an error value, unless the
 *   cell's number format is text ("@") — as typing it does (ref Range.values: "If the returned value starts
 *   with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula");
 * - `valueTypes` (ExcelApi 1.1, ref Range.valueTypes): "Empty", "String", "Double", "Boolean" or "Error"
 *   per cell, so an error value is told from text that looks like one;
 *
 * Fills (ExcelApi 1.9 RangeFill and getCellProperties)
 * - a cell's fill is color, pattern, patternColor, tintAndShade, patternTintAndShade (ref RangeFill);
 * - No Fill reads as color "#FFFFFF" — the same as a white fill (#6218) — with pattern null, and a white
 *   fill also reads pattern null (#4900, reporter); only tintAndShade tells them apart: null for No Fill, a
 *   number for any fill (#4900, Microsoft's answer). Other fills report their pattern;
 * - the gradient patterns can be read but not set (ref RangeFill.pattern: "LinearGradient and
 *   RectangularGradient are not supported"): setting one fails with InvalidArgument;
 * - setting tintAndShade / patternTintAndShade changes only that number, and reading gives back exactly
 *   what was set (Microsoft does not document how RangeFill.color and tintAndShade combine on real Excel:
 *   see the note in src/adapters/office/highlight.ts);
 *
 * Protection
 * - Worksheet.protection.protected (ExcelApi 1.2) and Workbook.protection.protected (ExcelApi 1.7), loaded
 *   like any property (docs/excel/excel-add-ins-worksheets.md "Protect worksheet data",
 *   docs/excel/excel-add-ins-workbooks.md "Protect workbook structure");
 * - a write to a protected sheet (values, formulas, number formats, fills, fonts, notes, validation,
 *   clear) fails; adding, deleting, renaming or hiding a sheet of a protected workbook fails ("prevent users
 *   from adding, deleting, moving, or renaming worksheets", excel-add-ins-workbooks.md). The error code
 *   Excel gives is not documented; the fake says AccessDenied ("You cannot perform the requested
 *   operation", application-specific-api-error-handling.md);
 *
 * Events (ExcelApi 1.7 / 1.14)
 * - worksheets.onChanged fires for changes of cell data made by the add-in itself, not only by a person
 *   (docs/excel/excel-add-ins-events.md, "Event triggers": "Office Add-in (JavaScript) code that changes the
 *   workbook"); fill changes are format changes (onFormatChanged) and do not fire it. Whether a note fires
 *   onChanged is not documented: the fake fires it (the worse case);
 * - the event arguments carry worksheetId, address, source ("Local"/"Remote") and, from ExcelApi 1.14,
 *   triggerSource: "ThisLocalAddin" for the add-in's own writes, "Unknown" otherwise
 *   (ref WorksheetChangedEventArgs, Excel.EventTriggerSource);
 * - they arrive AFTER the sync, asynchronously, `eventDelayMs` later (delivery time is not documented;
 *   Excel on the web delivers them late — issue 9), so no timing window can tell own writes apart;
 *
 * Run options (ref Excel.RunOptions)
 * - delayForCellEdit: while a cell is being edited, a batch without it fails (InvalidOperationInCellEditMode,
 *   error table) and a batch with it waits until the edit ends (docs/excel/excel-add-ins-delay-in-cell-edit.md);
 * - mergeUndoGroup (ExcelApi 1.20): all syncs of the run make one undo record instead of one per sync; an API
 *   without undo support in the group throws UndoNotSupported (docs/excel/excel-add-ins-undo-capabilities.md);
 * - the undo stack (`undo`): from ExcelApi 1.20 each sync with writes is an undo record, and
 *   Worksheet.delete and Worksheet.visibility (desktop) clear the stack (the "Unsupported APIs" table);
 *   before 1.20 (Office 2021/2024 perpetual) every API write clears it
 *   (docs/develop/application-specific-api-model.md "Undo support": "If a particular API doesn't support
 *   undo, the application's undo stack is cleared"; undo support was released with ExcelApi 1.20);
 *
 * Also: cell-edit mode; an older ExcelApi version (newer APIs fail with ApiNotFound, isSetSupported says
 * false); notes (ExcelApi 1.18: add / getItemOrNullObject / content / delete; adding a note where one exists
 * fails); merged areas and hidden rows/columns for reading the layout:
 *   - a merged area keeps its value in its top-left cell only; the other cells read "" — "The value of a
 *     merged range is specified in the cell of the range's upper-left corner"
 *     (https://learn.microsoft.com/office/vba/api/excel.range.merge); FakeExcel.merge empties them;
 *   - Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas whose top-left cell is in the
 *     range, whole (#3611); a null object when there is none; fails above 512 areas (ref; the error code
 *     is not documented: the fake says GeneralException);
 *   - Range.rowHidden / columnHidden (ExcelApi 1.2): true when all rows (columns) of the range are hidden,
 *     false when none is, null when some are (ref);
 *   - getSpecialCells / getSpecialCellsOrNullObject("Visible") (ExcelApi 1.9): one area per run of visible
 *     rows × run of visible columns; ItemNotFound / a null object when there is none
 *     (docs/excel/excel-add-ins-ranges-special-cells.md).
 *
 * Page layout and data validation (recorded per sheet for tests: FakeSheet.pageLayout, .validations)
 * - Worksheet.pageLayout (ExcelApi 1.9, Excel.PageLayout reference): orientation "Portrait"/"Landscape"
 *   (Excel.PageOrientation), paperSize one of Excel.PaperType, margins in points, centerHorizontally,
 *   setPrintTitleRows (a range or an address such as "$3:$4"), headersFooters.defaultForAllPages; `zoom` only as
 *   a whole object ("use x.zoom = {...} instead of x.zoom.scale = ...", PageLayout.zoom reference), with
 *   scale 10–400 (PageLayoutZoomOptions reference); any other value fails with InvalidArgument (the code is
 *   not documented). Below 1.9 every use fails with ApiNotFound;
 * - Range.dataValidation (ExcelApi 1.8): a rule holds exactly one kind of criteria ("You can only use one of
 *   them at a time", DataValidationRule reference), else InvalidArgument; prompt, errorAlert and ignoreBlanks
 *   (defaults to true, docs/excel/excel-add-ins-data-validation.md) are recorded with it;
 * - Range.merge / unmerge (ExcelApi 1.2): merging keeps the top-left cell's value only, as FakeExcel.merge.
 *   Whether Range.clear("All") unmerges is not documented: the fake keeps the merges (the worse case);
 * - column widths, row heights (RangeFormat.rowHeight, points) and font name / size / italic are recorded.
 *
 * What it does NOT model: formula calculation (formulas keep the cached value a test gives them, or
 * null; HYPERLINK shows its text), alignment and borders beyond accepting them, writing into merged cells
 * through the API, filters, theme colours (a fill is the RGB colour Office.js reports), how a page breaks,
 * and real Excel's timing. Real-Excel verification is a manual step.
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
  /** RangeFill.tintAndShade; 0 when absent. */
  tintAndShade?: number;
  /** RangeFill.patternTintAndShade; 0 when absent. */
  patternTintAndShade?: number;
}

export interface FakeCell {
  /** The value (a formula's cached result); "" when empty. */
  value: number | string | boolean;
  /** With the leading "=". */
  formula?: string;
  numberFormat: string;
  fill: FakeFill | null;
  bold?: boolean;
  /** RangeFont.name / size / italic, as last set. */
  font?: { name?: string; size?: number; italic?: boolean };
  /** The value is an error value (valueTypes "Error"), not text. */
  error?: boolean;
}

export type FakeInput =
  | number
  | string
  | boolean
  | null
  | undefined
  | { v?: number | string | boolean | null; f?: string; nf?: string; fill?: string | FakeFill; note?: string };

/** A sheet's layout for test setup: merged areas as A1 rectangles, 0-based hidden rows and columns. */
export interface FakeLayout {
  merges?: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** Merged areas one getMergedAreasOrNullObject can return (Range.getMergedAreasOrNullObject reference). */
export const FAKE_MAX_MERGED_AREAS = 512;

/** Excel's error values (what `values` returns for a cell holding one). */
export const FAKE_ERROR_VALUES =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

let nextSheetId = 1;

export class FakeSheet {
  visibility = "Visible";
  /** Worksheet.id: a GUID in braces, as Excel gives it. */
  readonly id = `{00000000-0000-4000-8000-${String(nextSheetId++).padStart(12, "0")}}`;
  /** Worksheet.protection.protected. */
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  frozenRows = 0;
  autoFilter?: string;
  /** Range.dataValidation by A1 address (see FakeValidation). */
  readonly validations = new Map<string, FakeValidation>();
  /** Worksheet.pageLayout, as set (nothing set: Excel's defaults). */
  readonly pageLayout: FakePageLayoutState = {};
  /** RangeFormat.rowHeight by 0-based row, and columnWidth by 0-based column, in points. */
  readonly rowHeights = new Map<number, number>();
  readonly columnWidths = new Map<number, number>();
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

/** What a range's data validation holds (Excel.DataValidation). */
export interface FakeValidation {
  rule?: Record<string, unknown>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks: boolean;
}

/** What Worksheet.pageLayout holds once set (Excel.PageLayout). */
export interface FakePageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated on every page, "3:4". */
  printTitleRows?: string;
  centerHorizontally?: boolean;
  margins?: Record<string, number>;
  headersFooters?: Record<string, string>;
}

/** Excel.PaperType (ref). */
const PAPER_TYPES = new Set(
  [
    "Letter LetterSmall Tabloid Ledger Legal Statement Executive A3 A4 A4Small A5 B4 B5 Folio Quatro ",
    "Paper10x14 Paper11x17 Note Envelope9 Envelope10 Envelope11 Envelope12 Envelope14 Csheet Dsheet ",
    "Esheet EnvelopeDL EnvelopeC5 EnvelopeC3 EnvelopeC4 EnvelopeC6 EnvelopeC65 EnvelopeB4 EnvelopeB5 ",
    "EnvelopeB6 EnvelopeItaly EnvelopeMonarch EnvelopePersonal FanfoldUS FanfoldStdGerman ",
    "FanfoldLegalGerman",
  ]
    .join("")
    .split(" "),
);

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

/** The arguments of a worksheets.onChanged event (ref WorksheetChangedEventArgs). */
export interface FakeChangedEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local" | "Remote";
  /** ExcelApi 1.14; absent below. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
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
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
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
  return { ...f, color: f.color.toUpperCase(), patternColor: (f.patternColor ?? "#000000").toUpperCase() };
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

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
      const rows: FakeInput[][] = sheet.rows.map((row) =>
        row.map((cell) => {
          if (!cell) return undefined;
          const v = cell.value;
          const value =
            v === null
              ? null
              : v instanceof Date
                ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000
                : typeof v === "object"
                  ? v.error
                  : v;
          return { v: value, f: cell.formula, nf: cell.numFmt };
        }),
      );
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
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(",").map(Number);
      const a1 = rectAddress({ top: r, left: col, bottom: r, right: col });
      const view = {
        v: c.value,
        f: c.formula ?? null,
        nf: c.numberFormat,
        fill: c.fill ? normalFill(c.fill) : null,
        e: !!c.error,
      };
      if (view.v === "" && !view.f && view.nf === "General" && !view.fill) continue;
      out[a1] = JSON.stringify(view);
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

/** A fill as compared in tests: zero tints left out. */
function normalFill(f: FakeFill): FakeFill {
  const out: FakeFill = {
    color: f.color.toUpperCase(),
    pattern: f.pattern,
    patternColor: (f.patternColor ?? "#000000").toUpperCase(),
  };
  if (f.tintAndShade) out.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade) out.patternTintAndShade = f.patternTintAndShade;
  return out;
}

type Op = { bytes: number; minVersion?: string; exec: () => number | void };

class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  /** The add-in's value writes of the running sync (for change events). */
  private changes: { sheet: FakeSheet; address: string }[] = [];
  private wroteInSync = false;
  private wroteInRun = false;
  constructor(
    readonly fake: FakeExcel,
    private readonly merge: boolean,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op): void {
    this.fake.stats.operations++;
    this.queue.push(op);
  }
  proxy(): void {
    this.fake.stats.proxies++;
  }
  /** A write to a sheet's cells, formats or notes: fails on a protected sheet; counts for undo. */
  touch(s: FakeSheet): void {
    if (s.protected) throw new FakeExcelError("AccessDenied", `fake: the sheet ${s.name} is protected`);
    this.wroteInSync = true;
  }
  /** A change of the cells' data: touch, plus a change event after the sync. */
  changed(s: FakeSheet, r: Rect): void {
    this.touch(s);
    this.changes.push({ sheet: s, address: rectAddress(r) });
  }
  /** A change of the workbook's structure (add, delete, rename, hide): fails on a protected workbook. */
  structure(kind: "add" | "delete" | "visibility"): void {
    if (this.fake.workbookProtected)
      throw new FakeExcelError("AccessDenied", "fake: the workbook's structure is protected");
    // the "Unsupported APIs" table of excel-add-ins-undo-capabilities.md
    const noUndo = kind === "delete" || (kind === "visibility" && this.fake.platform === "desktop");
    if (noUndo && versionLE("1.20", this.fake.apiVersion)) {
      if (this.merge)
        throw new FakeExcelError("UndoNotSupported", `fake: ${kind} does not support undo and cannot be grouped`);
      this.fake.undo.cleared++;
    }
    this.wroteInSync = true;
  }
  async sync(): Promise<void> {
    const fake = this.fake;
    const ops = this.queue;
    this.queue = [];
    fake.stats.syncs++;
    fake.syncCount++;
    fake.syncLog.push(ops.length);
    const request = ops.reduce((n, o) => n + o.bytes, 64);
    fake.stats.requestBytes += request;
    fake.stats.maxRequestBytes = Math.max(fake.stats.maxRequestBytes, request);
    if (fake.failNextSyncWith) {
      const code = fake.failNextSyncWith;
      fake.failNextSyncWith = undefined;
      throw new FakeExcelError(code, `fake: ${code}`);
    }
    if (fake.cellEditMode)
      throw new FakeExcelError(
        "InvalidOperationInCellEditMode",
        "The operation is not allowed while the user is editing a cell.",
      );
    if (request > fake.payloadLimit)
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `fake: request of ${request} bytes exceeds ${fake.payloadLimit} bytes`,
      );
    for (const op of ops)
      if (op.minVersion && !versionLE(op.minVersion, fake.apiVersion))
        throw new FakeExcelError("ApiNotFound", `fake: ExcelApi ${op.minVersion} is not supported`);
    const failAt = fake.failAt && fake.failAt.sync === fake.syncCount ? fake.failAt : undefined;
    if (failAt) fake.failAt = undefined;
    let response = 64;
    this.changes = [];
    this.wroteInSync = false;
    try {
      for (let i = 0; i < ops.length; i++) {
        if (failAt && i === failAt.op)
          throw new FakeExcelError(
            failAt.code ?? "GeneralException",
            `fake: injected failure at operation ${i} of sync ${fake.syncCount}`,
          );
        response += ops[i].exec() ?? 0;
      }
      if (failAt)
        throw new FakeExcelError(
          failAt.code ?? "GeneralException",
          `fake: injected failure after sync ${fake.syncCount} ran (the answer was lost)`,
        );
    } finally {
      // what ran stays applied: its undo record (or the cleared stack) and its change events
      if (this.wroteInSync) {
        this.wroteInRun = true;
        if (!versionLE("1.20", fake.apiVersion)) fake.undo.cleared++;
        else if (!this.merge) fake.undo.records++;
      }
      fake.addinChanged(this.changes);
      this.changes = [];
    }
    fake.stats.responseBytes += response;
    fake.stats.maxResponseBytes = Math.max(fake.stats.maxResponseBytes, response);
    if (response > fake.payloadLimit)
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `fake: response of ${response} bytes exceeds ${fake.payloadLimit} bytes`,
      );
  }
  /** The end of Excel.run: a merged undo group becomes one record. */
  end(): void {
    if (this.merge && this.wroteInRun) this.fake.undo.records++;
  }
}

class FakeProxy {
  protected loaded = new Set<string>();
  isNullObject = false;
  constructor(readonly context: FakeContext) {
    context.proxy();
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop))
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `fake: property "${prop}" was not loaded (call load() and context.sync() first)`,
      );
  }
}

/** Workbook.protection / Worksheet.protection: `protected`, readable once loaded. */
class FakeProtection extends FakeProxy {
  private value = false;
  constructor(
    ctx: FakeContext,
    private readonly read: () => boolean,
    private readonly minVersion: string,
  ) {
    super(ctx);
  }
  load(props?: string): void {
    void props;
    this.context.enqueue({ bytes: 40, minVersion: this.minVersion, exec: () => this.mark() });
  }
  /** Marks `protected` as loaded (also used when a collection load names items/protection/protected). */
  mark(): number {
    this.value = this.read();
    this.loaded.add("protected");
    return 20;
  }
  get protected(): boolean {
    this.need("protected");
    return this.value;
  }
}

class FakeWorkbook extends FakeProxy {
  private _worksheets?: FakeWorksheetCollection;
  private _application?: FakeApplication;
  private _protection?: FakeProtection;
  get worksheets(): FakeWorksheetCollection {
    return (this._worksheets ??= new FakeWorksheetCollection(this.context));
  }
  get application(): FakeApplication {
    return (this._application ??= new FakeApplication(this.context));
  }
  /** ExcelApi 1.7 (ref Workbook.protection). */
  get protection(): FakeProtection {
    return (this._protection ??= new FakeProtection(this.context, () => this.context.fake.workbookProtected, "1.7"));
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
  /** items/name, items/id, items/visibility, items/protection/protected (ExcelApi 1.2). */
  load(props: string): void {
    const wantsProtection = /\bprotection\b/.test(props);
    this.context.enqueue({
      bytes: 40 + props.length,
      minVersion: wantsProtection ? "1.2" : undefined,
      exec: () => {
        this._items = this.context.fake.sheets.map((s) => {
          const w = new FakeWorksheet(this.context, s.name);
          w.markLoaded(s);
          if (wantsProtection) w.protection.mark();
          return w;
        });
        this.loaded.add("items");
        return bytesOf(
          this._items.map((w) => ({ name: w.name, id: w.id, visibility: w.visibility, p: wantsProtection })),
        );
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
        const s = this.context.fake.sheet(name);
        w.isNullObject = !s;
        if (s) w.markLoaded(s);
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
        this.context.structure("add");
        if (fake.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `fake: a sheet named ${name} exists`);
        if (name.length > 31 || /[\\/?*[\]:]/.test(name))
          throw new FakeExcelError("InvalidArgument", `fake: bad sheet name ${name}`);
        fake.sheets.push(new FakeSheet(name));
      },
    });
    return w;
  }
}

class FakeWorksheet extends FakeProxy {
  private _visibility = "Visible";
  private _id = "";
  private _freeze?: { freezeRows(n: number): void; freezeAt(r: FakeRange): void; unfreeze(): void };
  private _autoFilter?: { apply(r: FakeRange): void; remove(): void };
  private _protection?: FakeProtection;
  constructor(
    ctx: FakeContext,
    private sheetName: string,
  ) {
    super(ctx);
  }
  markLoaded(s: FakeSheet): void {
    this._visibility = s.visibility;
    this._id = s.id;
    this.loaded.add("name").add("visibility").add("id");
  }
  /** name, id, visibility, protection/protected (nothing on a null object). */
  load(props: string): void {
    this.context.enqueue({
      bytes: 40 + props.length,
      exec: () => {
        if (this.isNullObject) return 20;
        const s = this.resolve();
        this.markLoaded(s);
        if (/\bprotection\b/.test(props)) this.protection.mark();
        return 60;
      },
    });
  }
  get name(): string {
    this.need("name");
    return this.sheetName;
  }
  get id(): string {
    this.need("id");
    return this._id;
  }
  get visibility(): string {
    this.need("visibility");
    return this._visibility;
  }
  set visibility(v: string) {
    this.context.enqueue({
      bytes: 40,
      exec: () => {
        const s = this.resolve();
        this.context.structure("visibility");
        s.visibility = v;
      },
    });
  }
  /** ExcelApi 1.2 (ref Worksheet.protection). */
  get protection(): FakeProtection {
    return (this._protection ??= new FakeProtection(
      this.context,
      () => !!this.context.fake.sheet(this.sheetName)?.protected,
      "1.2",
    ));
  }
  resolve(): FakeSheet {
    const s = this.context.fake.sheet(this.sheetName);
    if (!s) throw new FakeExcelError("ItemNotFound", `fake: no sheet named ${this.sheetName}`);
    return s;
  }
  /** A range by address; without one, the whole sheet (only clear() is modelled on it). */
  getRange(address?: string): FakeRange {
    const r = new FakeRange(this.context, this);
    if (address === undefined) {
      r.whole = true;
      this.context.enqueue({
        bytes: 40,
        exec: () => void (this.resolve(), (r.rect = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 })),
      });
      return r;
    }
    checkAddress(this.context, address);
    this.context.enqueue({
      bytes: 40 + address.length,
      exec: () => void (this.resolve(), (r.rect = parseRect(address))),
    });
    return r;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const r = new FakeRange(this.context, this);
    this.context.enqueue({
      bytes: 60,
      minVersion: "1.7",
      exec: () =>
        void (this.resolve(), (r.rect = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 })),
    });
    return r;
  }
  getRanges(address: string): FakeRangeAreas {
    checkAddress(this.context, address);
    this.context.fake.stats.rangeAreas++;
    const r = new FakeRangeAreas(this.context, this);
    this.context.enqueue({
      bytes: 40 + address.length,
      minVersion: "1.9",
      exec: () => void (this.resolve(), (r.rects = address.split(",").map(parseRect))),
    });
    return r;
  }
  private usedRect(valuesOnly: boolean | undefined): Rect | undefined {
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
    return rect;
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.context, this);
    this.context.enqueue({
      bytes: 40,
      exec: () => void (r.rect = this.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }),
    });
    return r;
  }
  /** ExcelApi 1.4: a null object when the sheet is blank (or this worksheet is a null object). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.context, this);
    this.context.enqueue({
      bytes: 40,
      minVersion: "1.4",
      exec: () => {
        if (this.isNullObject) {
          r.isNullObject = true;
          return;
        }
        const rect = this.usedRect(valuesOnly);
        if (rect) r.rect = rect;
        else r.isNullObject = true;
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
        this.context.structure("delete");
        const visibleLeft = fake.sheets.filter((x) => x !== s && x.visibility === "Visible").length;
        if (s.visibility === "Visible" && visibleLeft === 0)
          throw new FakeExcelError("InvalidOperation", "fake: cannot delete the last visible sheet");
        fake.sheets.splice(fake.sheets.indexOf(s), 1);
      },
    });
  }
  get freezePanes() {
    return (this._freeze ??= (() => {
      this.context.proxy();
      const set = (n: number) => {
        const s = this.resolve();
        this.context.touch(s);
        s.frozenRows = n;
      };
      return {
        freezeRows: (n: number) => this.context.enqueue({ bytes: 30, exec: () => set(n) }),
        freezeAt: (r: FakeRange) => this.context.enqueue({ bytes: 30, exec: () => set(r.rect!.bottom + 1) }),
        unfreeze: () => this.context.enqueue({ bytes: 30, exec: () => set(0) }),
      };
    })());
  }
  private _pageLayout?: FakePageLayout;
  /** ExcelApi 1.9 (ref Worksheet.pageLayout). */
  get pageLayout(): FakePageLayout {
    return (this._pageLayout ??= new FakePageLayout(this.context, this));
  }
  get autoFilter() {
    return (this._autoFilter ??= (() => {
      this.context.proxy();
      const set = (v: string | undefined) => {
        const s = this.resolve();
        this.context.touch(s);
        s.autoFilter = v;
      };
      return {
        apply: (r: FakeRange) =>
          this.context.enqueue({ bytes: 40, minVersion: "1.9", exec: () => set(rectAddress(r.rect!)) }),
        remove: () => this.context.enqueue({ bytes: 30, minVersion: "1.9", exec: () => set(undefined) }),
      };
    })());
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): every setting queued, checked as the reference gives its values. */
class FakePageLayout extends FakeProxy {
  private _headersFooters?: { defaultForAllPages: Record<string, string> };
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
    // leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin: points, ≥ 0
    for (const side of ["left", "right", "top", "bottom", "header", "footer"])
      Object.defineProperty(this, `${side}Margin`, { set: (v: number) => this.margin(side, v) });
  }
  private set(what: string, apply: (l: FakePageLayoutState) => void, valid = true): void {
    this.context.enqueue({
      bytes: 60,
      minVersion: "1.9",
      exec: () => {
        const s = this.worksheet.resolve();
        this.context.touch(s);
        if (!valid) throw new FakeExcelError("InvalidArgument", `fake: pageLayout ${what} is not valid`);
        apply(s.pageLayout);
      },
    });
  }
  private margin(side: string, v: number): void {
    this.set(`${side}Margin`, (l) => void ((l.margins ??= {})[side] = v), Number.isFinite(v) && v >= 0);
  }
  set orientation(v: string) {
    this.set("orientation", (l) => void (l.orientation = v), v === "Portrait" || v === "Landscape");
  }
  set paperSize(v: string) {
    this.set("paperSize", (l) => void (l.paperSize = v), PAPER_TYPES.has(v));
  }
  /** Set only as a whole object; its fields as the reference allows them. */
  set zoom(v: FakePageLayoutState["zoom"]) {
    const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
    const valid =
      !!v &&
      typeof v === "object" &&
      (v.scale === undefined || (v.scale >= 10 && v.scale <= 400)) &&
      pages(v.horizontalFitToPages) &&
      pages(v.verticalFitToPages);
    this.set("zoom", (l) => void (l.zoom = { ...v }), valid);
  }
  set centerHorizontally(v: boolean) {
    this.set("centerHorizontally", (l) => void (l.centerHorizontally = v));
  }
  /** A range, or an address of whole rows ("$3:$4", "3:4"). */
  setPrintTitleRows(rows: string | FakeRange): void {
    const m = typeof rows === "string" ? /^\$?(\d+):\$?(\d+)$/.exec(rows.trim()) : null;
    this.set("title rows", (l) => {
      let span: [number, number] | undefined;
      if (typeof rows !== "string") span = [rows.rect!.top + 1, rows.rect!.bottom + 1];
      else if (m && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2])) span = [Number(m[1]), Number(m[2])];
      if (!span) throw new FakeExcelError("InvalidArgument", `fake: title rows ${String(rows)} are not rows`);
      l.printTitleRows = `${span[0]}:${span[1]}`;
    });
  }
  /** headersFooters.defaultForAllPages: leftHeader, centerFooter… (ref HeaderFooter). */
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    if (!this._headersFooters) {
      this.context.proxy();
      const part = (name: string) => (v: string) => this.set(name, (l) => void ((l.headersFooters ??= {})[name] = v));
      const page: Record<string, string> = {};
      for (const side of ["left", "center", "right"])
        for (const where of ["Header", "Footer"])
          Object.defineProperty(page, `${side}${where}`, { set: part(`${side}${where}`), enumerable: true });
      this._headersFooters = { defaultForAllPages: page };
    }
    return this._headersFooters;
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
  private changedNote(s: FakeSheet): void {
    this.context.changed(s, parseRect(this.key));
  }
  load(props: string): void {
    this.context.enqueue({
      bytes: 40 + props.length,
      minVersion: "1.18",
      exec: () => {
        if (this.isNullObject) return 20;
        for (const p of props.split(",").map((x) => x.trim()))
          if (p !== "content") throw new FakeExcelError("InvalidArgument", `fake: note property ${p} is not modelled`);
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
        const s = this.worksheet.resolve();
        this.changedNote(s);
        if (!s.notes.has(this.key)) throw new FakeExcelError("ItemNotFound", `fake: no note at ${this.key}`);
        s.notes.set(this.key, v);
      },
    });
  }
  delete(): void {
    this.context.enqueue({
      bytes: 30,
      minVersion: "1.18",
      exec: () => {
        const s = this.worksheet.resolve();
        this.changedNote(s);
        if (!s.notes.has(this.key)) throw new FakeExcelError("ItemNotFound", `fake: no note at ${this.key}`);
        s.notes.delete(this.key);
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
        const s = this.worksheet.resolve();
        this.context.changed(s, parseRect(key));
        if (s.notes.has(key)) throw new FakeExcelError("InvalidArgument", `fake: ${key} already has a note`);
        s.notes.set(key, String(content));
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
  if (address.length > FAKE_MAX_ADDRESS)
    throw new FakeExcelError(
      "InvalidArgument",
      `fake: address of ${address.length} characters (Excel truncates above ${FAKE_MAX_ADDRESS})`,
    );
}

type Each = (f: (c: FakeCell) => void) => void;

class FakeFillProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly each: Each,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  private set(minVersion: string | undefined, f: (c: FakeCell) => void): void {
    this.context.enqueue({
      bytes: 40,
      minVersion,
      exec: () => {
        this.context.touch(this.sheet());
        this.each(f);
      },
    });
  }
  /** ExcelApi 1.1: a cell with no fill (or a gradient) becomes solid; a pattern keeps its pattern. */
  set color(v: string) {
    const color = v.toUpperCase();
    this.set(undefined, (c) => {
      const keep =
        c.fill &&
        c.fill.pattern !== "None" &&
        c.fill.pattern !== "LinearGradient" &&
        c.fill.pattern !== "RectangularGradient";
      c.fill = { ...(keep ? c.fill! : { pattern: "Solid", patternColor: "#000000" }), color };
    });
  }
  set pattern(v: string) {
    if (v === "LinearGradient" || v === "RectangularGradient") {
      this.context.enqueue({
        bytes: 40,
        minVersion: "1.9",
        exec: () => {
          throw new FakeExcelError(
            "InvalidArgument",
            `fake: the pattern ${v} cannot be set (RangeFill.pattern reference)`,
          );
        },
      });
      return;
    }
    this.set(
      "1.9",
      (c) =>
        void (c.fill =
          v === "None" ? null : { ...(c.fill ?? { color: "#FFFFFF", patternColor: "#000000" }), pattern: v }),
    );
  }
  set patternColor(v: string) {
    this.set(
      "1.9",
      (c) => void (c.fill = { ...(c.fill ?? { color: "#FFFFFF", pattern: "Solid" }), patternColor: v.toUpperCase() }),
    );
  }
  set tintAndShade(v: number) {
    this.set("1.9", (c) => {
      if (c.fill) c.fill = { ...c.fill, tintAndShade: v };
    });
  }
  set patternTintAndShade(v: number) {
    this.set("1.9", (c) => {
      if (c.fill) c.fill = { ...c.fill, patternTintAndShade: v };
    });
  }
  clear(): void {
    this.set(undefined, (c) => void (c.fill = null));
  }
}

class FakeFormat extends FakeProxy {
  private _fill?: FakeFillProxy;
  private _font?: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private readonly each: Each,
    private readonly sheet: () => FakeSheet,
    /** The range's rectangle (for row heights and column widths); none for RangeAreas. */
    private readonly rect?: () => Rect,
  ) {
    super(ctx);
  }
  get fill(): FakeFillProxy {
    return (this._fill ??= new FakeFillProxy(this.context, this.each, this.sheet));
  }
  get font(): Record<string, unknown> {
    if (!this._font) {
      this.context.proxy();
      const ctx = this.context;
      const each = this.each;
      const sheet = this.sheet;
      this._font = new Proxy(
        {},
        {
          set: (_t, prop, value: unknown) => {
            ctx.enqueue({
              bytes: 40,
              exec: () => {
                ctx.touch(sheet());
                if (prop === "bold") each((c) => void (c.bold = true));
                if (prop === "name" || prop === "size" || prop === "italic")
                  each((c) => void ((c.font ??= {})[prop] = value as never));
              },
            });
            return true;
          },
        },
      );
    }
    return this._font;
  }
  private other(): void {
    this.context.enqueue({ bytes: 40, exec: () => this.context.touch(this.sheet()) });
  }
  /** A change of the range's rows or columns (their sizes), once the range is known. */
  private sized(change: (s: FakeSheet, r: Rect) => void, minVersion?: string): void {
    this.context.enqueue({
      bytes: 40,
      minVersion,
      exec: () => {
        const s = this.sheet();
        this.context.touch(s);
        const r = this.rect?.();
        if (r) change(s, r);
      },
    });
  }
  /** Points; recorded by column (ref RangeFormat.columnWidth). */
  set columnWidth(v: number) {
    this.sized((s, r) => {
      for (let col = r.left; col <= r.right; col++) s.columnWidths.set(col, v);
    });
  }
  set wrapText(_v: boolean) {
    this.other();
  }
  set verticalAlignment(_v: string) {
    this.other();
  }
  set horizontalAlignment(_v: string) {
    this.other();
  }
  /** Points; recorded by row (ref RangeFormat.rowHeight). */
  set rowHeight(v: number) {
    this.sized((s, r) => {
      for (let row = r.top; row <= r.bottom; row++) s.rowHeights.set(row, v);
    });
  }
  /** ExcelApi 1.9 (ref RangeFormat.useStandardHeight, "only intended to be set to true"): standard row heights again. */
  set useStandardHeight(v: boolean) {
    this.sized((s, r) => {
      for (const row of [...s.rowHeights.keys()]) if (v && row >= r.top && row <= r.bottom) s.rowHeights.delete(row);
    }, "1.9");
  }
  /** format.borders.getItem(side): its colour, style and weight are accepted, not recorded. */
  get borders(): { getItem(side: string): Record<string, unknown> } {
    this.context.proxy();
    return {
      getItem: () =>
        new Proxy(
          {},
          {
            set: () => {
              this.other();
              return true;
            },
          },
        ),
    };
  }
}

function writeCell(fake: FakeExcel, sheet: FakeSheet, cell: FakeCell, v: unknown): void {
  fake.stats.cellsWritten++;
  delete cell.error;
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
      const value = m ? m[2].replace(/""/g, '"') : (fake.evaluate?.(sheet.name, v.slice(1)) ?? "");
      cell.value = value === null ? "" : value;
      if (typeof cell.value === "string" && FAKE_ERROR_VALUES.test(cell.value)) cell.error = true;
      return;
    }
    delete cell.formula;
    if (!text && NUMERIC.test(v.trim())) cell.value = Number(v);
    else if (!text && /^(TRUE|FALSE)$/i.test(v)) cell.value = v.toUpperCase() === "TRUE";
    else {
      cell.value = v;
      if (!text && FAKE_ERROR_VALUES.test(v)) cell.error = true;
    }
    return;
  }
  delete cell.formula;
  cell.value = v as number | boolean;
}

/** What getCellProperties reports of a cell's fill (see the file comment: #4900, #6218). */
function reportedFill(f: FakeFill | null, want: Record<string, boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const white = !!f && f.pattern === "Solid" && f.color.toUpperCase() === "#FFFFFF";
  if (want.color) out.color = f ? f.color.toUpperCase() : "#FFFFFF";
  if (want.pattern) out.pattern = !f || white ? null : f.pattern;
  if (want.patternColor) out.patternColor = f ? (f.patternColor ?? "#000000").toUpperCase() : "#000000";
  if (want.tintAndShade) out.tintAndShade = f ? (f.tintAndShade ?? 0) : null;
  if (want.patternTintAndShade) out.patternTintAndShade = f ? (f.patternTintAndShade ?? 0) : null;
  return out;
}

class FakeRange extends FakeProxy {
  rect?: Rect;
  /** getRange() without an address: the whole sheet. */
  whole = false;
  private data: Record<string, unknown> = {};
  private _format?: FakeFormat;
  private _dv?: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  private sheetOf = (): FakeSheet => this.worksheet.resolve();
  private each = (f: (c: FakeCell) => void): void => {
    if (this.whole) throw new FakeExcelError("InvalidArgument", "fake: only clear() is modelled on a whole sheet");
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
        if (this.isNullObject) return 20; // a null object loads nothing
        const r = this.rect!;
        const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        let bytes = 0;
        for (const p of props.split(",").map((x) => x.trim())) {
          let v: unknown;
          switch (p) {
            case "values":
            case "formulas":
            case "numberFormat":
            case "valueTypes":
              if (cells > FAKE_MAX_GET_CELLS)
                throw new FakeExcelError("RangeExceedsLimit", `fake: get of ${cells} cells exceeds 5,000,000`);
              v =
                p === "values"
                  ? this.grid((c) => c?.value ?? "")
                  : p === "formulas"
                    ? this.grid((c) => c?.formula ?? c?.value ?? "")
                    : p === "numberFormat"
                      ? this.grid((c) => c?.numberFormat ?? "General")
                      : this.grid((c) =>
                          !c || c.value === ""
                            ? "Empty"
                            : c.error
                              ? "Error"
                              : typeof c.value === "number"
                                ? "Double"
                                : typeof c.value === "boolean"
                                  ? "Boolean"
                                  : "String",
                        );
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
              if (!versionLE("1.2", this.context.fake.apiVersion))
                throw new FakeExcelError("ApiNotFound", "fake: ExcelApi 1.2 is not supported");
              const s = this.worksheet.resolve();
              const [set, first, last] =
                p === "rowHidden" ? [s.hiddenRows, r.top, r.bottom] : [s.hiddenColumns, r.left, r.right];
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
  private read(p: string): unknown {
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
  get valueTypes(): string[][] {
    return this.read("valueTypes") as string[][];
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
      const v =
        p === "address"
          ? `${quoteSheet(this.worksheet.resolve().name)}!${rectAddress(r)}`
          : p === "rowIndex"
            ? r.top
            : p === "columnIndex"
              ? r.left
              : p === "rowCount"
                ? r.bottom - r.top + 1
                : p === "columnCount"
                  ? r.right - r.left + 1
                  : undefined;
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
        const found = this.worksheet
          .resolve()
          .merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
        if (found.length > FAKE_MAX_MERGED_AREAS)
          throw new FakeExcelError(
            "GeneralException",
            `fake: ${found.length} merged areas (more than ${FAKE_MAX_MERGED_AREAS})`,
          );
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
    for (const [top, bottom] of runs(r.top, r.bottom, s.hiddenRows))
      for (const [left, right] of runs(r.left, r.right, s.hiddenColumns)) out.push({ top, left, bottom, right });
    return out;
  }
  private specialCells(cellType: string, orNull: boolean): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.context, this.worksheet);
    this.context.fake.stats.layoutRequests++;
    this.context.enqueue({
      bytes: 40 + cellType.length,
      minVersion: "1.9",
      exec: () => {
        if (cellType !== "Visible")
          throw new FakeExcelError("InvalidArgument", `fake: special cells ${cellType} are not modelled`);
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
  private setGrid(
    name: string,
    grid: unknown[][],
    apply: (cell: FakeCell, v: unknown) => void,
    dataChange: boolean,
  ): void {
    this.context.enqueue({
      bytes: 40 + bytesOf(grid),
      exec: () => {
        const r = this.rect!;
        if (
          !Array.isArray(grid) ||
          grid.length !== r.bottom - r.top + 1 ||
          grid.some((row) => !Array.isArray(row) || row.length !== r.right - r.left + 1)
        )
          throw new FakeExcelError("InvalidArgument", `fake: ${name} array does not match ${rectAddress(r)}`);
        const s = this.worksheet.resolve();
        if (dataChange) this.context.changed(s, r);
        else this.context.touch(s);
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
    this.setGrid("values", grid, (c, v) => writeCell(this.context.fake, this.worksheet.resolve(), c, v), true);
  }
  set formulas(grid: unknown[][]) {
    this.setGrid("formulas", grid, (c, v) => writeCell(this.context.fake, this.worksheet.resolve(), c, v), true);
  }
  set numberFormat(grid: unknown[][]) {
    this.setGrid("numberFormat", grid, (c, v) => void (c.numberFormat = String(v)), false);
  }
  get format(): FakeFormat {
    return (this._format ??= new FakeFormat(this.context, this.each, this.sheetOf, () => this.rect!));
  }
  /** ExcelApi 1.8 (ref Range.dataValidation): rule, prompt, errorAlert, ignoreBlanks, recorded by address. */
  get dataValidation(): Record<string, unknown> {
    if (!this._dv) {
      this.context.proxy();
      const set = (part: keyof FakeValidation, v: unknown) =>
        this.context.enqueue({
          bytes: 40 + bytesOf(v),
          minVersion: "1.8",
          exec: () => {
            const s = this.worksheet.resolve();
            this.context.touch(s);
            const kinds = part === "rule" && v && typeof v === "object" ? Object.keys(v) : [];
            if (part === "rule" && kinds.length !== 1)
              throw new FakeExcelError("InvalidArgument", "fake: a validation rule holds exactly one kind of criteria");
            const address = rectAddress(this.rect!);
            const dv = s.validations.get(address) ?? { ignoreBlanks: true };
            (dv as unknown as Record<string, unknown>)[part] = v;
            s.validations.set(address, dv);
          },
        });
      const dv: Record<string, unknown> = {};
      for (const part of ["rule", "prompt", "errorAlert", "ignoreBlanks"] as const)
        Object.defineProperty(dv, part, { set: (v: unknown) => set(part, v), enumerable: true });
      this._dv = dv;
    }
    return this._dv;
  }
  /** A change of the sheet's merged areas (ExcelApi 1.2), once the range is known. */
  private merging(change: (s: FakeSheet, r: Rect) => void): void {
    this.context.enqueue({
      bytes: 40,
      minVersion: "1.2",
      exec: () => {
        const s = this.worksheet.resolve();
        this.context.touch(s);
        change(s, this.rect!);
      },
    });
  }
  /** Merges the range (across: each row apart); the top-left value stays, as FakeExcel.merge. */
  merge(across = false): void {
    this.merging((s, r) => {
      const rows = across ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i) : [r.top];
      for (const top of rows) this.context.fake.merge(s, rectAddress({ ...r, top, bottom: across ? top : r.bottom }));
    });
  }
  /** The merged areas inside the range (the whole sheet without an address) are unmerged. */
  unmerge(): void {
    this.merging((s, r) => {
      const inside = (m: Rect) => m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right;
      for (let i = s.merges.length - 1; i >= 0; i--) if (inside(s.merges[i])) s.merges.splice(i, 1);
    });
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
        const v = this.grid((c) => ({ format: { fill: reportedFill(c?.fill ?? null, want) } }));
        result.value = v;
        loaded = true;
        return bytesOf(v);
      },
    });
    return {
      get value() {
        if (!loaded)
          throw new FakeExcelError("PropertyNotLoaded", "fake: ClientResult.value read before context.sync()");
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
        if (applyTo === "Contents" || applyTo === undefined || applyTo === "All")
          this.context.changed(s, this.whole ? { top: 0, left: 0, bottom: 0, right: 0 } : r);
        else this.context.touch(s);
        clearCells(s, this.whole ? undefined : r, applyTo);
      },
    });
  }
  select(): void {
    this.context.enqueue({
      bytes: 30,
      exec: () =>
        void (this.context.fake.selection = { sheet: this.worksheet.resolve().name, address: rectAddress(this.rect!) }),
    });
  }
}

/** Range.clear: Contents (values and formulas), Formats (fill, number format, bold) or All (the cells). */
function clearCells(s: FakeSheet, r: Rect | undefined, applyTo: string | undefined): void {
  for (const [k, c] of [...s.cells]) {
    const [row, col] = k.split(",").map(Number);
    if (r && (row < r.top || row > r.bottom || col < r.left || col > r.right)) continue;
    if (applyTo === "Contents") {
      c.value = "";
      delete c.formula;
      delete c.error;
    } else if (applyTo === "Formats") {
      c.fill = null;
      c.numberFormat = "General";
      delete c.bold;
    } else s.cells.delete(k);
  }
  if (!r && applyTo !== "Contents" && applyTo !== "Formats") s.notes.clear();
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
    for (const r of this.rects)
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(s.ensure(row, col));
  };
  /** Sets the areas a *OrNullObject method found (none: a null object). */
  resolveTo(rects: Rect[]): void {
    this.rects = rects;
    this.isNullObject = rects.length === 0;
  }
  get format(): FakeFormat {
    return (this._format ??= new FakeFormat(this.context, this.each, () => this.worksheet.resolve()));
  }
  /** RangeAreas.clear (ExcelApi 1.9). */
  clear(applyTo?: string): void {
    this.context.enqueue({
      bytes: 40,
      minVersion: "1.9",
      exec: () => {
        const s = this.worksheet.resolve();
        for (const r of this.rects) {
          if (applyTo === "Contents" || applyTo === undefined || applyTo === "All") this.context.changed(s, r);
          else this.context.touch(s);
          clearCells(s, r, applyTo);
        }
      },
    });
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
          else if (p === "cellCount")
            v = this.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
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
      exec: () =>
        void (this.context.fake.selection = {
          sheet: this.worksheet.resolve().name,
          address: this.rects.map(rectAddress).join(","),
        }),
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
    this.context.enqueue({
      bytes: 40 + props.length,
      exec: () => this.fill(props.split(",").map((p) => p.trim().replace(/^items\//, ""))),
    });
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
    [
      "機関名",
      "所管",
      "全体",
      "健康・医療関係",
      "外部資金（健康・医療関係）",
      "健康・医療比率",
      "外部資金比率",
      "備考",
    ],
  ];
  const step = bad > 0 ? Math.max(1, Math.floor(rows / bad)) : Infinity;
  let badLeft = bad;
  for (let i = 0; i < rows; i++) {
    const whole = 100 + (i % 97);
    const isBad = badLeft > 0 && i % step === 0;
    if (isBad) badLeft--;
    out.push([
      `${prefix}${i + 1}`,
      ["文", "厚", "経"][i % 3],
      whole,
      isBad ? whole + 5 : 10 + (i % 53),
      3 + (i % 11),
      null,
      null,
      i % 13 === 0 ? "2025（令和7）年度に拡充" : null,
    ]);
  }
  return out;
}
