/**
 * Merged cells in the data are spans, never repeated values. An attribute merged down (目標の種類, 期間,
 * 区分, 所管, 内訳) applies to every row it spans, so readers see it on each; an identity merged down
 * (番号, 指標, 指標値) marks one indicator over those rows and keeps its value in the top row only.
 */
import type { Cell } from "../../model/workbook";
import type { SheetKind } from "../../model/kinds";
import type { Layout } from "./layout";

/** Keys whose merged-down value belongs to every row of the span. */
export const ATTRIBUTE_KEYS: Record<SheetKind, readonly string[]> = {
  "inhouse-budget": ["ministry"],
  "budget-breakdown": ["category"],
  "output-indicators": ["category", "targetKind", "period"],
  monitoring: ["group"],
};

/** The grid readers read: the sheet's rows, with attribute spans given to each row below their top. */
export function spreadAttributes(
  layout: Layout,
  kind: SheetKind,
  columns: Record<string, number[]>,
  firstDataRow: number,
): (Cell | undefined)[][] {
  const source = layout.sheet.rows;
  const attributeCols = new Set(ATTRIBUTE_KEYS[kind].flatMap((k) => columns[k] ?? []));
  if (attributeCols.size === 0 || layout.merges.length === 0) return source;
  let rows: (Cell | undefined)[][] | undefined;
  const copied = new Set<number>();
  for (const m of layout.merges) {
    if (m.bottom === m.top || m.top < firstDataRow) continue;
    const value = source[m.top]?.[m.left];
    if (!value) continue;
    for (let c = m.left; c <= m.right; c++) {
      if (!attributeCols.has(c)) continue;
      rows ??= source.slice();
      const last = Math.min(m.bottom, source.length - 1);
      for (let r = m.top + 1; r <= last; r++) {
        if (!copied.has(r)) {
          rows[r] = (source[r] ?? []).slice();
          copied.add(r);
        }
        rows[r][c] = value;
      }
    }
  }
  return rows ?? source;
}
