/**
 * Kensa's blank template: one sheet of each kind with the header labels of DOMAIN §3 (so the
 * detector recognises them), metadata above the header, drop-down lists, number formats and
 * formulas in the computed columns for a block of blank rows.
 */
import { defaultCatalogue } from "../catalogue/default";
import type { Catalogue } from "../catalogue/schema";
import { columnLetters, toA1 } from "../model/address";
import type { Lang } from "../report/format";
import { KIND_TITLES, type SheetKind } from "../sheets/kinds";
import * as F from "./formulas";
import type { TemplateCell, TemplateColumn, TemplateSheet, TemplateSpec, TemplateStyle, TemplateValidation } from "./types";

export const AMOUNT_FORMAT = "#,##0.0";
export const RATIO_FORMAT = "0.0%";
export const TARGET_FORMAT = "#,##0.##";

/** Layout shared by every sheet: title in row 1, metadata in rows 2–3, a hint in row 4, header in row 5. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

export const BREAKDOWN_CATEGORIES = ["明細", "小計", "合計", "その他", "うち", "内数", "再掲"];
export const OUTPUT_CATEGORIES = ["全体目標", "特設目標", "アウトカム"];
export const TARGET_KINDS = ["年度", "期間累計", "累積", "年平均", "基準値以上", "基準値超", "定性"];
export const GRADES = ["A", "B", "-"];
export const PROJECTS = ["PJ1", "PJ2", "PJ3", "PJ4", "PJ5", "PJ6", "PJ7", "PJ8", "全体"];

export interface TemplateOptions {
  /** Blank data rows per sheet (default 30; 40 for 予算内訳 and アウトプット指標). */
  rows?: number;
  /** 報告年度 written in the metadata (default 令和7年度). */
  reportYear?: string;
  catalogue?: Catalogue;
}

const TEXT = {
  ja: {
    title: (k: string) => `${k}（Kensa 記入用テンプレート）`,
    inhouse: "金額を入力してください。比率と合計は自動計算されます（小計行は機関名を「小計」に）。",
    breakdown: "区分を選び、金額を入力してください。増減額・増減率と合計は自動計算されます（区分が空欄の行は明細として合計に入ります）。",
    output: "期間は R7-R11 の形で入力してください。期間開始・期間年数・年度目標・達成率・判定は自動計算されます。",
    monitoring: "値を入力してください。内訳の合計・うち・順序は Kensa が検証します。",
    custom: "個々の統合プロジェクトで定めるモニタリング指標",
  },
  en: {
    title: (k: string) => `${k} (Kensa template)`,
    inhouse: "Type the amounts; ratios and the total are computed (name a subtotal row 小計).",
    breakdown: "Choose 区分 and type the amounts; 増減額, 増減率 and the total are computed (a blank 区分 counts as 明細).",
    output: "Write 期間 like R7-R11; 期間開始, 期間年数, 年度目標, 達成率 and 判定 are computed.",
    monitoring: "Type the values; Kensa checks breakdown sums, うち figures and orderings.",
    custom: "個々の統合プロジェクトで定めるモニタリング指標",
  },
} as const;

class SheetBuilder {
  readonly cells: TemplateCell[] = [];
  readonly validations: TemplateValidation[] = [];
  constructor(readonly columns: TemplateColumn[]) {}

  col(key: string): number {
    const i = this.columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`template: no column ${key}`);
    return i;
  }
  letter(key: string): string {
    return columnLetters(this.col(key));
  }
  ref(row: number): F.RowRef {
    return (key) => toA1(row, this.col(key));
  }
  range(key: string, first: number, last: number): string {
    const l = this.letter(key);
    return `${l}${first + 1}:${l}${last + 1}`;
  }
  absRange(key: string, first: number, last: number): string {
    const l = this.letter(key);
    return `$${l}$${first + 1}:$${l}$${last + 1}`;
  }
  put(cell: TemplateCell): void {
    this.cells.push(cell);
  }
  header(lang: Lang, kind: SheetKind, hint: string, meta: [string, string][]): void {
    this.put({ row: 0, col: 0, value: TEXT[lang].title(KIND_TITLES[kind][lang]), style: "title" });
    meta.forEach(([label, value], i) => {
      this.put({ row: 1 + i, col: 0, value: label, style: "metaLabel" });
      this.put({ row: 1 + i, col: 1, value, style: "metaValue" });
    });
    this.put({ row: 3, col: 0, value: hint, style: "hint" });
    this.columns.forEach((c, col) => this.put({ row: HEADER_ROW, col, value: c.header, style: "header" }));
  }
  /** Input and computed cells of one data row (formulas by column key). */
  dataRow(row: number, formulas: Record<string, string>, style: { input: TemplateStyle; computed: TemplateStyle } = { input: "input", computed: "computed" }): void {
    this.columns.forEach((c, col) => {
      const formula = formulas[c.key];
      const cell: TemplateCell = { row, col, style: c.computed ? style.computed : style.input };
      if (formula) cell.formula = formula;
      if (c.numFmt) cell.numFmt = c.numFmt;
      this.put(cell);
    });
  }
  validate(key: string, first: number, last: number, list: readonly string[], strict: boolean): void {
    this.validations.push({ range: this.range(key, first, last), list: [...list], strict });
  }
  sheet(name: string, kind: SheetKind, lastDataRow: number, freezeCols = 0): TemplateSheet {
    // A later cell at the same position replaces an earlier one (the total row's labels over its blank cells).
    const byPos = new Map<string, TemplateCell>();
    for (const c of this.cells) byPos.set(`${c.row}:${c.col}`, { ...byPos.get(`${c.row}:${c.col}`), ...c });
    const cells = [...byPos.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name,
      kind,
      columns: this.columns,
      headerRow: HEADER_ROW,
      firstDataRow: FIRST_DATA_ROW,
      lastDataRow,
      cells,
      validations: this.validations,
      freezeRows: HEADER_ROW + 1,
      freezeCols,
    };
  }
}

