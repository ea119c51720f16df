/** Reading and styling exceljs cells as the annotated copy needs (values as the engine sees them, notes). */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/model/workbook";

export function noteText(note: ExcelJS.Cell["note"] | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

export function plainValue(cell: ExcelJS.Cell): CellValue | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      // cell.value drops a cached result of 0 (exceljs 4.4); cell.result keeps it.
      const r = cell.result as unknown;
      if (r === undefined || r === null) return null;
      if (typeof r === "object" && r && "error" in r) return { error: String(r.error) };
      return r as CellValue;
    }
    if ("richText" in o) return ((o.richText as { text: string }[]) ?? []).map((t) => t.text).join("");
    if ("text" in o) return String(o.text ?? "");
    if ("error" in o) return { error: String(o.error) };
  }
  return String(v);
}

export function findCell(ws: ExcelJS.Worksheet, address: string): ExcelJS.Cell | undefined {
  return (ws as unknown as { findCell(a: string): ExcelJS.Cell | undefined }).findCell(address);
}

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** Sets style parts on one cell without touching styles it shares with other cells. */
export function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/** exceljs has no API to remove a note: it lives on the cell and, after loading, in its value's model. */
export function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}
