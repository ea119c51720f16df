/**
 * What the task pane needs from wherever the workbook lives: Excel (Office.js adapter) or a local
 * file opened in a plain browser (exceljs in memory). The task pane depends on this interface only.
 */
import type { CheckResult } from "../core/engine";
import type { Finding, Fix } from "../core/model/finding";
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
      | "protected"
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

/** A cell of a sheet. */
export interface CellRef {
  sheet: string;
  /** A1, upper case, no "$". */
  cell: string;
}

/** Why Kensa wrote nothing at all. */
export type WriteBlock =
  /** The workbook's structure is protected and Kensa has no state sheet yet to record what it changes. */
  | "workbook-protected"
  /** Kensa's state sheet is protected. */
  | "state-protected"
  /** A sheet named Kensa_state exists that Kensa did not write. */
  | "state-foreign";

/** What a highlight (or a clear) did, for the pane to tell the person. */
export interface HighlightReport {
  /** Cells carrying Kensa's highlight afterwards. */
  highlighted: number;
  /** Cells given back their own fill (and note). */
  restored: number;
  /** Sheets Kensa did not write to because they are protected; their findings are in the list only. */
  protectedSheets: string[];
  /** Cells whose recorded fill Kensa cannot give back exactly (a theme colour…): left alone. */
  unrestorable: CellRef[];
  /** Cells not highlighted because their own fill could not be put back afterwards (gradients). */
  notHighlighted: CellRef[];
  blocked?: WriteBlock;
}

/** What 再計算・検証 wrote into computed cells. */
export interface FillReport {
  /** Exactly the cells written. */
  written: CellRef[];
  /** Cells that already held what Kensa would write (not written again). */
  unchanged: number;
  /** Cells left alone because a person typed there or wrote their own formula. */
  leftAlone: number;
  protectedSheets: string[];
  blocked?: WriteBlock;
}

export interface ClearOptions {
  /** Also take out what else Kensa wrote: its formulas, its result sheet and its state sheet. */
  removeAll?: boolean;
}

export interface ClearReport extends HighlightReport {
  /** Computed cells given back as they were (removeAll). */
  removedFormulas: number;
  /** Kensa's sheets deleted (removeAll). */
  removedSheets: string[];
  /** Computed cells left as they are because a person changed them since (removeAll). */
  keptFormulas: number;
}

/** Whether Kensa's writes may clear Excel's undo history here (told to the person once, before the first write). */
export type UndoRisk = "every-write" | "sheet-changes" | null;

export interface WorkbookHost {
  /** "excel" inside Office, "browser" on a local file. */
  readonly kind: "excel" | "browser";
  /** Reads the whole workbook into the core model. */
  read(onProgress?: ProgressListener): Promise<Workbook>;
  /** Shows findings on the cells (replacing earlier highlights; never stacking them); never changes a value. */
  highlight(result: CheckResult): Promise<HighlightReport | void>;
  /** Restores every highlighted cell exactly as it looked before (and, with removeAll, takes out all Kensa wrote). */
  clearHighlights(options?: ClearOptions): Promise<ClearReport | void>;
  /** Activates the sheet and selects the cells of a finding. */
  select(sheet: string, cells: string[]): Promise<void>;
  /** Writes computed cells that are empty or Kensa's own (never a typed value): how many, or exactly which. */
  fillComputed(result: CheckResult): Promise<number | FillReport>;
  /** Applies one fix after the user confirmed it, logged (修正履歴) with the rule of the finding that proposed it. */
  applyFix(fix: Fix, rule?: string): Promise<void>;
  /** Writes (or replaces) the result sheet with links to the cells. */
  writeResultSheet(result: CheckResult): Promise<void>;
  /** Adds blank sheets of each kind. Returns the names of the sheets added. */
  insertTemplate(): Promise<string[]>;
  /** Calls back (debounced by the caller) when the user edits the workbook; returns an unsubscribe. */
  onChanged?(listener: () => void): Promise<() => void>;
}

/** A host whose writes may clear Excel's undo history (the Office.js host); the pane asks it with `"undoRisk" in host`. */
export interface UndoRiskHost {
  undoRisk(): UndoRisk;
}

/**
 * A host that records accepted findings (確認済み, src/core/accept) in the workbook itself: the Office.js host
 * writes the very hidden Kensa_accepted sheet of the open workbook; browser mode its in-memory file. The pane
 * asks it with `"accept" in host`, then checks again so the result shows the finding as accepted (or not).
 */
export interface AcceptingHost {
  /**
   * Records `finding` (as the last check gave it) as accepted with `reason`; `others`: the other workbooks of
   * the set by their names in it, for a cross-file finding's values.
   */
  accept(finding: Finding, reason: string, by?: string, others?: ReadonlyMap<string, Workbook>): Promise<void>;
  /** Takes back every acceptance at the finding's rule, sheet and cell. */
  revoke(finding: Pick<Finding, "rule" | "sheet" | "cell">): Promise<void>;
}
