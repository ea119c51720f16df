/** A monitoring sheet's values as figures, for the rules: an item's value (or the sum of its 細目), a 指標値. */
import type { Figure, NumberValue, UnitKind } from "../../values/types";
import type { MonIndicator, MonItem } from "./types";

/** The figure of a parsed number (value, decimals, unit and label; no parts). */
export function figureOf(p: NumberValue | Figure): Figure {
  // Each shape made whole at once: a field added to a literal costs the object a second block.
  const { value, decimals, unit, label } = p;
  if (unit === undefined) return label === undefined ? { value, decimals } : { value, decimals, label };
  return label === undefined ? { value, decimals, unit } : { value, decimals, unit, label };
}

export interface ItemFigure {
  figure: Figure;
  unitKind: UnitKind;
  /** The cell holding it (the item's 値 cell). */
  cell: string;
  /** True when the item has no value row and the figure is the sum of its 細目. */
  derived: boolean;
  /** Cells of a derived figure's parts. */
  cells: string[];
}

/** The item's value as a figure: its 値, or the sum of its 細目 rows when it has no row of its own. */
export function itemFigure(it: MonItem): ItemFigure | undefined {
  if (it.hasValueRow) {
    if (it.value.kind !== "number") return undefined;
    const cell = it.valueCell; // built on each ask (./item.ts): once here
    return { figure: figureOf(it.value), unitKind: itemUnitKind(it), cell, derived: false, cells: [cell] };
  }
  const figure = subItemsSum(it);
  if (!figure) return undefined;
  return {
    figure,
    unitKind: itemUnitKind(it),
    cell: it.subItems[0].cell,
    derived: true,
    cells: it.subItems.map((s) => s.cell),
  };
}

/** itemFigure's unit kind alone: its 値's, or its first 細目's. */
export function itemUnitKind(it: MonItem): UnitKind {
  return it.hasValueRow && it.value.kind === "number" ? it.value.unitKind : it.subItems[0].unitKind;
}

/** itemFigure's figure alone, for a comparison: the parsed 値 itself (not a copy), or the sum of the 細目. */
export function itemValueFigure(it: MonItem): Figure | undefined {
  if (it.hasValueRow) return it.value.kind === "number" ? it.value : undefined;
  return subItemsSum(it);
}

function subItemsSum(it: MonItem): Figure | undefined {
  if (it.subItems.length === 0 || it.subItems.some((s) => !s.figure)) return undefined;
  let value = 0;
  let decimals = 0;
  for (const s of it.subItems) {
    value += s.figure!.value;
    decimals = Math.max(decimals, s.figure!.decimals);
  }
  const unit = it.subItems[0].figure!.unit;
  const figure: Figure = { value: Number(value.toPrecision(15)), decimals };
  if (unit !== undefined) figure.unit = unit;
  return figure;
}

/** The indicator total (指標値) as a figure, when it is a number. */
export function totalFigure(ind: MonIndicator): { figure: Figure; unitKind: UnitKind } | undefined {
  if (ind.total.kind !== "number") return undefined;
  return { figure: figureOf(ind.total), unitKind: ind.total.unitKind };
}

/** A display label for a catalogue or written label: the catalogue's canonical label when known. */
export function itemName(it: Pick<MonItem, "label" | "canonical">): string {
  return it.canonical ?? it.label;
}
