/**
 * RangeFormat of the FAKE Excel (see test/fakes/fake-excel.ts): fill, font, sizes; alignment and borders accepted.
 *
 * Fills as set (ExcelApi 1.9 RangeFill)
 * - the gradient patterns can be read but not set (ref RangeFill.pattern: "LinearGradient and
 *   RectangularGradient are not supported"): setting one fails with InvalidArgument;
 * - setting tintAndShade / patternTintAndShade changes only that number, and reading gives back exactly
 *   what was set (Microsoft does not document how RangeFill.color and tintAndShade combine on real Excel:
 *   see the note in src/adapters/office/highlight.ts);
 * - column widths, row heights (RangeFormat.rowHeight, points) and font name / size / italic are recorded.
 */
import type { FakeContext } from "./context";
import { FakeExcelError, type FakeCell, type FakeSheet, type Rect } from "./model";
import { FakeProxy } from "./proxy";

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

export class FakeFormat extends FakeProxy {
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
