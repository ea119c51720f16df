/**
 * WorkbookHost for a local .xlsx opened in a plain browser (browser mode). The file stays in memory:
 * nothing is uploaded. Every open file is one workbook of the page's submission set (./set-check.ts): its
 * result holds its own findings, cross-file ones included (other files' cells written `[book.xlsx]Sheet!A1`). What Excel would do to the open workbook is folded into the annotated copy the
 * user downloads (highlights, computed cells, the 検証結果 sheet, see annotateBuffer); selecting a finding
 * shows the cells around it (./preview.ts); a confirmed fix is applied to the in-memory copy, so the
 * next check and the download include it.
 *
 * This module is only loaded in browser mode, in its own webpack chunk; exceljs only when a file is written.
 */
import { annotatedCopyName } from "../core/apply/excel-text";
import { isLimitCode, isWorkbookReadError } from "../adapters/exceljs/errors";
import { readWorkbookBuffer } from "../adapters/xlsx/read";
import type { CheckResult } from "../core/engine";
import type { Finding, Fix } from "../core/model/finding";
import {
  acceptanceOf,
  localTimestamp,
  readAcceptanceStore,
  storeGrid,
  withAcceptance,
  withoutAcceptance,
  workbookLookup,
  type Acceptance,
} from "../core/accept/index";
/** exceljs and jszip only to write (a download, a fix, an acceptance), in one chunk: checking a file loads neither. */
const annotator = () => import(/* webpackChunkName: "writer" */ "../adapters/exceljs/annotate");
const acceptStore = () => import(/* webpackChunkName: "writer" */ "../adapters/exceljs/accept");
import type { Workbook } from "../core/model/workbook";
import type { Lang } from "../core/values/format";
import { HostError, type ProgressListener, type WorkbookHost } from "../host/host";
import { originalResult } from "./cross-file";
import { isExternalRef } from "../core/model/refs";
import type { CellPreview } from "./preview";

export type BrowserHostEvent = "result" | "selection" | "fix" | "accept";

export class BrowserHost implements WorkbookHost {
  readonly kind = "browser" as const;
  /** The last check's result (what the download is annotated with); null before a check. */
  result: CheckResult | null = null;
  /** false after "clear highlights": the download then carries no highlights or notes. */
  highlightsOn = true;
  /** The cells around the last selected finding. */
  preview: CellPreview | null = null;
  /** Fixes applied to the in-memory copy. */
  fixesApplied = 0;
  /**
   * Another open file's workbook by its name in the set (set by browser mode): a cross-file finding's fingerprint
   * reads its cells, and the preview shows what they hold.
   */
  otherWorkbook?: (name: string) => Workbook | undefined;
  /** Acceptances made or revoked here since the file was opened: its copy with the record is worth saving. */
  acceptChanges = 0;
  /** The last selected finding's place (see selectedFinding). */
  private selectedKey: { sheet: string; cells: string[] } | null = null;
  private bytes: Uint8Array;
  private workbook: Workbook | null = null;
  private readonly listeners = new Set<(e: BrowserHostEvent) => void>();

  constructor(
    readonly fileName: string,
    bytes: Uint8Array,
    readonly lang: Lang,
  ) {
    this.bytes = bytes;
  }

