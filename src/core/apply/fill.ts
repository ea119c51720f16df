/**
 * A cell's fill as Kensa records it before highlighting the cell, so clearing gives the exact fill back —
 * in Excel (the Office.js adapter) and in an annotated copy (the exceljs adapter), whichever wrote it.
 *
 * The record is the exceljs Fill JSON both adapters have always written in column C of `Kensa_state`
 * ("" for no fill), with two optional additions that exceljs ignores:
 *
 * - `office`: the fill exactly as Office.js read it (RangeFill color, pattern, patternColor, tintAndShade,
 *   patternTintAndShade, ExcelApi 1.9), so the add-in restores what it read, tint included;
 * - `kensaResolved`: the colours a theme or indexed colour reference stood for when the record was made
 *   (`fg`, `bg` as ARGB, tint already applied), because Office.js can set a fill only by RGB colour and
 *   cannot read the workbook's theme. A writer that records `{fgColor: {theme: 4, tint: 0.4}}` should add
 *   them (withResolvedColours); without them the add-in cannot know the colour and leaves the cell alone.
 *
 * Pure: no Office, no exceljs.
 */
import { argbOf, finiteTint, hexOf, resolveColour, type XColor } from "./colours";

/** A cell's fill as Office.js describes it (Excel.RangeFill); null is "no fill". */
export interface OfficeFill {
  /** "#RRGGBB". */
  color: string;
  /** Excel.FillPattern ("Solid", "Gray50", …). */
  pattern: string;
  /** "#RRGGBB", for patterns other than Solid. */
  patternColor?: string;
  /** RangeFill.tintAndShade, -1…1; absent for 0. */
  tintAndShade?: number;
  /** RangeFill.patternTintAndShade, -1…1; absent for 0. */
  patternTintAndShade?: number;
}

/** What a record says about a cell's original fill. */
export type FillRecordReading =
  | { ok: true; fill: OfficeFill | null }
  /** The record cannot be turned into a fill Office.js can set (a theme colour without its resolved colour, a gradient, bad JSON). */
  | { ok: false; reason: string };

/** The fill patterns Office.js can read but not set back (RangeFill.pattern reference: gradients are read-only). */
export const UNSETTABLE_PATTERNS = new Set(["LinearGradient", "RectangularGradient"]);

const OFFICE_TO_OOXML: Record<string, string> = {
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
};
const OOXML_TO_OFFICE: Record<string, string> = Object.fromEntries(
  Object.entries(OFFICE_TO_OOXML).map(([k, v]) => [v, k]),
);

interface XFill {
  type?: string;
  pattern?: string;
  fgColor?: XColor;
  bgColor?: XColor;
  office?: Partial<OfficeFill>;
  kensaResolved?: { fg?: string; bg?: string };
}

/**
 * The exceljs Fill JSON of a cell with `kensaResolved` added when a colour is a theme or indexed reference
 * (what an exceljs writer of the state should record, so the add-in can clear the cell exactly). The
 * palette is the workbook's theme (themePalette); indexed colours use Excel's default palette.
 */
export function withResolvedColours(fill: unknown, palette: readonly (string | undefined)[] | undefined): unknown {
  if (!fill || typeof fill !== "object") return fill;
  const f = fill as XFill;
  if (f.type !== "pattern") return fill;
  const needs = (c: XColor | undefined) =>
    !!c && !c.argb && (typeof c.theme === "number" || typeof c.indexed === "number");
  if (!needs(f.fgColor) && !needs(f.bgColor)) return fill;
  const resolved: { fg?: string; bg?: string } = {};
  const fg = needs(f.fgColor) ? resolveColour(f.fgColor, palette) : undefined;
  const bg = needs(f.bgColor) ? resolveColour(f.bgColor, palette) : undefined;
  if (fg) resolved.fg = argbOf(fg);
  if (bg) resolved.bg = argbOf(bg);
  return Object.keys(resolved).length ? { ...f, kensaResolved: resolved } : fill;
}

// ---------------------------------------------------------------------------------------------
// Office fill <-> record

/** The record of an Office fill: exceljs Fill JSON (for the annotated copies) plus the `office` block. */
export function fillRecordToJson(fill: OfficeFill | null): string {
  if (!fill) return "";
  const office: OfficeFill = { color: fill.color.toUpperCase(), pattern: fill.pattern };
  if (fill.patternColor && fill.pattern !== "Solid") office.patternColor = fill.patternColor.toUpperCase();
  if (fill.tintAndShade) office.tintAndShade = fill.tintAndShade;
  if (fill.patternTintAndShade && fill.pattern !== "Solid") office.patternTintAndShade = fill.patternTintAndShade;
  const withTint = (argb: string, tint: number | undefined): XColor => (tint ? { argb, tint } : { argb });
  const color = argbOf(fill.color) ?? "FFFFFFFF";
  const ooxml = OFFICE_TO_OOXML[fill.pattern];
  if (!ooxml || ooxml === "solid")
    return JSON.stringify({ type: "pattern", pattern: "solid", fgColor: withTint(color, office.tintAndShade), office });
  // OOXML: fgColor is the pattern's colour, bgColor the cell's background.
  return JSON.stringify({
    type: "pattern",
    pattern: ooxml,
    fgColor: withTint(argbOf(fill.patternColor) ?? "FF000000", office.patternTintAndShade),
    bgColor: withTint(color, office.tintAndShade),
    office,
  });
}

