/**
 * What a hostile case is, and the limits every run of the CLI is held to (issue 14).
 */

/** A run over this much resident memory fails (and is stopped there): the bound, "under 1 GB". */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/**
 * A run still going after this long is a hang (and is killed). A normal run of the sample takes about one
 * second; bombs must be refused in bounded time, and twenty seconds leaves room for a loaded test machine.
 */
export const RUN_TIMEOUT_MS = 20_000;

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory: the child's own VmHWM at exit, or the parent's sampling of VmRSS when it was killed. */
  peakRssBytes: number;
  timedOut: boolean;
  overMemory: boolean;
}

export interface Case {
  /** Unique, stable: `bomb/zip-sheet-1.2GB`, `special/fifo`. */
  id: string;
  /** The CLI's arguments (after `kensa`). */
  args: string[];
  /** Files (and special files) whose bytes or kind must be the same after the run. */
  inputs: string[];
  /** The output format, which decides what "safe output" means: text escaped, JSON parseable, CSV as is. */
  format: "text" | "json" | "csv";
  /** Inputs that must be refused with exactly one line (text) or status "unreadable" (JSON). */
  unreadable?: string[];
  /** Text that must never appear in any output (the content of a file an external entity points to). */
  secret?: string;
  /** Files that, when they exist after the run, must be complete workbooks (a valid zip with its content types). */
  outputs?: string[];
  /** The exit codes allowed (default: 0, 1 or 2, Kensa's own). */
  codes?: number[];
  /** Kill the run this long after it started (an interrupted write): its exit code and output are not judged. */
  killAfterMs?: number;
  /** The signal of that kill (SIGKILL by default: nothing can be cleaned up; SIGTERM: temp files must go too). */
  killSignal?: NodeJS.Signals;
  /** Start this many copies at once (concurrent writes to the same outputs). */
  copies?: number;
  /** More checks once the run is over: each returned string is a problem. */
  verify?: (r: RunResult) => Promise<string[]> | string[];
  /** Done before the run (e.g. listen on a socket); the returned function after it. */
  around?: () => Promise<() => Promise<void>>;
}
