/** The header labels that identify each sheet kind (DOMAIN §3). */
import type { SheetKind } from "../model/kinds";

export interface ColumnSpec {
  key: string;
  /** Labels accepted for this column (matched with matchesLabel). */
  labels: string[];
  required?: boolean;
  /** The column may occur more than once (予算内訳's amount columns). */
  repeated?: boolean;
  /** How messages name the column when it has no label of its own (a custom matcher). */
  title?: string;
  /** A custom matcher over the normalised header text, used instead of labels. */
  matches?: (normalizedHeader: string) => boolean;
}

export interface KindSpec {
  kind: SheetKind;
  columns: ColumnSpec[];
  /** Extra condition on a candidate header row beyond the required labels. */
  requireAny?: string[];
}

/** 備考 as templates write it: `備考`, `備考欄（特筆すべき事項等）`. */
const NOTE_LABELS = ["備考", "備考欄"];
/** 番号 as tables number their rows: `番号`, `No.`, `項番`. */
const NUMBER_LABELS = ["番号", "No.", "No", "NO.", "№", "項番", "通し番号"];

const AMOUNT_WORDS = ["予算額", "要求額", "前年度", "当年度", "決算額"];
const FISCAL_YEAR = /(令和|平成|R|H)\d+年度?|20\d\d年度/;

/** 予算内訳's amount columns: a header containing 予算額, 要求額, 前年度, 当年度, 決算額 or a fiscal year. */
export function isAmountHeader(normalized: string): boolean {
  if (/増減/.test(normalized)) return false;
  return AMOUNT_WORDS.some((w) => normalized.includes(w)) || FISCAL_YEAR.test(normalized);
}

export const KIND_SPECS: readonly KindSpec[] = [
  {
    kind: "inhouse-budget",
    columns: [
      { key: "name", labels: ["機関名", "研究機関名"], required: true },
      { key: "ministry", labels: ["所管"] },
      { key: "total", labels: ["全体"], required: true },
      { key: "health", labels: ["健康・医療関係"], required: true },
      { key: "external", labels: ["外部資金"] },
      { key: "healthRatio", labels: ["健康・医療比率"] },
      { key: "externalRatio", labels: ["外部資金比率"] },
      { key: "note", labels: NOTE_LABELS },
    ],
  },
  {
    kind: "budget-breakdown",
    columns: [
      { key: "category", labels: ["区分"], required: true },
      { key: "name", labels: ["名称", "事業名", "項目名"], required: true },
      { key: "change", labels: ["増減額"] },
      { key: "changeRate", labels: ["増減率"] },
      { key: "note", labels: NOTE_LABELS },
      {
        key: "amount",
        labels: [],
        title: "金額（予算額・要求額・令和7年度 など）",
        required: true,
        repeated: true,
        matches: isAmountHeader,
      },
    ],
  },
  {
    kind: "output-indicators",
    columns: [
      { key: "number", labels: NUMBER_LABELS, required: true },
      { key: "category", labels: ["区分"] },
      { key: "indicator", labels: ["指標", "指標名"], required: true },
      { key: "target", labels: ["目標値"], required: true },
      { key: "targetKind", labels: ["目標の種類"] },
      { key: "period", labels: ["期間"] },
      { key: "annualTarget", labels: ["年度目標"] },
      { key: "actual", labels: ["実績"], required: true },
      { key: "achievement", labels: ["達成率"] },
      { key: "grade", labels: ["進捗"], required: true },
      { key: "suggestedGrade", labels: ["判定"] },
      { key: "detail", labels: ["進捗の詳細"] },
      { key: "note", labels: NOTE_LABELS },
      // Per-year columns ("R6実績", "令和7年度") are found by the reader, not here.
    ],
  },
  {
    kind: "monitoring",
    columns: [
      { key: "number", labels: NUMBER_LABELS, required: true },
      { key: "indicator", labels: ["アウトプット指標"], required: true },
      { key: "indicatorValue", labels: ["指標値"], required: true },
      { key: "group", labels: ["内訳"], required: true },
      { key: "item", labels: ["項目"], required: true },
      { key: "subItem", labels: ["細目"] },
      { key: "value", labels: ["値"], required: true },
      { key: "ofWhich", labels: ["うち"] },
      { key: "note", labels: NOTE_LABELS },
    ],
  },
];
