/**
 * The typed table of a 予算内訳 sheet (DOMAIN §3.2), read once per check run (ctx.memo).
 *
 * Row roles (区分): 明細 (or blank), 小計, 合計, その他, うち, 内数, 再掲. When 区分 is blank or holds
 * something else (numbering such as （１）or Ⅰ．), the role is inferred from 名称: `小計…` / `…小計`,
 * `合計` / `計` / `…合計` / `PJ1 計`,
 * `その他…`, `（うち…）` / `うち…`, `…の内数`, `…（再掲）`; an amount written `43億円の内数` also marks 内数.
 * A row whose role is inferred as 明細 / その他 and whose amount cells are all empty is a heading
 * (`Ⅰ．行政政策研究分野`): not added, not required. With 区分 written 明細 it is an item with missing amounts.
 *
 * Groups, read top-down (the same for every amount column):
 * - 明細 and その他 accumulate into the open group; a 小計 closes it (its parts are those rows).
 * - A 小計 with no open rows: in a sheet whose first 小計 comes after its rows, it totals the 小計 rows
 *   above it since the previous 合計 that no other 小計 took (`小計（Ⅰ＋Ⅱ＋Ⅲ）` over 分野 subtotals); in a sheet
 *   whose first 小計 stands above its rows (a heading with the amount, as on slides), it takes the rows
 *   below it up to the next 小計 / 合計. Otherwise it has no parts (reported as info by sum/subtotal).
 * - A 合計 totals the 小計 rows not taken by another 小計, plus the 明細 / その他 not under a 小計, since the
 *   previous 合計. A 合計 with nothing above it takes what follows up to the next 合計; one with nothing
 *   above or below it, after two or more 合計 rows, totals those (a grand total).
 * - うち rows are parts of the nearest row above that is not うち. 内数 and 再掲 rows are never added.
 */
import { columnLetters } from "../../model/address";
import type { Cell } from "../../model/workbook";
import { memoKey, memoPerSheet, type CheckContext } from "../context";
import { normalizeLabel } from "../../values/normalize";
import { parseCell } from "../../values/parse";
import type { Figure, Parsed } from "../../values/types";
import { cellText } from "../detect";
import { column, headerPathText, type DetectedTable } from "../table";
import {
  a1,
  amountUnitIn,
  blockingPrefix,
  computeSum,
  readAmount,
  type AmountCell,
  type SumPart,
} from "../inhouse/amounts";

export type BreakdownRole = "detail" | "subtotal" | "total" | "other" | "of-which" | "inner" | "relisted";

export const ROLE_LABELS: Record<BreakdownRole, string> = {
  detail: "明細",
  subtotal: "小計",
  total: "合計",
  other: "その他",
  "of-which": "うち",
  inner: "内数",
  relisted: "再掲",
};

export interface AmountColumn {
  col: number;
  /** Header as written, whitespace removed: "令和7年度予算額". */
  label: string;
  /** Normalised header, for matching columns across sheets. */
  key: string;
  unit: string;
}

export interface ComputedColumnCell {
  cell: string;
  col: number;
  parsed: Parsed;
  /** As written or shown, trimmed. */
  text: string;
}

export interface BreakdownRow {
  row: number;
  role: BreakdownRole;
  explicit: boolean;
  /** 名称 as written (trimmed); falls back to 区分 when 名称 is blank. */
  name: string;
  nameCell: string;
  /** Per amount column, aligned with BreakdownTable.amountCols. */
  amounts: AmountCell[];
  /** 明細 / その他 with every amount empty: a heading, neither added nor required. */
  heading: boolean;
  change?: ComputedColumnCell;
  changeRate?: ComputedColumnCell;
  note?: { cell: string; text: string };
}

export type GroupStyle = "below" | "above" | "nested" | "grand" | "empty";

export interface BreakdownGroup {
  row: BreakdownRow;
  kind: "subtotal" | "total";
  style: GroupStyle;
  /** The rows added, in row order. */
  parts: BreakdownRow[];
}

export interface OfWhichSet {
  whole: BreakdownRow;
  parts: BreakdownRow[];
}

