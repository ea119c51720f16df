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
import type { Cell } from "../../model/workbook";
import { memoKey, memoPerSheet, type CheckContext } from "../context";
import type { Figure } from "../../values/types";
import { cellText } from "../detect";
import { column, type DetectedTable } from "../table";
import { blockingPrefix, computeSum, type SumPart } from "../inhouse/sums";
import { amountColumns, choosePrevCur, columnLabels, type AmountColumn } from "./columns";
import { buildGroups, buildOfWhich } from "./groups";
import { explicitRole, inferRole, nameKey, type BreakdownRole } from "./roles";
import {
  BreakdownAmount,
  BreakdownRow,
  ChangeCell,
  NoteCell,
  placeholderAllowed,
  type BreakdownSheetInfo,
} from "./row";
import type { BreakdownGroup, BreakdownTable } from "./types";

// For importers outside this folder (the analyzer, the rules).
export type * from "./types";
export { rowLabel } from "./row";

function buildRows(
  table: DetectedTable,
  amountCols: AmountColumn[],
  info: BreakdownSheetInfo,
  labels: BreakdownTable["labels"],
): BreakdownRow[] {
  const catCol = column(table, "category");
  const nameCol = column(table, "name");
  const changeCol = column(table, "change");
  const rateCol = column(table, "changeRate");
  const noteCol = column(table, "note");
  const change = changeCol === undefined ? undefined : { col: changeCol, label: labels.change };
  const rate = rateCol === undefined ? undefined : { col: rateCol, label: labels.changeRate };
  // 区分 repeats (明細, 小計…): its role is read once per text.
  const roles = new Map<string, BreakdownRole | undefined>();
  const rows: BreakdownRow[] = [];
  for (const r of table.dataRows) {
    const cells: readonly (Cell | undefined)[] = table.rows[r] ?? [];
    const category = catCol === undefined ? "" : cellText(cells[catCol]).trim();
    let name = nameCol === undefined ? "" : cellText(cells[nameCol]).trim();
    let explicit = roles.get(category);
    if (explicit === undefined && !roles.has(category)) roles.set(category, (explicit = explicitRole(category)));
    if (!name && !explicit) name = category;
    const out = new BreakdownRow(r, explicit ?? inferRole(name), explicit !== undefined, name, info);
    const amounts = new Array<BreakdownAmount>(amountCols.length);
    let innerOf = false;
    let allEmpty = true;
    for (let ci = 0; ci < amountCols.length; ci++) {
      const a = (amounts[ci] = new BreakdownAmount(out, ci, cells[amountCols[ci].col]));
      if (a.innerOf) innerOf = true;
      if (!a.empty) allEmpty = false;
    }
    out.amounts = amounts;
    if (!explicit && out.role === "detail" && innerOf) out.role = "inner";
    // A row with no amount at all is a heading (`Ⅰ．行政政策研究分野`), unless 区分 says it is an item.
    out.heading = !explicit && (out.role === "detail" || out.role === "other") && allEmpty;
    if (change) out.change = new ChangeCell(out, change, cells[change.col]);
    if (rate) out.changeRate = new ChangeCell(out, rate, cells[rate.col]);
    if (noteCol !== undefined) {
      const text = cellText(cells[noteCol]).trim();
      if (text) out.note = new NoteCell(out, text);
    }
    rows.push(out);
  }
  return rows;
}

export function buildBreakdown(table: DetectedTable): BreakdownTable {
  const amountCols = amountColumns(table);
  const { prev, cur } = choosePrevCur(amountCols);
  const nameCol = column(table, "name") ?? column(table, "category") ?? 0;
  const info: BreakdownSheetInfo = {
    sheet: table.sheet.name,
    amountCols,
    cur,
    nameCol,
    noteCol: column(table, "note") ?? 0,
    rows: table.rows,
  };
  const labels = columnLabels(table);
  const rows = buildRows(table, amountCols, info, labels);
  const groups = buildGroups(rows);
  // Grown by push, a group's parts keep spare capacity for the whole run: kept at their size.
  for (const g of groups) if (g.parts.length) g.parts = g.parts.slice();
  const groupOf = new Map<BreakdownRow, BreakdownGroup>();
  for (const g of groups) groupOf.set(g.row, g);
  const dataRows: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!rows[i].heading) dataRows.push(rows[i].row);
  const blocking = blockingPrefix(table.rows.length, dataRows);

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
    labels,
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
