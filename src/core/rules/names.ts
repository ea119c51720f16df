/**
 * Short names of the rules, for columns and filters (the findings workbook and CSV): 「全体との集計（加算）」 where
 * the description is a sentence. A rule missing here falls back to its description.
 */
import type { Lang } from "../values/format";

export const RULE_NAMES: Readonly<Record<string, { ja: string; en: string }>> = {
  "accepted/lapsed": { ja: "確認済みの失効", en: "Acceptance lapsed" },
  "accepted/store": { ja: "確認済みの記録", en: "Acceptance record" },
  "accepted/unused": { ja: "使われていない確認済み", en: "Unused acceptance" },
  "catalogue/sheet": { ja: "ブック内の指標一覧", en: "Workbook indicator list" },
  "change/amount": { ja: "増減額", en: "Change amount" },
  "change/rate": { ja: "増減率", en: "Change rate" },
  "date/era-mismatch": { ja: "西暦と和暦の不一致", en: "Era year mismatch" },
  "grade/below-pace": { ja: "進捗ペース未達", en: "Below pace" },
  "grade/invalid": { ja: "進捗の記号", en: "Invalid grade" },
  "grade/mismatch": { ja: "進捗と実績の矛盾", en: "Grade contradicts result" },
  "grade/missing": { ja: "進捗の記入漏れ", en: "Missing grade" },
  "label/unknown": { ja: "名称の表記", en: "Unknown label" },
  "order/violated": { ja: "大小関係", en: "Order violated" },
  "part/exceeds-whole": { ja: "内数の超過", en: "Part exceeds whole" },
  "percent/sum": { ja: "割合の合計", en: "Percentages sum" },
  "period/average": { ja: "年平均と各年度", en: "Average of years" },
  "period/parts": { ja: "累積と各年度", en: "Cumulative of years" },
  "ratio/mismatch": { ja: "比率・達成率", en: "Ratio mismatch" },
  "rollup/additive": { ja: "全体との集計（加算）", en: "Roll-up (additive)" },
  "rollup/bounds": { ja: "全体との集計（範囲）", en: "Roll-up (bounds)" },
  "structure/duplicate-project": { ja: "プロジェクトの重複", en: "Duplicate project" },
  "structure/duplicate-row": { ja: "行の重複", en: "Duplicate row" },
  "structure/hidden-column": { ja: "非表示の作業列", en: "Hidden working column" },
  "structure/layout-unknown": { ja: "結合・非表示の読み取り", en: "Layout unknown" },
  "structure/project-unknown": { ja: "統合プロジェクトの記入", en: "Project not named" },
  "structure/rollup-skipped": { ja: "集計の検証を省略", en: "Roll-up skipped" },
  "structure/unfilled": { ja: "未入力のシート", en: "Sheet not filled in" },
  "structure/unknown-sheet": { ja: "様式外のシート", en: "Unknown sheet" },
  "sum/breakdown": { ja: "内訳の合計", en: "Breakdown sum" },
  "sum/exceeds-total": { ja: "内訳が指標値を超過", en: "Breakdown exceeds total" },
  "sum/groups-differ": { ja: "内訳どうしの不一致", en: "Breakdowns differ" },
  "sum/incomplete": { ja: "内訳の不足", en: "Breakdown incomplete" },
  "sum/subtotal": { ja: "小計・合計", en: "Subtotal" },
  "target/annual-share": { ja: "年度目標", en: "Annual target" },
  "total/row": { ja: "合計行", en: "Total row" },
  "value/formula-error": { ja: "数式のエラー", en: "Formula error" },
  "value/missing": { ja: "空欄", en: "Missing value" },
  "value/negative": { ja: "負の値", en: "Negative value" },
  "value/not-a-number": { ja: "数値でない値", en: "Not a number" },
  "value/placeholder": { ja: "該当なしの記号", en: "Placeholder" },
  "xref/mismatch": { ja: "別の箇所の値と不一致", en: "Cross-reference mismatch" },
};

/** A rule's short name, or its description (or its id) when it has none. */
export function ruleName(id: string, lang: Lang, description?: { ja: string; en: string }): string {
  return RULE_NAMES[id]?.[lang] ?? description?.[lang] ?? id;
}
