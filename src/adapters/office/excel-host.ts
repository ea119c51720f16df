/**
 * The task pane's (and the ribbon's) WorkbookHost inside Excel, over Office.js. Every method is one
 * Excel.run with a small, constant number of context.sync() calls (see ./read.ts, ./highlight.ts and the
 * writers: ./computed.ts, ./fix-log.ts, ./result-sheet.ts, ./template.ts, ./remove.ts, ./select.ts), and every
 * Excel error becomes a HostError the pane shows as one message with a retry (./errors.ts).
 *
 * Run options (Excel.RunOptions reference):
 * - mergeUndoGroup (ExcelApi 1.20): the syncs of one write become one undo record, so Ctrl+Z takes back a
 *   whole highlight — fills, notes and Kensa's record together — instead of its last sync only. Adding,
 *   deleting or hiding a sheet has no undo support and would throw UndoNotSupported inside a group
 *   (docs/excel/excel-add-ins-undo-capabilities.md), so a write that must add or hide Kensa's state sheet,
 *   or delete Kensa's sheets, runs without it (StructureNeeded, then again unmerged);
 * - delayForCellEdit: set while a ribbon command runs (withCellEditDelay), so a click while the person is
 *   typing in a cell waits for the edit to end instead of failing
 *   (docs/excel/excel-add-ins-delay-in-cell-edit.md).
 *
 * Events: worksheets.onChanged also fires for the add-in's own writes (docs/excel/excel-add-ins-events.md,
 * "Event triggers"), late on Excel on the web. They are told apart by what they are, never by when they
 * arrive: triggerSource "ThisLocalAddin" (ExcelApi 1.14, WorksheetChangedEventArgs reference), and the
 * worksheet id of Kensa's own sheets (its state sheet, its result sheet) for Excel without 1.14 and for a
 * co-author's Kensa. 検証 never writes a value on a person's sheet, so even below 1.14 a re-check cannot
 * cause another.
 */
import {
  AcceptanceError,
  acceptanceIn,
  isAcceptSheet,
  localTimestamp,
  withAcceptance,
  withoutAcceptance,
} from "../../core/accept/index";
import type { CheckResult } from "../../core/engine";
import type { Finding, Fix } from "../../core/model/finding";
import type { Workbook } from "../../core/model/workbook";
import type { Lang } from "../../core/values/format";
import { RESULT_SHEET_MARKER } from "../../core/model/kensa-sheets";
import {
  HostError,
  type AcceptingHost,
  type ClearOptions,
  type ClearReport,
  type FillReport,
  type HighlightReport,
  type ProgressListener,
  type UndoRisk,
  type UndoRiskHost,
  type WorkbookHost,
} from "../../host/host";
import { editAcceptanceStore } from "./accept";
import { excelErrorCode, toHostError } from "./errors";
import { fillComputed } from "./computed";
import { applyFix } from "./fix-log";
import { applyHighlights } from "./highlight";
import { readWorkbook, type ReadSnapshot } from "./read";
import { clearAll } from "./remove";
import { writeResultSheet } from "./result-sheet";
import { selectCells } from "./select";
import { Session, type Requirements } from "./session";
import { STATE_SHEET } from "./state";
import { StructureNeeded } from "./state-writes";
import { insertTemplate } from "./template";

export type ExcelRun = <T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

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

interface BatchOptions {
  writes?: boolean;
  requiredSet?: string;
  /** The write adds or deletes sheets: never in a merged undo group. */
  structure?: boolean;
}

export class ExcelHost implements WorkbookHost, UndoRiskHost, AcceptingHost {
  readonly kind = "excel" as const;
  readonly lang: Lang;
  /** The last read, so the pane and the ribbon command can reuse it. */
  snapshot?: ReadSnapshot;
  /** Syncs of the last operation. */
  lastSyncs = 0;
  /** The result last highlighted or filled (its findings name the rule of a fix applied later). */
  private lastResult?: CheckResult;
  /** Counts of the last fillComputed, shown on the result sheet. */
  lastComputed = { written: 0, skipped: 0 };
  /** Ids of Kensa's own sheets (state, result, accepted findings): change events there are Kensa's. */
  readonly ownSheetIds = new Set<string>();
  private readonly run: ExcelRun;
  private readonly requirements: Requirements;
  private readonly readBudget?: number;
  private readonly injectedRun: boolean;
  private delayForCellEdit = false;
  /** Whether Kensa's state sheet exists, as the last write saw it (undefined: not known). */
  private stateKnown?: boolean;

  constructor(options: ExcelHostOptions = {}) {
    this.lang = options.lang ?? "ja";
    // without options, the plain overload (every Office.js has it)
    this.run =
      options.run ??
      (<T>(o: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>) =>
        Object.keys(o).length ? Excel.run(o, batch) : Excel.run(batch));
    this.requirements = options.requirements ?? Office.context.requirements;
    this.readBudget = options.readBudget;
    this.injectedRun = !!options.run;
  }

