/**
 * 予算内訳 (DOMAIN §3.2) → what the shared rules need:
 * - money cells: amounts required on 明細 / その他 rows (headings excepted); `—` accepted in previous-year
 *   columns (a new programme has no previous amount) and on うち / 内数 / 再掲 rows, an error elsewhere;
 *   negatives only in 増減額 / 増減率;
 * - うち ≤ the row above it, and the sum of several うち ≤ it (part/exceeds-whole);
 * - a 再掲 row equals the row of the same 名称 elsewhere in the workbook, on any 予算内訳 sheet (xref/mismatch);
 * - computed cells: empty 小計 / 合計 cells (SUM formulas; typed ones are checked by sum/subtotal),
 *   増減額 = 当年度 − 前年度 (change/amount) and 増減率 = 増減額 / 前年度 (change/rate), with two or more amount columns;
 * - 備考 text.
 */
import { cleanFloat } from "../../values/float";
import type { CheckContext } from "../context";
import { sumFigures } from "../../values/tolerance";
import type { Figure } from "../../values/types";
import {
  emptyAnalysis,
  figureRef,
  rowColumnLabel,
  type ComputedCell,
  type FigureRef,
  type SheetAnalysis,
} from "../analysis";
import type { DetectedTable } from "../table";
import { computeSum, convertFigure, sumFormula, typedOf } from "../inhouse/amounts";
import {
  originalsByName,
  readBreakdown,
  rowKey,
  rowLabel,
  type BreakdownRow,
  type BreakdownTable,
  type ComputedColumnCell,
} from "./read";

/** Words written in a change column instead of a number (new or ended programmes). */
const CHANGE_WORDS = /^(皆増|皆減|新規|純増|純減|増|減|-|―|—|－)$/;

/** An amount figure (a budget's money column) as the shared rules see it. */
function amountRef(sheet: string, cell: string, f: Figure, label: string): FigureRef {
  return figureRef(sheet, cell, f, "amount", label);
}

/** The column of `to` that matches amount column `ci` of `from`: same header, else same position. */
function matchColumn(from: BreakdownTable, ci: number, to: BreakdownTable): number | undefined {
  if (from === to) return ci;
  const key = from.amountCols[ci].key;
  const same = to.amountCols.findIndex((c) => c.key === key);
  if (same >= 0) return same;
  if (from.amountCols.length === to.amountCols.length) return ci;
  return undefined;
}

export function analyzeBreakdown(table: DetectedTable, ctx: CheckContext): SheetAnalysis {
  const t = readBreakdown(table, ctx);
  const out = emptyAnalysis();
  const sheet = t.sheet;
  const cols = t.amountCols;
  const grid = table.rows;

  // Money cells and text: the reading's cells are their own NumericCells and TextCells.
  for (const row of t.rows) {
    if (row.note) out.textCells.push(row.note);
    if (row.heading) continue;
    for (let ci = 0; ci < cols.length; ci++) out.numericCells.push(row.amounts[ci]);
    if (row.change && needsValueCheck(row.change)) out.numericCells.push(row.change);
    if (row.changeRate && needsValueCheck(row.changeRate)) out.numericCells.push(row.changeRate);
  }
  // Kept until the run ends: without the spare capacity that growing by push leaves.
  out.numericCells = out.numericCells.slice();
  out.textCells = out.textCells.slice();

  // 小計 / 合計 cells.
  for (const group of t.groups) {
    if (group.parts.length === 0) continue;
    const label = rowLabel(group.row);
    for (let ci = 0; ci < cols.length; ci++) {
      const a = group.row.amounts[ci];
      if (ctx.onlyTypedComputed && a.parsed.kind === "empty") continue; // nothing typed to compare, nothing to write
      const parts = t.partsOf(group, ci);
      const { figure } = computeSum(parts, cols[ci].unit);
      const formula = sumFormula(parts, cols[ci].col, t.blocking);
      const c: ComputedCell = {
        sheet,
        cell: a.cell,
        value: figure ? figure.value : null,
        label: rowColumnLabel(label, cols[ci].label),
      };
      if (figure) c.decimals = figure.decimals;
      if (formula) c.formula = formula.formula;
      const typed = typedOf(grid[a.row]?.[a.col], a.parsed);
      if (typed) c.typed = typed;
      out.computed.push(c);
    }
  }

  // うち: each, and the sum of several, within the row above.
  for (const set of t.ofWhich) {
    for (let ci = 0; ci < cols.length; ci++) {
      const wholeFig = t.effective(set.whole, ci);
      if (!wholeFig) continue;
      const whole = amountRef(
        sheet,
        set.whole.amounts[ci].cell,
        wholeFig,
        rowColumnLabel(rowLabel(set.whole), cols[ci].label),
      );
      const known = set.parts.filter((p) => p.amounts[ci].figure);
      for (const p of known)
        out.partsOfWhole.push({
          part: amountRef(sheet, p.amounts[ci].cell, p.amounts[ci].figure!, rowLabel(p)),
          whole,
        });
      if (known.length >= 2) {
        const sum = sumFigures(known.map((p) => p.amounts[ci].figure!));
        sum.unit = cols[ci].unit;
        out.partsOfWhole.push({
          part: amountRef(
            sheet,
            known[0].amounts[ci].cell,
            sum,
            `${known.map((p) => `「${rowLabel(p)}」`).join("と")}の合計`,
          ),
          whole,
        });
      }
    }
  }

  // 再掲: equal to the row of the same name elsewhere in the workbook.
  const relisted = t.rows.filter((r) => r.role === "relisted" && rowKey(r));
  if (relisted.length) {
    const index = originalsByName(ctx);
    for (const row of relisted) {
      const candidates = index.get(rowKey(row));
      if (!candidates?.length) continue;
      const orig = candidates.find((c) => c.table === t) ?? candidates[0];
      for (let ci = 0; ci < cols.length; ci++) {
        const mine = row.amounts[ci].figure;
        const oci = matchColumn(t, ci, orig.table);
        if (!mine || oci === undefined) continue;
        const theirs = orig.table.effective(orig.row, oci);
        if (!theirs) continue;
        out.equalities.push({
          a: amountRef(sheet, row.amounts[ci].cell, mine, rowColumnLabel(rowLabel(row), cols[ci].label)),
          b: amountRef(
            orig.table.sheet,
            orig.row.amounts[oci].cell,
            convertFigure(theirs, cols[ci].unit),
            rowLabel(orig.row),
          ),
          reason: "再掲行は元の行と同額",
        });
      }
    }
  }

  // 増減額 / 増減率.
  if (t.prev !== undefined && t.cur !== undefined) {
    for (const row of t.rows) {
      if (row.heading) continue;
      pushChanges(t, row, out.computed, ctx.onlyTypedComputed === true);
    }
  }
  return out;
}

