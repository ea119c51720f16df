/**
 * The acceptance store (確認済みの記録): the findings a person accepted, with their reasons, kept inside the
 * workbook so that the command line, browser mode and the Excel add-in all read and write the same record.
 *
 * Where: a very hidden worksheet named `Kensa_accepted` (ACCEPT_SHEET; matched regardless of case), every cell
 * text. A1 holds the mark `Kensa accepted v1`, B1 a note for whoever unhides the sheet; row 2 the headers;
 * from row 3, one acceptance per row (./store-row.ts):
 *
 *   A ルール | B シート | C セル | D 関連セル (JSON) | E 値 (JSON) | F 計算値 | G 記入値 | H 理由 | I 確認者 | J 日時
 *
 *   grade/below-pace | アウトプット指標 | J15 | ["J15","H15","D15"] | ["A",0,10] | 4 | 0 | 指標8は令和8年度からの事業のため | 山田 | 2025-12-02T10:15:00+09:00
 *
 * - A–D are the key: the finding's rule, sheet, primary cell and every cell it involves, as the finding names
 *   them (`'PJ3'!G12` on another sheet, `[提出_医薬品.xlsx]様式2!G6` in another file of a submission set).
 * - E–G are the fingerprint (./fingerprint.ts): each cell's value when it was accepted, and the finding's
 *   computed (expected, 計算値) and entered (actual, 記入値) numbers. A finding is accepted only while all are the same.
 * - H the reason (required), I who (optional), J when (ISO 8601, optional).
 *
 * Why a sheet of its own rather than rows of Kensa_state: Kensa_state is rewritten whenever highlights are
 * cleared, and an acceptance must outlive that. Its A1 does not start with the result-sheet marker, so no
 * face ever takes it for a result sheet to replace; the engine takes it out of the workbook before checking.
 *
 * The sheet can be edited or forged by anyone who can edit the workbook: everything is validated (zod), sizes
 * are capped (ACCEPT_LIMITS), and whatever cannot be understood is left out and reported
 * (`accepted/store`), never thrown. An accepted finding is always listed as 確認済み with its reason, so a
 * forged row cannot make a file pass unseen. Pure: no I/O; the adapters write `storeGrid` into the sheet.
 */
import type { Finding } from "../model/finding";
import type { Sheet, Workbook } from "../model/workbook";
import {
  ACCEPT_HEADERS,
  ACCEPT_COLUMNS,
  ACCEPT_LIMITS,
  acceptanceRow,
  normalCell,
  parseAcceptanceRow,
  storeText,
  type Acceptance,
  type StoreProblem,
} from "./store-row";

export {
  ACCEPT_COLUMNS,
  ACCEPT_HEADERS,
  ACCEPT_HEADERS_V1,
  ACCEPT_LIMITS,
  AcceptanceSchema,
  acceptanceRow,
  normalCell,
  parseAcceptanceRow,
  STORE_PROBLEM_PHRASES,
  STORE_PROBLEMS,
  storeProblemText,
  type Acceptance,
  type StoreProblem,
  type StoreProblemId,
} from "./store-row";

/** The sheet's fixed name. */
export const ACCEPT_SHEET = "Kensa_accepted";
/** A1 of the sheet: the format and its version. */
export const ACCEPT_MARK = "Kensa accepted v1";
/** B1: what the sheet is, for whoever unhides it. */
export const ACCEPT_NOTE =
  "Kensa の確認済みの記録です（kensa accept・ブラウザー・アドインで追加と取り消し）。Findings accepted in Kensa; edit them with Kensa.";
/** Rows before the first acceptance (mark, headers). */
export const ACCEPT_FIRST_ROW = 3;

export interface AcceptanceStore {
  /** The sheet, by its name in the workbook; undefined when the workbook has none. */
  sheet?: string;
  entries: Acceptance[];
  problems: StoreProblem[];
}

