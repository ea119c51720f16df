/**
 * The acceptance store (確認済みの記録): the findings a person accepted, with their reasons, kept inside the
 * workbook so that the command line, browser mode and the Excel add-in all read and write the same record.
 *
 * Where: a very hidden worksheet named `Kensa_accepted` (ACCEPT_SHEET; matched regardless of case), every cell
 * text. A1 holds the mark `Kensa accepted v1`, B1 a note for whoever unhides the sheet; row 2 the headers;
 * from row 3, one acceptance per row:
 *
 *   A rule | B sheet | C cell | D cells (JSON) | E values (JSON) | F expected | G actual | H reason | I by | J at
 *
 *   grade/below-pace | アウトプット指標 | J15 | ["J15","H15","D15"] | ["A",0,10] | 4 | 0 | 指標8は令和8年度からの事業のため | 山田 | 2025-12-02T10:15:00+09:00
 *
 * - A–D are the key: the finding's rule, sheet, primary cell and every cell it involves, as the finding names
 *   them (`'PJ3'!G12` on another sheet, `[提出_医薬品.xlsx]様式2!G6` in another file of a submission set).
 * - E–G are the fingerprint (./fingerprint.ts): each cell's value when it was accepted, and the finding's
 *   stated (actual) and computed (expected) numbers. A finding is accepted only while all are the same.
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
import { z } from "zod";
import type { Finding } from "../model/finding";
import type { Sheet, Workbook } from "../model/workbook";
import { isCellError } from "../model/workbook";
import type { Fingerprint } from "./fingerprint";

/** The sheet's fixed name. */
export const ACCEPT_SHEET = "Kensa_accepted";
/** A1 of the sheet: the format and its version. */
export const ACCEPT_MARK = "Kensa accepted v1";
/** B1: what the sheet is, for whoever unhides it. */
export const ACCEPT_NOTE =
  "Kensa の確認済みの記録です（kensa accept・ブラウザー・アドインで追加と取り消し）。Findings accepted in Kensa; edit them with Kensa.";
export const ACCEPT_HEADERS = [
  "ルール",
  "シート",
  "セル",
  "関連セル",
  "値",
  "期待値",
  "実際",
  "理由",
  "確認者",
  "日時",
];
/** Rows before the first acceptance (mark, headers). */
export const ACCEPT_FIRST_ROW = 3;
export const ACCEPT_COLUMNS = ACCEPT_HEADERS.length;

/** The caps a row must keep to; a row beyond them is left out and reported. */
export const ACCEPT_LIMITS = {
  /** Acceptances read from one workbook (rows beyond are left out). */
  entries: 5000,
  /** Problems listed one by one in the accepted/store finding. */
  problemsListed: 5,
  reason: 1000,
  by: 100,
  at: 40,
  rule: 64,
  /** Excel's limit on a sheet name. */
  sheet: 31,
  cell: 32,
  /** Cells of one finding. */
  cells: 500,
  /** One reference (`'[sub/提出_医薬品.xlsx]様式2'!G6`). */
  ref: 300,
  /** Characters of one text value in a fingerprint. */
  text: 1000,
} as const;

export interface Acceptance extends Fingerprint {
  rule: string;
  sheet: string;
  /** The finding's primary cell, upper case, no `$`. */
  cell: string;
  /** Every cell of the finding, as the finding names them (the first is `cell`). */
  cells: string[];
  reason: string;
  by?: string;
  at?: string;
  /** 1-based row of the sheet it was read from (absent for one not yet written). */
  row?: number;
}

/** Something in the sheet that could not be understood, and was therefore not used. */
export interface StoreProblem {
  /** 1-based row (1 for the sheet as a whole). */
  row: number;
  ja: string;
  en: string;
}

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

/** `C5` for `$c$5`: how cells are compared. */
export function normalCell(cell: string): string {
  return cell.replace(/\$/g, "").toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------
// Validation

/** No control characters except tab and line breaks: what an XML worksheet cannot hold is refused. */
const PRINTABLE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]*$/;

const Scalar = z.union([z.number().finite(), z.string().max(ACCEPT_LIMITS.text), z.boolean(), z.null()]);
const Value = z.union([Scalar, z.array(Scalar).max(500)]);
const Num = z.number().finite().optional();

export const AcceptanceSchema = z
  .object({
    rule: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9-]+$/, "rule id")
      .max(ACCEPT_LIMITS.rule),
    sheet: z.string().min(1).max(ACCEPT_LIMITS.sheet).regex(PRINTABLE),
    cell: z
      .string()
      .min(1)
      .max(ACCEPT_LIMITS.cell)
      .regex(/^[A-Za-z0-9$:]+$/, "cell address"),
    cells: z.array(z.string().min(1).max(ACCEPT_LIMITS.ref).regex(PRINTABLE)).min(1).max(ACCEPT_LIMITS.cells),
    values: z.array(Value).max(ACCEPT_LIMITS.cells),
    expected: Num,
    actual: Num,
    reason: z.string().trim().min(1).max(ACCEPT_LIMITS.reason).regex(PRINTABLE),
    by: z.string().trim().max(ACCEPT_LIMITS.by).regex(PRINTABLE).optional(),
    at: z
      .string()
      .trim()
      .max(ACCEPT_LIMITS.at)
      .regex(/^[0-9T:.+\-Z ]*$/, "date")
      .optional(),
  })
  .superRefine((a, ctx) => {
    if (a.values.length !== a.cells.length)
      ctx.addIssue({ code: "custom", path: ["values"], message: "one value per cell" });
    if (normalCell(a.cells[0]) !== normalCell(a.cell))
      ctx.addIssue({ code: "custom", path: ["cells"], message: "the first cell is the finding's cell" });
  });

