/** Worksheet of the FAKE Excel (see test/fakes/fake-excel.ts): ranges, used range, notes, panes, layout, filter. */
import { checkAddress, parseRect, rectAddress } from "./address";
import type { FakeContext } from "./context";
import { FakeExcelError, type FakeSheet, type Rect } from "./model";
import { FakeNoteCollection } from "./notes";
import { FakePageLayout } from "./page-layout";
import { FakeProtection } from "./protection";
import { FakeProxy } from "./proxy";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./range-areas";

export class FakeWorksheet extends FakeProxy {
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
    for (const [row, cols] of s.cells.rows)
      for (const [col, c] of cols) {
        const has = c.value !== "" || !!c.formula || (!valuesOnly && (c.fill !== null || c.numberFormat !== "General"));
        if (!has) continue;
        // plain comparisons: this runs for every cell of the sheet (10⁵ at scale) on each used-range request
        if (!rect) rect = { top: row, left: col, bottom: row, right: col };
        else {
          if (row < rect.top) rect.top = row;
          if (col < rect.left) rect.left = col;
          if (row > rect.bottom) rect.bottom = row;
          if (col > rect.right) rect.right = col;
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
