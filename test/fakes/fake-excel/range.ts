/**
 * Range of the FAKE Excel (see test/fakes/fake-excel.ts): loads, value/formula/number-format grids, format,
 * cell properties, clear and select; its layout (merges, visible cells) in merges.ts, its data validation in
 * data-validation.ts.
 */
import { bytesOf, quoteSheet, rectAddress, versionLE } from "./address";
import { clearCells, reportedFill, writeCell } from "./cells";
import type { FakeContext } from "./context";
import { dataValidationOf } from "./data-validation";
import { FakeFormat } from "./format";
import { mergedAreasOf, mergeRange, specialCellsOf, unmergeRange } from "./merges";
import { FAKE_MAX_GET_CELLS, FakeExcelError, type FakeCell, type FakeSheet, type Rect } from "./model";
import { FakeProxy } from "./proxy";
import type { FakeRangeAreas } from "./range-areas";
import type { FakeWorksheet } from "./worksheet";

export class FakeRange extends FakeProxy {
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
  /** ExcelApi 1.13: the merged areas whose top-left cell is in this range (merges.ts). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return mergedAreasOf(this);
  }
  /** ExcelApi 1.9: the visible cells; ItemNotFound when there is none (special-cells article). */
  getSpecialCells(cellType: string): FakeRangeAreas {
    return specialCellsOf(this, cellType, false);
  }
  /** ExcelApi 1.9: the visible cells; a null object when there is none (special-cells article). */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return specialCellsOf(this, cellType, true);
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
    return (this._dv ??= dataValidationOf(this));
  }
  /** Merges the range (across: each row apart); the top-left value stays, as FakeExcel.merge. */
  merge(across = false): void {
    mergeRange(this, across);
  }
  /** The merged areas inside the range (the whole sheet without an address) are unmerged. */
  unmerge(): void {
    unmergeRange(this);
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
