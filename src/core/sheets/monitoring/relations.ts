/**
 * The within-sheet relations of a モニタリング sheet (DOMAIN §3.4), computed once per check run for the
 * rules sum/breakdown, sum/exceeds-total, sum/incomplete, sum/groups-differ, order/violated, percent/sum.
 */
import { formatNumber } from "../../values/format";
import { memoKey, type CheckContext, type MemoKey } from "../context";
import { compareSum, interval, sumFigures, type SumComparison } from "../../values/tolerance";
import type { Figure, UnitKind } from "../../values/types";
import { itemFigure, itemUnitKind, itemValueFigure, totalFigure } from "./figures";
import { monitoringSheets } from "./read";
import type { MonGroup, MonIndicator, MonItem, MonitoringSheet } from "./types";
import { groupLabel, indicatorLabel, itemLabel, subItemLabel } from "./labels";

export interface Part {
  name: string;
  figure: Figure;
  cell: string;
}

/**
 * A group (or an item's 細目) compared with its total. Made for every group of every sheet (18,250 on a report of
 * 2,250 sheets) and almost all of them equal: the comparison is made at once, from the figures alone; the
 * labels, cells and named parts a finding shows are built when a rule asks for them, and not kept.
 */
export class SumCheck {
  constructor(
    readonly sheet: MonitoringSheet,
    readonly indicator: MonIndicator,
    readonly group: MonGroup,
    /** The item whose 細目 are summed; undefined for a group vs 指標値. */
    readonly item: MonItem | undefined,
    readonly total: Figure,
    readonly unitKind: UnitKind,
    readonly comparison: SumComparison,
    readonly relation: "exhaustive" | "partial",
  ) {}

  /** "group" for a group vs 指標値, "sub" for 細目 vs their item. */
  get scope(): "group" | "sub" {
    return this.item ? "sub" : "group";
  }

  /** What is summed, for messages: "導出形態別", "医療機器の内訳". */
  get what(): string {
    return this.item ? `${itemLabel(this.item)}の内訳` : groupLabel(this.group);
  }

  /** What it is compared with, for messages: "指標値", "医療機器". */
  get totalLabel(): string {
    return this.item ? itemLabel(this.item) : "指標値";
  }

  get totalCell(): string {
    return this.item ? this.item.valueCell : this.indicator.totalCell;
  }

  /** Built on each ask and kept nowhere: a rule reporting the check asks once. */
  get parts(): Part[] {
    return this.item
      ? this.item.subItems.map((s) => ({ name: subItemLabel(s), figure: s.figure!, cell: s.cell }))
      : groupParts(this.group)!.parts;
  }
}

/**
 * What `read` gives for each item of a group, with the first item's unit kind; undefined for a group with no item or
 * an item without a number (the value rules report those cells).
 */
function eachItem<T>(g: MonGroup, read: (it: MonItem) => T | undefined): { of: T[]; unitKind: UnitKind } | undefined {
  if (g.items.length === 0) return undefined;
  const of: T[] = [];
  for (const it of g.items) {
    const x = read(it);
    if (x === undefined) return undefined;
    of.push(x);
  }
  return { of, unitKind: itemUnitKind(g.items[0]) };
}

/** The figures of a group's items, for a comparison: groupParts without names or cells. */
function groupFigures(g: MonGroup): { figures: Figure[]; unitKind: UnitKind } | undefined {
  const read = eachItem(g, itemValueFigure);
  return read && { figures: read.of, unitKind: read.unitKind };
}

/** Σ parts as a figure (decimals of the finest part, unit when they share one). */
export function sumOf(parts: Part[]): Figure {
  return sumFigures(parts.map((p) => p.figure));
}

/** "権利譲渡 0 + 実施許諾 14 + 共同研究開発 19" */
export function partsText(parts: readonly Part[]): string {
  return parts.map((p) => `${p.name} ${formatNumber(p.figure.value, p.figure.decimals)}`).join(" + ");
}

/** The parts of a group, or undefined when any item has no number (the value rules report those cells). */
export function groupParts(g: MonGroup): { parts: Part[]; unitKind: UnitKind } | undefined {
  const read = eachItem(g, (it): Part | undefined => {
    const f = itemFigure(it);
    return f && { name: itemLabel(it), figure: f.figure, cell: f.cell };
  });
  return read && { parts: read.of, unitKind: read.unitKind };
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
        const gf = groupFigures(g);
        if (gf) {
          const unitKind = kindOf(total.unitKind, gf.unitKind);
          const comparison = compareSum(total.figure, gf.figures, unitKind);
          out.push(new SumCheck(sheet, ind, g, undefined, total.figure, unitKind, comparison, rel));
        }
      }
      for (const it of g.items) {
        // 細目 and composite parts sum to their item (a one-part composite only when it names a 細目).
        if (!it.hasValueRow || it.subItems.length === 0 || it.value.kind !== "number") continue;
        const figures: Figure[] = [];
        for (const s of it.subItems) if (s.figure) figures.push(s.figure);
        if (figures.length < it.subItems.length) continue;
        const unitKind = kindOf(it.value.unitKind, it.subItems[0].unitKind);
        const f: Figure = { value: it.value.value, decimals: it.value.decimals };
        if (it.value.unit !== undefined) f.unit = it.value.unit;
        out.push(new SumCheck(sheet, ind, g, it, f, unitKind, compareSum(f, figures, unitKind), "exhaustive"));
      }
    }
  });
}

/**
 * Two exhaustive groups of an indicator with no 指標値, whose sums must agree (indicator 4). The comparison is
 * made from the figures alone; the named parts are built when a rule reports the pair.
 */
export class GroupsDiffer {
  #first: { group: MonGroup; parts: Part[] } | undefined;
  #other: { group: MonGroup; parts: Part[] } | undefined;

  constructor(
    readonly sheet: MonitoringSheet,
    readonly indicator: MonIndicator,
    private readonly firstGroup: MonGroup,
    private readonly otherGroup: MonGroup,
    readonly unitKind: UnitKind,
    readonly comparison: SumComparison,
  ) {}

  get first(): { group: MonGroup; parts: Part[] } {
    return (this.#first ??= { group: this.firstGroup, parts: groupParts(this.firstGroup)!.parts });
  }

  get other(): { group: MonGroup; parts: Part[] } {
    return (this.#other ??= { group: this.otherGroup, parts: groupParts(this.otherGroup)!.parts });
  }
}

const GROUPS_DIFFER = memoKey<GroupsDiffer[]>("monitoring groups that differ");

export function groupsDiffer(ctx: CheckContext): GroupsDiffer[] {
  return perIndicator(ctx, GROUPS_DIFFER, (sheet, ind, out) => {
    if (totalFigure(ind)) return; // with a stated total, each group is checked against it instead
    let first: { group: MonGroup; figures: Figure[]; unitKind: UnitKind } | undefined;
    for (const group of ind.groups) {
      if (group.catalogueGroup?.relation !== "exhaustive") continue;
      const gf = groupFigures(group);
      if (!gf) continue;
      if (!first) {
        first = { group, ...gf };
        continue;
      }
      const unitKind = kindOf(first.unitKind, gf.unitKind);
      const comparison = compareSums(first.figures, gf.figures, unitKind);
      out.push(new GroupsDiffer(sheet, ind, first.group, group, unitKind, comparison));
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
