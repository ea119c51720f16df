/**
 * Browser mode's submission set (DOMAIN §3.4): every file opened in the page is one set, checked with the
 * core's checkSet exactly as `kensa check` checks the files given to it, and checked again whenever a file is
 * added, removed or changed (a cross-file finding can appear or disappear in a file that was not touched).
 *
 * - SetChecker runs the checks one at a time, in order, and does not check again when nothing changed (the
 *   pane, shown again or remounted, gets the last results at once);
 * - setOverview turns the open files and the last check into what the set summary says;
 * - setTableFiles gives the findings workbook (「まとめてダウンロード」) its files, as the CLI gives them to --out.
 *
 * No DOM: tested in Node.
 */
import {
  addSummary,
  checkSet,
  setNames,
  type CheckResult,
  type NamedWorkbook,
  type SetResult,
  type SetSummary,
  type Summary,
} from "../core/engine";
import type { Workbook } from "../core/model/workbook";
import type { Lang } from "../core/values/format";
import { checkStatus } from "../core/report/status";
import type { TableFile } from "../core/report/table";
import type { BrowserHost } from "./browser-host";

/** A file opened in the page. */
export interface FileEntry {
  id: string;
  /** The file's name as chosen (`提出_医薬品.xlsx`). */
  name: string;
  /** reading: being read; checking: read, waiting for the set's check; ready: checked; error: not readable. */
  status: "reading" | "checking" | "ready" | "error";
  host?: BrowserHost;
  error?: string;
  /** Why it could not be read, as a code (HostError's): for the findings workbook. */
  errorCode?: string;
  /** Its name in the set when two open files share a name (`報告 (2).xlsx`); absent otherwise. */
  setName?: string;
}

/** The engine over a set; tests pass their own. */
export type SetCheckFn = (workbooks: readonly NamedWorkbook[], lang: Lang) => SetResult;

export const defaultSetCheck: SetCheckFn = (workbooks, lang) => checkSet(workbooks, { lang });

/** A readable file of the set, as the checker needs it. */
export interface SetMember {
  id: string;
  name: string;
  host: BrowserHost;
}

/** What one check of the set gave. */
export interface SetRun {
  /** The members checked, in order. */
  ids: string[];
  /** Each member's name in the set (what other files' findings call it). */
  names: Map<string, string>;
  /** Each member's result; a member Kensa failed on has none (see failures). */
  results: Map<string, CheckResult>;
  /** Members Kensa failed on (a bug, not the file's fault), with why. */
  failures: Map<string, string>;
  set: SetSummary;
  summary: Summary;
}

/** Checks the set, one check at a time; the same members with the same workbooks are not checked twice. */
export class SetChecker {
  private queue: Promise<unknown> = Promise.resolve();
  private last: { inputs: { host: BrowserHost; workbook: Workbook; name: string }[]; run: SetRun } | null = null;
  /** How many times the engine ran (tests). */
  runs = 0;

  constructor(
    private readonly lang: Lang,
    private readonly check: SetCheckFn = defaultSetCheck,
  ) {}

