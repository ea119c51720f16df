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

/**
 * Excel's default indexed colour palette (ECMA-376 Part 1, §18.8.27 indexedColors: the palette used when a
 * workbook defines none). 64 is the system background and 65 the system foreground, as Excel draws them
 * by default (white cells, black text).
 */
const INDEXED = [
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "800000",
  "008000",
  "000080",
  "808000",
  "800080",
  "008080",
  "C0C0C0",
  "808080",
  "9999FF",
  "993366",
  "FFFFCC",
  "CCFFFF",
  "660066",
  "FF8080",
  "0066CC",
  "CCCCFF",
  "000080",
  "FF00FF",
  "FFFF00",
  "00FFFF",
  "800080",
  "800000",
  "008080",
  "0000FF",
  "00CCFF",
  "CCFFFF",
  "CCFFCC",
  "FFFF99",
  "99CCFF",
  "FF99CC",
  "CC99FF",
  "FFCC99",
  "3366FF",
  "33CCCC",
  "99CC00",
  "FFCC00",
  "FF9900",
  "FF6600",
  "666699",
  "969696",
  "003366",
  "339966",
  "003300",
  "333300",
  "993300",
  "993366",
  "333399",
  "333333",
  "FFFFFF",
  "000000",
];

interface XColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

interface XFill {
  type?: string;
  pattern?: string;
  fgColor?: XColor;
  bgColor?: XColor;
  office?: Partial<OfficeFill>;
  kensaResolved?: { fg?: string; bg?: string };
}

function hexOf(argb: string | undefined): string | undefined {
  if (typeof argb !== "string") return undefined;
  const m = /^#?([0-9a-f]{2})?([0-9a-f]{6})$/i.exec(argb.trim());
  return m ? `#${m[2].toUpperCase()}` : undefined;
}

function argbOf(hex: string | undefined): string | undefined {
  const h = hexOf(hex);
  return h ? `FF${h.slice(1)}` : undefined;
}

function finiteTint(t: unknown): number | undefined {
  return typeof t === "number" && Number.isFinite(t) && t !== 0 ? Math.max(-1, Math.min(1, t)) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tint (ECMA-376 Part 1, §18.8.19 "tint"): the colour's HLS luminance L becomes L·(1 + tint) for a
// negative tint and L·(1 − tint) + tint for a positive one. Computed in floating point and rounded, this
// matches Excel's own swatches to within one unit per channel (Accent 1 #4472C4: darker 25% → #2F5597 as
// Excel; lighter 60% → #B4C7E7 where Excel shows #B4C6E7) — the colour a CLI-recorded theme fill is
// given back as in Excel, which can only set RGB colours.

function rgbToHls(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, l, 0];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, l, s];
}

function hlsToRgb(h: number, l: number, s: number): [number, number, number] {
  if (s === 0) return [l, l, l];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number): number => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [hue(h + 1 / 3), hue(h), hue(h - 1 / 3)];
}

/** "#RRGGBB" with an OOXML tint (-1…1) applied (to within one unit per channel of Excel's rendering). */
export function applyTint(hex: string, tint: number): string {
  const h = hexOf(hex);
  if (!h || !tint) return h ?? hex;
  const n = parseInt(h.slice(1), 16);
  const [hh, l, s] = rgbToHls(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
  const l2 = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const rgb = hlsToRgb(hh, Math.max(0, Math.min(1, l2)), s);
  return `#${rgb
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase()}`;
}

/**
 * The colours of a theme's colour scheme in the order OOXML theme indexes use (0 lt1/bg1, 1 dk1/tx1,
 * 2 lt2/bg2, 3 dk2/tx2, 4–9 accent1–6, 10 hlink, 11 folHlink — ECMA-376 Part 1, §18.8.3 and §20.1.6.2),
 * read from a theme part (xl/theme/theme1.xml). Missing entries are undefined.
 */
export function themePalette(themeXml: string): (string | undefined)[] {
  const scheme = /<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/.exec(themeXml)?.[0] ?? "";
  const colour = (name: string): string | undefined => {
    const m = new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`).exec(scheme);
    if (!m) return undefined;
    const srgb = /<a:srgbClr\s+val="([0-9A-Fa-f]{6})"/.exec(m[1]);
    if (srgb) return `#${srgb[1].toUpperCase()}`;
    const sys = /<a:sysClr\b[^>]*lastClr="([0-9A-Fa-f]{6})"/.exec(m[1]);
    return sys ? `#${sys[1].toUpperCase()}` : undefined;
  };
  return [
    "lt1",
    "dk1",
    "lt2",
    "dk2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
    "hlink",
    "folHlink",
  ].map(colour);
}

/** The RGB colour an OOXML colour stands for, or undefined when it cannot be told without the workbook. */
function resolveColour(
  c: XColor | undefined,
  palette: readonly (string | undefined)[] | undefined,
): string | undefined {
  if (!c) return undefined;
  const tint = finiteTint(c.tint) ?? 0;
  let base: string | undefined;
  if (c.argb) base = hexOf(c.argb);
  else if (typeof c.theme === "number") base = palette?.[c.theme];
  else if (typeof c.indexed === "number") base = INDEXED[c.indexed] ? `#${INDEXED[c.indexed]}` : undefined;
  return base ? applyTint(base, tint) : undefined;
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
