/** What the pane's behaviour (./use-pane.ts) gives its components, and the host abilities it looks for. */
import type { Finding, Severity } from "../core/model/finding";
import type { Workbook } from "../core/model/workbook";
import type { AcceptingHost, ProgressListener, UndoRisk, WorkbookHost } from "../host/host";
import type { PaneSetCheckFn, ReadBookFn } from "./added-books";
import type { PaneState } from "./state";

/** Hosts that can recalculate before reading (the Office.js adapter can; a file in the browser cannot). */
export interface RecalculatingHost {
  recalculateAndRead?(onProgress?: ProgressListener): Promise<Workbook>;
}

/** Hosts that can hold a batch until the person leaves cell-edit mode (Excel.RunOptions.delayForCellEdit). */
export interface DelayingHost {
  withCellEditDelay?<T>(work: () => Promise<T>): Promise<T>;
}

/** Hosts whose writes may clear Excel's undo history. */
export interface UndoHost {
  undoRisk?(): UndoRisk;
}

/** Delay between the last edit and the automatic re-check. */
export const AUTO_RECHECK_MS = 1500;

/** How long a success or info notice stays (a warning stays until dismissed: it asks the person to look). */
export const NOTICE_MS = 8000;

/** Whether the host records accepted findings (確認済み) in the workbook. */
export function canAccept(host: WorkbookHost): host is WorkbookHost & AcceptingHost {
  return (
    typeof (host as Partial<AcceptingHost>).accept === "function" &&
    typeof (host as Partial<AcceptingHost>).revoke === "function"
  );
}

export interface PaneActions {
  check: () => Promise<boolean>;
  recalcCheck: () => Promise<boolean>;
  select: (finding: Finding) => Promise<void>;
  applyFix: (finding: Finding) => Promise<boolean>;
  insertTemplate: () => Promise<boolean>;
  writeResultSheet: () => Promise<boolean>;
  clearHighlights: (removeAll?: boolean) => Promise<boolean>;
  /** The answer to the question before the first write. */
  answer: (goOn: boolean) => void;
  retry: () => void;
  dismiss: () => void;
  toggleSeverity: (severity: Severity) => void;
  setRule: (rule: string | null) => void;
  setAutoRecheck: (on: boolean) => void;
  /** Adds other submitters' workbooks to the set (read here, never uploaded) and checks again. */
  addBooks: (files: readonly PickedFile[]) => Promise<void>;
  /** Takes an added workbook out of the set and checks again. */
  removeBook: (id: string) => Promise<void>;
  /** 確認済み: records the finding as accepted with a reason in the workbook, then checks again. */
  accept: (finding: Finding, reason: string, by?: string) => Promise<boolean>;
  /** Takes back the finding's acceptance, then checks again. */
  revoke: (finding: Finding) => Promise<boolean>;
}

/** A file picked from disk (a File, or anything with its name and bytes). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface PaneOptions {
  /** The open workbook's name in a set (its file name, from Office); 「開いているブック」 when absent. */
  workbookName?: string;
  /** Reads an added file (tests pass their own). */
  readBook?: ReadBookFn;
  /** The engine over a set (tests pass their own). */
  setCheck?: PaneSetCheckFn;
}

export interface PaneModel {
  state: PaneState;
  actions: PaneActions;
  /** The workbook of the last read, for the fix preview's current value. */
  workbook: Workbook | null;
  canAutoRecheck: boolean;
  /** Whether the host can record accepted findings. */
  canAccept: boolean;
}