/** True for the store's sheet (`Kensa_accepted`, any case). */
export function isAcceptSheet(sheet: { name: string } | string): boolean {
  const name = typeof sheet === "string" ? sheet : sheet.name;
  return name.toLowerCase() === ACCEPT_SHEET.toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/**
 * Reads the store from the sheet's values, a grid anchored at A1 (the model's rows, or Office.js values).
 * Never throws: what cannot be read is in `problems`.
 */
export function parseAcceptanceGrid(
  grid: readonly (readonly unknown[] | undefined)[],
  sheetName = ACCEPT_SHEET,
): AcceptanceStore {
  const store: AcceptanceStore = { sheet: sheetName, entries: [], problems: [] };
  try {
    const mark = storeText(grid[0]?.[0]).trim();
    const nonEmpty = grid.some((r) => r?.some((v) => storeText(v).trim() !== ""));
    if (!nonEmpty) return store;
    if (mark !== ACCEPT_MARK) {
      store.problems.push(
        mark.startsWith("Kensa accepted")
          ? { row: 1, id: "version", data: { mark } }
          : { row: 1, id: "noMark", data: { mark: ACCEPT_MARK } },
      );
      return store;
    }
    const seen = new Map<string, number>();
    let dropped = 0;
    for (let r = 1; r < grid.length; r++) {
      const cells = grid[r];
      if (!cells || cells.every((v) => storeText(v).trim() === "")) continue;
      // the header row, by its first column: the same in the headers of every version (ACCEPT_HEADERS_V1)
      if (storeText(cells[0]).trim() === ACCEPT_HEADERS[0]) continue;
      if (store.entries.length >= ACCEPT_LIMITS.entries) {
        dropped++;
        continue;
      }
      const read = parseAcceptanceRow(cells, r + 1);
      if (!read.ok) {
        store.problems.push(read.problem);
        continue;
      }
      // the same finding twice: the later row counts
      const key = acceptanceKey(read.acceptance);
      const before = seen.get(key);
      if (before !== undefined) store.entries.splice(before, 1, read.acceptance);
      else {
        seen.set(key, store.entries.length);
        store.entries.push(read.acceptance);
      }
    }
    if (dropped) {
      store.problems.push({ row: 1, id: "tooMany", data: { limit: ACCEPT_LIMITS.entries, dropped } });
    }
  } catch (err) {
    // a model Kensa never produces (a forged workbook object): nothing of it is used
    store.entries = [];
    store.problems.push({ row: 1, id: "broken", data: { error: String(err) } });
  }
  return store;
}

/** The workbook's store sheet, if any. */
export function findAcceptSheet(workbook: Workbook): Sheet | undefined {
  return workbook.sheets.find(isAcceptSheet);
}

/** Reads the store from a workbook of the model (an empty store when it has no Kensa_accepted sheet). */
export function readAcceptanceStore(workbook: Workbook): AcceptanceStore {
  const sheet = findAcceptSheet(workbook);
  if (!sheet) return { entries: [], problems: [] };
  const grid = sheet.rows.map((r) => (r ?? []).map((c) => c?.value ?? null));
  return parseAcceptanceGrid(grid, sheet.name);
}

/**
 * The workbook without its store sheet (what the rules check), and the store read from it. The same workbook
 * object when it has no store sheet.
 */
export function splitAcceptanceStore(workbook: Workbook): { workbook: Workbook; store: AcceptanceStore } {
  if (!workbook.sheets.some(isAcceptSheet)) return { workbook, store: { entries: [], problems: [] } };
  return {
    workbook: { ...workbook, sheets: workbook.sheets.filter((s) => !isAcceptSheet(s)) },
    store: readAcceptanceStore(workbook),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Keys and edits

/** What identifies the finding an acceptance is for: rule, sheet, cell and every cell involved. */
export function acceptanceKey(a: Pick<Acceptance, "rule" | "sheet" | "cell" | "cells">): string {
  return JSON.stringify([a.rule, a.sheet, normalCell(a.cell), a.cells]);
}

/** True when the acceptance is for this finding's place (rule, sheet and primary cell), whatever its other cells. */
export function samePlace(
  a: Pick<Acceptance, "rule" | "sheet" | "cell">,
  f: Pick<Finding, "rule" | "sheet" | "cell">,
): boolean {
  return a.rule === f.rule && a.sheet === f.sheet && normalCell(a.cell) === normalCell(f.cell);
}

/** The entries with `added` in place of any entry for the same finding (same key), else appended. */
export function withAcceptance(entries: readonly Acceptance[], added: Acceptance): Acceptance[] {
  const key = acceptanceKey(added);
  const out = entries.filter((e) => acceptanceKey(e) !== key).map(({ row: _row, ...e }) => e);
  const { row: _row, ...clean } = added;
  out.push(clean);
  return out;
}

/**
 * The entries without those for the given place (rule, sheet, cell; with `cells`, only that exact finding).
 * `removed` says how many went.
 */
export function withoutAcceptance(
  entries: readonly Acceptance[],
  what: Pick<Acceptance, "rule" | "sheet" | "cell"> & { cells?: string[] },
): { entries: Acceptance[]; removed: number } {
  const key = what.cells ? acceptanceKey({ ...what, cells: what.cells }) : undefined;
  const kept = entries.filter((e) => (key ? acceptanceKey(e) !== key : !samePlace(e, what)));
  return { entries: kept.map(({ row: _row, ...e }) => e), removed: entries.length - kept.length };
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/**
 * The sheet's whole content for these entries: mark and note, headers, one row per acceptance; every cell
 * text (write it as text: Office.js with the number format "@", exceljs as strings). An empty store is the
 * mark and the headers alone.
 */
export function storeGrid(entries: readonly Acceptance[]): string[][] {
  const pad = (r: string[]) => [...r, ...Array<string>(Math.max(0, ACCEPT_COLUMNS - r.length)).fill("")];
  return [pad([ACCEPT_MARK, ACCEPT_NOTE]), ACCEPT_HEADERS.slice(), ...entries.map(acceptanceRow)];
}
