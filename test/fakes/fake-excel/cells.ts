/**
 * One cell of the FAKE Excel (see test/fakes/fake-excel.ts): what writing a value does to it, what clearing
 * leaves, and how its fill reads back.
 *
 * Values
 * - a string written through `values` that starts with "=" becomes a formula, a numeric-looking string a
 *   number, "TRUE"/"FALSE" a boolean and an error literal ("#N/A", "#DIV/0!", …) an error value, unless the
 *   cell's number format is text ("@") — as typing it does (ref Range.values: "If the returned value starts
 *   with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula");
 * - `valueTypes` (ExcelApi 1.1, ref Range.valueTypes): "Empty", "String", "Double", "Boolean" or "Error"
 *   per cell, so an error value is told from text that looks like one;
 *
 * Fills as read (ExcelApi 1.9 RangeFill and getCellProperties)
 * - a cell's fill is color, pattern, patternColor, tintAndShade, patternTintAndShade (ref RangeFill);
 * - No Fill reads as color "#FFFFFF" — the same as a white fill (#6218) — with pattern null, and a white
 *   fill also reads pattern null (#4900, reporter); only tintAndShade tells them apart: null for No Fill, a
 *   number for any fill (#4900, Microsoft's answer). Other fills report their pattern;
 */
import type { FakeExcel } from "./excel";
import { FAKE_ERROR_VALUES, type FakeCell, type FakeFill, type FakeSheet, type Rect } from "./model";

export function toFill(f: string | FakeFill | undefined): FakeFill | null {
  if (!f) return null;
  if (typeof f === "string") return { color: f.toUpperCase(), pattern: "Solid", patternColor: "#000000" };
  return { ...f, color: f.color.toUpperCase(), patternColor: (f.patternColor ?? "#000000").toUpperCase() };
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A fill as compared in tests: zero tints left out. */
export function normalFill(f: FakeFill): FakeFill {
  const out: FakeFill = {
    color: f.color.toUpperCase(),
    pattern: f.pattern,
    patternColor: (f.patternColor ?? "#000000").toUpperCase(),
  };
  if (f.tintAndShade) out.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade) out.patternTintAndShade = f.patternTintAndShade;
  return out;
}

export function writeCell(fake: FakeExcel, sheet: FakeSheet, cell: FakeCell, v: unknown): void {
  fake.stats.cellsWritten++;
  delete cell.error;
  if (v === "") {
    cell.value = "";
    delete cell.formula;
    return;
  }
  if (typeof v === "string") {
    const text = cell.numberFormat === "@";
    if (!text && v.startsWith("=") && v.length > 1) {
      cell.formula = v;
      const m = /^=HYPERLINK\((".*?"),"((?:[^"]|"")*)"\)$/i.exec(v);
      const value = m ? m[2].replace(/""/g, '"') : (fake.evaluate?.(sheet.name, v.slice(1)) ?? "");
      cell.value = value === null ? "" : value;
      if (typeof cell.value === "string" && FAKE_ERROR_VALUES.test(cell.value)) cell.error = true;
      return;
    }
    delete cell.formula;
    if (!text && NUMERIC.test(v.trim())) cell.value = Number(v);
    else if (!text && /^(TRUE|FALSE)$/i.test(v)) cell.value = v.toUpperCase() === "TRUE";
    else {
      cell.value = v;
      if (!text && FAKE_ERROR_VALUES.test(v)) cell.error = true;
    }
    return;
  }
  delete cell.formula;
  cell.value = v as number | boolean;
}

/** What getCellProperties reports of a cell's fill (see the comment above: #4900, #6218). */
export function reportedFill(f: FakeFill | null, want: Record<string, boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const white = !!f && f.pattern === "Solid" && f.color.toUpperCase() === "#FFFFFF";
  if (want.color) out.color = f ? f.color.toUpperCase() : "#FFFFFF";
  if (want.pattern) out.pattern = !f || white ? null : f.pattern;
  if (want.patternColor) out.patternColor = f ? (f.patternColor ?? "#000000").toUpperCase() : "#000000";
  if (want.tintAndShade) out.tintAndShade = f ? (f.tintAndShade ?? 0) : null;
  if (want.patternTintAndShade) out.patternTintAndShade = f ? (f.patternTintAndShade ?? 0) : null;
  return out;
}

/** Range.clear: Contents (values and formulas), Formats (fill, number format, bold) or All (the cells). */
export function clearCells(s: FakeSheet, r: Rect | undefined, applyTo: string | undefined): void {
  for (const [row, cols] of [...s.cells.rows]) {
    if (r && (row < r.top || row > r.bottom)) continue;
    for (const [col, c] of [...cols]) {
      if (r && (col < r.left || col > r.right)) continue;
      if (applyTo === "Contents") {
        c.value = "";
        delete c.formula;
        delete c.error;
      } else if (applyTo === "Formats") {
        c.fill = null;
        c.numberFormat = "General";
        delete c.bold;
      } else s.cells.delete(`${row},${col}`);
    }
  }
  if (!r && applyTo !== "Contents" && applyTo !== "Formats") s.notes.clear();
}
