/**
 * Kensa's blank template: one sheet of each kind with the header labels of DOMAIN §3 (so the
 * detector recognises them), metadata above the header, drop-down lists and input limits with Japanese
 * prompts, number formats, formulas in the computed columns, the standard indicators prefilled (output
 * indicators and the catalogue's monitoring items), column widths that fit the Japanese labels and an A4
 * landscape print setup.
 */
import { defaultCatalogue } from "../catalogue/default";
import type { Catalogue, CatalogueGroup, CatalogueItem } from "../catalogue/schema";
import { toA1 } from "../model/address";
import type { Lang } from "../values/format";
import { KIND_TITLES, type SheetKind } from "../model/kinds";
import COLUMNS from "./columns.json";
import * as F from "./formulas";
import { STANDARD_OUTPUT_INDICATORS, type StandardOutputIndicator } from "./output-indicators";
import { FIRST_DATA_ROW, SheetBuilder, type RuleSpec } from "./sheet-builder";
import type { TemplateColumn, TemplateMessage, TemplateSheet, TemplateSpec, TemplateStyle } from "./types";
import { INPUT, TEXT } from "./words";

/** Amounts in 億円 with the decimals typed: 12.0, 16.3, 16.31 (the seeds use one or two). */
export const AMOUNT_FORMAT = "#,##0.0#";
export const RATIO_FORMAT = "0.0%";
export const TARGET_FORMAT = "#,##0.##";
export const BREAKDOWN_CATEGORIES = ["明細", "小計", "合計", "その他", "うち", "内数", "再掲"];
export const OUTPUT_CATEGORIES = ["全体目標", "特設目標", "アウトカム"];
export const TARGET_KINDS = ["年度", "期間累計", "累積", "年平均", "基準値以上", "基準値超", "定性"];
export const GRADES = ["A", "B", "-"];
export const PROJECTS = ["PJ1", "PJ2", "PJ3", "PJ4", "PJ5", "PJ6", "PJ7", "PJ8", "全体"];
/** 所管 as the seeds abbreviate the ministries (文＝文部科学省, 厚＝厚生労働省, 経＝経済産業省, 内, 総). */
export const MINISTRIES = ["文", "厚", "経", "内", "総"];

export interface TemplateOptions {
  /** Blank data rows per sheet, after any prefilled rows (default 20 インハウス予算, 30 予算内訳, 6 アウトプット指標, 10 モニタリング). */
  rows?: number;
  /** 報告年度 written in the metadata (default 令和7年度). */
  reportYear?: string;
  catalogue?: Catalogue;
  /** The rows prefilled on the アウトプット指標 sheet (default the plan's O1–O3 and 1–21). */
  outputIndicators?: readonly StandardOutputIndicator[];
}

const FORMATS = { amount: AMOUNT_FORMAT, ratio: RATIO_FORMAT, target: TARGET_FORMAT } as const;

/**
 * The columns of a sheet kind, from ./columns.json: the header the detector expects, the width in characters
 * that fits the Japanese labels, the number format by name and whether a formula fills it.
 */
function columnsOf(kind: SheetKind): TemplateColumn[] {
  const columns = COLUMNS[kind] as (Omit<TemplateColumn, "numFmt"> & { numFmt?: keyof typeof FORMATS })[];
  return columns.map((c) => (c.numFmt ? { ...c, numFmt: FORMATS[c.numFmt] } : { ...c }));
}

/** The unit's number format for 目標値 and 実績 (`#,##0"件"`): Kensa reads the unit back from it. */
function unitFormat(unit: string, decimals = 0): string {
  if (!unit) return TARGET_FORMAT;
  return `${decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0"}"${unit}"`;
}

const amountRule = (
  strict: boolean,
  text: { prompt: TemplateMessage; error: TemplateMessage } = INPUT.amount,
): RuleSpec => ({ type: "decimal", min: 0, strict, ...text });
const countRule = (what: string, unit: string): RuleSpec => ({
  type: "half",
  min: 0,
  strict: false,
  ...INPUT.count(what, unit),
});

/**
 * The frame of the two budget sheets: 報告年度 and 単位 above the table, `n` data rows with their computed
 * columns, and a total row summing the `summed` columns over the rows whose `labelKey` marks them as details.
 */
