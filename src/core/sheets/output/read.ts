/**
 * The アウトプット指標 sheet (DOMAIN §3.3) as a typed table: one row per indicator with its target, kind,
 * period, result, per-year values, grade and what Kensa computes from them (annual target or pace,
 * achievement ratio, suggested grade). Memoised per sheet; the analysis (./analyze.ts), the grade and
 * period rules and the cross-sheet references all read it.
 */
import { columnLetters } from "../../model/address";
import type { Cell } from "../../model/workbook";
import { memoKey, memoPerSheet, type CheckContext } from "../context";
import { parseCell, parseText } from "../../values/parse";
import type { Parsed } from "../../values/types";
import { parseFiscalYear, parsePeriod, perYearHeaderYear, type Period } from "../../compute/period";
import {
  annualTarget,
  parseGrade,
  parseTargetKind,
  type AnnualTarget,
  type Grade,
  type GradeReading,
  type TargetKind,
} from "../../compute/targets";
import { cellText } from "../detect";
import { evaluate, type Evaluation } from "./grade";
import type { DetectedTable } from "../table";
import { indicatorNumberKey } from "../../values/indicator-number";

export { computedDecimals, showFigure, showPercent, yearsUpToReport, type Evaluation } from "./grade";

/** A per-year column (`R6実績`, `令和7年度`, `2025年度`). */
export interface YearColumn {
  year: number;
  col: number;
  header: string;
}

/** One per-year cell of a row. */
export interface YearValue {
  year: number;
  cell: string;
  /** Header text, for messages ("R6実績"). */
  header: string;
  parsed: Parsed;
  /** The cell holds a number (not text), so a formula may reference it. */
  plainNumber: boolean;
}

export interface OutputRow {
  /** 0-based sheet row. */
  row: number;
  /** 番号 as written, trimmed ("" when blank). */
  number: string;
  numberCell?: string;
  /** 番号 normalised for identity ("1)" → "1", "Ｏ１" → "O1"). */
  key: string;
  /** How Japanese text names the row: "指標16", or the indicator's text (cut at 20 characters) with no 番号. */
  label: string;
  /** The 番号 a message names the row by ("16" of 指標16, indicator 16), or "" when `label` is the indicator's text. */
  labelNumber: string;
  /** 区分 as written, inherited from the rows above when blank (merged cells, section headings). */
  category?: string;
  /** 区分 アウトカム: no target, no grade; exempt from the grade and target rules. */
  isOutcome: boolean;
  indicator: string;
  indicatorCell: string;
  target?: Parsed;
  targetCell?: string;
  /** 目標値 as displayed. */
  targetText?: string;
  /** The 目標値 is written per year (`130件/年`). */
  targetPerYear: boolean;
  /** 目標値 is a number cell (a formula may reference it). */
  targetPlainNumber: boolean;
  targetKind?: TargetKind;
  /** From 期間, else a period written in 目標値 or 指標 (`令和6～10年度累積で50件`). */
  period?: Period;
  /** A 年度目標 typed by a person. */
  annualTargetCell?: string;
  annualTargetTyped?: Parsed;
  actual: Parsed;
  actualCell: string;
  /** 実績 as displayed ("" when empty). */
  actualText: string;
  actualPlainNumber: boolean;
  /** Per-year column values of this row (every per-year column, in column order). */
  perYear: YearValue[];
  achievementCell?: string;
  achievementTyped?: Parsed;
  /** Normalised grade when valid. */
  grade?: Grade;
  gradeStatus: "empty" | "valid" | "invalid";
  gradeText?: string;
  gradeCell?: string;
  suggestedGradeCell?: string;
  suggestedGradeTyped?: string;
  detail?: string;
  detailCell?: string;
  note?: string;
  noteCell?: string;
  /** 年度目標 (or the pace) when the kind, target, period and report year allow it. */
  annual?: AnnualTarget;
  evaluation?: Evaluation;
}

export interface OutputTable {
  sheet: string;
  /** 報告年度 (Western fiscal year) from the metadata, else from the 実績 header (`実績（令和7年度末）`). */
  reportYear?: number;
  yearColumns: YearColumn[];
  rows: OutputRow[];
  table: DetectedTable;
}

const SECTION_RE =
  /^[<＜(（【〈《]?\s*(全体目標|特設目標|アウトカム指標|アウトカム|アウトプット指標)\s*[>＞)）】〉》]?$/;

function text(cell: Cell | undefined): string {
  return cellText(cell).trim();
}

function isBlank(cell: Cell | undefined): boolean {
  return text(cell) === "";
}

/** The 番号 as a row's name shows it: "1)" → "1". */
function labelNumber(number: string): string {
  return number.replace(/[)）]$/, "");
}

function rowLabel(number: string, indicator: string): string {
  if (number) return `指標${labelNumber(number)}`;
  const t = indicator.replace(/\s+/g, " ");
  return t.length > 20 ? `${t.slice(0, 20)}…` : t;
}

