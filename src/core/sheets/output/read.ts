/**
 * The アウトプット指標 sheet (DOMAIN §3.3) as a typed table: one row per indicator with its target, kind,
 * period, result, per-year values, grade and what Kensa computes from them (annual target or pace,
 * achievement ratio, suggested grade). Memoised per sheet; the analysis (./analyze.ts), the grade and
 * period rules and the cross-sheet references all read it.
 */
import { columnLetters, toA1 } from "../../model/address";
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

/** The columns of a table by key (undefined when absent), and what its rows share. */
export interface OutputColumns {
  number: number | undefined;
  category: number | undefined;
  indicator: number | undefined;
  target: number | undefined;
  targetKind: number | undefined;
  period: number | undefined;
  annualTarget: number | undefined;
  actual: number | undefined;
  achievement: number | undefined;
  grade: number | undefined;
  suggestedGrade: number | undefined;
  detail: number | undefined;
  note: number | undefined;
}

interface OutputSheetInfo {
  sheet: string;
  cols: OutputColumns;
  /** The table's rows (the model's cells), read again for what only messages need. */
  rows: readonly (readonly (Cell | undefined)[] | undefined)[];
}

/** A1 of a row's cell; an absent column is `columnLetters(undefined)`, as it always was. */
export function address(row: number, col: number | undefined): string {
  if (col === undefined) return columnLetters(col as unknown as number) + String(row + 1);
  return toA1(row, col);
}

/**
 * One per-year cell of a row. Its address, header and whether it holds a number are derived on demand (only
 * formulas and messages need them): a cell costs one small object.
 */
export class YearValue {
  readonly owner: OutputRow;
  readonly column: YearColumn;
  readonly parsed: Parsed;

  constructor(owner: OutputRow, column: YearColumn, parsed: Parsed) {
    this.owner = owner;
    this.column = column;
    this.parsed = parsed;
  }

  get year(): number {
    return this.column.year;
  }
  get cell(): string {
    return address(this.owner.row, this.column.col);
  }
  /** Header text, for messages ("R6実績"). */
  get header(): string {
    return this.column.header;
  }
  /** The cell holds a number (not text), so a formula may reference it. */
  get plainNumber(): boolean {
    return typeof this.owner.info.rows[this.owner.row]?.[this.column.col]?.value === "number";
  }
}

const NO_YEARS: YearValue[] = Object.freeze([]) as unknown as YearValue[];

/**
 * One indicator row. Every field is declared up front (one shape for every row); the A1 addresses of its cells
 * and the texts only messages and formulas read are derived on demand from the table's cells.
 */
export class OutputRow {
  /** 0-based sheet row. */
  readonly row: number;
  readonly info: OutputSheetInfo;
  /** 番号 as written, trimmed ("" when blank). */
  number = "";
  /** 番号 normalised for identity ("1)" → "1", "Ｏ１" → "O1"). */
  key = "";
  /** 区分 as written, inherited from the rows above when blank (merged cells, section headings). */
  category: string | undefined = undefined;
  /** 区分 アウトカム: no target, no grade; exempt from the grade and target rules. */
  isOutcome = false;
  indicator = "";
  target: Parsed | undefined = undefined;
  /** The 目標値 is written per year (`130件/年`). */
  targetPerYear = false;
  /** 目標値 is a number cell (a formula may reference it). */
  targetPlainNumber = false;
  targetKind: TargetKind | undefined = undefined;
  /** From 期間, else a period written in 目標値 or 指標 (`令和6～10年度累積で50件`). */
  period: Period | undefined = undefined;
  /** A 年度目標 typed by a person. */
  annualTargetTyped: Parsed | undefined = undefined;
  actual: Parsed;
  actualPlainNumber = false;
  /** Per-year column values of this row (every per-year column, in column order). */
  perYear: YearValue[] = NO_YEARS;
  achievementTyped: Parsed | undefined = undefined;
  /** Normalised grade when valid. */
  grade: Grade | undefined = undefined;
  gradeStatus: "empty" | "valid" | "invalid" = "empty";
  gradeText: string | undefined = undefined;
  suggestedGradeTyped: string | undefined = undefined;
  detail: string | undefined = undefined;
  note: string | undefined = undefined;
  /** 年度目標 (or the pace) when the kind, target, period and report year allow it. */
  annual: AnnualTarget | undefined = undefined;
  evaluation: Evaluation | undefined = undefined;

  constructor(row: number, info: OutputSheetInfo, actual: Parsed) {
    this.row = row;
    this.info = info;
    this.actual = actual;
  }

