/**
 * The amount columns of a 予算内訳 sheet: their headers, units, and which of them are 前年度 and 当年度.
 */
import { columnLetters } from "../../model/address";
import { normalizeLabel } from "../../values/normalize";
import { column, headerPathText, type DetectedTable } from "../table";
import { amountUnitIn } from "../inhouse/amount-cell";

export interface AmountColumn {
  col: number;
  /** Header as written, whitespace removed: "令和7年度予算額". */
  label: string;
  /** Normalised header, for matching columns across sheets. */
  key: string;
  unit: string;
}

const YEAR_PATTERNS: [RegExp, (m: RegExpExecArray) => number][] = [
  [/(?:令和|R)(\d+|元)/, (m) => 2018 + (m[1] === "元" ? 1 : Number(m[1]))],
  [/(?:平成|H)(\d+|元)/, (m) => 1988 + (m[1] === "元" ? 1 : Number(m[1]))],
  [/(20\d\d)年/, (m) => Number(m[1])],
];

function yearOf(header: string): number | undefined {
  for (const [re, f] of YEAR_PATTERNS) {
    const m = re.exec(header);
    if (m) return f(m);
  }
  return undefined;
}

/**
 * 前年度 and 当年度 among the amount columns: headers saying 前年度 / 当年度; else the latest fiscal year
 * (当初 preferred over 補正) and the year before it; else the first and last columns.
 */
export function choosePrevCur(cols: AmountColumn[]): { prev?: number; cur?: number } {
  if (cols.length < 2) return {};
  const keys = cols.map((c) => c.key);
  const years = keys.map((k) => yearOf(k));
  const supplementary = keys.map((k) => k.includes("補正"));
  const pick = (exclude: number, want: (i: number) => boolean, better: (a: number, b: number) => boolean): number => {
    let best = -1;
    for (let i = 0; i < keys.length; i++) {
      if (i === exclude || !want(i)) continue;
      if (best < 0 || better(i, best)) best = i;
    }
    return best;
  };
  let cur = keys.findIndex((k) => k.includes("当年度"));
  let prev = keys.findIndex((k) => k.includes("前年度"));
  // 当年度: the latest fiscal year (当初 before 補正), else the last column.
  if (cur < 0) {
    cur = pick(
      prev,
      (i) => !supplementary[i],
      (a, b) => (years[a] ?? -Infinity) >= (years[b] ?? -Infinity),
    );
    if (cur < 0)
      cur = pick(
        prev,
        () => true,
        (a, b) => a > b,
      );
  }
  // 前年度: the latest year before 当年度's, else the first column.
  if (prev < 0) {
    const cy = years[cur];
    if (cy !== undefined)
      prev = pick(
        cur,
        (i) => !supplementary[i] && years[i] !== undefined && years[i] < cy,
        (a, b) => years[a]! > years[b]!,
      );
    if (prev < 0)
      prev = pick(
        cur,
        (i) => !supplementary[i],
        (a, b) => a < b,
      );
    if (prev < 0)
      prev = pick(
        cur,
        () => true,
        (a, b) => a < b,
      );
  }
  if (cur < 0 || prev < 0 || prev === cur) return {};
  return { prev, cur };
}

/** A header as written, whitespace removed; `fallback` when the column is absent or has no header. */
function headerText(table: DetectedTable, col: number | undefined, fallback: string): string {
  const t = col === undefined ? undefined : table.headers.get(col);
  return t ? t.replace(/\s+/g, "") : fallback;
}

/** The amount unit the column's cells are typed in (`306億円`), when no header or metadata names one. */
function cellUnit(table: DetectedTable, col: number): string | undefined {
  for (const r of table.dataRows) {
    const v = table.rows[r]?.[col]?.value;
    if (typeof v === "string") {
      const u = amountUnitIn(v);
      if (u) return u;
    }
  }
  return undefined;
}

/** The amount columns, each with its unit: the header's, else the sheet's 単位, else the cells', else 億円. */
export function amountColumns(table: DetectedTable): AmountColumn[] {
  const metaUnit = amountUnitIn(table.metadata["単位"]);
  return (table.columns.amount ?? []).map((col) => {
    const label = headerText(table, col, columnLetters(col));
    return {
      col,
      label,
      key: normalizeLabel(label),
      unit: amountUnitIn(headerPathText(table, col)) ?? metaUnit ?? cellUnit(table, col) ?? "億円",
    };
  });
}

/** The labels of the 名称, 増減額 and 増減率 columns, as written (whitespace removed), for messages. */
export function columnLabels(table: DetectedTable): { name: string; change: string; changeRate: string } {
  return {
    name: headerText(table, column(table, "name"), "名称"),
    change: headerText(table, column(table, "change"), "増減額"),
    changeRate: headerText(table, column(table, "changeRate"), "増減率"),
  };
}
