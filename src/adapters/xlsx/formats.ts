/**
 * Number formats, dates and shared formulas exactly as the exceljs reader (the previous reader, kept as the
 * oracle of the equivalence tests) interprets them, so that both give the same model.
 *
 * Browser-safe.
 */

/** Built-in number formats by id (ECMA-376 Part 1 §18.8.30), the ones exceljs names (defaultnumformats.js). */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const dateFormats = new Map<string, boolean>();

/** A format showing a date or time: y, m, d, h, s or b outside brackets and quotes (exceljs's isDateFmt). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let known = dateFormats.get(fmt);
  if (known === undefined) {
    known = /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
    if (dateFormats.size < 10_000) dateFormats.set(fmt, known);
  }
  return known;
}

/** An Excel serial date as a JavaScript Date (UTC), 1900 or 1904 date system. Anything else gives an Invalid Date. */
export function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The five XML entities decoded once more, as exceljs does for `t="str"` values (utils.xmlDecode). */
export function xmlDecode(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** `_xHHHH_` escapes of shared and rich strings (ECMA-376 Part 1 §22.9.2.19 ST_Xstring), upper-case hex as exceljs. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Column letters → 1-based number ("A" → 1, "XFD" → 16384); 0 when not letters. */
export function lettersToColumn(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) return 0;
    n = n * 26 + (c - 96);
  }
  return n;
}

/** 1-based column number → letters. */
export function columnToLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = (n - 1 - m) / 26;
  }
  return s;
}

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * A shared formula moved from its master cell to another cell: relative references shift by the offset.
 * The same text substitution as exceljs's slideFormula (utils/shared-formula.js, MIT), so that both readers
 * give the same formula text. Throws when a reference leaves the grid (exceljs does too: the file is damaged).
 */
export function slideFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return formula.replace(
    CANDIDATE,
    (refMatch: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
      if (paren) return refMatch;
      const m = CELL_REF.exec(addr);
      if (!m) return refMatch;
      const colStr = m[2].toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return refMatch;
      let col = lettersToColumn(colStr);
      let row = parseInt(m[4], 10);
      if (!m[1]) col += toCol - fromCol;
      if (!m[3]) row += toRow - fromRow;
      if (col < 1 || col > 16384) throw new Error(`${col} is out of bounds`);
      return (sheet || "") + (m[1] || "") + columnToLetters(col) + (m[3] || "") + row;
    },
  );
}
