/**
 * Money cells of the budget sheets (インハウス予算, 予算内訳): what a cell means in the sheet's unit
 * (`30,600百万円` in a 億円 column is 306, `43億円の内数` is 43 read as an 内数), its text for messages, and the
 * typed value of a computed cell. Sums over them: ./sums.ts.
 */
import { cleanFloat } from "../../values/float";
import { toA1 } from "../../model/address";
import type { Cell } from "../../model/workbook";
import { formatNumber } from "../../values/format";
import { cellText } from "../detect";
import { parseCell, parseText } from "../../values/parse";
import type { Figure, Parsed } from "../../values/types";

// ---------------------------------------------------------------------------------------------------------
// Fast helpers (these run once per cell)

/** formatNumber (1443 → "1,443", displayed decimals kept) without toLocaleString, which is slow. */
export function fmt(value: number, decimals: number): string {
  const d = decimals < 0 ? 0 : decimals > 10 ? 10 : Math.trunc(decimals);
  if (!Number.isFinite(value) || Math.abs(value) >= 1e20) return formatNumber(value, d);
  const s = Math.abs(value).toFixed(d);
  const dot = s.indexOf(".");
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? "" : s.slice(dot);
  let out = int;
  if (int.length > 3) {
    out = "";
    for (let i = int.length; i > 0; i -= 3) out = int.slice(Math.max(0, i - 3), i) + (out ? "," + out : "");
  }
  const negative = value < 0 && /[1-9]/.test(s);
  return (negative ? "-" : "") + out + frac;
}

/** Yen per unit. */
const AMOUNT_SCALE: Readonly<Record<string, number>> = { 億円: 1e8, 百万円: 1e6, 千円: 1e3, 円: 1 };

const UNIT_IN_TEXT = /(億円|百万円|千円|円)/;

/** The amount unit named in a text ("(単位：億円)", "予算額（百万円）"), if any. */
export function amountUnitIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return UNIT_IN_TEXT.exec(text.normalize("NFKC"))?.[1];
}

/** The sheet's unit: metadata 単位, else the fallback. */
export function sheetUnit(metadata: Record<string, string>, fallback: string): string {
  return amountUnitIn(metadata["単位"]) ?? fallback;
}

/** One money cell, parsed once. */
export interface AmountCell {
  row: number;
  col: number;
  /** A1 address. */
  cell: string;
  /** What the cell means; for `43億円の内数` the figure 43 (with `innerOf` set). */
  parsed: Parsed;
  /** The figure in the column's unit, when the cell is a number. */
  figure?: Figure;
  /** The text as shown or typed, for messages. */
  text: string;
  empty: boolean;
  placeholder: boolean;
  /** The cell holds a number value (or a formula), so Excel formulas may reference it. */
  live: boolean;
  /** The cell read `…の内数` (part of another envelope). */
  innerOf?: boolean;
}

const SPACED_UNIT = /([0-9０-９])[\s\u3000]+(億円|百万円|千円|円)\s*$/;
const INNER_SUFFIX = /\s*の\s*内数\s*[)）]?\s*$/;

/**
 * What a money cell means: parseCell, plus `４６７．３ 億円` (a space before the unit) and `43億円の内数`
 * (the figure 43, with `innerOf`).
 */
export function parseAmount(cell: Cell | undefined): { parsed: Parsed; innerOf: boolean } {
  let parsed = parseCell(cell);
  if (parsed.kind !== "not-a-number") return { parsed, innerOf: false };
  const raw = cell?.value;
  if (typeof raw !== "string") return { parsed, innerOf: false };
  if (SPACED_UNIT.test(raw)) {
    // `４６７．３ 億円` (seed 002): a space between the number and its unit.
    const joined = parseText(raw.replace(SPACED_UNIT, "$1$2"));
    if (joined.kind === "number") parsed = joined;
  }
  if (parsed.kind === "not-a-number" && INNER_SUFFIX.test(raw)) {
    const prefix = raw.replace(INNER_SUFFIX, "").replace(/^\s*[(（]/, "");
    const inner = parseText(prefix);
    if (inner.kind === "number") return { parsed: inner, innerOf: true };
  }
  return { parsed, innerOf: false };
}

/** A money cell's text as shown or typed (trimmed), for messages. */
export function amountText(cell: Cell | undefined): string {
  const raw = cell?.value;
  return typeof raw === "string"
    ? raw.trim()
    : cell?.text !== undefined
      ? cell.text.trim()
      : raw === null || raw === undefined
        ? ""
        : cellText(cell);
}

/** The cell holds a number value (or a formula), so Excel formulas may reference it. */
export function amountIsLive(cell: Cell | undefined): boolean {
  return typeof cell?.value === "number" || (cell?.formula !== undefined && cell.formula !== "");
}

/** The figure of a parsed money cell in `unit` (`30,600百万円` in a 億円 column is 306); undefined unless a number. */
export function amountFigure(parsed: Parsed, unit: string): Figure | undefined {
  if (parsed.kind !== "number") return undefined;
  const { value, decimals } = convertFigure(parsed, unit);
  return { value, decimals, unit };
}

/** Reads a money cell in `unit` (a cell typed `30,600百万円` in a 億円 column becomes 306). */
export function readAmount(cell: Cell | undefined, row: number, col: number, unit: string): AmountCell {
  const { parsed, innerOf } = parseAmount(cell);
  const out: AmountCell = {
    row,
    col,
    cell: toA1(row, col),
    parsed,
    text: amountText(cell),
    empty: parsed.kind === "empty",
    placeholder: parsed.kind === "placeholder",
    live: amountIsLive(cell),
  };
  if (innerOf) out.innerOf = true;
  const figure = amountFigure(parsed, unit);
  if (figure) out.figure = figure;
  return out;
}

/** "16億円", "15.2億円". */
export function showAmount(f: Figure): string {
  return fmt(f.value, f.decimals) + (f.unit ?? "");
}

/** The typed value of a computed cell, as the ComputedCell contract wants it. */
export function typedOf(cell: Cell | undefined, parsed: Parsed): { parsed: Parsed; text: string } | undefined {
  if (parsed.kind === "empty") return undefined;
  if (parsed.kind === "number" && (cell?.text === undefined || cell.text === "") && typeof cell?.value === "number") {
    const v = cell.value;
    // A General number shows as itself (parseCell's decimals are its shortest form).
    if ((cell.numFmt === undefined || cell.numFmt === "General") && v > -1000 && v < 1000)
      return { parsed, text: String(v) };
    return { parsed, text: fmt(parsed.value, parsed.decimals) + (parsed.unit ?? "") };
  }
  return { parsed, text: cellText(cell).trim() };
}

/** A figure in another amount unit (百万円 → 億円: 30,600 → 306, two more decimals). */
export function convertFigure(f: Pick<Figure, "value" | "decimals" | "unit">, to: string): Figure {
  const from = f.unit !== undefined ? AMOUNT_SCALE[f.unit] : undefined;
  const target = AMOUNT_SCALE[to];
  if (from === undefined || target === undefined || from === target) return f;
  return {
    value: cleanFloat((f.value * from) / target),
    decimals: f.decimals + Math.round(Math.log10(target / from)),
    unit: to,
  };
}
