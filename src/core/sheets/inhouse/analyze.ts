/**
 * インハウス予算 (DOMAIN §3.1) → what the shared rules need: money cells (全体 and 健康・医療関係 required,
 * 外部資金 optional with `—` allowed), 機関名 keys, 健康・医療関係 ≤ 全体, 備考 text, and the computed cells:
 * 健康・医療比率 = 健康・医療関係 / 全体, 外部資金比率 = 外部資金 / 健康・医療関係 (ratio/mismatch when typed),
 * and the 小計 / 合計 cells (SUM formulas; a typed total is checked by total/row, not here).
 *
 * 外部資金 is a different fiscal year (R6) from the other columns (R7), so it is never compared with them.
 */
import { columnLetters, toA1 } from "../../model/address";
import type { CheckContext } from "../context";
import { parseCell } from "../../values/parse";
import type { Figure, Parsed } from "../../values/types";
import {
  emptyAnalysis,
  rowColumnLabel,
  type ComputedCell,
  type NumericCell,
  type PartOfWhole,
  type RowKey,
  type SheetAnalysis,
} from "../analysis";
import { cellText } from "../detect";
import { column, type DetectedTable } from "../table";
import { computeSum, sumFormula, typedOf } from "./amounts";
import {
  INHOUSE_AMOUNT_KEYS,
  inhouseParts,
  inhouseRowLabel,
  readInhouse,
  type InhouseAmountKey,
  type InhouseRow,
} from "./read";

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
  const rowsOfSheet = table.rows;
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

  // The ratio columns present, with what their cells need once per sheet.
  const ratios = RATIOS.filter((r) => t.cols[r.key] !== undefined).map((r) => {
    const numCol = t.cols[r.num];
    const denCol = t.cols[r.den];
    return {
      ...r,
      col: t.cols[r.key]!,
      letters: columnLetters(t.cols[r.key]!),
      column: t.labels[r.key],
      // The formula's column letters, when both columns are present.
      n: numCol === undefined ? undefined : columnLetters(numCol),
      d: denCol === undefined ? undefined : columnLetters(denCol),
    };
  });
  // Per row and ratio column: the cell's parsed value (read once, used twice). Addresses are made only for the
  // cells that need one: most ratio cells are empty.
  const rowCount = t.rows.length;
  const ratioParsed = new Array<Parsed>(rowCount * ratios.length);

  // Money cells, keys, parts of the whole, text. The arrays are made at their largest size and cut to what they
  // hold: grown by push, a sheet of 10⁵ rows would leave each array's earlier copies behind as garbage.
  const numericCells = new Array<NumericCell>(rowCount * (3 + ratios.length));
  const rowKeys = new Array<RowKey>(rowCount);
  const partsOfWhole = new Array<PartOfWhole>(rowCount);
  let numericCount = 0;
  let keyCount = 0;
  let partCount = 0;
  const noteCol = column(table, "note");
  for (let i = 0; i < rowCount; i++) {
    const row = t.rows[i];
    const { total, health, external } = row.amounts;
    // The money cells are their own NumericCells.
    if (total) numericCells[numericCount++] = total;
    if (health) numericCells[numericCount++] = health;
    if (external) numericCells[numericCount++] = external;
    const cells = rowsOfSheet[row.row];
    for (let k = 0; k < ratios.length; k++) {
      const r = ratios[k];
      const parsed = parseCell(cells?.[r.col]);
      ratioParsed[i * ratios.length + k] = parsed;
      // A ratio cell only needs checking as a value when it holds something that claims to be one.
      if (parsed.kind === "number" || parsed.kind === "error" || parsed.kind === "not-a-number") {
        numericCells[numericCount++] = {
          sheet,
          cell: r.letters + String(row.row + 1),
          column: r.column,
          rowLabel: inhouseRowLabel(row),
          parsed,
          required: false,
          placeholderAllowed: true,
        };
      }
    }
    // The row is its own RowKey (機関名) and PartOfWhole; the money cells are their own FigureRefs (labelled
    // "<row> の 健康・医療関係" and "全体").
    if (row.role === "item" && row.name) rowKeys[keyCount++] = row;
    if (health?.figure && total?.figure) partsOfWhole[partCount++] = row;
    if (noteCol !== undefined) {
      const text = cellText(cells?.[noteCol]).trim();
      if (text) out.textCells.push({ sheet, cell: toA1(row.row, noteCol), text });
    }
  }
  numericCells.length = numericCount;
  rowKeys.length = keyCount;
  partsOfWhole.length = partCount;
  out.numericCells = numericCells;
  out.rowKeys = rowKeys;
  out.partsOfWhole = partsOfWhole;

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
        label: rowColumnLabel(inhouseRowLabel(row), t.labels[key]),
      };
      if (figure) c.decimals = figure.decimals;
      if (formula) c.formula = formula.formula;
      const typed = typedOf(rowsOfSheet[a.row]?.[a.col], a.parsed);
      if (typed) c.typed = typed;
      if (typed || !ctx.onlyTypedComputed) out.computed.push(c);
      if (a.empty) {
        let entry = sums.get(row);
        if (!entry) sums.set(row, (entry = {}));
        entry[key] = { figure: figure ?? undefined, live: formula !== undefined };
      }
    }
  }

  // Ratios on every row (institutes, 小計, 合計). The formula's pieces around the row number, per ratio.
  const formulaPieces = ratios.map((r) => [
    "IF(OR(",
    r.n,
    "",
    '="",',
    r.d,
    "",
    '=""),"",IFERROR(',
    r.n,
    "",
    "/",
    r.d,
    "",
    ',""))',
  ]);
  const onlyTyped = ctx.onlyTypedComputed === true;
  for (let i = 0; i < rowCount; i++) {
    const row = t.rows[i];
    const item = row.role === "item";
    let rowLabel: string | undefined;
    let rowNumber: string | undefined;
    for (let k = 0; k < ratios.length; k++) {
      const r = ratios[k];
      if (r.n === undefined || r.d === undefined) continue;
      const parsed = ratioParsed[i * ratios.length + k];
      if (onlyTyped && parsed.kind === "empty") continue; // nothing typed to compare, nothing to write
      const numAmount = row[r.num];
      const denAmount = row[r.den];
      // Institute rows stand for themselves; empty 小計 / 合計 cells take the sums computed above.
      const num = item ? numAmount?.figure : figureOf(row, r.num);
      const den = item ? denAmount?.figure : figureOf(row, r.den);
      let value: number | null = null;
      if (num && den && den.value !== 0) value = num.value / den.value;
      rowLabel ??= inhouseRowLabel(row);
      rowNumber ??= String(row.row + 1);
      const cell = r.letters + rowNumber;
      const label = rowColumnLabel(rowLabel, r.column);
      let c: ComputedCell;
      const live = item
        ? numAmount !== undefined && numAmount.live && denAmount !== undefined && denAmount.live
        : liveOf(row, r.num) && liveOf(row, r.den);
      if (live) {
        // IF(OR(C4="",B4=""),"",IFERROR(C4/B4,"")), joined: one flat string rather than a chain of pieces.
        const pieces = formulaPieces[k];
        pieces[2] = pieces[5] = pieces[8] = pieces[11] = rowNumber;
        const formula = pieces.join("");
        c = { sheet, cell, value, decimals: 1, numFmt: "0.0%", label, computes: "ratio", percent: true, formula };
      } else {
        c = { sheet, cell, value, decimals: 1, numFmt: "0.0%", label, computes: "ratio", percent: true };
      }
      if (parsed.kind !== "empty") {
        const typed = typedOf(rowsOfSheet[row.row]?.[r.col], parsed);
        if (typed) c.typed = typed;
      }
      out.computed.push(c);
    }
  }
  return out;
}