export interface BreakdownTable {
  table: DetectedTable;
  sheet: string;
  unit: string;
  amountCols: AmountColumn[];
  /** Indexes into amountCols of 前年度 and 当年度 (only with two or more amount columns). */
  prev?: number;
  cur?: number;
  labels: { name: string; change: string; changeRate: string };
  rows: BreakdownRow[];
  groups: BreakdownGroup[];
  groupOf: Map<BreakdownRow, BreakdownGroup>;
  ofWhich: OfWhichSet[];
  /** Prefix counts of non-heading data rows (a SUM range over parts must not cross another one). */
  blocking: Int32Array;
  /** Figure of a row in an amount column: the stated one, or for an empty 小計 / 合計 the computed sum. */
  effective(row: BreakdownRow, ci: number): Figure | undefined;
  /** The parts of a group in one amount column, as the sum helpers take them. */
  partsOf(group: BreakdownGroup, ci: number): SumPart[];
  /** Placeholders (`—`) are accepted here: previous-year columns (a new programme) and うち / 内数 / 再掲 rows. */
  placeholderAllowed(row: BreakdownRow, ci: number): boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Roles

const EXPLICIT: Record<string, BreakdownRole> = {
  明細: "detail",
  内訳: "detail",
  項目: "detail",
  小計: "subtotal",
  合計: "total",
  計: "total",
  総計: "total",
  その他: "other",
  うち: "of-which",
  "(うち)": "of-which",
  内数: "inner",
  再掲: "relisted",
  "(再掲)": "relisted",
};

/** 区分 text → role, when it names one. */
export function explicitRole(text: string): BreakdownRole | undefined {
  if (!text) return undefined;
  const n = normalizeLabel(text);
  if (!n) return undefined;
  const hit = EXPLICIT[n];
  if (hit) return hit;
  if (/^小計/.test(n)) return "subtotal";
  if (/^(総?合計)(\(.*\))?$/.test(n)) return "total";
  return undefined;
}

/** 名称 → role (DOMAIN §3.2). */
const ROLE_HINT = /再掲|内数|うち|小|計|その他|其の他/;

export function inferRole(name: string): BreakdownRole {
  if (!ROLE_HINT.test(name)) return "detail";
  const n = normalizeLabel(name);
  if (!n) return "detail";
  if (/再掲/.test(n)) return "relisted";
  if (/内数\)?$/.test(n)) return "inner";
  if (/^\(?うち/.test(n)) return "of-which";
  if (/^小計|小計(\(.*\))?$/.test(n)) return "subtotal";
  if (/^(総?合計|計)(\(.*\))?$|合計(\(.*\))?$/.test(n)) return "total";
  // `PJ1 計`: 計 standing apart at the end (not 会計, 設計, 統計).
  if (/[\s\u3000]計$/.test(name.trim())) return "total";
  if (/^\(?その他/.test(n)) return "other";
  return "detail";
}

const LEADING_MARK = /^[\s●○◆◇■□・◎▼▽►]*[①-⑳]?\s*/;

/** Key for matching a 再掲 row with its original: （再掲）markers, bullets and spacing removed. */
export function nameKey(name: string): string {
  const n = normalizeLabel(name.replace(LEADING_MARK, ""))
    .replace(/\([^()]*再掲[^()]*\)/g, "")
    .replace(/再掲/g, "")
    .replace(/^\((\d+)\)|^\d+\.|^[IVX]+\./, "");
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// Columns

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

// ---------------------------------------------------------------------------------------------------------
// Building

function headerText(table: DetectedTable, col: number | undefined, fallback: string): string {
  const t = col === undefined ? undefined : table.headers.get(col);
  return t ? t.replace(/\s+/g, "") : fallback;
}

function buildRows(table: DetectedTable, amountCols: AmountColumn[]): BreakdownRow[] {
  const catCol = column(table, "category");
  const nameCol = column(table, "name");
  const changeCol = column(table, "change");
  const rateCol = column(table, "changeRate");
  const noteCol = column(table, "note");
  const rows: BreakdownRow[] = [];
  for (const r of table.dataRows) {
    const cells: (Cell | undefined)[] = table.rows[r] ?? [];
    const category = catCol === undefined ? "" : cellText(cells[catCol]).trim();
    let name = nameCol === undefined ? "" : cellText(cells[nameCol]).trim();
    const explicit = explicitRole(category);
    if (!name && !explicit) name = category;
    let role = explicit ?? inferRole(name);
    const amounts = amountCols.map((c) => readAmount(cells[c.col], r, c.col, c.unit));
    if (!explicit && role === "detail" && amounts.some((a) => a.innerOf)) role = "inner";
    // A row with no amount at all is a heading (`Ⅰ．行政政策研究分野`), unless 区分 says it is an item.
    const heading = !explicit && (role === "detail" || role === "other") && amounts.every((a) => a.empty);
    const out: BreakdownRow = {
      row: r,
      role,
      explicit: explicit !== undefined,
      name,
      nameCell: a1(r, nameCol ?? catCol ?? 0),
      amounts,
      heading,
    };
    if (changeCol !== undefined) out.change = computedColumnCell(cells[changeCol], r, changeCol);
    if (rateCol !== undefined) out.changeRate = computedColumnCell(cells[rateCol], r, rateCol);
    if (noteCol !== undefined) {
      const text = cellText(cells[noteCol]).trim();
      if (text) out.note = { cell: a1(r, noteCol), text };
    }
    rows.push(out);
  }
  return rows;
}

function computedColumnCell(cell: Cell | undefined, row: number, col: number): ComputedColumnCell {
  return { cell: a1(row, col), col, parsed: parseCell(cell), text: cellText(cell).trim() };
}

function isItem(row: BreakdownRow): boolean {
  return (row.role === "detail" || row.role === "other") && !row.heading;
}

/** Groups (see the file comment). Linear in rows. */
function buildGroups(rows: BreakdownRow[]): BreakdownGroup[] {
  const n = rows.length;
  // itemsBelow[i]: an item follows row i before the next 小計 / 合計; contentBelow[i]: an item or 小計 before the next 合計.
  const itemsBelow = new Uint8Array(n);
  const contentBelow = new Uint8Array(n);
  let seenItem = 0;
  let seenContent = 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = rows[i];
    if (row.role === "subtotal" || row.role === "total") {
      itemsBelow[i] = seenItem;
      contentBelow[i] = seenContent;
      seenItem = 0;
      if (row.role === "total") seenContent = 0;
      else seenContent = 1;
    } else if (isItem(row)) {
      seenItem = 1;
      seenContent = 1;
    }
  }

  const groups: BreakdownGroup[] = [];
  let mode: "below" | "above" | undefined;
  let open: BreakdownRow[] = [];
  let unclaimed: BreakdownRow[] = [];
  let topSub: BreakdownGroup | undefined;
  let topTotal: BreakdownGroup | undefined;
  let prevTotals: BreakdownRow[] = [];
  const byRow = (a: BreakdownRow, b: BreakdownRow) => a.row - b.row;

  const closeScope = (group: BreakdownGroup) => {
    group.parts = [...unclaimed, ...open].sort(byRow);
    unclaimed = [];
    open = [];
  };

  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (isItem(row)) {
      if (topSub) topSub.parts.push(row);
      else open.push(row);
      continue;
    }
    if (row.role === "subtotal") {
      topSub = undefined;
      if (mode === undefined) mode = open.length === 0 && itemsBelow[i] ? "above" : "below";
      let group: BreakdownGroup;
      if (open.length) {
        group = { row, kind: "subtotal", style: "below", parts: open };
        open = [];
      } else if (mode === "above" && itemsBelow[i]) {
        group = { row, kind: "subtotal", style: "above", parts: [] };
        topSub = group;
      } else if (unclaimed.length) {
        group = { row, kind: "subtotal", style: "nested", parts: unclaimed };
        unclaimed = [];
      } else {
        group = { row, kind: "subtotal", style: "empty", parts: [] };
      }
      groups.push(group);
      unclaimed.push(row);
      continue;
    }
    if (row.role === "total") {
      topSub = undefined;
      if (topTotal) {
        closeScope(topTotal);
        prevTotals.push(topTotal.row);
        topTotal = undefined;
      }
      let group: BreakdownGroup;
      if (unclaimed.length || open.length) {
        group = { row, kind: "total", style: "below", parts: [] };
        closeScope(group);
        prevTotals.push(row);
      } else if (contentBelow[i]) {
        group = { row, kind: "total", style: "above", parts: [] };
        topTotal = group;
      } else if (prevTotals.length >= 2) {
        group = { row, kind: "total", style: "grand", parts: prevTotals };
        prevTotals = [];
      } else {
        group = { row, kind: "total", style: "empty", parts: [] };
      }
      groups.push(group);
    }
  }
  if (topTotal) closeScope(topTotal);
  return groups;
}

/** うち rows and the nearest row above each run of them that is not うち. */
function buildOfWhich(rows: BreakdownRow[]): OfWhichSet[] {
  const sets: OfWhichSet[] = [];
  let current: OfWhichSet | undefined;
  let lastWhole: BreakdownRow | undefined;
  for (const row of rows) {
    if (row.role === "of-which") {
      if (!lastWhole) continue;
      if (!current || current.whole !== lastWhole) {
        current = { whole: lastWhole, parts: [] };
        sets.push(current);
      }
      current.parts.push(row);
    } else {
      lastWhole = row;
      current = undefined;
    }
  }
  return sets;
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

export function buildBreakdown(table: DetectedTable): BreakdownTable {
  const metaUnit = amountUnitIn(table.metadata["単位"]);
  const amountCols: AmountColumn[] = (table.columns.amount ?? []).map((col) => {
    const label = headerText(table, col, columnLetters(col));
    return {
      col,
      label,
      key: normalizeLabel(label),
      unit: amountUnitIn(headerPathText(table, col)) ?? metaUnit ?? cellUnit(table, col) ?? "億円",
    };
  });
  const rows = buildRows(table, amountCols);
  const groups = buildGroups(rows);
  const groupOf = new Map<BreakdownRow, BreakdownGroup>();
  for (const g of groups) groupOf.set(g.row, g);
  const { prev, cur } = choosePrevCur(amountCols);
  const blocking = blockingPrefix(
    table.rows.length,
    rows.filter((r) => !r.heading).map((r) => r.row),
  );

  const placeholderAllowed = (row: BreakdownRow, ci: number): boolean =>
    row.role === "of-which" ||
    row.role === "inner" ||
    row.role === "relisted" ||
    (amountCols.length >= 2 && ci !== (cur ?? amountCols.length - 1));

  // Effective figures, computed lazily per (row, column); groups never contain themselves.
  const memo = new Map<number, Figure | null>();
  const effective = (row: BreakdownRow, ci: number): Figure | undefined => {
    const a = row.amounts[ci];
    if (a.figure) return a.figure;
    const group = groupOf.get(row);
    if (!a.empty || !group || group.parts.length === 0) return undefined;
    const k = row.row * 1024 + ci;
    if (memo.has(k)) return memo.get(k) ?? undefined;
    memo.set(k, null);
    const { figure } = computeSum(partsOf(group, ci), amountCols[ci].unit);
    memo.set(k, figure);
    return figure ?? undefined;
  };
  const partsOf = (group: BreakdownGroup, ci: number): SumPart[] =>
    group.parts.map((p) => {
      const amount = p.amounts[ci];
      const part: SumPart = { row: p.row, name: p.name, amount };
      const f = effective(p, ci);
      if (f) part.figure = f;
      if (amount.empty && groupOf.has(p)) part.computed = true;
      if (placeholderAllowed(p, ci)) part.placeholderIsZero = true;
      return part;
    });

  return {
    table,
    sheet: table.sheet.name,
    unit: amountCols[cur ?? 0]?.unit ?? "億円",
    amountCols,
    ...(prev !== undefined && cur !== undefined ? { prev, cur } : {}),
    labels: {
      name: headerText(table, column(table, "name"), "名称"),
      change: headerText(table, column(table, "change"), "増減額"),
      changeRate: headerText(table, column(table, "changeRate"), "増減率"),
    },
    rows,
    groups,
    groupOf,
    ofWhich: buildOfWhich(rows),
    blocking,
    effective,
    partsOf,
    placeholderAllowed,
  };
}

const BREAKDOWN_BY_SHEET = memoKey<Map<string, BreakdownTable>>("breakdown tables by sheet");

/** The typed table, read once per check run. */
export function readBreakdown(table: DetectedTable, ctx: CheckContext): BreakdownTable {
  return memoPerSheet(ctx, BREAKDOWN_BY_SHEET, table, () => buildBreakdown(table));
}

const ALL_BREAKDOWNS = memoKey<BreakdownTable[]>("breakdown tables");

/** Every 予算内訳 table of the workbook, read. */
export function readAllBreakdowns(ctx: CheckContext): BreakdownTable[] {
  return ctx.memo(ALL_BREAKDOWNS, () => ctx.tablesOf("budget-breakdown").map((t) => readBreakdown(t, ctx)));
}

const ORIGINALS = memoKey<Map<string, { table: BreakdownTable; row: BreakdownRow }[]>>("breakdown originals by name");

/** Rows that a 再掲 row may re-list, by nameKey, across every 予算内訳 sheet (first occurrence first). */
export function originalsByName(ctx: CheckContext): Map<string, { table: BreakdownTable; row: BreakdownRow }[]> {
  return ctx.memo(ORIGINALS, () => {
    const index = new Map<string, { table: BreakdownTable; row: BreakdownRow }[]>();
    for (const table of readAllBreakdowns(ctx)) {
      for (const row of table.rows) {
        if (row.role === "relisted" || row.heading) continue;
        const key = rowKey(row);
        if (!key) continue;
        const list = index.get(key);
        if (list) list.push({ table, row });
        else index.set(key, [{ table, row }]);
      }
    }
    return index;
  });
}

const KEYS = new WeakMap<BreakdownRow, string>();

/** 名称 normalised for matching a 再掲 row with its original (computed when first asked for). */
export function rowKey(row: BreakdownRow): string {
  let k = KEYS.get(row);
  if (k === undefined) {
    k = nameKey(row.name);
    KEYS.set(row, k);
  }
  return k;
}

/** "小計（Ⅰ＋Ⅱ＋Ⅲ）", or the role word when the row has no name. */
export function rowLabel(row: BreakdownRow): string {
  return row.name || ROLE_LABELS[row.role] || `${row.row + 1}行目`;
}
