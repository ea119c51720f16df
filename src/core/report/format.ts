/** Rendering message templates and numbers for users. */
import type { Figure } from "../values/types";

export type Lang = "ja" | "en";

/** Replaces {name} placeholders; unknown names stay visible so a missing datum is noticed. */
export function render(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** 1443 → "1,443"; keeps the displayed decimals. */
export function formatNumber(value: number, decimals = 0): string {
  const d = Math.max(0, Math.min(10, decimals));
  return value.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A figure with its unit: "1,443件", "16.0億円", "89.0%". */
export function formatFigure(f: Pick<Figure, "value" | "decimals" | "unit">): string {
  return formatNumber(f.value, f.decimals) + (f.unit ?? "");
}