function budgetSheet(
  lang: Lang,
  kind: SheetKind,
  n: number,
  reportYear: string,
  table: {
    hint: string;
    computed: (r: F.RowRef) => Record<string, string>;
    labelKey: string;
    summed: string[];
    total: (labels: string, values: string) => string;
  },
): { b: SheetBuilder; last: number; total: number } {
  const b = new SheetBuilder(lang, columnsOf(kind), [
    ["報告年度", reportYear],
    ["単位", "億円"],
  ]);
  b.header(kind, table.hint);
  const last = FIRST_DATA_ROW + n - 1;
  for (let row = FIRST_DATA_ROW; row <= last; row++) b.dataRow(row, table.computed(b.ref(row)));
  const total = last + 1;
  const labels = b.absRange(table.labelKey, FIRST_DATA_ROW, last);
  const sums = table.summed.map((key): [string, string] => [
    key,
    table.total(labels, b.range(key, FIRST_DATA_ROW, last)),
  ]);
  b.dataRow(
    total,
    { ...Object.fromEntries(sums), ...table.computed(b.ref(total)) },
    { input: "total", computed: "totalComputed" },
  );
  return { b, last, total };
}

function inhouseSheet(lang: Lang, n: number, reportYear: string): TemplateSheet {
  const { b, last, total } = budgetSheet(lang, "inhouse-budget", n, reportYear, {
    hint: TEXT[lang].inhouse,
    computed: (r) => ({ healthRatio: F.healthRatio(r), externalRatio: F.externalRatio(r) }),
    labelKey: "name",
    summed: ["total", "health", "external"],
    total: F.inhouseTotal,
  });
  b.put({ row: total, col: b.col("name"), value: "合計", style: "total" });
  b.validate("ministry", FIRST_DATA_ROW, last, MINISTRIES, false, INPUT.ministry);
  b.inputRules("total", FIRST_DATA_ROW, last, amountRule(true));
  b.inputRules("health", FIRST_DATA_ROW, last, amountRule(true));
  b.inputRules("external", FIRST_DATA_ROW, last, amountRule(false, INPUT.external));
  return b.sheet(KIND_TITLES["inhouse-budget"][lang], "inhouse-budget", total, 1);
}

function breakdownSheet(lang: Lang, n: number, reportYear: string): TemplateSheet {
  const { b, last, total } = budgetSheet(lang, "budget-breakdown", n, reportYear, {
    hint: TEXT[lang].breakdown,
    computed: (r) => ({
      change: F.changeAmount(r("previous"), r("current")),
      changeRate: F.changeRate(r("previous"), r("current")),
    }),
    labelKey: "category",
    summed: ["previous", "current"],
    total: F.breakdownTotal,
  });
  b.put({ row: total, col: b.col("category"), value: "合計", style: "total" });
  b.put({ row: total, col: b.col("name"), value: "合計", style: "total" });
  b.validate("category", FIRST_DATA_ROW, last, BREAKDOWN_CATEGORIES, true, INPUT.breakdownCategory);
  // A new project has no previous-year budget: 前年度 may be a dash, so only a warning there.
  b.inputRules("previous", FIRST_DATA_ROW, last, amountRule(false));
  b.inputRules("current", FIRST_DATA_ROW, last, amountRule(true));
  return b.sheet(KIND_TITLES["budget-breakdown"][lang], "budget-breakdown", total, 2);
}

function outputSheet(
  lang: Lang,
  n: number,
  reportYear: string,
  standard: readonly StandardOutputIndicator[],
): TemplateSheet {
  const b = new SheetBuilder(lang, columnsOf("output-indicators"), [["報告年度", reportYear]]);
  b.header("output-indicators", TEXT[lang].output);
  const reportYearCell = b.metaValue(0);
  const last = FIRST_DATA_ROW + standard.length + n - 1;
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
  standard.forEach((ind, i) => {
    const row = FIRST_DATA_ROW + i;
    b.set(row, "number", ind.number);
    b.set(row, "category", ind.category);
    b.set(row, "indicator", ind.label, { style: "label" });
    b.fitRow(row, "indicator", ind.label);
    if (ind.target !== undefined) b.set(row, "target", ind.target, { numFmt: unitFormat(ind.unit) });
    if (ind.targetKind) b.set(row, "targetKind", ind.targetKind);
    if (ind.period) b.set(row, "period", ind.period);
    const mean = ind.targetKind === "年平均";
    b.put({ row, col: b.col("actual"), numFmt: unitFormat(ind.unit, mean ? 1 : 0) });
    // A 累積 target's pace is a fraction of it (16 × 2/5 = 6.4); the other kinds' annual targets are whole here.
    if (ind.target !== undefined)
      b.put({ row, col: b.col("annualTarget"), numFmt: unitFormat(ind.unit, ind.targetKind === "累積" ? 1 : 0) });
    if (ind.targetKind === "定性")
      b.inputRule(row, "actual", { type: "any", strict: false, prompt: INPUT.qualitative.prompt });
    else if (mean) b.inputRule(row, "actual", { type: "decimal", min: 0, strict: false, ...INPUT.mean(ind.unit) });
    else b.inputRule(row, "actual", countRule("実績", ind.unit));
  });
  const firstBlank = FIRST_DATA_ROW + standard.length;
  if (firstBlank <= last)
    b.inputRules("actual", firstBlank, last, { type: "decimal", min: 0, strict: false, ...INPUT.actual });
  b.validate("category", FIRST_DATA_ROW, last, OUTPUT_CATEGORIES, true, INPUT.outputCategory);
  b.validate("targetKind", FIRST_DATA_ROW, last, TARGET_KINDS, true, INPUT.targetKind);
  b.validate("grade", FIRST_DATA_ROW, last, GRADES, true, INPUT.grade);
  b.inputRules("target", FIRST_DATA_ROW, last, { type: "decimal", min: 0, strict: false, ...INPUT.target });
  b.inputRules("period", FIRST_DATA_ROW, last, { type: "any", strict: false, prompt: INPUT.period.prompt });
  return b.sheet(KIND_TITLES["output-indicators"][lang], "output-indicators", last, 3);
}