const PER_YEAR_MARK = /[/／]\s*年度?(?![~～〜\d])|毎年|年間|per\s*year/i;

/** 目標値: a figure, tolerating `130件/年`, `1,225名より増加`, `年平均3件以上`. */
function parseTarget(cell: Cell | undefined): { parsed: Parsed; perYear: boolean } {
  const parsed = parseCell(cell);
  const raw = cell && typeof cell.value === "string" ? cell.value : "";
  const perYear = raw !== "" && PER_YEAR_MARK.test(raw.normalize("NFKC"));
  if (parsed.kind !== "not-a-number" || raw === "") return { parsed, perYear };
  const stripped = raw
    .replace(/\s*[/／]\s*年度?/g, "")
    .replace(/(以上|超え?|より増加|から増加|を上回る|以下|未満)/g, "")
    .replace(/^\s*(年平均|平均|年間|毎年度?)\s*/, "");
  if (stripped === raw) return { parsed, perYear };
  const again = parseText(stripped);
  return { parsed: again.kind === "number" ? again : parsed, perYear };
}

/** Per-year columns: headers that name one fiscal year, in columns no other key took. */
function findYearColumns(table: DetectedTable): YearColumn[] {
  const taken = new Set<number>();
  for (const cols of Object.values(table.columns)) for (const c of cols) taken.add(c);
  const out: YearColumn[] = [];
  for (const [col, header] of table.headers) {
    if (taken.has(col)) continue;
    const year = perYearHeaderYear(header);
    if (year !== undefined) out.push({ year, col, header });
  }
  out.sort((a, b) => a.col - b.col);
  return out;
}

function findReportYear(table: DetectedTable): number | undefined {
  const meta = table.metadata["報告年度"];
  const fromMeta = parseFiscalYear(meta);
  if (fromMeta !== undefined) return fromMeta;
  const actualCol = table.columns.actual?.[0];
  const header = actualCol === undefined ? undefined : table.headers.get(actualCol);
  return header ? parseFiscalYear(header) : undefined;
}

function cellOf(cells: (Cell | undefined)[], c: number | undefined): Cell | undefined {
  return c === undefined ? undefined : cells[c];
}

/** Repeated texts (目標の種類, 期間, 進捗) are parsed once per sheet. */
function cached<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  let v = cache.get(key);
  if (v === undefined && !cache.has(key)) {
    v = make(key);
    if (cache.size < 10000) cache.set(key, v);
  }
  return v as T;
}

