/**
 * What the task pane needs from wherever the workbook lives: Excel (Office.js adapter) or a local
 * file opened in a plain browser (exceljs in memory). The task pane depends on this interface only.
 */
import type { CheckResult } from "../core/engine";
import type { Fix } from "../core/model/finding";
import type { Workbook } from "../core/model/workbook";

export interface Progress {
  /** 0..1, or undefined when unknown. */
  fraction?: number;
  /** Short Japanese/English label of the current step, already localised by the host. */
  step: string;
}

export type ProgressListener = (p: Progress) => void;

/** A failure the pane shows as one clear message with a retry (never a blank pane). */
export class HostError extends Error {
  constructor(
    readonly code:
      | "cell-edit-mode"
      | "payload-too-large"
      | "unsupported-api"
      | "workbook-changed"
      | "not-xlsx"
      | "corrupt"
      | "encrypted"
      | "empty"
      | "unknown",
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export interface WorkbookHost {
  /** "excel" inside Office, "browser" on a local file. */
  readonly kind: "excel" | "browser";
  /** Reads the whole workbook into the core model. */
  read(onProgress?: ProgressListener): Promise<Workbook>;
  /** Shows findings on the cells (replacing earlier highlights; never stacking them). */
  highlight(result: CheckResult): Promise<void>;
  /** Restores every highlighted cell exactly as it looked before. */
  clearHighlights(): Promise<void>;
  /** Activates the sheet and selects the cells of a finding. */
  select(sheet: string, cells: string[]): Promise<void>;
  /** Writes computed cells that are empty or Kensa's own (never a typed value). Returns how many. */
  fillComputed(result: CheckResult): Promise<number>;
  /** Applies one fix after the user confirmed it. */
  applyFix(fix: Fix): Promise<void>;
  /** Writes (or replaces) the result sheet with links to the cells. */
  writeResultSheet(result: CheckResult): Promise<void>;
  /** Adds blank sheets of each kind. Returns the names of the sheets added. */
  insertTemplate(): Promise<string[]>;
  /** Calls back (debounced by the caller) when the user edits the workbook; returns an unsubscribe. */
  onChanged?(listener: () => void): Promise<() => void>;
}