  private supports(version: string): boolean {
    try {
      return this.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** Whether Kensa's writes may clear Excel's undo history here: before ExcelApi 1.20 every API write does. */
  undoRisk(): UndoRisk {
    return this.supports("1.20") ? "sheet-changes" : "every-write";
  }

  /** Runs `work` with delayForCellEdit on every batch (the ribbon's commands). */
  async withCellEditDelay<T>(work: () => Promise<T>): Promise<T> {
    this.delayForCellEdit = true;
    try {
      return await work();
    } finally {
      this.delayForCellEdit = false;
    }
  }

  private async batch<T>(work: (s: Session) => Promise<T>, opts: BatchOptions = {}): Promise<T> {
    let syncs = 0;
    const attempt = async (merge: boolean): Promise<T> => {
      const options: Excel.RunOptions = {};
      if (this.delayForCellEdit) options.delayForCellEdit = true;
      if (merge) options.mergeUndoGroup = true;
      let session: Session | undefined;
      try {
        return await this.run(options, async (ctx) => {
          session = new Session(ctx, this.lang, this.requirements, !merge);
          return await work(session);
        });
      } finally {
        syncs += session?.syncs ?? 0;
        for (const id of session?.ownSheetIds ?? []) this.ownSheetIds.add(id);
        if (session?.stateSheetPresent !== undefined) this.stateKnown = session.stateSheetPresent;
      }
    };
    const merge = !!opts.writes && !opts.structure && this.supports("1.20");
    try {
      try {
        return await attempt(merge);
      } catch (err) {
        // the write had to add, hide or delete a sheet: again, outside an undo group (nothing was written yet
        // for StructureNeeded; every write of Kensa's may be run again for UndoNotSupported)
        if (
          merge &&
          (err instanceof StructureNeeded ||
            (err instanceof Error && err.name === "StructureNeeded") ||
            excelErrorCode(err) === "UndoNotSupported")
        )
          return await attempt(false);
        throw err;
      }
    } catch (err) {
      throw toHostError(err, this.lang, opts.requiredSet);
    } finally {
      this.lastSyncs = syncs;
    }
  }

  /** Notes which sheets are Kensa's, from a read (state and accepted-findings sheets by name, result sheets by their A1 marker). */
  private learnOwnSheets(snapshot: ReadSnapshot): void {
    for (const sh of snapshot.sheets) {
      if (sh.name.toLowerCase() === STATE_SHEET.toLowerCase() || isAcceptSheet(sh.name)) this.ownSheetIds.add(sh.id);
      const model = snapshot.workbook.sheets.find((m) => m.name === sh.name);
      const a1 = model?.rows[0]?.[0]?.value;
      if (typeof a1 === "string" && a1.startsWith(RESULT_SHEET_MARKER)) this.ownSheetIds.add(sh.id);
    }
  }

  async readSnapshot(onProgress?: ProgressListener, calculate = false): Promise<ReadSnapshot> {
    const snapshot = await this.batch((s) =>
      readWorkbook(s.ctx, {
        lang: this.lang,
        onProgress,
        calculate,
        budget: this.readBudget,
        supports: (v) => s.supports(v),
      }),
    );
    this.snapshot = snapshot;
    this.lastSyncs = snapshot.syncs;
    this.stateKnown = snapshot.sheets.some((x) => x.name.toLowerCase() === STATE_SHEET.toLowerCase());
    this.learnOwnSheets(snapshot);
    return snapshot;
  }

  async read(onProgress?: ProgressListener): Promise<Workbook> {
    return (await this.readSnapshot(onProgress)).workbook;
  }

  /** Full recalculation, then read (再計算・検証). */
  async recalculateAndRead(onProgress?: ProgressListener): Promise<Workbook> {
    return (await this.readSnapshot(onProgress, true)).workbook;
  }

  /** The sheets of the last read (their cells can be read in a write's first sync). */
  private knownSheets(): Set<string> | undefined {
    return this.snapshot ? new Set(this.snapshot.sheets.map((x) => x.name)) : undefined;
  }

  /** Whether the last read saw no state sheet (the first write must add it: no undo group then). */
  private stateMissing(): boolean {
    if (this.stateKnown !== undefined) return !this.stateKnown;
    return !!this.snapshot && !this.snapshot.sheets.some((x) => x.name.toLowerCase() === STATE_SHEET.toLowerCase());
  }

  /** Highlights and notes only (検証): never changes a value. */
  async highlight(result: CheckResult): Promise<HighlightReport> {
    this.lastResult = result;
    const knownSheets = this.knownSheets();
    return this.batch(
      async (s) => {
        const { rangeAreas: _r, liveEntries: _l, ...report } = await applyHighlights(s, result, { knownSheets });
        return report;
      },
      { writes: true, requiredSet: "1.9", structure: this.stateMissing() },
    );
  }

  async clearHighlights(options: ClearOptions = {}): Promise<ClearReport> {
    const out = await this.batch((s) => clearAll(s, !!options.removeAll), {
      writes: true,
      requiredSet: "1.9",
      structure: !!options.removeAll,
    });
    const {
      rangeAreas: _r,
      liveEntries: _l,
      ...report
    } = out as ClearReport & { rangeAreas?: number; liveEntries?: number };
    if (options.removeAll && out.removedSheets.length) this.snapshot = undefined;
    return report;
  }

  async select(sheet: string, cells: string[]): Promise<void> {
    await this.batch((s) => selectCells(s, sheet, cells));
  }

  /** 再計算・検証 only: writes computed cells that are empty or Kensa's own, and says exactly which. */
  async fillComputed(result: CheckResult): Promise<FillReport> {
    this.lastResult = result;
    const knownSheets = this.knownSheets();
    const out = await this.batch((s) => fillComputed(s, result, { knownSheets }), {
      writes: true,
      structure: this.stateMissing(),
    });
    this.lastComputed = { written: out.written.length, skipped: out.leftAlone };
    const { writes: _w, skipped: _s, ...report } = out;
    return report;
  }

  /**
   * Applies one fix, logged on 修正履歴 with its rule: the one given, else that of the last result's finding
   * proposing this very fix (as browser mode finds it).
   */
  async applyFix(fix: Fix, rule?: string): Promise<void> {
    rule ??= this.lastResult?.findings.find(
      (f) => f.fix && f.fix.sheet === fix.sheet && f.fix.cell === fix.cell && f.fix.formula === fix.formula,
    )?.rule;
    await this.batch((s) => applyFix(s, fix, rule), { writes: true });
  }

  async writeResultSheet(result: CheckResult): Promise<void> {
    await this.batch(
      async (s) => {
        await writeResultSheet(s, result, this.lastComputed);
      },
      { writes: true, structure: true },
    );
  }

  /**
   * 確認済み: records the finding with its reason in the open workbook's Kensa_accepted sheet (./accept.ts). Its
   * fingerprint is taken from the last read — the values the person saw the finding with — so a value changed
   * since makes the acceptance lapse at the next check rather than cover a number nobody looked at.
   */
  async accept(finding: Finding, reason: string, by?: string, others?: ReadonlyMap<string, Workbook>): Promise<void> {
    const workbook = this.snapshot?.workbook;
    if (!workbook)
      throw new HostError(
        "workbook-changed",
        this.lang === "ja" ? "先に「検証」を実行してください。" : "Check the workbook first.",
      );
    let entry;
    try {
      entry = acceptanceIn(workbook, finding, reason, { by, at: localTimestamp(), lang: this.lang, others });
    } catch (err) {
      if (err instanceof AcceptanceError) throw new HostError("unknown", err.message, false);
      throw err;
    }
    const place = { rule: finding.rule, sheet: finding.sheet, cell: finding.cell };
    await this.batch(
      (s) => editAcceptanceStore(s, (entries) => withAcceptance(withoutAcceptance(entries, place).entries, entry)),
      { writes: true },
    );
  }

  /** Takes back the acceptances at the finding's rule, sheet and cell (nothing is written when there is none). */
  async revoke(finding: Pick<Finding, "rule" | "sheet" | "cell">): Promise<void> {
    const place = { rule: finding.rule, sheet: finding.sheet, cell: finding.cell };
    await this.batch(
      (s) =>
        editAcceptanceStore(s, (entries) => {
          const r = withoutAcceptance(entries, place);
          return r.removed ? r.entries : null;
        }),
      { writes: true },
    );
  }

  async insertTemplate(): Promise<string[]> {
    // adding sheets is not merged: a retry after UndoNotSupported would add them twice
    return this.batch((s) => insertTemplate(s), { writes: true, structure: true });
  }

  /**
   * worksheets.onChanged (ExcelApi 1.9). Changes made by Kensa itself are not reported: triggerSource
   * "ThisLocalAddin" (ExcelApi 1.14), or a change on one of Kensa's own sheets.
   */
  async onChanged(listener: () => void): Promise<() => void> {
    const handler = async (e: Partial<Excel.WorksheetChangedEventArgs> | undefined): Promise<void> => {
      if (e?.triggerSource === "ThisLocalAddin") return;
      if (e?.worksheetId && this.ownSheetIds.has(e.worksheetId)) return;
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
      const done = this.injectedRun
        ? remove(registration.context as Excel.RequestContext)
        : Excel.run(registration.context, remove);
      void done.catch(() => undefined);
    };
  }
}
