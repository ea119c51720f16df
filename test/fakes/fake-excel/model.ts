/**
 * What the FAKE Excel holds (see test/fakes/fake-excel.ts): its sheets and cells, the limits it enforces, the error
 * it throws and the counters it keeps. Plain data, no requests.
 */
import type { Cell } from "../../../src/core/model/workbook";

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

/**
 * A core model cell as Excel holds it: a formula's cached value, an error as an error value, a date as its serial
 * number, with the formula and number format. Used by addWorkbook and by the e2e pages' JSON of a workbook.
 */
export function fakeInputOf(cell: Cell): FakeInput {
  const v = cell.value;
  const value =
    v === null || v === undefined
      ? null
      : v instanceof Date
        ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000
        : typeof v === "object"
          ? v.error
          : v;
  return { v: value, f: cell.formula, nf: cell.numFmt };
}

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

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

let nextSheetId = 1;

/**
 * A sheet's cells, held by row and column number and read as a map by "row,col" key (0-based): the adapter at
 * scale reads millions of cells, and a key string built for each lookup was most of the fake's time and memory.
 * Iterates row by row in the order the rows were first written, each row's cells in the order they were.
 */
export class FakeCells implements Iterable<[string, FakeCell]> {
  /** Row → column → cell. */
  readonly rows = new Map<number, Map<number, FakeCell>>();
  private count = 0;
  get size(): number {
    return this.count;
  }
  at(r: number, c: number): FakeCell | undefined {
    return this.rows.get(r)?.get(c);
  }
  put(r: number, c: number, cell: FakeCell): void {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = new Map()));
    if (!row.has(c)) this.count++;
    row.set(c, cell);
  }
  get(key: string): FakeCell | undefined {
    const [r, c] = key.split(",").map(Number);
    return this.at(r, c);
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  set(key: string, cell: FakeCell): this {
    const [r, c] = key.split(",").map(Number);
    this.put(r, c, cell);
    return this;
  }
  delete(key: string): boolean {
    const [r, c] = key.split(",").map(Number);
    const row = this.rows.get(r);
    if (!row?.delete(c)) return false;
    if (row.size === 0) this.rows.delete(r);
    this.count--;
    return true;
  }
  clear(): void {
    this.rows.clear();
    this.count = 0;
  }
  *entries(): IterableIterator<[string, FakeCell]> {
    for (const [r, row] of this.rows) for (const [c, cell] of row) yield [`${r},${c}`, cell];
  }
  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): IterableIterator<FakeCell> {
    for (const row of this.rows.values()) yield* row.values();
  }
  [Symbol.iterator](): IterableIterator<[string, FakeCell]> {
    return this.entries();
  }
}

export class FakeSheet {
  visibility = "Visible";
  /** Worksheet.id: a GUID in braces, as Excel gives it. */
  readonly id = `{00000000-0000-4000-8000-${String(nextSheetId++).padStart(12, "0")}}`;
  /** Worksheet.protection.protected. */
  protected = false;
  readonly cells = new FakeCells();
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
  get(r: number, c: number): FakeCell | undefined {
    return this.cells.at(r, c);
  }
  ensure(r: number, c: number): FakeCell {
    let cell = this.cells.at(r, c);
    if (!cell) this.cells.put(r, c, (cell = { value: "", numberFormat: "General", fill: null }));
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

export function zeroStats(): FakeStats {
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
