/**
 * The task pane's WorkbookHost inside Excel, over Office.js. Every method is one Excel.run with a
 * small, constant number of context.sync() calls (see ./read.ts and ./write.ts), and every Excel error
 * becomes a HostError the pane shows as one message with a retry (./errors.ts).
 */
import type { CheckResult } from "../../core/engine";
import type { Fix } from "../../core/model/finding";
import type { Workbook } from "../../core/model/workbook";
import type { Lang } from "../../core/report/format";
import type { ProgressListener, WorkbookHost } from "../../host/host";
import { toHostError } from "./errors";
import { readWorkbook, type ReadSnapshot } from "./read";
import { Session, type Requirements } from "./session";
import * as W from "./write";

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  lang?: Lang;
  /** Excel.run; tests pass a fake's. */
  run?: ExcelRun;
  /** Office.context.requirements; tests pass a fake's. */
  requirements?: Requirements;
  /** Read budget in bytes per sync (tests lower it). */
  readBudget?: number;
}

/** Counts of the last operation, for tests and the benchmark. */
export interface HostStats {
  syncs: number;
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly lang: Lang;
  /** The last read, so the pane and the ribbon command can reuse it. */
  snapshot?: ReadSnapshot;
  /** Syncs of the last operation. */
  lastSyncs = 0;
  /** Counts of the last fillComputed, shown on the result sheet. */
  lastComputed = { written: 0, skipped: 0 };
  private readonly run: ExcelRun;
  private readonly requirements: Requirements;
  private readonly readBudget?: number;
  private readonly injectedRun: boolean;
  /** While Kensa writes, change events are its own and are not passed on. */
  private writingUntil = 0;

  constructor(options: ExcelHostOptions = {}) {
    this.lang = options.lang ?? "ja";
    this.run = options.run ?? (<T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.requirements = options.requirements ?? Office.context.requirements;
    this.readBudget = options.readBudget;
    this.injectedRun = !!options.run;
  }

  private async batch<T>(work: (s: Session) => Promise<T>, opts: { writes?: boolean; requiredSet?: string } = {}): Promise<T> {
    let session: Session | undefined;
    if (opts.writes) this.writingUntil = Number.POSITIVE_INFINITY;
    try {
      return await this.run(async (ctx) => {
        session = new Session(ctx, this.lang, this.requirements);
        return await work(session);
      });
    } catch (err) {
      throw toHostError(err, this.lang, opts.requiredSet);
    } finally {
      this.lastSyncs = session?.syncs ?? 0;
      // change events of our own batch arrive after it; ignore them for a moment
      if (opts.writes) this.writingUntil = Date.now() + 1000;
    }
  }

  async readSnapshot(onProgress?: ProgressListener, calculate = false): Promise<ReadSnapshot> {
    const snapshot = await this.batch((s) => readWorkbook(s.ctx, { lang: this.lang, onProgress, calculate, budget: this.readBudget, supports: (v) => s.supports(v) }));
    this.snapshot = snapshot;
    this.lastSyncs = snapshot.syncs;
    return snapshot;
  }

  async read(onProgress?: ProgressListener): Promise<Workbook> {
    return (await this.readSnapshot(onProgress)).workbook;
  }

  /** Full recalculation, then read (the ribbon's re-check). */
  async recalculateAndRead(onProgress?: ProgressListener): Promise<Workbook> {
    return (await this.readSnapshot(onProgress, true)).workbook;
  }

  async highlight(result: CheckResult): Promise<void> {
    await this.batch((s) => W.applyHighlights(s, result), { writes: true, requiredSet: "1.9" });
  }

  async clearHighlights(): Promise<void> {
    await this.batch((s) => W.applyHighlights(s, null), { writes: true, requiredSet: "1.9" });
  }

  async select(sheet: string, cells: string[]): Promise<void> {
    await this.batch((s) => W.selectCells(s, sheet, cells));
  }

  async fillComputed(result: CheckResult): Promise<number> {
    const out = await this.batch((s) => W.fillComputed(s, result), { writes: true });
    this.lastComputed = { written: out.written, skipped: out.leftAlone };
    return out.written;
  }

  async applyFix(fix: Fix): Promise<void> {
    await this.batch((s) => W.applyFix(s, fix), { writes: true });
  }

  async writeResultSheet(result: CheckResult): Promise<void> {
    await this.batch((s) => W.writeResultSheet(s, result, this.lastComputed), { writes: true });
  }

  async insertTemplate(): Promise<string[]> {
    return this.batch((s) => W.insertTemplate(s), { writes: true });
  }

  /** worksheets.onChanged (ExcelApi 1.9); Kensa's own writes are not reported. */
  async onChanged(listener: () => void): Promise<() => void> {
    const handler = async (): Promise<void> => {
      if (Date.now() < this.writingUntil) return;
      listener();
    };
    const registration = await this.batch(
      async (s) => {
        s.require("1.9");
        const r = s.ctx.workbook.worksheets.onChanged.add(handler);
        await s.sync();
        return r;
      },
      { requiredSet: "1.9" },
    );
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      const remove = async (ctx: Excel.RequestContext) => {
        registration.remove();
        await ctx.sync();
      };
      // Office's pattern: remove the handler in the context it was added in.
      const done = this.injectedRun ? remove(registration.context as Excel.RequestContext) : Excel.run(registration.context, remove);
      void done.catch(() => undefined);
    };
  }
}
