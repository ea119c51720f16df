/**
 * Change events of the FAKE Excel (see test/fakes/fake-excel.ts); FakeExcel delivers them.
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
 */
import type { FakeContext } from "./context";

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

/** worksheets.onChanged: add(handler) and its remove(), queued like any request. */
export class FakeEventSource {
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
