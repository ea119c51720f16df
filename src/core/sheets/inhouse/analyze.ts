/**
 * インハウス予算 (DOMAIN §3.1) → what the shared rules need: money cells (全体 and 健康・医療関係 required,
 * 外部資金 optional with `—` allowed), 機関名 keys, 健康・医療関係 ≤ 全体, 備考 text, and the computed cells:
 * 健康・医療比率 = 健康・医療関係 / 全体, 外部資金比率 = 外部資金 / 健康・医療関係 (ratio/mismatch when typed),
 * and the 小計 / 合計 cells (SUM formulas; a typed total is checked by total/row, not here).
 *
 * 外部資金 is a different fiscal year (R6) from the other columns (R7), so it is never compared with them.
 */
import type { CheckContext } from "../../rules/context";
import type { Figure } from "../../values/types";
import { emptyAnalysis, type ComputedCell, type SheetAnalysis } from "../analysis";
import type { DetectedTable } from "../table";
import { a1, computeSum, figureRef, sumFormula, typedOf } from "./amounts";
import { INHOUSE_AMOUNT_KEYS, inhouseParts, inhouseRowLabel, readInhouse, type InhouseAmountKey, type InhouseRow } from "./read";

interface Effective {
  figure?: Figure;
  /** The cell can be referenced by an Excel formula (a number, a formula, or an empty total Kensa fills). */
  live: boolean;
}

const RATIOS = [
  { key: "healthRatio", num: "health", den: "total" },
  { key: "externalRatio", num: "external", den: "health" },
] as const;

export function analyzeInhouse(table: DetectedTable, ctx: CheckContext): SheetAnalysis {
  const t = readInhouse(table, ctx);
  const out = emptyAnalysis();
  const sheet = t.sheet;
  const rowsOfSheet = table.sheet.rows;
  // Figures of empty 小計 / 合計 cells, as Kensa computes them (other cells stand for themselves).
  const sums = new Map<InhouseRow, Partial<Record<InhouseAmountKey, Effective>>>();
  const figureOf = (row: InhouseRow, key: InhouseAmountKey): Figure | undefined => {
    const a = row.amounts[key];
    if (!a) return undefined;
    return a.figure ?? (row.role === "item" ? undefined : sums.get(row)?.[key]?.figure);
  };
  const liveOf = (row: InhouseRow, key: InhouseAmountKey): boolean => {
    const a = row.amounts[key];
    if (!a) return false;
    return a.live || (row.role !== "item" && a.empty && sums.get(row)?.[key]?.live === true);
  };

  // Money cells, keys, parts of the whole, text.
  for (const row of t.rows) {
    const rowLabel = inhouseRowLabel(row);
    for (const key of INHOUSE_AMOUNT_KEYS) {
      const a = row.amounts[key];
      if (!a) continue;
      out.numericCells.push({
        sheet,
        cell: a.cell,
        column: t.labels[key],
        rowLabel,
        parsed: a.parsed,
        required: row.role === "item" && key !== "external",
        placeholderAllowed: key === "external",
      });
    }
    for (const { key } of RATIOS) {
      const col = t.cols[key];
      if (col === undefined) continue;
      const parsed = row.ratios[key]!.parsed;
      // A ratio cell only needs checking as a value when it holds something that claims to be one.
      if (parsed.kind === "number" || parsed.kind === "error" || parsed.kind === "not-a-number") {
        out.numericCells.push({ sheet, cell: row.ratios[key]!.cell, column: t.labels[key], rowLabel, parsed, required: false, placeholderAllowed: true });
      }
    }
    if (row.role === "item" && row.name) out.rowKeys.push({ sheet, cell: row.nameCell, key: row.name, label: t.labels.name });
    const health = row.amounts.health && figureRef(sheet, row.amounts.health, `${rowLabel} の ${t.labels.health}`);
    const whole = row.amounts.total && figureRef(sheet, row.amounts.total, `${t.labels.total}`);
    if (health && whole) out.partsOfWhole.push({ part: health, whole });
    if (row.note) out.textCells.push({ sheet, cell: row.note.cell, text: row.note.text });
  }

  // 小計 / 合計 cells: computed sums (the figure other computations use when the cell is empty).
  for (const group of t.groups) {
    const row = group.row;
    if (group.parts.length === 0) continue;
    for (const key of INHOUSE_AMOUNT_KEYS) {
      const a = row.amounts[key];
      const col = t.cols[key];
      if (!a || col === undefined) continue;
      const parts = inhouseParts(group, key);
      const { figure } = computeSum(parts, t.unit);
      const formula = sumFormula(parts, col, t.blocking);
      const c: ComputedCell = {
        sheet,
        cell: a.cell,
        value: figure ? figure.value : null,
        label: `${inhouseRowLabel(row)} の ${t.labels[key]}`,
      };
      if (figure) c.decimals = figure.decimals;
      if (formula) c.formula = formula.formula;
      const typed = typedOf(rowsOfSheet[a.row]?.[a.col], a.parsed);
      if (typed) c.typed = typed;
      out.computed.push(c);
      if (a.empty) {
        let entry = sums.get(row);
        if (!entry) sums.set(row, (entry = {}));
        entry[key] = { figure: figure ?? undefined, live: formula !== undefined };
      }
    }
  }

  // Ratios on every row (institutes, 小計, 合計).
  for (const row of t.rows) {
    for (const r of RATIOS) {
      const col = t.cols[r.key];
      const numCol = t.cols[r.num];
      const denCol = t.cols[r.den];
      if (col === undefined || numCol === undefined || denCol === undefined) continue;
      const num = figureOf(row, r.num);
      const den = figureOf(row, r.den);
      let value: number | null = null;
      if (num && den && den.value !== 0) value = num.value / den.value;
      const c: ComputedCell = {
        sheet,
        cell: row.ratios[r.key]!.cell,
        value,
        decimals: 1,
        numFmt: "0.0%",
        label: `${inhouseRowLabel(row)} の ${t.labels[r.key]}`,
        rule: "ratio/mismatch",
        percent: true,
      };
      if (liveOf(row, r.num) && liveOf(row, r.den)) {
        const n = a1(row.row, numCol);
        const d = a1(row.row, denCol);
        c.formula = `IF(OR(${n}="",${d}=""),"",IFERROR(${n}/${d},""))`;
      }
      const typed = typedOf(rowsOfSheet[row.row]?.[col], row.ratios[r.key]!.parsed);
      if (typed) c.typed = typed;
      out.computed.push(c);
    }
  }
  return out;
}

