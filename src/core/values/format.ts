/** Rendering message templates and numbers for users: below the rules, which format figures into their data. */
import type { Figure } from "./types";

export type Lang = "ja" | "en";

/** Replaces {name} placeholders; unknown names stay visible so a missing datum is noticed. */
export function render(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

// Intl.NumberFormat's first use loads ICU's number data (about 30 ms of a 0.4 s check), so numbers are formatted
// here; Intl remains for the rare forms below (exponents, non-finite values), and the tests compare the two.
let intlFormatters: Intl.NumberFormat[] | undefined;

function intlFormat(value: number, d: number): string {
  const formatters = (intlFormatters ??= []);
  const f = (formatters[d] ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
  return f.format(value);
}

/** 1234567 → "1,234,567". */
function groupThousands(digits: string): string {
  let out = "";
  let i = digits.length % 3 || 3;
  out = digits.slice(0, i);
  for (; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return out;
}

/**
 * 1443 → "1,443"; keeps the displayed decimals. As Intl.NumberFormat("en-US") does: the shortest decimal form of
 * the double (what String gives) rounded half away from zero, so 1.005 shows as "1.01" where toFixed gives "1.00".
 */
export function formatNumber(value: number, decimals = 0): string {
  const d = Math.trunc(Math.max(0, Math.min(10, decimals)));
  const text = String(Math.abs(value));
  if (!Number.isFinite(value) || text.includes("e")) return intlFormat(value, d);
  const dot = text.indexOf(".");
  let int = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? "" : text.slice(dot + 1);
  if (frac.length > d) {
    const up = frac.charCodeAt(d) >= 53; // "5" or more: half away from zero
    frac = frac.slice(0, d);
    if (up) {
      // add one unit in the last kept place, carrying through the fraction into the integer part
      const digits = (int + frac).split("");
      let k = digits.length - 1;
      for (; k >= 0; k--) {
        if (digits[k] === "9") digits[k] = "0";
        else {
          digits[k] = String.fromCharCode(digits[k].charCodeAt(0) + 1);
          break;
        }
      }
      const joined = (k < 0 ? "1" : "") + digits.join("");
      int = joined.slice(0, joined.length - d);
      frac = joined.slice(joined.length - d);
    }
  } else frac = frac.padEnd(d, "0");
  const negative = value < 0 || Object.is(value, -0);
  return (negative ? "-" : "") + groupThousands(int) + (d > 0 ? "." + frac : "");
}

/** A figure with its unit: "1,443件", "16.0億円", "89.0%". */
export function formatFigure(f: Pick<Figure, "value" | "decimals" | "unit">): string {
  return formatNumber(f.value, f.decimals) + (f.unit ?? "");
}