  /** Calls back when the result, the selection preview or the in-memory copy changes. */
  subscribe(listener: (e: BrowserHostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit(e: BrowserHostEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** The current bytes (the original file plus any applied fixes). */
  get currentBytes(): Uint8Array {
    return this.bytes;
  }

  /** The workbook read last, or null when it must be read again (never read, or a fix changed the file). */
  get loaded(): Workbook | null {
    return this.workbook;
  }

  async read(onProgress?: ProgressListener): Promise<Workbook> {
    if (this.workbook) return this.workbook;
    onProgress?.({ step: this.lang === "ja" ? "ファイルを読み込んでいます" : "Reading the file" });
    try {
      this.workbook = await readWorkbookBuffer(this.bytes);
    } catch (err) {
      throw toHostError(err, this.lang);
    }
    return this.workbook;
  }

  /** Keeps the result for the list and the download (the pane's copy with readable other-file cells is undone). */
  async highlight(result: CheckResult): Promise<void> {
    this.result = originalResult(result);
    this.highlightsOn = true;
    this.emit("result");
  }

  async clearHighlights(): Promise<void> {
    this.highlightsOn = false;
    this.emit("result");
  }

  /**
   * The preview of a finding's cells: the grid around its own cell on this file's sheet; its cells on other
   * sheets and in other files are listed as text.
   */
  async select(sheet: string, cells: string[]): Promise<void> {
    const workbook = await this.read();
    // the pane passes the finding's cells; its own cell anchors the grid (it is in this file, by construction)
    const finding = this.findingAt(sheet, cells);
    // the pane may pass only the finding's cells in this file: its cells in other files are listed from the finding
    const all = finding?.cells ?? cells;
    this.selectedKey = { sheet, cells: [...all] };
    // the preview's code is loaded on the first selection: reading and checking a file do not need it
    const { lookupCell, surroundingCells } = await import(/* webpackChunkName: "preview" */ "./preview");
    const lookup = (file: string, other: string, cell: string) => {
      const book = this.otherWorkbook?.(file);
      return book ? lookupCell(book, other, cell) : undefined;
    };
    this.preview = surroundingCells(workbook, sheet, all, { primary: finding?.cell, lookup });
    this.emit("selection");
  }

  /** The finding of the last result at these cells: all of its cells, or those in this file (without `[book]…` ones). */
  private findingAt(sheet: string, cells: readonly string[], rule?: string): Finding | undefined {
    const same = (a: readonly string[]) => a.length === cells.length && a.every((c, i) => c === cells[i]);
    const candidates =
      this.result?.findings.filter((f) => f.sheet === sheet && (rule === undefined || f.rule === rule)) ?? [];
    return (
      candidates.find((f) => same(f.cells)) ?? candidates.find((f) => same(f.cells.filter((c) => !isExternalRef(c))))
    );
  }

  /** The finding last selected, as the latest result has it (accepted or not); null when none or gone. */
  get selectedFinding(): Finding | null {
    if (!this.selectedKey) return null;
    return this.findingAt(this.selectedKey.sheet, this.selectedKey.cells) ?? null;
  }

  /**
   * Accepts a finding (確認済み) with a reason: its acceptance (src/core/accept) is written into the in-memory
   * file's very hidden Kensa_accepted sheet, so the next check honours it and every download carries it.
   * Throws AcceptanceError for an empty or too long reason.
   */
  async accept(finding: Finding, reason: string, by?: string): Promise<void> {
    const original = this.findingAt(finding.sheet, finding.cells, finding.rule) ?? finding;
    const workbook = await this.read();
    const lookup = workbookLookup(workbook, (name) => this.otherWorkbook?.(name));
    const entry = acceptanceOf(original, lookup, reason, { by, at: localTimestamp(), lang: this.lang });
    const store = readAcceptanceStore(workbook);
    const place = { rule: original.rule, sheet: original.sheet, cell: original.cell };
    await this.writeStore(withAcceptance(withoutAcceptance(store.entries, place).entries, entry));
  }

  /** Revokes the acceptance of a finding (every record at its rule, sheet and cell). */
  async revoke(finding: Pick<Finding, "rule" | "sheet" | "cell">): Promise<void> {
    const store = readAcceptanceStore(await this.read());
    const next = withoutAcceptance(store.entries, { rule: finding.rule, sheet: finding.sheet, cell: finding.cell });
    if (next.removed === 0) return;
    await this.writeStore(next.entries);
  }

  private async writeStore(entries: Acceptance[]): Promise<void> {
    try {
      const { writeStoreToPackage } = await acceptStore();
      this.bytes = await writeStoreToPackage(this.bytes, storeGrid(entries));
    } catch (err) {
      const code = err instanceof (await acceptStore()).StoreWriteError ? err.code : "";
      const message =
        code === "not-ours"
          ? this.lang === "ja"
            ? "このファイルのシート「Kensa_accepted」は Kensa の記録ではないため、確認済みを書き込めません"
            : "The sheet “Kensa_accepted” of this file is not Kensa's record: acceptances cannot be written"
          : this.lang === "ja"
            ? `確認済みを記録できません（${err instanceof Error ? err.message : String(err)}）`
            : `Cannot record the acceptance (${err instanceof Error ? err.message : String(err)})`;
      throw new HostError("unknown", message, false);
    }
    this.workbook = null;
    this.acceptChanges++;
    this.emit("accept");
  }

  /** The file as opened, with its record of accepted findings (and any fix applied): to save in place of the original. */
  storedFile(): { name: string; bytes: Uint8Array } {
    return { name: this.fileName, bytes: this.bytes };
  }

  /** Computed cells go into the download; nothing is written to the user's file. */
  async fillComputed(_result: CheckResult): Promise<number> {
    return 0;
  }

  async applyFix(fix: Fix): Promise<void> {
    // the cached result is the value the rule expected, so the next check sees the corrected number; the old figure goes to 修正履歴
    const finding = this.result?.findings.find(
      (f) => f.fix && f.fix.sheet === fix.sheet && f.fix.cell === fix.cell && f.fix.formula === fix.formula,
    );
    try {
      const { applyFixToBytes } = await annotator();
      this.bytes = await applyFixToBytes(this.bytes, fix, {
        lang: this.lang,
        rule: finding?.rule,
        result: fix.formula !== undefined ? (finding?.expected ?? fix.value) : undefined,
      });
    } catch (err) {
      throw new HostError("unknown", err instanceof Error ? err.message : String(err));
    }
    this.workbook = null;
    this.fixesApplied++;
    this.emit("fix");
  }

  /** The 検証結果 sheet is always part of the download. */
  async writeResultSheet(result: CheckResult): Promise<void> {
    this.result = originalResult(result);
    this.emit("result");
  }

  /** A file in the browser cannot gain sheets: the template is offered as a download instead (templateFile). */
  async insertTemplate(): Promise<string[]> {
    return [];
  }

  /** The annotated copy: the in-memory file with highlights, computed cells and the result sheet. */
  async annotatedFile(): Promise<{ name: string; bytes: Uint8Array }> {
    let result = this.result;
    if (!result) throw new HostError("unknown", this.lang === "ja" ? "先に検証してください" : "Check the file first");
    if (!this.highlightsOn) result = { ...result, findings: [] };
    const { annotateBuffer } = await annotator();
    const bytes = await annotateBuffer(this.bytes, result, this.lang);
    return { name: annotatedName(this.fileName, this.lang), bytes };
  }
}

/** "報告.xlsx" → "報告.kensa.xlsx", the name of every annotated copy (annotatedCopyName). */
export function annotatedName(fileName: string, _lang?: Lang): string {
  return annotatedCopyName(fileName);
}

export async function templateFile(lang: Lang): Promise<{ name: string; bytes: Uint8Array }> {
  return {
    name: lang === "ja" ? "Kensa_テンプレート.xlsx" : "Kensa_template.xlsx",
    bytes: await (await import(/* webpackChunkName: "writer" */ "../adapters/exceljs/template")).templateBuffer(lang),
  };
}

/** A read failure as the pane's one clear message (not retryable: the same bytes fail the same way). */
export function toHostError(err: unknown, lang: Lang): HostError {
  if (err instanceof HostError) return err;
  if (isWorkbookReadError(err)) {
    const code =
      err.code === "xls"
        ? "not-xlsx"
        : err.code === "not-found" || err.code === "directory" || err.code === "unreadable"
          ? "unknown"
          : err.code === "out-of-range"
            ? "corrupt"
            : isLimitCode(err.code)
              ? "payload-too-large"
              : err.code;
    return new HostError(code, err.messageIn(lang), false);
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new HostError("unknown", detail, true);
}
