/**
 * One row of the acceptance store's sheet (./store.ts): its columns A–J, the caps a row keeps to, and one
 * acceptance read from, or written as, the row's cells.
 */
import { z } from "zod";
import { lazySchema } from "../catalogue/schema";
import { isCellError } from "../model/workbook";
import type { Lang } from "../values/format";
import { renderMessage, type PhraseBook, type Templates } from "../rules/message";
import type { Fingerprint } from "./fingerprint";

/**
 * The columns A–J: the field each holds, its header (row 2) and how an English message names it. F and G use
 * the words of every message and of the pane (docs/messages.md): 計算値 is what Kensa computes (`expected`),
 * 記入値 what the workbook holds (`actual`).
 */
const COLUMNS = [
  { field: "rule", header: "ルール", en: "rule" },
  { field: "sheet", header: "シート", en: "sheet" },
  { field: "cell", header: "セル", en: "cell" },
  { field: "cells", header: "関連セル", en: "cells" },
  { field: "values", header: "値", en: "values" },
  { field: "expected", header: "計算値", en: "computed value" },
  { field: "actual", header: "記入値", en: "entered value" },
  { field: "reason", header: "理由", en: "reason" },
  { field: "by", header: "確認者", en: "by" },
  { field: "at", header: "日時", en: "at" },
] as const;

export const ACCEPT_HEADERS: string[] = COLUMNS.map((c) => c.header);
/**
 * The headers of sheets written before F and G took the messages' words (期待値, 実際). Only column A tells a
 * header row (parseAcceptanceGrid), and it is the same in both, so such a sheet reads as it always did and is
 * written with the new headers at its next edit.
 */
export const ACCEPT_HEADERS_V1: readonly string[] = ACCEPT_HEADERS.map((h, i) =>
  i === 5 ? "期待値" : i === 6 ? "実際" : h,
);
export const ACCEPT_COLUMNS = COLUMNS.length;

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

/** What a problem of the store says, by id; `{mark}` and the other placeholders are the problem's data. */
export const STORE_PROBLEMS = {
  version: { ja: "この版（{mark}）の記録は読めません", en: "this version of the record ({mark}) cannot be read" },
  noMark: {
    ja: "A1 に「{mark}」がないため、記録として読めません",
    en: "A1 does not hold “{mark}”, so it is not a record Kensa can read",
  },
  tooMany: {
    ja: "記録が {limit} 件を超えるため、残りの {dropped} 件を読んでいません",
    en: "more than {limit} acceptances: the other {dropped} were not read",
  },
  broken: { ja: "記録を読めません（{error}）", en: "the record cannot be read ({error})" },
  badRow: { ja: "{row}行目の「{column}」を読めません", en: "row {row}: cannot read its {column}" },
} as const satisfies Record<string, Templates>;

export type StoreProblemId = keyof typeof STORE_PROBLEMS;

/** A column as a problem names it: 「計算値」 / "computed value" (`{ phrase: "column:expected" }`). */
const COLUMN_PHRASES: PhraseBook = Object.fromEntries(
  [...COLUMNS, { field: "row", header: "行", en: "row" }].map((c): [string, Templates] => [
    `column:${c.field}`,
    { ja: c.header, en: c.en },
  ]),
);

/** The templates a store problem's id and data render with (the accepted/store finding's phrases). */
export const STORE_PROBLEM_PHRASES: PhraseBook = { ...STORE_PROBLEMS, ...COLUMN_PHRASES };

/** Something in the sheet that could not be understood, and was therefore not used: a message id and its data. */
export interface StoreProblem {
  /** 1-based row (1 for the sheet as a whole). */
  row: number;
  id: StoreProblemId;
  data: { readonly [name: string]: string | number | { readonly phrase: string } };
}

/** A store problem in one language: 「4行目の「ルール」を読めません」. */
export function storeProblemText(p: StoreProblem, lang: Lang): string {
  return renderMessage(STORE_PROBLEMS[p.id], p.data, lang, COLUMN_PHRASES);
}

/** `C5` for `$c$5`: how cells are compared. */
export function normalCell(cell: string): string {
  return cell.replace(/\$/g, "").toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------
// Validation

/** No control characters except tab and line breaks: what an XML worksheet cannot hold is refused. */
const PRINTABLE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]*$/;

/** Built by its first use (catalogue/schema.ts lazySchema): a check of a workbook without the record never builds it. */
export const AcceptanceSchema = lazySchema(() => {
  const Scalar = z.union([z.number().finite(), z.string().max(ACCEPT_LIMITS.text), z.boolean(), z.null()]);
  const Value = z.union([Scalar, z.array(Scalar).max(500)]);
  const Num = z.number().finite().optional();

  return z
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
});

// ---------------------------------------------------------------------------------------------------------
// Reading

/** A cell of the sheet as text, whatever the sheet holds there. */
export function storeText(v: unknown): string {
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
  const t = (i: number) => storeText(cells[i]);
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
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    const column = COLUMNS.find((c) => c.field === field)?.field ?? "row";
    return { ok: false, problem: { row, id: "badRow", data: { row, column: { phrase: `column:${column}` } } } };
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