function officeBlock(o: Partial<OfficeFill> | undefined): OfficeFill | undefined {
  if (!o || typeof o !== "object") return undefined;
  const color = hexOf(o.color);
  if (!color || typeof o.pattern !== "string" || !o.pattern || o.pattern === "None") return undefined;
  if (UNSETTABLE_PATTERNS.has(o.pattern)) return undefined;
  const out: OfficeFill = { color, pattern: o.pattern };
  const pc = hexOf(o.patternColor);
  if (pc && o.pattern !== "Solid") out.patternColor = pc;
  const t = finiteTint(o.tintAndShade);
  if (t) out.tintAndShade = t;
  const pt = finiteTint(o.patternTintAndShade);
  if (pt && o.pattern !== "Solid") out.patternTintAndShade = pt;
  return out;
}

/**
 * Reads a record written by either adapter (or by an older Kensa): the fill to give back, or why it
 * cannot be given back exactly.
 */
export function fillRecordFromJson(json: unknown): FillRecordReading {
  if (json === "" || json === null || json === undefined) return { ok: true, fill: null };
  if (typeof json !== "string") return { ok: false, reason: "not text" };
  let f: XFill;
  try {
    f = JSON.parse(json) as XFill;
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  if (!f || typeof f !== "object") return { ok: false, reason: "not a fill" };
  if (f.office !== undefined) {
    const o = officeBlock(f.office);
    return o ? { ok: true, fill: o } : { ok: false, reason: "an Office fill Kensa cannot set" };
  }
  if (f.type === "gradient") return { ok: false, reason: "a gradient fill" };
  if (f.type !== "pattern") return { ok: false, reason: "not a pattern fill" };
  if (!f.pattern || f.pattern === "none") return { ok: true, fill: null };
  const resolvedFg = hexOf(f.kensaResolved?.fg);
  const resolvedBg = hexOf(f.kensaResolved?.bg);
  // a colour given by RGB (tint applied) or indexed is known here; a theme colour only with its resolved colour
  const colour = (c: XColor | undefined, resolved: string | undefined): string | undefined =>
    c && typeof c.theme === "number" && !c.argb ? resolved : (resolveColour(c, undefined) ?? resolved);
  if (f.pattern === "solid") {
    const color = colour(f.fgColor, resolvedFg);
    if (!color)
      return {
        ok: false,
        reason:
          f.fgColor?.theme !== undefined ? "a theme colour without its resolved colour" : "a fill without a colour",
      };
    return { ok: true, fill: { color, pattern: "Solid" } };
  }
  const pattern = OOXML_TO_OFFICE[f.pattern];
  if (!pattern) return { ok: false, reason: `the pattern ${f.pattern}` };
  const color = f.bgColor ? colour(f.bgColor, resolvedBg) : "#FFFFFF";
  const patternColor = f.fgColor ? colour(f.fgColor, resolvedFg) : "#000000";
  if (!color || !patternColor) return { ok: false, reason: "a theme colour without its resolved colour" };
  return { ok: true, fill: { color, pattern, patternColor } };
}

/** True when two fills look the same in Excel (no fill equals no fill). */
export function sameFill(a: OfficeFill | null, b: OfficeFill | null): boolean {
  if (!a || !b) return !a && !b;
  const solid = a.pattern === "Solid";
  return (
    a.color.toUpperCase() === b.color.toUpperCase() &&
    a.pattern === b.pattern &&
    (a.tintAndShade ?? 0) === (b.tintAndShade ?? 0) &&
    (solid ||
      ((a.patternColor ?? "#000000").toUpperCase() === (b.patternColor ?? "#000000").toUpperCase() &&
        (a.patternTintAndShade ?? 0) === (b.patternTintAndShade ?? 0)))
  );
}

/**
 * True when every part of `now` — colour, pattern, tint, and for a pattern its colour and tint — is that of
 * `a` or of `b`: what a fill write from one towards the other leaves when it stops half-way. Excel keeps
 * the operations of a failed batch that ran before the failing one, and a fill is several properties, so a
 * cell Kensa was highlighting or giving back may hold a mix of the two; it is still Kensa's to finish.
 */
export function isBetween(now: OfficeFill | null, a: OfficeFill | null, b: OfficeFill | null): boolean {
  if (!now) return !a || !b;
  const parts = (f: OfficeFill | null) =>
    f
      ? {
          color: f.color.toUpperCase(),
          pattern: f.pattern,
          tint: f.tintAndShade ?? 0,
          pc: (f.patternColor ?? "#000000").toUpperCase(),
          pt: f.patternTintAndShade ?? 0,
        }
      : undefined;
  const n = parts(now)!;
  const pa = parts(a);
  const pb = parts(b);
  const keys: (keyof typeof n)[] =
    now.pattern === "Solid" ? ["color", "pattern", "tint"] : ["color", "pattern", "tint", "pc", "pt"];
  return keys.every((k) => (pa !== undefined && pa[k] === n[k]) || (pb !== undefined && pb[k] === n[k]));
}

/** A key grouping cells that share one fill. */
export function fillKey(fill: OfficeFill | null): string {
  return fill
    ? JSON.stringify([
        fill.pattern,
        fill.color,
        fill.patternColor ?? "",
        fill.tintAndShade ?? 0,
        fill.patternTintAndShade ?? 0,
      ])
    : "";
}
