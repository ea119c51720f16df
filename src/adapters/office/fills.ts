/**
 * Fills as Office.js reads and writes them (ExcelApi 1.9 RangeFill), and formatting many cells through few
 * RangeAreas. See ./highlight.ts for why the fill is read and written back exactly (office-js#4900, #6218).
 */
import {
  SEVERITY_FILL,
  UNSETTABLE_PATTERNS,
  isBetween,
  mergeIntoRectangles,
  rectToA1,
  sameFill,
  type OfficeFill,
} from "../../core/apply";
import { chunkAddresses } from "./limits";
import type { Pos } from "./runs";

/** Kensa's highlight colours as Office fills. */
export const KENSA_FILLS: readonly OfficeFill[] = Object.values(SEVERITY_FILL).map((argb) => ({
  color: `#${argb.slice(-6).toUpperCase()}`,
  pattern: "Solid",
}));

export function isKensaFill(f: OfficeFill | null): boolean {
  return !!f && KENSA_FILLS.some((k) => sameFill(k, f));
}

/** What getCellProperties says of one cell's fill (ExcelApi 1.9). */
interface ReadFill {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

/**
 * A cell's fill from getCellProperties: null for No Fill, "unsettable" for a gradient. No Fill and a white
 * fill both read color #FFFFFF and may both read pattern null; tintAndShade is null only for No Fill
 * (office-js#4900, #6218). Where tintAndShade is not reported at all, a null or "None" pattern is taken as
 * No Fill (the add-in's behaviour before #4900 was answered).
 */
export function fillFromOffice(f: ReadFill | null | undefined): OfficeFill | null | "unsettable" {
  if (!f) return null;
  if (f.tintAndShade === null) return null;
  if (f.tintAndShade === undefined && (!f.pattern || f.pattern === "None")) return null;
  const pattern = f.pattern ?? "Solid";
  if (pattern === "None") return null;
  if (UNSETTABLE_PATTERNS.has(pattern)) return "unsettable";
  const out: OfficeFill = { color: (f.color ?? "#FFFFFF").toUpperCase(), pattern };
  if (f.tintAndShade) out.tintAndShade = f.tintAndShade;
  if (pattern !== "Solid") {
    out.patternColor = (f.patternColor ?? "#000000").toUpperCase();
    if (f.patternTintAndShade) out.patternTintAndShade = f.patternTintAndShade;
  }
  return out;
}

/**
 * Sets a fill exactly — colour, pattern, pattern colour and both tints; no fill: clear — writing only the
 * parts that differ from the cell's current fill `now` (fewer operations, so fewer half-written cells when a
 * batch fails part-way). A colour write is followed by the tint whenever a tint is involved: Microsoft does
 * not document whether setting the colour keeps the tint.
 */
export function setFill(format: Excel.RangeFormat, target: OfficeFill | null, now: OfficeFill | null = null): void {
  if (!target) {
    format.fill.clear();
    return;
  }
  const colour = !now || now.color.toUpperCase() !== target.color.toUpperCase();
  if (colour) format.fill.color = target.color;
  if (now ? now.pattern !== target.pattern : target.pattern !== "Solid")
    format.fill.pattern = target.pattern as Excel.FillPattern;
  const tint = target.tintAndShade ?? 0;
  if ((now?.tintAndShade ?? 0) !== tint || (colour && (tint !== 0 || (now?.tintAndShade ?? 0) !== 0)))
    format.fill.tintAndShade = tint;
  if (target.pattern !== "Solid") {
    const pc = target.patternColor ?? "#000000";
    const pcWrite =
      !now || now.pattern === "Solid" || (now.patternColor ?? "#000000").toUpperCase() !== pc.toUpperCase();
    if (pcWrite) format.fill.patternColor = pc;
    const pt = target.patternTintAndShade ?? 0;
    if ((now?.patternTintAndShade ?? 0) !== pt || (pcWrite && pt !== 0)) format.fill.patternTintAndShade = pt;
  }
}

/** True when the cell shows a fill Kensa made or was making between `original` and one of its colours. */
export function kensaMade(now: OfficeFill | null, original: OfficeFill | null): boolean {
  return KENSA_FILLS.some((k) => isBetween(now, original, k));
}

/** Formats cells of one sheet through as few RangeAreas as the address limit allows; returns the getRanges calls. */
export function formatCells(
  ws: Excel.Worksheet,
  cells: readonly Pos[],
  apply: (format: Excel.RangeFormat) => void,
): number {
  const ranges = mergeIntoRectangles(cells).map(rectToA1);
  let calls = 0;
  for (const address of chunkAddresses(ranges)) {
    apply(ws.getRanges(address).format);
    calls++;
  }
  return calls;
}
