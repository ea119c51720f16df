/** Excel number formats as the parsers need them: decimals shown, percent, units in the format (DOMAIN §2.1). */
import { UNIT_KINDS } from "./lexicon";

// ---------------------------------------------------------------------------------------------------------
// Number formats

export interface FormatInfo {
  general: boolean;
  date: boolean;
  percent: boolean;
  /** Minimum and maximum decimals shown (0.0# → 1, 2); null when not fixed (General, scientific). */
  minDecimals: number | null;
  maxDecimals: number | null;
  /** Trailing thousands commas: "#,##0," shows thousands → decimals −3. */
  scaleCommas: number;
  /** Scientific format (0.00E+00): decimals are mantissa decimals − exponent. */
  scientific?: boolean;
  unit?: string;
}

const GENERAL_FORMAT: FormatInfo = {
  general: true,
  date: false,
  percent: false,
  minDecimals: null,
  maxDecimals: null,
  scaleCommas: 0,
};

const FORMAT_CACHE = new Map<string, FormatInfo>();

function firstSection(code: string): string {
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === "\\" && !inQuote) i++;
    else if (c === ";" && !inQuote) return code.slice(0, i);
  }
  return code;
}

/** Reads an Excel number format code (first section). Cached per code. */
export function analyzeFormat(code: string | undefined): FormatInfo {
  if (code === undefined || code === "" || code === "General" || code === "general" || code === "@")
    return GENERAL_FORMAT;
  const cached = FORMAT_CACHE.get(code);
  if (cached) return cached;
  const info = analyzeFormatUncached(code);
  if (FORMAT_CACHE.size < 10000) FORMAT_CACHE.set(code, info);
  return info;
}

function analyzeFormatUncached(code: string): FormatInfo {
  const section = firstSection(code);
  let core = "";
  let literal = "";
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const j = section.indexOf('"', i + 1);
      const stop = j < 0 ? section.length : j;
      literal += section.slice(i + 1, stop);
      i = stop;
    } else if (c === "\\") {
      literal += section[i + 1] ?? "";
      i++;
    } else if (c === "[") {
      const j = section.indexOf("]", i + 1);
      i = j < 0 ? section.length : j;
    } else if (c === "_" || c === "*") {
      i++;
    } else if (c.charCodeAt(0) > 0x7f) {
      literal += c;
    } else {
      core += c;
    }
  }
  const lowerCore = core.toLowerCase();
  if (lowerCore.trim() === "general" || lowerCore.trim() === "@" || lowerCore.trim() === "") {
    const unit = literal.trim();
    return { ...GENERAL_FORMAT, general: lowerCore.trim() !== "", ...(UNIT_KINDS[unit] ? { unit } : {}) };
  }
  const scientific = /e[+-]/i.test(core);
  const withoutSci = core.replace(/e[+-]/gi, "");
  // Any other ASCII letter in a format is a date/time token (y m d h s, ggg e for eras, aaa for weekdays, AM/PM).
  const date = /[a-z]/i.test(withoutSci);
  const percent = core.includes("%");
  const unitText = literal.trim();
  const unit = percent ? "%" : UNIT_KINDS[unitText] ? unitText : undefined;
  if (date) return { general: false, date: true, percent: false, minDecimals: null, maxDecimals: null, scaleCommas: 0 };
  const hasDigits = /[0#?]/.test(core);
  if (!hasDigits) {
    return {
      general: true,
      date: false,
      percent,
      minDecimals: null,
      maxDecimals: null,
      scaleCommas: 0,
      ...(unit ? { unit } : {}),
    };
  }
  let minDecimals = 0;
  let maxDecimals = 0;
  const dot = core.indexOf(".");
  if (dot >= 0) {
    for (let i = dot + 1; i < core.length; i++) {
      const c = core[i];
      if (c === "0") {
        minDecimals = maxDecimals + 1;
        maxDecimals++;
      } else if (c === "#" || c === "?") maxDecimals++;
      else if (c === ",") continue;
      else break;
    }
  }
  let lastPlaceholder = -1;
  for (let i = core.length - 1; i >= 0; i--) {
    const c = core[i];
    if (c === "0" || c === "#" || c === "?") {
      lastPlaceholder = i;
      break;
    }
  }
  let scaleCommas = 0;
  for (let i = lastPlaceholder + 1; i < core.length && core[i] === ","; i++) scaleCommas++;
  if (scientific) {
    const mantissa = core.slice(0, core.search(/e[+-]/i));
    const m = analyzeFormatUncached(mantissa);
    return { ...m, percent, scientific: true, scaleCommas: 0, ...(unit ? { unit } : {}) };
  }
  return { general: false, date: false, percent, minDecimals, maxDecimals, scaleCommas, ...(unit ? { unit } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
