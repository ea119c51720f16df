/** The base of every FAKE Excel proxy object (see test/fakes/fake-excel.ts): counted, and loaded before it is read. */
import type { FakeContext } from "./context";
import { FakeExcelError } from "./model";

export class FakeProxy {
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
