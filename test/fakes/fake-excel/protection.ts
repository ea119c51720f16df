/**
 * Protection in the FAKE Excel (see test/fakes/fake-excel.ts); FakeContext.touch and .structure enforce it.
 *
 * - Worksheet.protection.protected (ExcelApi 1.2) and Workbook.protection.protected (ExcelApi 1.7), loaded
 *   like any property (docs/excel/excel-add-ins-worksheets.md "Protect worksheet data",
 *   docs/excel/excel-add-ins-workbooks.md "Protect workbook structure");
 * - a write to a protected sheet (values, formulas, number formats, fills, fonts, notes, validation,
 *   clear) fails; adding, deleting, renaming or hiding a sheet of a protected workbook fails ("prevent users
 *   from adding, deleting, moving, or renaming worksheets", excel-add-ins-workbooks.md). The error code
 *   Excel gives is not documented; the fake says AccessDenied ("You cannot perform the requested
 *   operation", application-specific-api-error-handling.md);
 */
import type { FakeContext } from "./context";
import { FakeProxy } from "./proxy";

/** Workbook.protection / Worksheet.protection: `protected`, readable once loaded. */
export class FakeProtection extends FakeProxy {
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
