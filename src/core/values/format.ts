/** Rendering message templates and numbers for users: below the rules, which format figures into their data. */
import type { Figure } from "./types";

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
