/** Rendering message templates and numbers for users. */
import type { Figure } from "../values/types";

export type Lang = "ja" | "en";

/** Replaces {name} placeholders; unknown names stay visible so a missing datum is noticed. */
export function render(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

// One formatter per decimals: toLocaleString builds a new one on every call, which dominated profiles.
const FORMATTERS: Intl.NumberFormat[] = [];

/** 1443 → "1,443"; keeps the displayed decimals. */
export function formatNumber(value: number, decimals = 0): string {
  const d = Math.max(0, Math.min(10, decimals));
  const f = (FORMATTERS[d] ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
  return f.format(value);
}

/** A figure with its unit: "1,443件", "16.0億円", "89.0%". */
export function formatFigure(f: Pick<Figure, "value" | "decimals" | "unit">): string {
  return formatNumber(f.value, f.decimals) + (f.unit ?? "");
}

/** Columns a string takes in a terminal or a spreadsheet cell: East Asian wide and full-width characters count 2. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}
