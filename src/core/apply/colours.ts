/**
 * Colours as OOXML writes them (RGB, theme with tint, indexed) turned into the RGB colour Excel shows, for the fill
 * records of ./fill.ts: Office.js sets fills by RGB only and cannot read a workbook's theme. Pure.
 */

/** The eight basic colours (black, white, red, green, blue, yellow, magenta, cyan). */
const BASIC = ["000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF"];

/**
 * Excel's default indexed colour palette (ECMA-376 Part 1, §18.8.27 indexedColors: the palette used when a
 * workbook defines none). 64 is the system background and 65 the system foreground, as Excel draws them
 * by default (white cells, black text).
 */
const INDEXED = [
  // the eight basic colours come twice (0–7, 8–15)
  ...BASIC,
  ...BASIC,
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

export interface XColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

export function hexOf(argb: string | undefined): string | undefined {
  if (typeof argb !== "string") return undefined;
  const m = /^#?([0-9a-f]{2})?([0-9a-f]{6})$/i.exec(argb.trim());
  return m ? `#${m[2].toUpperCase()}` : undefined;
}

export function argbOf(hex: string | undefined): string | undefined {
  const h = hexOf(hex);
  return h ? `FF${h.slice(1)}` : undefined;
}

export function finiteTint(t: unknown): number | undefined {
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
export function resolveColour(
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