function inhouseSheet(lang: Lang, n: number, reportYear: string): TemplateSheet {
  const b = new SheetBuilder([
    { key: "name", header: "機関名", width: 32 },
    { key: "ministry", header: "所管", width: 8 },
    { key: "total", header: "全体", width: 12, numFmt: AMOUNT_FORMAT },
    { key: "health", header: "健康・医療関係", width: 14, numFmt: AMOUNT_FORMAT },
    { key: "external", header: "外部資金（健康・医療関係）", width: 16, numFmt: AMOUNT_FORMAT },
    { key: "healthRatio", header: "健康・医療比率", width: 12, numFmt: RATIO_FORMAT, computed: true },
    { key: "externalRatio", header: "外部資金比率", width: 12, numFmt: RATIO_FORMAT, computed: true },
    { key: "note", header: "備考", width: 30 },
  ]);
  b.header(lang, "inhouse-budget", TEXT[lang].inhouse, [
    ["報告年度", reportYear],
    ["単位", "億円"],
  ]);
  const last = FIRST_DATA_ROW + n - 1;
  const ratios = (row: number) => ({ healthRatio: F.healthRatio(b.ref(row)), externalRatio: F.externalRatio(b.ref(row)) });
  for (let row = FIRST_DATA_ROW; row <= last; row++) b.dataRow(row, ratios(row));
  const total = last + 1;
  const names = b.absRange("name", FIRST_DATA_ROW, last);
  b.dataRow(
    total,
    {
      total: F.inhouseTotal(names, b.range("total", FIRST_DATA_ROW, last)),
      health: F.inhouseTotal(names, b.range("health", FIRST_DATA_ROW, last)),
      external: F.inhouseTotal(names, b.range("external", FIRST_DATA_ROW, last)),
      ...ratios(total),
    },
    { input: "total", computed: "totalComputed" },
  );
  b.put({ row: total, col: b.col("name"), value: "合計", style: "total" });
  return b.sheet(KIND_TITLES["inhouse-budget"][lang], "inhouse-budget", total, 1);
}

function breakdownSheet(lang: Lang, n: number, reportYear: string): TemplateSheet {
  const b = new SheetBuilder([
    { key: "category", header: "区分", width: 8 },
    { key: "name", header: "名称", width: 36 },
    { key: "previous", header: "前年度予算額", width: 14, numFmt: AMOUNT_FORMAT },
    { key: "current", header: "当年度予算額", width: 14, numFmt: AMOUNT_FORMAT },
    { key: "change", header: "増減額", width: 12, numFmt: AMOUNT_FORMAT, computed: true },
    { key: "changeRate", header: "増減率", width: 10, numFmt: RATIO_FORMAT, computed: true },
    { key: "note", header: "備考", width: 30 },
  ]);
  b.header(lang, "budget-breakdown", TEXT[lang].breakdown, [
    ["報告年度", reportYear],
    ["単位", "億円"],
  ]);
  const last = FIRST_DATA_ROW + n - 1;
  const changes = (row: number) => {
    const r = b.ref(row);
    return { change: F.changeAmount(r("previous"), r("current")), changeRate: F.changeRate(r("previous"), r("current")) };
  };
  for (let row = FIRST_DATA_ROW; row <= last; row++) b.dataRow(row, changes(row));
  const total = last + 1;
  const cats = b.absRange("category", FIRST_DATA_ROW, last);
  b.dataRow(
    total,
    {
      previous: F.breakdownTotal(cats, b.range("previous", FIRST_DATA_ROW, last)),
      current: F.breakdownTotal(cats, b.range("current", FIRST_DATA_ROW, last)),
      ...changes(total),
    },
    { input: "total", computed: "totalComputed" },
  );
  b.put({ row: total, col: b.col("category"), value: "合計", style: "total" });
  b.put({ row: total, col: b.col("name"), value: "合計", style: "total" });
  b.validate("category", FIRST_DATA_ROW, last, BREAKDOWN_CATEGORIES, true);
  return b.sheet(KIND_TITLES["budget-breakdown"][lang], "budget-breakdown", total, 2);
}

