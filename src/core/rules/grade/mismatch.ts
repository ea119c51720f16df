import { defineRule } from "../rule";
import type { MessageData } from "../message";
import { isStrictKind } from "../../compute/targets";
import {
  computedDecimals,
  showFigure,
  showPercent,
  yearsUpToReport,
  type Evaluation,
  type OutputRow,
  type OutputTable,
} from "../../sheets/output/read";
import { gradedRows, judgedGrade, rowName } from "../shared/output-row";

/** The words for what was compared with what, filled with the figures. */
const PHRASES = {
  target: { ja: "目標値{t}", en: "the target {t}" },
  annualShare: { ja: "年度目標{a}（目標値{t} ÷ {years}年）", en: "the annual target {a} (target {t} ÷ {years} years)" },
  annualTarget: { ja: "年度目標{a}", en: "the annual target {a}" },
  averageTarget: { ja: "目標値（年平均{t}）", en: "the target of {t} a year on average" },
  baseline: { ja: "基準値{t}", en: "the baseline {t}" },
  pace: { ja: "進捗ペース{a}", en: "the pace {a}" },
  partsMean: { ja: "実績の年平均{m}（{parts}）", en: "the annual average {m} ({parts})" },
  yearsMean: { ja: "各年度の実績の平均{m}（{list}）", en: "the mean of the per-year results {m} ({list})" },
  result: { ja: "実績{m}", en: "the result {m}" },
} as const;

interface GradeTerm {
  phrase: keyof typeof PHRASES;
  data: MessageData<keyof typeof PHRASES>;
}

/** What the measure was compared with, in words: "年度目標 130件（目標値 650件 ÷ 5年）". */
export function describeThreshold(ev: Evaluation, fallbackUnit?: string): GradeTerm {
  const unit = ev.target.unit ?? fallbackUnit;
  const t = showFigure(ev.target.value, ev.target.decimals, unit);
  const a = showFigure(ev.annual.value, computedDecimals(ev.annual.value, ev.target.decimals), unit);
  switch (ev.kind) {
    case "annual":
      return { phrase: "target", data: { t } };
    case "period-total":
      return ev.annual.basis === "share"
        ? { phrase: "annualShare", data: { a, t, years: String(ev.annual.years) } }
        : { phrase: "annualTarget", data: { a } };
    case "average":
      return { phrase: "averageTarget", data: { t } };
    case "baseline-min":
    case "baseline-above":
      return { phrase: "baseline", data: { t } };
    case "cumulative":
      return { phrase: "pace", data: { a } };
  }
}

/** What was compared, in words: "実績 86件", "各年度の実績の平均 3件（R6実績 4件、R7実績 2件）". */
export function describeMeasure(row: OutputRow, ev: Evaluation, table: OutputTable): GradeTerm {
  const actual = row.actual.kind === "number" ? row.actual : undefined;
  const unit = actual?.unit ?? ev.target.unit;
  if (ev.measureBasis === "parts-mean" && actual?.parts) {
    const decimals = Math.max(...actual.parts.map((p) => p.decimals), 0);
    const m = showFigure(ev.measure, computedDecimals(ev.measure, decimals), unit);
    const parts = actual.parts.map((p) => showFigure(p.value, p.decimals, p.unit ?? unit)).join("/");
    return { phrase: "partsMean", data: { m, parts } };
  }
  if (ev.measureBasis === "years-mean") {
    const years = yearsUpToReport(row, table.reportYear).values;
    const decimals = Math.max(0, ...years.map((y) => (y.parsed.kind === "number" ? y.parsed.decimals : 0)));
    const m = showFigure(ev.measure, computedDecimals(ev.measure, decimals), unit);
    const list = years.map((y) => {
      const p = y.parsed.kind === "number" ? y.parsed : undefined;
      return `${y.header} ${p ? showFigure(p.value, p.decimals, p.unit ?? unit) : ""}`;
    });
    return { phrase: "yearsMean", data: { m, list: { list, style: "comma" } } };
  }
  const m = showFigure(ev.measure, actual?.decimals ?? 0, unit);
  return { phrase: "result", data: { m } };
}

export const rule = defineRule({
  meta: {
    id: "grade/mismatch",
    severity: "error",
    description: {
      ja: "進捗が数値と矛盾している（年度・期間累計・年平均・基準値の目標: 目標未達で A はエラー、達成で B は警告）",
      en: "A progress grade contradicts the numbers (A below target is an error, B at or above target a warning)",
    },
    messages: {
      aBelow: {
        ja: "「{row}」の進捗はAですが、{measure}は{threshold}に達していません（達成率{ratio}）。",
        en: "“{row}” is graded A, but {measure} does not reach {threshold}; achievement {ratio}.",
      },
      aNotAbove: {
        ja: "「{row}」の進捗はAですが、{measure}は{threshold}を上回っていません（達成率{ratio}）。",
        en: "“{row}” is graded A, but {measure} does not exceed {threshold}; achievement {ratio}.",
      },
      bMet: {
        ja: "「{row}」の進捗はBですが、{measure}は{threshold}を達成しています（達成率{ratio}）。",
        en: "“{row}” is graded B, but {measure} reaches {threshold}; achievement {ratio}.",
      },
      bAbove: {
        ja: "「{row}」の進捗はBですが、{measure}は{threshold}を上回っています（達成率{ratio}）。",
        en: "“{row}” is graded B, but {measure} exceeds {threshold}; achievement {ratio}.",
      },
    },
    phrases: PHRASES,
  },
  *check(ctx) {
    for (const { table, row, gradeCell } of gradedRows(ctx)) {
      const ev = row.evaluation;
      if (!ev || !isStrictKind(ev.kind) || (row.grade !== "A" && row.grade !== "B")) continue;
      if ((row.grade === "A") === ev.meets) continue;
      const above = ev.kind === "baseline-above";
      const measure = describeMeasure(row, ev, table);
      const threshold = describeThreshold(ev, row.actual.kind === "number" ? row.actual.unit : undefined);
      yield {
        messageId: row.grade === "A" ? (above ? "aNotAbove" : "aBelow") : above ? "bAbove" : "bMet",
        severity: row.grade === "A" ? "error" : "warning",
        data: { row: rowName(row), measure, threshold, ratio: showPercent(ev.ratio) },
        ...judgedGrade(table, row, gradeCell, ev, ev.measureCells),
        fix: { sheet: table.sheet, cell: gradeCell, value: ev.suggested },
      };
    }
  },
});