  /** How Japanese text names the row: "指標16", or the indicator's text (cut at 20 characters) with no 番号. */
  get label(): string {
    return rowLabel(this.number, this.indicator);
  }
  /** The 番号 a message names the row by ("16" of 指標16, indicator 16), or "" when `label` is the indicator's text. */
  get labelNumber(): string {
    return labelNumber(this.number);
  }
  private at(col: number | undefined): string | undefined {
    return col === undefined ? undefined : address(this.row, col);
  }
  private textAt(col: number | undefined): string {
    return col === undefined ? "" : text(this.info.rows[this.row]?.[col]);
  }
  get numberCell(): string | undefined {
    return this.at(this.info.cols.number);
  }
  get indicatorCell(): string {
    const c = this.info.cols;
    return address(this.row, c.indicator ?? c.number ?? c.actual);
  }
  get targetCell(): string | undefined {
    return this.at(this.info.cols.target);
  }
  /** 目標値 as displayed. */
  get targetText(): string | undefined {
    return this.textAt(this.info.cols.target) || undefined;
  }
  get annualTargetCell(): string | undefined {
    return this.at(this.info.cols.annualTarget);
  }
  get actualCell(): string {
    return address(this.row, this.info.cols.actual);
  }
  /** 実績 as displayed ("" when empty). */
  get actualText(): string {
    return this.textAt(this.info.cols.actual);
  }
  get achievementCell(): string | undefined {
    return this.at(this.info.cols.achievement);
  }
  get gradeCell(): string | undefined {
    return this.at(this.info.cols.grade);
  }
  get suggestedGradeCell(): string | undefined {
    return this.at(this.info.cols.suggestedGrade);
  }
  get detailCell(): string | undefined {
    return this.at(this.info.cols.detail);
  }
  get noteCell(): string | undefined {
    return this.at(this.info.cols.note);
  }
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

function cellOf(cells: readonly (Cell | undefined)[], c: number | undefined): Cell | undefined {
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
  const cols: OutputColumns = {
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
  const info: OutputSheetInfo = { sheet: sheet.name, cols, rows: table.rows };
  const rows: OutputRow[] = [];
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

    const actualCell = cellOf(cells, cols.actual);
    const row = new OutputRow(r, info, parseCell(actualCell));
    row.number = numberText;
    row.key = indicatorNumberKey(numberText);
    row.isOutcome = rowCategory !== undefined && rowCategory.includes("アウトカム");
    row.indicator = indicatorText;
    row.actualPlainNumber = typeof actualCell?.value === "number";
    row.category = rowCategory;

    let targetText: string | undefined;
    if (cols.target !== undefined) {
      const cell = cellOf(cells, cols.target);
      const { parsed, perYear } = parseTarget(cell);
      row.target = parsed;
      row.targetPerYear = perYear;
      row.targetPlainNumber = typeof cell?.value === "number";
      targetText = text(cell) || undefined;
    }
    const kindText = text(cellOf(cells, cols.targetKind));
    row.targetKind = kindText ? cached(kindCache, kindText, parseTargetKind) : undefined;
    const periodText = text(cellOf(cells, cols.period));
    row.period = periodText ? cached(periodCache, periodText, parsePeriod) : undefined;
    if (!periodText) {
      // A period written in the target or the indicator (`令和6～10年度累積で50件`); only a range counts here.
      for (const t of [targetText, indicatorText]) {
        const p = t ? parsePeriod(t) : undefined;
        if (p && p.last > p.first) {
          row.period = p;
          break;
        }
      }
    }
    if (cols.annualTarget !== undefined) {
      const cell = cellOf(cells, cols.annualTarget);
      if (!isBlank(cell)) row.annualTargetTyped = parseCell(cell);
    }
    if (cols.achievement !== undefined) {
      const cell = cellOf(cells, cols.achievement);
      if (!isBlank(cell)) row.achievementTyped = parseCell(cell);
    }
    if (cols.grade !== undefined) {
      const t = text(cellOf(cells, cols.grade));
      const g = cached(gradeCache, t, parseGrade);
      row.gradeStatus = g.status;
      if (t) row.gradeText = t;
      if (g.status === "valid") row.grade = g.grade;
    }
    if (cols.suggestedGrade !== undefined) {
      const t = text(cellOf(cells, cols.suggestedGrade));
      if (t) row.suggestedGradeTyped = t;
    }
    if (cols.detail !== undefined) {
      const t = text(cellOf(cells, cols.detail));
      if (t) row.detail = t;
    }
    if (cols.note !== undefined) {
      const t = text(cellOf(cells, cols.note));
      if (t) row.note = t;
    }
    if (yearColumns.length) {
      const perYear = new Array<YearValue>(yearColumns.length);
      for (let i = 0; i < yearColumns.length; i++) {
        const y = yearColumns[i];
        perYear[i] = new YearValue(row, y, parseCell(cellOf(cells, y.col)));
      }
      row.perYear = perYear;
    }

    if (!row.isOutcome && row.target?.kind === "number") {
      // One literal of one shape: spreading optional parts made this the reader's slowest line.
      const annual = annualTarget(row.targetKind, row.target.value, {
        period: row.period,
        reportYear,
        perYear: row.targetPerYear,
      });
      if (annual) row.annual = annual;
    }
    row.evaluation = evaluate(row, reportYear);
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