function readTable(table: DetectedTable): OutputTable {
  const sheet = table.sheet;
  const reportYear = findReportYear(table);
  const yearColumns = findYearColumns(table);
  const col = (key: string) => table.columns[key]?.[0];
  const cols = {
    number: col("number"),
    category: col("category"),
    indicator: col("indicator"),
    target: col("target"),
    targetKind: col("targetKind"),
    period: col("period"),
    annualTarget: col("annualTarget"),
    actual: col("actual"),
    achievement: col("achievement"),
    grade: col("grade"),
    suggestedGrade: col("suggestedGrade"),
    detail: col("detail"),
    note: col("note"),
  };
  const rows: OutputRow[] = [];
  const letters: string[] = [];
  let rowNumber = "";
  const a1 = (c: number): string => (letters[c] ??= columnLetters(c)) + rowNumber;
  const kindCache = new Map<string, TargetKind | undefined>();
  const periodCache = new Map<string, Period | undefined>();
  const gradeCache = new Map<string, GradeReading>();
  let section: string | undefined;
  let category: string | undefined;
  for (const r of table.dataRows) {
    const cells = table.rows[r] ?? [];

    const numberText = text(cellOf(cells, cols.number));
    const indicatorText = text(cellOf(cells, cols.indicator));
    const hasData =
      !isBlank(cellOf(cells, cols.target)) ||
      !isBlank(cellOf(cells, cols.actual)) ||
      !isBlank(cellOf(cells, cols.grade));

    // Section headings (＜全体目標＞, アウトカム指標) set the 区分 of the rows below.
    if (!hasData) {
      let heading: string | undefined;
      let filled = 0;
      for (const cell of cells) {
        const t = text(cell);
        if (!t) continue;
        filled++;
        const m = SECTION_RE.exec(t.normalize("NFKC").replace(/\s+/g, ""));
        if (m) heading = m[1];
      }
      const indicatorIsHeading =
        indicatorText === "" || SECTION_RE.test(indicatorText.normalize("NFKC").replace(/\s+/g, ""));
      if (heading !== undefined && filled <= 2 && indicatorIsHeading) {
        section = heading;
        category = heading;
        continue;
      }
    }
    if (!indicatorText && !(numberText && hasData)) continue;

    const categoryText = text(cellOf(cells, cols.category));
    if (categoryText) category = categoryText;
    const rowCategory = category ?? section;

    rowNumber = String(r + 1);
    const actualCell = cellOf(cells, cols.actual);
    const row: OutputRow = {
      row: r,
      number: numberText,
      key: indicatorNumberKey(numberText),
      label: rowLabel(numberText, indicatorText),
      labelNumber: labelNumber(numberText),
      isOutcome: rowCategory !== undefined && rowCategory.includes("アウトカム"),
      indicator: indicatorText,
      indicatorCell: a1(cols.indicator ?? cols.number ?? cols.actual),
      actual: parseCell(actualCell),
      actualCell: a1(cols.actual),
      actualText: text(actualCell),
      actualPlainNumber: typeof actualCell?.value === "number",
      perYear: [],
      gradeStatus: "empty",
      targetPerYear: false,
      targetPlainNumber: false,
    };
    if (cols.number !== undefined) row.numberCell = a1(cols.number);
    if (rowCategory !== undefined) row.category = rowCategory;

    if (cols.target !== undefined) {
      const cell = cellOf(cells, cols.target);
      const { parsed, perYear } = parseTarget(cell);
      row.target = parsed;
      row.targetCell = a1(cols.target);
      row.targetPerYear = perYear;
      row.targetPlainNumber = typeof cell?.value === "number";
      const t = text(cell);
      if (t) row.targetText = t;
    }
    const kindText = text(cellOf(cells, cols.targetKind));
    const kind = kindText ? cached(kindCache, kindText, parseTargetKind) : undefined;
    if (kind) row.targetKind = kind;
    const periodText = text(cellOf(cells, cols.period));
    const period = periodText ? cached(periodCache, periodText, parsePeriod) : undefined;
    if (period) row.period = period;
    if (!periodText) {
      // A period written in the target or the indicator (`令和6～10年度累積で50件`); only a range counts here.
      for (const t of [row.targetText, indicatorText]) {
        const p = t ? parsePeriod(t) : undefined;
        if (p && p.last > p.first) {
          row.period = p;
          break;
        }
      }
    }
    if (cols.annualTarget !== undefined) {
      row.annualTargetCell = a1(cols.annualTarget);
      const cell = cellOf(cells, cols.annualTarget);
      if (!isBlank(cell)) row.annualTargetTyped = parseCell(cell);
    }
    if (cols.achievement !== undefined) {
      row.achievementCell = a1(cols.achievement);
      const cell = cellOf(cells, cols.achievement);
      if (!isBlank(cell)) row.achievementTyped = parseCell(cell);
    }
    if (cols.grade !== undefined) {
      row.gradeCell = a1(cols.grade);
      const t = text(cellOf(cells, cols.grade));
      const g = cached(gradeCache, t, parseGrade);
      row.gradeStatus = g.status;
      if (t) row.gradeText = t;
      if (g.status === "valid") row.grade = g.grade;
    }
    if (cols.suggestedGrade !== undefined) {
      row.suggestedGradeCell = a1(cols.suggestedGrade);
      const t = text(cellOf(cells, cols.suggestedGrade));
      if (t) row.suggestedGradeTyped = t;
    }
    if (cols.detail !== undefined) {
      row.detailCell = a1(cols.detail);
      const t = text(cellOf(cells, cols.detail));
      if (t) row.detail = t;
    }
    if (cols.note !== undefined) {
      row.noteCell = a1(cols.note);
      const t = text(cellOf(cells, cols.note));
      if (t) row.note = t;
    }
    for (const y of yearColumns) {
      const cell = cellOf(cells, y.col);
      row.perYear.push({
        year: y.year,
        cell: a1(y.col),
        header: y.header,
        parsed: parseCell(cell),
        plainNumber: typeof cell?.value === "number",
      });
    }

    if (!row.isOutcome && row.target?.kind === "number") {
      const annual = annualTarget(row.targetKind, row.target.value, {
        ...(row.period ? { period: row.period } : {}),
        ...(reportYear !== undefined ? { reportYear } : {}),
        perYear: row.targetPerYear,
      });
      if (annual) row.annual = annual;
    }
    const ev = evaluate(row, reportYear);
    if (ev) row.evaluation = ev;
    rows.push(row);
  }
  const out: OutputTable = { sheet: sheet.name, yearColumns, rows, table };
  if (reportYear !== undefined) out.reportYear = reportYear;
  return out;
}

const OUTPUT_BY_SHEET = memoKey<Map<string, OutputTable>>("output tables by sheet");

/** The typed table of one アウトプット指標 sheet, read once per check run. */
export function readOutput(table: DetectedTable, ctx: CheckContext): OutputTable {
  return memoPerSheet(ctx, OUTPUT_BY_SHEET, table, () => readTable(table));
}

/** Every アウトプット指標 sheet of the workbook, typed. */
export function outputTables(ctx: CheckContext): OutputTable[] {
  return ctx.tablesOf("output-indicators").map((t) => readOutput(t, ctx));
}
