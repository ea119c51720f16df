/**
 * Cell notes of the FAKE Excel (see test/fakes/fake-excel.ts): ExcelApi 1.18's add / getItemOrNullObject / content /
 * delete; adding a note where one exists fails.
 */
import { bytesOf, checkAddress, parseRect, rectAddress } from "./address";
import type { FakeContext } from "./context";
import { FakeExcelError, type FakeSheet } from "./model";
import { FakeProxy } from "./proxy";
import type { FakeWorksheet } from "./worksheet";

export function noteKey(address: string): string {
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

export class FakeNoteCollection extends FakeProxy {
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
