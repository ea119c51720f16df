/**
 * WorkbookHost for a local .xlsx opened in a plain browser (browser mode). The file stays in memory:
 * nothing is uploaded. Every open file is one workbook of the page's submission set (./set-check.ts): its
 * result holds its own findings, cross-file ones included (other files' cells written `[book.xlsx]Sheet!A1`). What Excel would do to the open workbook is folded into the annotated copy the
 * user downloads (highlights, computed cells, the 検証結果 sheet, see annotateBuffer); selecting a finding
 * shows the cells around it (./preview.ts); a confirmed fix is applied to the in-memory copy, so the
 * next check and the download include it.
 *
 * This module (and exceljs behind it) is only loaded in browser mode, in its own webpack chunk.
 */
import ExcelJS from "exceljs";
import { annotateBuffer } from "../adapters/exceljs/annotate";
import { isWorkbookReadError } from "../adapters/exceljs/errors";
import { readWorkbookBuffer } from "../adapters/exceljs/read";
import { templateBuffer } from "../adapters/exceljs/template";
import type { CheckResult } from "../core/engine";
import type { Fix } from "../core/model/finding";
import type { Workbook } from "../core/model/workbook";
import type { Lang } from "../core/report/format";
import { HostError, type ProgressListener, type WorkbookHost } from "../host/host";
import { originalResult } from "./cross-file";
import { surroundingCells, type CellPreview } from "./preview";

export type BrowserHostEvent = "result" | "selection" | "fix";

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
  /** Looks up a cell of another open file (set by browser mode): the preview shows what other files' cells hold. */
  lookupOther?: (file: string, sheet: string, cell: string) => string | undefined;
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
    const finding = this.result?.findings.find((f) => f.sheet === sheet && f.cells.length === cells.length && f.cells.every((c, i) => c === cells[i]));
    this.preview = surroundingCells(workbook, sheet, cells, { primary: finding?.cell, lookup: this.lookupOther });
    this.emit("selection");
  }

  /** Computed cells go into the download; nothing is written to the user's file. */
  async fillComputed(_result: CheckResult): Promise<number> {
    return 0;
  }

  async applyFix(fix: Fix): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(this.bytes.slice() as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(fix.sheet);
    if (!ws) throw new HostError("unknown", this.lang === "ja" ? `シート「${fix.sheet}」がありません` : `no sheet named “${fix.sheet}”`);
    const cell = ws.getCell(fix.cell.replace(/\$/g, ""));
    if (fix.formula !== undefined) {
      // the cached result is the value the rule expected, so the next check sees the corrected number
      const finding = this.result?.findings.find((f) => f.fix && f.fix.sheet === fix.sheet && f.fix.cell === fix.cell && f.fix.formula === fix.formula);
      const result = finding?.expected ?? fix.value;
      cell.value = { formula: fix.formula.replace(/^=/, ""), result, date1904: false } as ExcelJS.CellFormulaValue;
    } else if (fix.value !== undefined) {
      cell.value = fix.value;
    }
    this.bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
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
    const bytes = await annotateBuffer(this.bytes, result, this.lang);
    return { name: annotatedName(this.fileName, this.lang), bytes };
  }
}

/** "報告.xlsx" → "報告_検証済.xlsx" (ja) / "report_checked.xlsx" (en). */
export function annotatedName(fileName: string, lang: Lang): string {
  const base = fileName.replace(/\.xlsx$/i, "") || "workbook";
  return `${base}${lang === "ja" ? "_検証済" : "_checked"}.xlsx`;
}

export async function templateFile(lang: Lang): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: lang === "ja" ? "Kensa_テンプレート.xlsx" : "Kensa_template.xlsx", bytes: await templateBuffer(lang) };
}

/** A read failure as the pane's one clear message (not retryable: the same bytes fail the same way). */
export function toHostError(err: unknown, lang: Lang): HostError {
  if (err instanceof HostError) return err;
  if (isWorkbookReadError(err)) {
    const code = err.code === "xls" ? "not-xlsx" : err.code === "not-found" || err.code === "directory" || err.code === "unreadable" ? "unknown" : err.code;
    return new HostError(code, err.messageIn(lang), false);
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new HostError("unknown", detail, true);
}
