/** Workbook, Application and the worksheet collection of the FAKE Excel (see test/fakes/fake-excel.ts). */
import { bytesOf } from "./address";
import type { FakeContext } from "./context";
import { FakeEventSource } from "./events";
import { FakeExcelError, FakeSheet } from "./model";
import { FakeProtection } from "./protection";
import { FakeProxy } from "./proxy";
import { FakeWorksheet } from "./worksheet";

export class FakeWorkbook extends FakeProxy {
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