/** A change cell needs the value rules only when it claims to hold a number (皆増, — are fine). */
function needsValueCheck(c: ComputedColumnCell): boolean {
  const p = c.parsed;
  if (p.kind === "number" || p.kind === "error") return true;
  if (p.kind !== "not-a-number") return false;
  return !CHANGE_WORDS.test(c.text.normalize("NFKC").replace(/\s+/g, ""));
}

function pushChanges(t: BreakdownTable, row: BreakdownRow, computed: ComputedCell[], onlyTyped: boolean): void {
  const wanted = (c: ComputedColumnCell | undefined) =>
    c && !(onlyTyped && c.parsed.kind === "empty") ? c : undefined;
  const change = wanted(row.change);
  const changeRate = wanted(row.changeRate);
  if (!change && !changeRate) return;
  const pi = t.prev!;
  const ci = t.cur!;
  const pa = row.amounts[pi];
  const ca = row.amounts[ci];
  const zero = (a: typeof pa, i: number) =>
    a.placeholder && t.placeholderAllowed(row, i) ? { value: 0, decimals: 0, unit: t.amountCols[i].unit } : undefined;
  const pf = t.effective(row, pi);
  const cf = t.effective(row, ci);
  const p = pf ?? zero(pa, pi);
  const c = cf ? convertFigure(cf, t.amountCols[pi].unit) : zero(ca, ci);
  const grid = t.table.rows;
  const live = (a: typeof pa) => a.live || (a.empty && t.groupOf.has(row));
  const P = pa.cell;
  const C = ca.cell;
  const label = rowLabel(row);
  const decimals = Math.max(pf?.decimals ?? 0, cf?.decimals ?? 0);
  if (change) {
    const value = p && c ? cleanFloat(c.value - p.value) : null;
    if (value !== null || change.parsed.kind !== "empty") {
      const cell: ComputedCell = {
        sheet: t.sheet,
        cell: change.cell,
        value,
        decimals,
        label: rowColumnLabel(label, t.labels.change),
        computes: "change-amount",
        numFmt: decimals > 0 ? `#,##0.${"0".repeat(decimals)};"▲"#,##0.${"0".repeat(decimals)}` : `#,##0;"▲"#,##0`,
      };
      if (live(pa) && live(ca)) cell.formula = `IF(OR(${P}="",${C}=""),"",${C}-${P})`;
      const typed = typedOf(grid[row.row]?.[change.col], change.parsed);
      if (typed) cell.typed = typed;
      computed.push(cell);
    }
  }
  if (changeRate) {
    const value = pf && c && pf.value !== 0 ? (c.value - pf.value) / pf.value : null;
    if (value !== null || changeRate.parsed.kind !== "empty") {
      const cell: ComputedCell = {
        sheet: t.sheet,
        cell: changeRate.cell,
        value,
        decimals: 1,
        numFmt: "0.0%",
        label: rowColumnLabel(label, t.labels.changeRate),
        computes: "change-rate",
        percent: true,
      };
      if (live(pa) && live(ca)) cell.formula = `IF(OR(${P}="",${C}=""),"",IFERROR((${C}-${P})/${P},""))`;
      const typed = typedOf(grid[row.row]?.[changeRate.col], changeRate.parsed);
      if (typed) cell.typed = typed;
      computed.push(cell);
    }
  }
}
