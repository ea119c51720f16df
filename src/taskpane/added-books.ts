/**
 * Other submitters' workbooks added to the Excel pane (DOMAIN §3.4, 「他のブックを追加」): the open workbook and the
 * files the reviewer picks from disk are one submission set, checked with the core's checkSet exactly as
 * `kensa check` checks a folder, so the roll-up and the cross-references run in place against the open workbook.
 *
 * The files are read here, in the pane, with the browser reader (src/adapters/exceljs/read.ts, loaded on first use
 * in its own chunk): nothing is uploaded. Only the open workbook's result ever reaches the host (highlights,
 * computed cells, the result sheet, fixes); the added files' results are only listed.
 *
 * No DOM, no React: tested in Node.
 */
import { checkSet, type CheckResult, type NamedWorkbook, type SetSummary } from "../core/engine";
import type { Finding } from "../core/model/finding";
import type { Workbook } from "../core/model/workbook";
import type { Lang } from "../core/values/format";
import { isExternalRef } from "../core/model/refs";
import { isWorkbookReadError } from "../adapters/exceljs/errors";

/** A workbook added to the set. */
export interface AddedBook {
  id: string;
  /** The file's name as picked (`提出_医薬品.xlsx`). */
  name: string;
  /** reading: being read; ready: read (checked with the set at the next check); error: not readable. */
  status: "reading" | "ready" | "error";
  /** Why it could not be read, in one line. */
  error?: string;
  /** Its name in the set, when it differs from `name` (two files of the same name). */
  setName?: string;
  /** Its findings in the last check of the set (its own and the cross-file ones whose first cell is in it). */
  result?: CheckResult;
}

/** What one check of the set gave. */
export interface PaneSet {
  /** The open workbook's name in the set. */
  openName: string;
  set: SetSummary;
  /** Each added book's result (by id) and its name in the set. */
  added: Map<string, { name: string; result?: CheckResult; error?: string }>;
}

/** Reads a picked file into the core model; tests pass their own. */
export type ReadBookFn = (bytes: Uint8Array) => Promise<Workbook>;

export const defaultReadBook: ReadBookFn = async (bytes) => {
  const reader = await import(/* webpackChunkName: "reader" */ "../adapters/xlsx/read");
  return reader.readWorkbookBuffer(bytes);
};

/** The engine over a set; tests pass their own. */
export type PaneSetCheckFn = (workbooks: readonly NamedWorkbook[], lang: Lang) => ReturnType<typeof checkSet>;

export const defaultPaneSetCheck: PaneSetCheckFn = (workbooks, lang) => checkSet(workbooks, { lang });

/** Why a picked file could not be read, as one clear line (never a stack trace). */
export function readFailure(err: unknown, lang: Lang): string {
  if (isWorkbookReadError(err)) return err.messageIn(lang);
  const detail = err instanceof Error ? err.message : String(err);
  return detail || (lang === "ja" ? "読み込めません" : "cannot be read");
}

/**
 * The open workbook's name in the set: its file name from Office's document URL (a path or a web address,
 * https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-url-member), else
 * 「開いているブック」. Other files' findings write its cells `[name]Sheet!A1`.
 */
export function openBookName(url: string | null | undefined, lang: Lang): string {
  const fallback = lang === "ja" ? "開いているブック" : "Open workbook";
  if (!url) return fallback;
  const path = url.split(/[?#]/)[0];
  let last = path.split(/[\\/]/).filter(Boolean).pop() ?? "";
  try {
    last = decodeURIComponent(last);
  } catch {
    // a name with a stray % stays as written
  }
  return last.trim() || fallback;
}

/** Distinct names in the set: the open workbook first, then each added book (`報告 (2).xlsx` for a name taken). */
export function setMemberNames(openName: string, added: readonly string[]): string[] {
  const taken = new Set<string>();
  return [openName, ...added].map((name) => {
    let n = name;
    for (let k = 2; taken.has(n); k++) {
      const dot = name.lastIndexOf(".");
      n = dot > 0 ? `${name.slice(0, dot)} (${k})${name.slice(dot)}` : `${name} (${k})`;
    }
    taken.add(n);
    return n;
  });
}

/**
 * Checks the open workbook with the added ones as one set. The open workbook's own result (throws when Kensa
 * failed on it) and the set's outcome.
 */
export function checkWithAdded(
  open: { name: string; workbook: Workbook },
  added: readonly { id: string; name: string; workbook: Workbook }[],
  lang: Lang,
  check: PaneSetCheckFn = defaultPaneSetCheck,
): { result: CheckResult; set: PaneSet } {
  const names = setMemberNames(
    open.name,
    added.map((a) => a.name),
  );
  const r = check(
    [
      { name: names[0], workbook: open.workbook },
      ...added.map((a, i) => ({ name: names[i + 1], workbook: a.workbook })),
    ],
    lang,
  );
  const first = r.files[0];
  if (!first?.result) throw first?.error instanceof Error ? first.error : new Error(String(first?.error ?? "?"));
  const out = new Map<string, { name: string; result?: CheckResult; error?: string }>();
  added.forEach((a, i) => {
    const f = r.files[i + 1];
    out.set(a.id, {
      name: names[i + 1],
      result: f?.result,
      error: f?.result ? undefined : f?.error instanceof Error ? f.error.message : String(f?.error),
    });
  });
  return { result: first.result, set: { openName: names[0], set: r.set, added: out } };
}

/** The finding's cells in the open workbook (its cells in other files of the set are not Excel's to select). */
export function ownCells(f: Pick<Finding, "cell" | "cells">): string[] {
  const own = f.cells.filter((c) => !isExternalRef(c));
  return own.length ? own : [f.cell];
}

/** True when the finding is one of the open workbook's (same rule and place) and its fix is on one of its sheets. */
export function isOwnFix(f: Finding, result: CheckResult | null): boolean {
  if (!f.fix || !result) return false;
  const fix = f.fix;
  if (!result.sheets.some((s) => s.name === fix.sheet)) return false;
  return result.findings.some(
    (g) =>
      g.rule === f.rule &&
      g.sheet === f.sheet &&
      g.cell === f.cell &&
      g.fix?.sheet === fix.sheet &&
      g.fix.cell === fix.cell,
  );
}