  /**
   * Checks the members `members()` returns when this check's turn comes (so a check queued behind another
   * sees the files opened or closed meanwhile).
   */
  run(members: () => readonly SetMember[]): Promise<SetRun> {
    const next = this.queue.then(() => this.runNow(members()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(members: readonly SetMember[]): Promise<SetRun> {
    const failures = new Map<string, string>();
    const inputs: { id: string; host: BrowserHost; workbook: Workbook; name: string }[] = [];
    for (const m of members) {
      try {
        inputs.push({ id: m.id, host: m.host, workbook: await m.host.read(), name: m.name });
      } catch (err) {
        failures.set(m.id, err instanceof Error ? err.message : String(err));
      }
    }
    const last = this.last;
    if (
      last &&
      failures.size === 0 &&
      last.inputs.length === inputs.length &&
      last.inputs.every(
        (x, i) => x.host === inputs[i].host && x.workbook === inputs[i].workbook && x.name === inputs[i].name,
      )
    ) {
      // the same files in the same order, none changed since: the same results
      return last.run;
    }
    const names = setNames(inputs.map((x) => x.name));
    this.runs++;
    const result = this.check(
      inputs.map((x, i) => ({ name: names[i], workbook: x.workbook })),
      this.lang,
    );
    const run: SetRun = {
      ids: inputs.map((x) => x.id),
      names: new Map(inputs.map((x, i) => [x.id, names[i]])),
      results: new Map(),
      failures,
      set: result.set,
      summary: result.summary,
    };
    result.files.forEach((f, i) => {
      if (f.result) run.results.set(inputs[i].id, f.result);
      else run.failures.set(inputs[i].id, f.error instanceof Error ? f.error.message : String(f.error));
    });
    this.last = { inputs: inputs.map(({ host, workbook, name }) => ({ host, workbook, name })), run };
    return run;
  }
}

/** True when two results list the same findings on the same sheets (what the pane shows is the same). */
export function sameResult(a: CheckResult | null | undefined, b: CheckResult | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return JSON.stringify([a.sheets, a.findings]) === JSON.stringify([b.sheets, b.findings]);
}

export type SetVerdict = "errors" | "unreadable" | "unchecked" | "unfilled" | "warnings" | "rollup-skipped" | "clean";

export interface ProjectPlace {
  project: string;
  places: { file: string; sheet: string }[];
  state: "present" | "missing" | "duplicate";
}

/** What the set summary says. */
export interface SetOverview {
  /** Every open file, readable or not. */
  files: number;
  /** Files read and checked (at least one sheet of a known kind). */
  checked: number;
  /** Files read in which no sheet is of a known kind: nothing in them was checked (未検証). */
  unchecked: number;
  /** Files whose every sheet of a known kind is still blank (未入力): nothing entered to check. */
  unfilled: number;
  /** Files that could not be read. */
  unreadable: number;
  /** Files still being read or checked. */
  pending: number;
  /** Every finding of every file, counted once. */
  summary: Summary;
  rollup: SetSummary["rollup"];
  projects: ProjectPlace[];
  missing: string[];
  duplicates: string[];
  /** The one-word outcome: never "clean" while a file is unchecked or unreadable, or the roll-up was skipped. */
  verdict: SetVerdict;
}

/** The set summary's content, from the open files and the set's last check (null before the first). */
export function setOverview(files: readonly FileEntry[], set: SetSummary | null): SetOverview {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  let checked = 0;
  let unchecked = 0;
  let unfilled = 0;
  let unreadable = 0;
  let pending = 0;
  for (const f of files) {
    if (f.status === "error") unreadable++;
    else if (f.status !== "ready" || !f.host?.result) pending++;
    else {
      const r = f.host.result;
      const status = checkStatus(r.sheets, r.findings);
      if (status === "unchecked") unchecked++;
      else if (status === "unfilled") unfilled++;
      else checked++;
      addSummary(summary, r.summary);
    }
  }
  const rollup = set?.rollup ?? "none";
  const projects: ProjectPlace[] = (set?.projects ?? []).map((p) => ({
    project: p.project,
    places: p.sheets.map((s) => ({ file: s.file, sheet: s.sheet })),
    state: p.sheets.length === 0 ? "missing" : p.sheets.length > 1 ? "duplicate" : "present",
  }));
  const verdict: SetVerdict = summary.error
    ? "errors"
    : unreadable
      ? "unreadable"
      : unchecked
        ? "unchecked"
        : unfilled
          ? "unfilled"
          : summary.warning
            ? "warnings"
            : rollup === "skipped"
              ? "rollup-skipped"
              : "clean";
  return {
    files: files.length,
    checked,
    unchecked,
    unfilled,
    unreadable,
    pending,
    summary,
    rollup,
    projects,
    missing: rollup === "none" ? [] : (set?.missing ?? []),
    duplicates: set?.duplicates ?? [],
    verdict,
  };
}

/**
 * The files of the findings workbook: each checked file with its findings as the CLI reports them (messages
 * unchanged, other files' cells as external references), each file that could not be read with why.
 */
export function setTableFiles(files: readonly FileEntry[]): TableFile[] {
  const out: TableFile[] = [];
  for (const f of files) {
    const name = f.setName ?? f.name;
    const result = f.status === "ready" ? f.host?.result : undefined;
    if (result) {
      out.push({
        file: name,
        name,
        status: checkStatus(result.sheets, result.findings),
        sheets: result.sheets,
        findings: result.findings,
        summary: result.summary,
      });
    } else if (f.status === "error") {
      out.push({
        file: name,
        name,
        status: "unreadable",
        sheets: [],
        findings: [],
        summary: { error: 0, warning: 0, info: 0 },
        error: { code: f.errorCode ?? "unreadable", message: f.error ?? "?" },
      });
    }
  }
  return out;
}

/** 「指摘一覧_提出セット_20251202.xlsx」 / “findings_set_20251202.xlsx”, dated in the browser's time zone. */
export function findingsFileName(lang: Lang, date: Date = new Date()): string {
  const d = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, "0")}${String(date.getDate()).padStart(2, "0")}`;
  return lang === "ja" ? `指摘一覧_提出セット_${d}.xlsx` : `findings_set_${d}.xlsx`;
}
