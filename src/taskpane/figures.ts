/**
 * Numbers as the faces show them (the pane's 記入値 / 計算値, browser mode's cell preview): core's formatNumber
 * (grouped, the same in Japanese and English) with the decimals the number has, at most four.
 */
import { formatNumber } from "../core/values/format";

/** The decimals `v` shows once rounded to `max` places: 2 → 0, 1.5 → 1, 1/3 → 4. */
export function shownDecimals(v: number, max = 4): number {
  if (!Number.isFinite(v)) return 0;
  // String() of the rounded number drops trailing zeros; an exponent (1e+21) means no decimals to show
  const fraction =
    String(Number(v.toFixed(max)))
      .split(/e/i)[0]
      .split(".")[1] ?? "";
  return Math.min(max, fraction.length);
}

/** A value of a finding or a cell as users read it: 1443 → "1,443", 0.5 → "0.5", text as it is, nothing as "". */
export function formatValue(v: number | string | boolean | null | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return formatNumber(v, shownDecimals(v));
  return String(v);
}