const FIELD_NAMES: Record<string, { ja: string; en: string }> = {
  rule: { ja: "ルール", en: "rule" },
  sheet: { ja: "シート", en: "sheet" },
  cell: { ja: "セル", en: "cell" },
  cells: { ja: "関連セル", en: "cells" },
  values: { ja: "値", en: "values" },
  expected: { ja: "期待値", en: "expected" },
  actual: { ja: "実際", en: "actual" },
  reason: { ja: "理由", en: "reason" },
  by: { ja: "確認者", en: "by" },
  at: { ja: "日時", en: "at" },
};

// ---------------------------------------------------------------------------------------------------------
// Reading

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString() : "";
  if (typeof v === "object" && isCellError(v as never)) return String((v as { error: unknown }).error);
  return String(v);
}

function json(s: string): unknown {
  if (s.trim() === "") return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return Symbol.for("bad-json");
  }
}

function number(s: string): number | undefined | symbol {
  const t = s.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Symbol.for("bad-number");
}

/**
 * One row's cells (A–J, as values of the model) as an acceptance, or why not. Exported for the Office adapter,
 * which reads the sheet's values itself.
 */
export function parseAcceptanceRow(
  cells: readonly unknown[],
  row: number,
): { ok: true; acceptance: Acceptance } | { ok: false; problem: StoreProblem } {
  const t = (i: number) => text(cells[i]);
  const raw = {
    rule: t(0).trim(),
    sheet: t(1),
    cell: t(2).trim(),
    cells: json(t(3)),
    values: json(t(4)),
    expected: number(t(5)),
    actual: number(t(6)),
    reason: t(7),
    by: t(8).trim() === "" ? undefined : t(8),
    at: t(9).trim() === "" ? undefined : t(9),
  };
  const parsed = AcceptanceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = FIELD_NAMES[String(issue?.path[0] ?? "")] ?? { ja: "行", en: "row" };
    return {
      ok: false,
      problem: { row, ja: `${row}行目の「${field.ja}」を読めません`, en: `row ${row}: cannot read its ${field.en}` },
    };
  }
  const a = parsed.data;
  const acceptance: Acceptance = {
    rule: a.rule,
    sheet: a.sheet,
    cell: normalCell(a.cell),
    cells: a.cells,
    values: a.values,
    reason: a.reason,
    row,
  };
  if (a.expected !== undefined) acceptance.expected = a.expected;
  if (a.actual !== undefined) acceptance.actual = a.actual;
  if (a.by) acceptance.by = a.by;
  if (a.at) acceptance.at = a.at;
  return { ok: true, acceptance };
}

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
    const mark = text(grid[0]?.[0]).trim();
    const nonEmpty = grid.some((r) => r?.some((v) => text(v).trim() !== ""));
    if (!nonEmpty) return store;
    if (mark !== ACCEPT_MARK) {
      store.problems.push({
        row: 1,
        ja: mark.startsWith("Kensa accepted")
          ? `この版（${mark}）の記録は読めません`
          : `A1 に「${ACCEPT_MARK}」がないため、記録として読めません`,
        en: mark.startsWith("Kensa accepted")
          ? `this version of the record (${mark}) cannot be read`
          : `A1 does not hold “${ACCEPT_MARK}”, so it is not a record Kensa can read`,
      });
      return store;
    }
    const seen = new Map<string, number>();
    let dropped = 0;
    for (let r = 1; r < grid.length; r++) {
      const cells = grid[r];
      if (!cells || cells.every((v) => text(v).trim() === "")) continue;
      if (text(cells[0]).trim() === ACCEPT_HEADERS[0]) continue; // the header row
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
      store.problems.push({
        row: 1,
        ja: `記録が ${ACCEPT_LIMITS.entries} 件を超えるため、残りの ${dropped} 件を読んでいません`,
        en: `more than ${ACCEPT_LIMITS.entries} acceptances: the other ${dropped} were not read`,
      });
    }
  } catch (err) {
    // a model Kensa never produces (a forged workbook object): nothing of it is used
    store.entries = [];
    store.problems.push({
      row: 1,
      ja: `記録を読めません（${String(err)}）`,
      en: `the record cannot be read (${String(err)})`,
    });
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

/** Characters an XML worksheet cannot hold are dropped; text is cut to Excel's cell limit. */
function cellText(s: string): string {
  const clean = s
    .replace(/\r\n?/g, "\n") // what an XML reader makes of a carriage return
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
  return clean.length <= 32767 ? clean : clean.slice(0, 32767);
}

/** One acceptance as the sheet's row (A–J, all text). */
export function acceptanceRow(a: Acceptance): string[] {
  return [
    a.rule,
    a.sheet,
    normalCell(a.cell),
    JSON.stringify(a.cells),
    JSON.stringify(a.values),
    a.expected === undefined ? "" : String(a.expected),
    a.actual === undefined ? "" : String(a.actual),
    a.reason,
    a.by ?? "",
    a.at ?? "",
  ].map(cellText);
}

/**
 * The sheet's whole content for these entries: mark and note, headers, one row per acceptance; every cell
 * text (write it as text: Office.js with the number format "@", exceljs as strings). An empty store is the
 * mark and the headers alone.
 */
export function storeGrid(entries: readonly Acceptance[]): string[][] {
  const pad = (r: string[]) => [...r, ...Array<string>(Math.max(0, ACCEPT_COLUMNS - r.length)).fill("")];
  return [pad([ACCEPT_MARK, ACCEPT_NOTE]), ACCEPT_HEADERS.slice(), ...entries.map(acceptanceRow)];
}