/** The input rule of an item's 値: a count, or the shares of indicator 7 written as one text. */
function valueRule(group: CatalogueGroup, item: CatalogueItem): RuleSpec {
  if (group.relation === "percentages" || item.shares)
    return { type: "any", strict: false, prompt: INPUT.shares.prompt };
  return countRule("値", "件");
}

function monitoringSheet(lang: Lang, n: number, reportYear: string, catalogue: Catalogue): TemplateSheet {
  const b = new SheetBuilder(lang, columnsOf("monitoring"), [
    ["報告年度", reportYear],
    ["統合プロジェクト", "PJ1"],
  ]);
  b.header("monitoring", TEXT[lang].monitoring);
  const project = toA1(2, b.metaCol + 1);
  b.validations.push({
    range: project,
    list: PROJECTS,
    strict: false,
    prompt: INPUT.project.prompt,
    error: INPUT.project.error,
  });
  let row = FIRST_DATA_ROW;
  const label = (col: string, value: string, style: TemplateStyle = "input") => {
    b.put({ row, col: b.col(col), value, style });
    if (style === "label") b.fitRow(row, col, value);
  };
  const standard = catalogue.version === "placeholder" ? [] : catalogue.indicators;
  for (const ind of standard) {
    let first = true;
    for (const group of ind.groups) {
      let firstInGroup = true;
      for (const item of group.items) {
        b.dataRow(row, {});
        if (first) {
          label("number", ind.number);
          label("indicator", ind.label, "label");
          if (ind.noTotal) label("indicatorValue", "—");
          else b.inputRule(row, "indicatorValue", countRule("指標値", "件"));
          first = false;
        }
        if (firstInGroup && group.label) label("group", group.label, "label");
        firstInGroup = false;
        label("item", item.label, "label");
        const subItems = item.subItems?.items ?? [];
        b.inputRule(row, "value", valueRule(group, item));
        if (item.ofWhichLabel) b.inputRule(row, "ofWhich", countRule("うち", "件"));
        row++;
        for (const sub of subItems) {
          b.dataRow(row, {});
          label("item", item.label, "label");
          label("subItem", sub.label, "label");
          b.inputRule(row, "value", countRule("値", "件"));
          row++;
        }
      }
    }
  }
  b.dataRow(row, {});
  b.put({ row, col: 0, value: TEXT[lang].custom, style: "section" });
  row++;
  const last = row + n - 1;
  for (let r = row; r <= last; r++) b.dataRow(r, {});
  if (row <= last)
    b.inputRules("indicatorValue", row, last, { type: "decimal", min: 0, strict: false, ...INPUT.customValue });
  return b.sheet(KIND_TITLES.monitoring[lang], "monitoring", last, 2);
}

export function buildTemplate(lang: Lang, options: TemplateOptions = {}): TemplateSpec {
  const reportYear = options.reportYear ?? "令和7年度";
  const rows = options.rows;
  return {
    sheets: [
      inhouseSheet(lang, rows ?? 20, reportYear),
      breakdownSheet(lang, rows ?? 30, reportYear),
      outputSheet(lang, rows ?? 6, reportYear, options.outputIndicators ?? STANDARD_OUTPUT_INDICATORS),
      monitoringSheet(lang, rows ?? 10, reportYear, options.catalogue ?? defaultCatalogue),
    ],
  };
}

/**
 * The formula the template puts in a computed column, for a table laid out like the template's
 * (used to recognise Kensa's own formulas when refreshing computed cells).
 */
export function templateFormulas(spec: TemplateSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of spec.sheets)
    for (const c of s.cells) if (c.formula) out.set(`${s.name}!${toA1(c.row, c.col)}`, c.formula);
  return out;
}
