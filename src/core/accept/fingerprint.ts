/**
 * The fingerprint of a finding: the values of every cell it involves, and its stated and computed numbers. An
 * acceptance (確認済み) holds the fingerprint of the finding it was made for; it counts only while the finding's
 * fingerprint is the same, so it lapses by itself when a number changes.
 *
 * Values are normalised so that every face computes the same fingerprint from the same workbook: numbers to
 * 12 significant digits (what Excel, LibreOffice and exceljs agree on after a recalculation), dates as Excel
 * serial numbers (Office.js gives serials, exceljs gives Dates), empty text and empty cells alike as null,
 * error values as their text (`#DIV/0!`), a number typed as text with its unit (「11件」) as the number, other
 * text trimmed. Pure: no I/O.
 */
import type { Finding } from "../model/finding";
import { tryFromA1 } from "../model/a1";
import { isCellError, type CellValue, type Sheet, type Workbook } from "../model/workbook";
import { parseRef } from "../model/refs";
import { parseText } from "../values/parse";
import type { MessageValue } from "../rules/message";

/** A normalised cell value; a range (`C5:C9`) gives the list of its cells' values. */
export type FingerprintScalar = number | string | boolean | null;
export type FingerprintValue = FingerprintScalar | FingerprintScalar[];

export interface Fingerprint {
  /** One per cell of the finding's `cells`, in the same order. */
  values: FingerprintValue[];
  expected?: number;
  actual?: number;
}

/** The most cells of one range reference that go into a fingerprint (a finding names single cells in practice). */
export const MAX_RANGE_CELLS = 500;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A number as compared: 12 significant digits, -0 as 0. */
export function normalNumber(n: number): number | string {
  if (!Number.isFinite(n)) return String(n);
  const r = Number(n.toPrecision(12));
  return r === 0 ? 0 : r;
}

/** The most characters of a text value a fingerprint keeps as they are. */
export const MAX_TEXT = 1000;

/** FNV-1a, 32 bits, as hex: enough to tell two long texts apart. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A long text as its beginning, length and hash (a fingerprint stays small). */
function longText(t: string): string {
  return t.length <= MAX_TEXT ? t : `${t.slice(0, MAX_TEXT - 40)}…(${t.length}:${hash(t)})`;
}

/** A cell's value as a fingerprint holds it. */
export function normalValue(v: CellValue | undefined): FingerprintScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return normalNumber(v);
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return null;
    // a number typed as text with its unit (「11件」, 「16億円」) is that number: retyping it as 11 changes nothing
    const parsed = t.length <= 64 ? parseText(t) : undefined;
    if (parsed?.kind === "number" && !parsed.parts && !parsed.secondary && !parsed.remark && !parsed.label)
      return normalNumber(parsed.value);
    return longText(t);
  }
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? normalNumber((t - EXCEL_EPOCH) / 86_400_000) : null;
  }
  if (isCellError(v)) return longText(String(v.error));
  return longText(String(v));
}

/** Reads the value a reference points at, as seen from a sheet of the finding's workbook. */
export type CellLookup = (ref: string, fromSheet: string) => FingerprintValue;

const SHEET_INDEX = new WeakMap<Workbook, Map<string, Sheet>>();

function sheetOf(workbook: Workbook, name: string): Sheet | undefined {
  let index = SHEET_INDEX.get(workbook);
  if (!index) {
    index = new Map();
    for (const s of workbook.sheets) {
      if (!index.has(s.name)) index.set(s.name, s);
      const lower = `\u0000${s.name.toLowerCase()}`;
      if (!index.has(lower)) index.set(lower, s);
    }
    SHEET_INDEX.set(workbook, index);
  }
  // Excel's sheet names are unique regardless of case
  return index.get(name) ?? index.get(`\u0000${name.toLowerCase()}`);
}

function valueAt(sheet: Sheet, row: number, col: number): FingerprintScalar {
  return normalValue(sheet.rows[row]?.[col]?.value);
}

/**
 * A lookup over a workbook (the finding's own) and, for a finding of a submission set, the set's other
 * workbooks by their names in the set (`[提出_医薬品.xlsx]様式2!G6`). A cell that cannot be found is null.
 */
export function workbookLookup(
  own: Workbook,
  others?: ReadonlyMap<string, Workbook> | ((name: string) => Workbook | undefined),
): CellLookup {
  const other = typeof others === "function" ? others : (name: string) => others?.get(name);
  return (ref, fromSheet) => {
    const p = parseRef(ref);
    const workbook = p.file === undefined ? own : other(p.file);
    if (!workbook) return null;
    const sheet = sheetOf(workbook, p.sheet ?? fromSheet);
    if (!sheet) return null;
    const cell = p.cell.replace(/\$/g, "");
    const colon = cell.indexOf(":");
    const a = tryFromA1(colon < 0 ? cell : cell.slice(0, colon));
    const b = colon < 0 ? a : tryFromA1(cell.slice(colon + 1));
    if (!a || !b) return null;
    if (colon < 0) return valueAt(sheet, a.row, a.col);
    const out: FingerprintScalar[] = [];
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        if (out.length >= MAX_RANGE_CELLS) return out;
        out.push(valueAt(sheet, r, c));
      }
    }
    return out;
  };
}

function normalOptional(n: number | undefined): number | undefined {
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const v = normalNumber(n);
  return typeof v === "number" ? v : undefined;
}

/** The finding's fingerprint, its cells read through `lookup`. */
export function fingerprintOf(
  f: Pick<Finding, "sheet" | "cells" | "expected" | "actual">,
  lookup: CellLookup,
): Fingerprint {
  const fp: Fingerprint = { values: f.cells.map((c) => lookup(c, f.sheet)) };
  const expected = normalOptional(f.expected);
  const actual = normalOptional(f.actual);
  if (expected !== undefined) fp.expected = expected;
  if (actual !== undefined) fp.actual = actual;
  return fp;
}

function sameScalar(a: FingerprintScalar, b: FingerprintScalar): boolean {
  if (typeof a === "number" && typeof b === "number") return normalNumber(a) === normalNumber(b);
  return a === b;
}

function sameValue(a: FingerprintValue | undefined, b: FingerprintValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameScalar(x, b[i]));
  }
  return sameScalar(a, b);
}

function sameOptional(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return normalNumber(a) === normalNumber(b);
}

/** True when two fingerprints are of the same values. */
export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return (
    a.values.length === b.values.length &&
    a.values.every((v, i) => sameValue(v, b.values[i])) &&
    sameOptional(a.expected, b.expected) &&
    sameOptional(a.actual, b.actual)
  );
}

/**
 * A value as the lapse message shows it (`0`, `「A」`, `空欄`/`blank`), in the terms of accept/apply.ts's
 * lapsedRule phrases: each language renders it from the same data.
 */
export function valueTerm(v: FingerprintValue | undefined): MessageValue {
  if (v === null || v === undefined) return { phrase: "blank" };
  if (Array.isArray(v)) return { phrase: "array", data: { items: { list: v.map(valueTerm), style: "elements" } } };
  if (typeof v === "string") return { phrase: "text", data: { text: v } };
  return String(v);
}