function outputSheet(lang: Lang, n: number, reportYear: string): TemplateSheet {
  const b = new SheetBuilder([
    { key: "number", header: "番号", width: 6 },
    { key: "category", header: "区分", width: 10 },
    { key: "indicator", header: "指標", width: 40 },
    { key: "target", header: "目標値", width: 10, numFmt: TARGET_FORMAT },
    { key: "targetKind", header: "目標の種類", width: 11 },
    { key: "period", header: "期間", width: 10 },
    { key: "periodStart", header: "期間開始", width: 8, computed: true },
    { key: "periodYears", header: "期間年数", width: 8, computed: true },
    { key: "annualTarget", header: "年度目標", width: 10, numFmt: TARGET_FORMAT, computed: true },
    { key: "actual", header: "実績", width: 10, numFmt: TARGET_FORMAT },
    { key: "achievement", header: "達成率", width: 9, numFmt: RATIO_FORMAT, computed: true },
    { key: "grade", header: "進捗", width: 6 },
    { key: "suggestedGrade", header: "判定", width: 6, computed: true },
    { key: "detail", header: "進捗の詳細", width: 40 },
    { key: "note", header: "備考", width: 30 },
  ]);
  b.header(lang, "output-indicators", TEXT[lang].output, [["報告年度", reportYear]]);
  const reportYearCell = "$B$2";
  const last = FIRST_DATA_ROW + n - 1;
  for (let row = FIRST_DATA_ROW; row <= last; row++) {
    const r = b.ref(row);
    b.dataRow(row, {
      periodStart: F.periodStart(r),
      periodYears: F.periodYears(r),
      annualTarget: F.annualTarget(r, reportYearCell),
      achievement: F.achievement(r),
      suggestedGrade: F.suggestedGrade(r),
    });
  }
  b.validate("category", FIRST_DATA_ROW, last, OUTPUT_CATEGORIES, true);
  b.validate("targetKind", FIRST_DATA_ROW, last, TARGET_KINDS, true);
  b.validate("grade", FIRST_DATA_ROW, last, GRADES, true);
  return b.sheet(KIND_TITLES["output-indicators"][lang], "output-indicators", last, 3);
}

function monitoringSheet(lang: Lang, n: number, reportYear: string, catalogue: Catalogue): TemplateSheet {
  const b = new SheetBuilder([
    { key: "number", header: "番号", width: 6 },
    { key: "indicator", header: "アウトプット指標", width: 36 },
    { key: "indicatorValue", header: "指標値", width: 10 },
    { key: "group", header: "内訳", width: 16 },
    { key: "item", header: "項目", width: 30 },
    { key: "subItem", header: "細目", width: 20 },
    { key: "value", header: "値", width: 10 },
    { key: "ofWhich", header: "うち", width: 10 },
    { key: "note", header: "備考", width: 30 },
  ]);
  b.header(lang, "monitoring", TEXT[lang].monitoring, [
    ["報告年度", reportYear],
    ["統合プロジェクト", "PJ1"],
  ]);
  b.validations.push({ range: "B3", list: PROJECTS, strict: false });
  let row = FIRST_DATA_ROW;
  const label = (col: string, value: string) => b.put({ row, col: b.col(col), value, style: "input" });
  const standard = catalogue.version === "placeholder" ? [] : catalogue.indicators;
  for (const ind of standard) {
    let first = true;
    for (const group of ind.groups) {
      let firstInGroup = true;
      for (const item of group.items) {
        b.dataRow(row, {});
        if (first) {
          label("number", ind.number);
          label("indicator", ind.label);
          if (ind.noTotal) label("indicatorValue", "—");
          first = false;
        }
        if (firstInGroup && group.label) label("group", group.label);
        firstInGroup = false;
        label("item", item.label);
        row++;
        for (const sub of item.subItems?.items ?? []) {
          b.dataRow(row, {});
          label("item", item.label);
          label("subItem", sub.label);
          row++;
        }
      }
    }
  }
  b.dataRow(row, {});
  b.put({ row, col: 0, value: TEXT[lang].custom, style: "section" });
  row++;
  const last = row + n - 1;
  for (; row <= last; row++) b.dataRow(row, {});
  return b.sheet(KIND_TITLES.monitoring[lang], "monitoring", last, 2);
}

export function buildTemplate(lang: Lang, options: TemplateOptions = {}): TemplateSpec {
  const reportYear = options.reportYear ?? "令和7年度";
  const rows = options.rows;
  return {
    sheets: [
      inhouseSheet(lang, rows ?? 30, reportYear),
      breakdownSheet(lang, rows ?? 40, reportYear),
      outputSheet(lang, rows ?? 40, reportYear),
      monitoringSheet(lang, rows ?? 20, reportYear, options.catalogue ?? defaultCatalogue),
    ],
  };
}

/**
 * The formula the template puts in a computed column, for a table laid out like the template's
 * (used to recognise Kensa's own formulas when refreshing computed cells).
 */
export function templateFormulas(spec: TemplateSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of spec.sheets) for (const c of s.cells) if (c.formula) out.set(`${s.name}!${toA1(c.row, c.col)}`, c.formula);
  return out;
}
