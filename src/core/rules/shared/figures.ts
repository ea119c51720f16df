/** Helpers for rules that talk about figures in cells. */
import { formatNumber } from "../../values/format";
import type { FigureRef } from "../../sheets/analysis";

/** "16億円" — a figure as the sheet shows it. */
export function show(f: Pick<FigureRef, "value" | "decimals" | "unit">): string {
  return formatNumber(f.value, f.decimals) + (f.unit ?? "");
}

/** A cell reference as seen from `fromSheet`: "C5" on the same sheet, "'PJ3'!G12" elsewhere. */
export function ref(sheet: string, cell: string, fromSheet: string): string {
  return sheet === fromSheet ? cell : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * A name as a message quotes it: 「理化学研究所」. A label the reader already quoted (「理研」の「全体」) is left as it
 * is, so that a message never doubles the brackets.
 */
export function quote(name: string): string {
  return name.startsWith("「") || name.includes("」") ? name : `「${name}」`;
}

/**
 * A label the readers write in Japanese quotation (「理研」の「全体」), as English quotes it: “全体” of “理研”. A plain
 * label is quoted as it is.
 */
export function quoteEn(label: string): string {
  const m = /^「([^」]*)」の「([^」]*)」$/.exec(label);
  if (m) return `“${m[2]}” of “${m[1]}”`;
  const plain = /^「([^」]*)」$/.exec(label);
  if (plain) return `“${plain[1]}”`;
  return label.includes("「") ? label.replace(/「/g, "“").replace(/」/g, "”") : `“${label}”`;
}
