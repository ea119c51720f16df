/**
 * The within-sheet relations of a モニタリング sheet (DOMAIN §3.4), computed once per check run for the
 * rules sum/breakdown, sum/exceeds-total, sum/incomplete, sum/groups-differ, order/violated, percent/sum.
 */
import { formatNumber } from "../../values/format";
import { memoKey, type CheckContext, type MemoKey } from "../context";
import { compareSum, interval, sumFigures, type SumComparison } from "../../values/tolerance";
import type { Figure, UnitKind } from "../../values/types";
import { itemFigure, totalFigure } from "./figures";
import { monitoringSheets } from "./read";
import type { MonGroup, MonIndicator, MonItem, MonitoringSheet } from "./types";
import { groupLabel, indicatorLabel, itemLabel, subItemLabel } from "./labels";

export interface Part {
  name: string;
  figure: Figure;
  cell: string;
}

/** A group (or an item's 細目) compared with its total. */
export interface SumCheck {
  sheet: MonitoringSheet;
  indicator: MonIndicator;
  /** What is summed, for messages: "導出形態別", "医療機器の内訳". */
  what: string;
  /** What it is compared with, for messages: "指標値", "医療機器". */
  totalLabel: string;
  total: Figure;
  totalCell: string;
  unitKind: UnitKind;
  parts: Part[];
  comparison: SumComparison;
  relation: "exhaustive" | "partial";
  /** "group" for a group vs 指標値, "sub" for 細目 vs their item. */
  scope: "group" | "sub";
  group?: MonGroup;
  item?: MonItem;
}

/** Σ parts as a figure (decimals of the finest part, unit when they share one). */
export function sumOf(parts: Part[]): Figure {
  return sumFigures(parts.map((p) => p.figure));
}

/** "権利譲渡 0 + 実施許諾 14 + 共同研究開発 19" */
export function partsText(parts: Part[]): string {
  return parts.map((p) => `${p.name} ${formatNumber(p.figure.value, p.figure.decimals)}`).join(" + ");
}

/** The parts of a group, or undefined when any item has no number (the value rules report those cells). */
export function groupParts(g: MonGroup): { parts: Part[]; unitKind: UnitKind } | undefined {
  if (g.items.length === 0) return undefined;
  const parts: Part[] = [];
  let unitKind: UnitKind | undefined;
  for (const it of g.items) {
    const f = itemFigure(it);
    if (!f) return undefined;
    parts.push({ name: itemLabel(it), figure: f.figure, cell: f.cell });
    unitKind ??= f.unitKind;
  }
  return { parts, unitKind: unitKind ?? "none" };
}

function kindOf(total: UnitKind, parts: UnitKind): UnitKind {
  return total !== "none" ? total : parts;
}

/** What `add` finds on each indicator of every monitoring sheet, in reading order, once per check run. */
function perIndicator<T>(
  ctx: CheckContext,
  key: MemoKey<T[]>,
  add: (sheet: MonitoringSheet, ind: MonIndicator, out: T[]) => void,
): T[] {
  return ctx.memo(key, () => {
    const out: T[] = [];
    for (const sheet of monitoringSheets(ctx)) for (const ind of sheet.indicators) add(sheet, ind, out);
    return out;
  });
}

const SUM_CHECKS = memoKey<SumCheck[]>("monitoring sum checks");

/** Every group-vs-total and 細目-vs-item comparison on every monitoring sheet. */
export function sumChecks(ctx: CheckContext): SumCheck[] {
  return perIndicator(ctx, SUM_CHECKS, (sheet, ind, out) => {
    const total = totalFigure(ind);
    for (const g of ind.groups) {
      const rel = g.catalogueGroup?.relation;
      if (total && (rel === "exhaustive" || rel === "partial")) {
        const gp = groupParts(g);
        if (gp) {
          const unitKind = kindOf(total.unitKind, gp.unitKind);
          out.push({
            sheet,
            indicator: ind,
            what: groupLabel(g),
            totalLabel: "指標値",
            total: total.figure,
            totalCell: ind.totalCell,
            unitKind,
            parts: gp.parts,
            comparison: compareSum(
              total.figure,
              gp.parts.map((p) => p.figure),
              unitKind,
            ),
            relation: rel,
            scope: "group",
            group: g,
          });
        }
      }
      for (const it of g.items) {
        // 細目 and composite parts sum to their item (a one-part composite only when it names a 細目).
        if (!it.hasValueRow || it.subItems.length === 0 || it.value.kind !== "number") continue;
        if (it.subItems.some((s) => !s.figure)) continue;
        const parts = it.subItems.map((s) => ({ name: subItemLabel(s), figure: s.figure!, cell: s.cell }));
        const unitKind = kindOf(it.value.unitKind, it.subItems[0].unitKind);
        const f: Figure = { value: it.value.value, decimals: it.value.decimals };
        if (it.value.unit !== undefined) f.unit = it.value.unit;
        out.push({
          sheet,
          indicator: ind,
          what: `${itemLabel(it)}の内訳`,
          totalLabel: itemLabel(it),
          total: f,
          totalCell: it.valueCell,
          unitKind,
          parts,
          comparison: compareSum(
            f,
            parts.map((p) => p.figure),
            unitKind,
          ),
          relation: "exhaustive",
          scope: "sub",
          group: g,
          item: it,
        });
      }
    }
  });
}

/** Exhaustive groups of an indicator with no 指標値, whose sums must agree (indicator 4). */
export interface GroupsDiffer {
  sheet: MonitoringSheet;
  indicator: MonIndicator;
  first: { group: MonGroup; parts: Part[] };
  other: { group: MonGroup; parts: Part[] };
  unitKind: UnitKind;
  comparison: SumComparison;
}

const GROUPS_DIFFER = memoKey<GroupsDiffer[]>("monitoring groups that differ");

export function groupsDiffer(ctx: CheckContext): GroupsDiffer[] {
  return perIndicator(ctx, GROUPS_DIFFER, (sheet, ind, out) => {
    if (totalFigure(ind)) return; // with a stated total, each group is checked against it instead
    const groups = ind.groups
      .filter((g) => g.catalogueGroup?.relation === "exhaustive")
      .map((g) => ({ group: g, gp: groupParts(g) }))
      .filter((x): x is { group: MonGroup; gp: { parts: Part[]; unitKind: UnitKind } } => x.gp !== undefined);
    if (groups.length < 2) return;
    const [first, ...rest] = groups;
    for (const o of rest) {
      const unitKind = kindOf(first.gp.unitKind, o.gp.unitKind);
      out.push({
        sheet,
        indicator: ind,
        first: { group: first.group, parts: first.gp.parts },
        other: { group: o.group, parts: o.gp.parts },
        unitKind,
        comparison: compareSums(
          first.gp.parts.map((p) => p.figure),
          o.gp.parts.map((p) => p.figure),
          unitKind,
        ),
      });
    }
  });
}

/** Two sums of rounded figures: inconsistent only when their summed intervals do not meet. */
export function compareSums(a: Figure[], b: Figure[], unitKind: UnitKind): SumComparison {
  const sa = sumFigures(a);
  const cb = compareSum(sa, b, unitKind);
  if (cb.status !== "mismatch" || unitKind === "count" || unitKind === "none") return cb;
  let low = 0;
  let high = 0;
  for (const f of a) {
    const [l, h] = interval(f);
    low += l;
    high += h;
  }
  const eps = 1e-9 * Math.max(1, Math.abs(high), Math.abs(cb.high));
  return low <= cb.high + eps && cb.low <= high + eps ? { ...cb, status: "rounding" } : cb;
}

export { indicatorLabel };
