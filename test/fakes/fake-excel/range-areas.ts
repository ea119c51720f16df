/** RangeAreas and its areas collection in the FAKE Excel (see test/fakes/fake-excel.ts). */
import { bytesOf, quoteSheet, rectAddress } from "./address";
import { clearCells } from "./cells";
import type { FakeContext } from "./context";
import { FakeFormat } from "./format";
import { FakeExcelError, type FakeCell, type Rect } from "./model";
import { FakeProxy } from "./proxy";
import { FakeRange } from "./range";
import type { FakeWorksheet } from "./worksheet";

export class FakeRangeAreas extends FakeProxy {
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
