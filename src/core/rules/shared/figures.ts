/** Helpers for rules that talk about figures in cells. */
import { formatNumber } from "../../values/format";
import type { FigureRef } from "../../sheets/analysis";

/** "16億円" — a figure as the sheet shows it. */
export function show(f: Pick<FigureRef, "value" | "decimals" | "unit">): string {
  return formatNumber(f.value, f.decimals) + (f.unit ?? "");
}

/** Message data naming a figure: its quoted label under `key`, its value as the sheet shows it under `<key>Value`. */
export function figureData<K extends string>(
  key: K,
  f: Pick<FigureRef, "label" | "value" | "decimals" | "unit">,
): Record<K, { quote: string }> & Record<`${K}Value`, string> {
  return { [key]: { quote: f.label }, [`${key}Value`]: show(f) } as Record<K, { quote: string }> &
    Record<`${K}Value`, string>;
}

/** A cell reference as seen from `fromSheet`: "C5" on the same sheet, "'PJ3'!G12" elsewhere. */
export function ref(sheet: string, cell: string, fromSheet: string): string {
  return sheet === fromSheet ? cell : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
