/**
 * 修正履歴: every change Kensa makes to a figure — a fix the person confirmed (browser mode, the add-in) and the
 * computed cells it fills (annotated copies, 再計算・検証) — is logged on a sheet of the workbook itself, so the
 * submitted figure is never lost: when, which sheet and cell, which rule, what was there and what Kensa wrote.
 * The sheet is appended to, never rewritten; both adapters write the same rows. Every cell is text (a formula is
 * shown as its text "=SUM(D25:D27)", never run). Pure.
 */
import type { CellValue } from "../model/workbook";
import { FIX_LOG_MARKER, FIX_LOG_NAMES } from "../model/kensa-sheets";
import type { Lang } from "../values/format";
import { ruleName } from "../rules/names";
import { ruleById } from "../rules/index";
import { excelText, legalSheetName } from "./excel-text";
import { shiftRows } from "./formula";

export { FIX_LOG_MARKER, FIX_LOG_NAMES };

export interface FixLogEntry {
  /** Local time, "2026-12-02 08:15". */
  at: string;
  sheet: string;
  /** "D28", or a run of computed cells down a column ("F4:F120", their first cell's formula). */
  cell: string;
  kind: "fix" | "computed";
  /** The rule whose fix was applied; for a computed cell, the rule that checks a value typed there. */
  rule?: string;
  /** What a computed cell is (「年度目標」), shown where a fix shows its rule. */
  label?: string;
  /** What the cell held, as text: "16", "=SUM(D25:D26)", "" for a blank cell. */
  before: string;
  after: string;
}

const HEADERS: Record<Lang, string[]> = {
  ja: ["日時", "シート", "セル", "種類", "ルール・項目", "修正前", "修正後", "ルールID"],
  en: ["When", "Sheet", "Cell", "Kind", "Rule or item", "Before", "After", "Rule ID"],
};
/** Widths in characters. */
export const FIX_LOG_WIDTHS = [17, 16, 12, 14, 24, 20, 48, 18];
const KIND: Record<Lang, Record<FixLogEntry["kind"], string>> = {
  ja: { fix: "修正の適用", computed: "計算セルの記入" },
  en: { fix: "fix applied", computed: "computed cell" },
};
const BLANK: Record<Lang, string> = { ja: "（空欄）", en: "(blank)" };
const NOTE: Record<Lang, string> = {
  ja: "Kensa が変更したセルの記録です。修正前の値は提出時の値です（行を追加するだけで、書き換えません）。",
  en: "Cells Kensa changed. 'Before' is the figure as submitted (rows are only ever added).",
};

/** Row 1: the marker (title); row 2: what the sheet is; row 3: the headers; entries from row 4. */
export const FIX_LOG_HEADER_ROW = 3;

export function fixLogHeadRows(lang: Lang): string[][] {
  return [[lang === "ja" ? FIX_LOG_MARKER : `${FIX_LOG_MARKER} — Kensa fix log`], [NOTE[lang]], HEADERS[lang]];
}

export function fixLogRow(e: FixLogEntry, lang: Lang): string[] {
  // a fix is named by its rule; a computed cell by its item (its rule id still in the last column)
  // a run of cells ("G8:G25") is named by its first cell's item
  const item =
    e.label && e.cell.includes(":") ? `${e.label}${lang === "ja" ? "ほか" : " and the cells below"}` : e.label;
  const rule =
    e.rule && (e.kind === "fix" || !item) ? ruleName(e.rule, lang, ruleById(e.rule)?.meta.description) : (item ?? "");
  return [
    e.at,
    e.sheet,
    e.cell,
    KIND[lang][e.kind],
    rule,
    e.before || BLANK[lang],
    e.after || BLANK[lang],
    e.rule ?? "",
  ].map(excelText);
}

/** A cell's content as the log shows it: its formula with "=", else its value. */
export function cellContentText(value: CellValue | undefined, formula?: string): string {
  if (formula) return `=${formula.replace(/^=/, "")}`;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return value.error;
  return String(value);
}

/** The log sheet's name: an existing log is appended to; a person's sheet of that name is left alone. */
export function chooseFixLogName(
  existing: readonly { name: string; log: boolean }[],
  lang: Lang,
): { name: string; exists: boolean } {
  const ours = existing.find((s) => s.log);
  if (ours) return { name: ours.name, exists: true };
  return {
    name: legalSheetName(FIX_LOG_NAMES[lang], new Set(existing.map((s) => s.name.toLowerCase()))),
    exists: false,
  };
}

/** "2026-12-02 08:15" in local time. */
export function logTimestamp(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A formula ("=D4/C4") as filled down `delta` rows; a value is never one of a run. */
function filledDown(after: string, delta: number): string | undefined {
  return after.startsWith("=") ? `=${shiftRows(after.slice(1), delta)}` : undefined;
}

/**
 * Computed cells filled into blank cells down one column with one formula filled down, one log row per run
 * ("F4:F20", the first cell's formula), as Kensa records them in its state: the log stays a page a reviewer reads,
 * not one row per cell. A cell with another formula or a value starts a row of its own.
 */
export function compactComputedLog(entries: readonly FixLogEntry[]): FixLogEntry[] {
  const out: FixLogEntry[] = [];
  let run: { entry: FixLogEntry; col: string; first: number; last: number } | undefined;
  const flush = () => {
    if (run)
      out.push(
        run.first === run.last ? run.entry : { ...run.entry, cell: `${run.col}${run.first}:${run.col}${run.last}` },
      );
    run = undefined;
  };
  const sheetOrder = new Map<string, number>();
  for (const e of entries) if (!sheetOrder.has(e.sheet)) sheetOrder.set(e.sheet, sheetOrder.size);
  const at = (e: FixLogEntry) => /^([A-Z]+)(\d+)$/.exec(e.cell);
  const column = (e: FixLogEntry) => at(e)?.[1] ?? "";
  const sorted = [...entries].sort(
    (a, b) =>
      sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! ||
      column(a).length - column(b).length ||
      column(a).localeCompare(column(b)) ||
      Number(at(a)?.[2] ?? 0) - Number(at(b)?.[2] ?? 0),
  );
  for (const e of sorted) {
    const m = at(e);
    const row = m ? Number(m[2]) : NaN;
    if (
      run &&
      m &&
      e.kind === "computed" &&
      !e.before &&
      e.sheet === run.entry.sheet &&
      m[1] === run.col &&
      row === run.last + 1 &&
      e.after === filledDown(run.entry.after, row - run.first)
    ) {
      run.last = row;
      continue;
    }
    flush();
    if (m && e.kind === "computed" && !e.before && e.after.startsWith("="))
      run = { entry: e, col: m[1], first: row, last: row };
    else out.push(e);
  }
  flush();
  return out;
}
