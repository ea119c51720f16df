/**
 * The request context of the FAKE Excel (see test/fakes/fake-excel.ts): the queue, sync(), its limits, its partial
 * failures and the undo stack it leaves.
 *
 * Requests and limits
 * - calls on proxy objects are QUEUED and run only at context.sync(), in order; reading a property that
 *   was not loaded (or before the sync) throws PropertyNotLoaded (docs/develop/application-specific-api-model.md,
 *   "proxy objects … added to a queue of pending commands");
 * - it COUNTS syncs, proxy objects, queued operations and estimated request/response bytes;
 * - it ENFORCES Excel on the web's limits: a request or a response over 5 MB fails the whole sync with
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (docs/excel/performance.md,
 *   docs/testing/application-specific-api-error-handling.md); a get of more than 5,000,000 cells fails
 *   (performance.md); an address string over 8,192 characters fails (real Excel silently truncates it,
 *   docs/excel/excel-add-ins-troubleshooting.md — the fake makes that loud);
 *
 * Partial failure (`failAt`, and any operation that throws)
 * - a batch is not a transaction: when an operation fails, the operations queued before it in the same
 *   sync stay applied and the ones after it do not run. Microsoft documents no rollback; the error names
 *   "the statement that caused the error" (ref OfficeExtension.DebugInfo.statement), so the queue runs in
 *   order up to it — the fake keeps what ran before it, the worse case for an add-in
 *   (shared/reference/excel-real-behaviour.md row 1). `failAt` fails the n-th sync at its k-th operation
 *   (k = the number of operations that still run; k ≥ their count: all ran and the answer was lost);
 *
 * Undo (ref Excel.RunOptions)
 * - mergeUndoGroup (ExcelApi 1.20): all syncs of the run make one undo record instead of one per sync; an API
 *   without undo support in the group throws UndoNotSupported (docs/excel/excel-add-ins-undo-capabilities.md);
 * - the undo stack (`undo`): from ExcelApi 1.20 each sync with writes is an undo record, and
 *   Worksheet.delete and Worksheet.visibility (desktop) clear the stack (the "Unsupported APIs" table);
 *   before 1.20 (Office 2021/2024 perpetual) every API write clears it
 *   (docs/develop/application-specific-api-model.md "Undo support": "If a particular API doesn't support
 *   undo, the application's undo stack is cleared"; undo support was released with ExcelApi 1.20);
 * - an older ExcelApi version (`apiVersion`): an operation of a newer API fails the sync with ApiNotFound.
 */
import { rectAddress, versionLE } from "./address";
import type { FakeExcel } from "./excel";
import { FakeExcelError, type FakeSheet, type Rect } from "./model";
import { FakeWorkbook } from "./workbook";

type Op = { bytes: number; minVersion?: string; exec: () => number | void };

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  /** The add-in's value writes of the running sync (for change events). */
  private changes: { sheet: FakeSheet; address: string }[] = [];
  private wroteInSync = false;
  private wroteInRun = false;
  constructor(
    readonly fake: FakeExcel,
    private readonly merge: boolean,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op): void {
    this.fake.stats.operations++;
    this.queue.push(op);
  }
  proxy(): void {
    this.fake.stats.proxies++;
  }
  /** A write to a sheet's cells, formats or notes: fails on a protected sheet; counts for undo. */
  touch(s: FakeSheet): void {
    if (s.protected) throw new FakeExcelError("AccessDenied", `fake: the sheet ${s.name} is protected`);
    this.wroteInSync = true;
  }
  /** A change of the cells' data: touch, plus a change event after the sync. */
  changed(s: FakeSheet, r: Rect): void {
    this.touch(s);
    this.changes.push({ sheet: s, address: rectAddress(r) });
  }
  /** A change of the workbook's structure (add, delete, rename, hide): fails on a protected workbook. */
  structure(kind: "add" | "delete" | "visibility"): void {
    if (this.fake.workbookProtected)
      throw new FakeExcelError("AccessDenied", "fake: the workbook's structure is protected");
    // the "Unsupported APIs" table of excel-add-ins-undo-capabilities.md
    const noUndo = kind === "delete" || (kind === "visibility" && this.fake.platform === "desktop");
    if (noUndo && versionLE("1.20", this.fake.apiVersion)) {
      if (this.merge)
        throw new FakeExcelError("UndoNotSupported", `fake: ${kind} does not support undo and cannot be grouped`);
      this.fake.undo.cleared++;
    }
    this.wroteInSync = true;
  }
  async sync(): Promise<void> {
    const fake = this.fake;
    const ops = this.queue;
    this.queue = [];
    fake.stats.syncs++;
    fake.syncCount++;
    fake.syncLog.push(ops.length);
    const request = ops.reduce((n, o) => n + o.bytes, 64);
    fake.stats.requestBytes += request;
    fake.stats.maxRequestBytes = Math.max(fake.stats.maxRequestBytes, request);
    if (fake.failNextSyncWith) {
      const code = fake.failNextSyncWith;
      fake.failNextSyncWith = undefined;
      throw new FakeExcelError(code, `fake: ${code}`);
    }
    if (fake.cellEditMode)
      throw new FakeExcelError(
        "InvalidOperationInCellEditMode",
        "The operation is not allowed while the user is editing a cell.",
      );
    if (request > fake.payloadLimit)
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `fake: request of ${request} bytes exceeds ${fake.payloadLimit} bytes`,
      );
    for (const op of ops)
      if (op.minVersion && !versionLE(op.minVersion, fake.apiVersion))
        throw new FakeExcelError("ApiNotFound", `fake: ExcelApi ${op.minVersion} is not supported`);
    const failAt = fake.failAt && fake.failAt.sync === fake.syncCount ? fake.failAt : undefined;
    if (failAt) fake.failAt = undefined;
    let response = 64;
    this.changes = [];
    this.wroteInSync = false;
    try {
      for (let i = 0; i < ops.length; i++) {
        if (failAt && i === failAt.op)
          throw new FakeExcelError(
            failAt.code ?? "GeneralException",
            `fake: injected failure at operation ${i} of sync ${fake.syncCount}`,
          );
        response += ops[i].exec() ?? 0;
      }
      if (failAt)
        throw new FakeExcelError(
          failAt.code ?? "GeneralException",
          `fake: injected failure after sync ${fake.syncCount} ran (the answer was lost)`,
        );
    } finally {
      // what ran stays applied: its undo record (or the cleared stack) and its change events
      if (this.wroteInSync) {
        this.wroteInRun = true;
        if (!versionLE("1.20", fake.apiVersion)) fake.undo.cleared++;
        else if (!this.merge) fake.undo.records++;
      }
      fake.addinChanged(this.changes);
      this.changes = [];
    }
    fake.stats.responseBytes += response;
    fake.stats.maxResponseBytes = Math.max(fake.stats.maxResponseBytes, response);
    if (response > fake.payloadLimit)
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `fake: response of ${response} bytes exceeds ${fake.payloadLimit} bytes`,
      );
  }
  /** The end of Excel.run: a merged undo group becomes one record. */
  end(): void {
    if (this.merge && this.wroteInRun) this.fake.undo.records++;
  }
}
