/**
 * Recognising Kensa's own formulas in a cell, so they may be refreshed while a person's formula or
 * typed value is never overwritten.
 */

/** Canonical text of a formula: no "=", no "$", no whitespace outside string literals, upper case outside strings. */
export function normalizeFormula(formula: string): string {
  const f = formula.trim().replace(/^=/, "");
  let out = "";
  let inString = false;
  for (const ch of f) {
    if (ch === '"') {
      inString = !inString;
      out += ch;
    } else if (inString) {
      out += ch;
    } else if (ch === "$" || /\s/.test(ch)) {
      continue;
    } else {
      out += ch.toUpperCase();
    }
  }
  return out;
}

/** Splits `NAME(a,b,c)` into NAME and its top-level arguments; undefined when the text is not one call. */
export function splitCall(f: string): { name: string; args: string[] } | undefined {
  const m = /^([A-Z][A-Z0-9.]*)\(/.exec(f);
  if (!m || !f.endsWith(")")) return undefined;
  const inner = f.slice(m[0].length, -1);
  const args: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') inString = !inString;
    if (inString) continue;
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth < 0) return undefined; // "IF(a)+B(c)": the first bracket closes before the end
    } else if (ch === "," && depth === 0) {
      args.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || inString) return undefined;
  args.push(inner.slice(start));
  return { name: m[1], args };
}

/**
 * The formula without blank guards: `IF(cond,"",body)` → body, `IFERROR(body,"")` → body, repeatedly.
 * Kensa's template wraps its formulas so blank rows stay blank; the engine proposes the bare body.
 */
export function unguard(normalized: string): string {
  let f = normalized;
  for (;;) {
    const call = splitCall(f);
    if (call?.name === "IF" && call.args.length === 3 && call.args[1] === '""') f = call.args[2];
    else if (call?.name === "IFERROR" && call.args.length === 2 && call.args[1] === '""') f = call.args[0];
    else return f;
  }
}

/** True when `existing` is the formula Kensa would write (`proposed`), possibly with blank guards. */
export function isKensaFormula(
  existing: string,
  proposed: string | undefined,
  alsoKnown: readonly string[] = [],
): boolean {
  const e = normalizeFormula(existing);
  const candidates = [proposed, ...alsoKnown].filter((x): x is string => !!x).map(normalizeFormula);
  if (candidates.includes(e)) return true;
  const bare = unguard(e);
  return candidates.some((c) => unguard(c) === bare);
}

/** A cell reference (C5, $C$5, AB12) where the scan stands; not a function name's start (LOG10(). */
const CELL_AT = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(.])/y;

/**
 * The formula with its relative row references moved by `delta` rows, as Excel does when a formula is
 * filled down: `=D4/C4` → `=D5/C5` for 1; `$4` rows, whole columns (`A:A`), text in quotes and quoted sheet
 * names stay. Function names (`LOG10(`) are not references. Used to record a column of computed formulas
 * as one run (the first cell's formula) and to recognise each of its cells later.
 */
export function shiftRows(formula: string, delta: number): string {
  if (!delta) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // a string literal or a quoted sheet name: copied as it is ("" and '' escape the quote)
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    CELL_AT.lastIndex = i; // sticky: matched where i stands, without copying the rest of the formula
    const m = CELL_AT.exec(formula);
    const prev = i > 0 ? formula[i - 1] : "";
    if (m && !/[\w.$]/.test(prev)) {
      const [all, colAbs, col, rowAbs, row] = m;
      out += `${colAbs}${col}${rowAbs}${rowAbs ? row : String(Number(row) + delta)}`;
      i += all.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
