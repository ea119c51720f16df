/**
 * Kensa's memory of the cells it highlighted, so clearing restores each cell's own fill and a second
 * check does not stack highlights.
 *
 * Where: a very hidden worksheet `Kensa_state`, in the same layout the exceljs adapter
 * (src/adapters/exceljs/annotate.ts) writes: A1 holds `Kensa 検証結果 state v1`, then one row per
 * touched cell: sheet | cell | original fill as exceljs Fill JSON ("" for no fill) | the note Kensa
 * wrote there (NoteRecord JSON, "" for none; written only by this adapter, with ExcelApi 1.18 — the
 * exceljs adapter ignores the column and finds the person's part of a note from its text).
 * Why a sheet rather than workbook.settings or custom XML: it is saved in the file, so it survives
 * closing the pane and reopening the workbook; the CLI's annotated copies and the add-in read and
 * write the same record, so a file highlighted by one is cleaned by the other; it is written and read
 * as one 2D array in the batches the adapter already makes (settings hold one JSON value per add-in and
 * file and are not visible to the CLI; custom XML needs XML building and a separate part API). Its A1
 * starts with the result-sheet marker, so the engine never checks it, and the reader leaves it out.
 */
import { RESULT_SHEET_MARKER } from "../../core/rules/shared/result-sheet";

export const STATE_SHEET = "Kensa_state";
export const STATE_MARK = `${RESULT_SHEET_MARKER} state v1`;

/** A cell's fill as Office.js describes it; null is "no fill". */
export interface OfficeFill {
  /** "#RRGGBB". */
  color: string;
  /** Excel.FillPattern ("Solid", "Gray50", …). */
  pattern: string;
  /** "#RRGGBB", for patterns other than Solid. */
  patternColor?: string;
}

/**
 * The note Kensa wrote on a cell: "own" when the cell had no note (clearing deletes it), "appended"
 * when Kensa's part follows a person's note (clearing gives back `user`, their text exactly).
 */
export type NoteRecord = { kensa: "own" } | { kensa: "appended"; user: string };

export interface StateEntry {
  sheet: string;
  /** A1, upper case, no "$". */
  cell: string;
  fill: OfficeFill | null;
  /** Set only when Kensa wrote a note on the cell. */
  note?: NoteRecord;
}

/** Column D of a state row; undefined for "" or anything not written by this adapter. */
export function noteFromJson(json: unknown): NoteRecord | undefined {
  if (typeof json !== "string" || !json) return undefined;
  try {
    const o = JSON.parse(json) as { kensa?: unknown; user?: unknown };
    if (o.kensa === "own") return { kensa: "own" };
    if (o.kensa === "appended" && typeof o.user === "string") return { kensa: "appended", user: o.user };
  } catch {
    // not ours
  }
  return undefined;
}

export function noteToJson(note: NoteRecord | undefined): string {
  return note ? JSON.stringify(note) : "";
}

const OFFICE_TO_OOXML: Record<string, string> = {
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
};
const OOXML_TO_OFFICE: Record<string, string> = Object.fromEntries(Object.entries(OFFICE_TO_OOXML).map(([k, v]) => [v, k]));

function argb(hex: string | undefined): string | undefined {
  if (!hex) return undefined;
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

function hex(a: string | undefined): string | undefined {
  if (!a) return undefined;
  const m = /^([0-9a-f]{2})?([0-9a-f]{6})$/i.exec(a.trim());
  return m ? `#${m[2].toUpperCase()}` : undefined;
}

/** Normalises what Office reports; a pattern of "None" (or missing) is no fill. */
export function normalizeFill(f: { color?: string | null; pattern?: string | null; patternColor?: string | null } | null | undefined): OfficeFill | null {
  if (!f) return null;
  const pattern = f.pattern ?? (f.color && f.color.toUpperCase() !== "#FFFFFF" ? "Solid" : "None");
  if (!pattern || pattern === "None") return null;
  const color = (f.color ?? "#FFFFFF").toUpperCase();
  const out: OfficeFill = { color, pattern };
  if (pattern !== "Solid" && f.patternColor) out.patternColor = f.patternColor.toUpperCase();
  return out;
}

/** The fill as exceljs Fill JSON (the annotate adapter's format); "" for no fill. */
export function fillToJson(fill: OfficeFill | null): string {
  if (!fill) return "";
  const color = argb(fill.color) ?? "FFFFFFFF";
  const ooxml = OFFICE_TO_OOXML[fill.pattern];
  if (!ooxml || ooxml === "solid") return JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { argb: color } });
  // OOXML: fgColor is the pattern's colour, bgColor the cell's background.
  return JSON.stringify({ type: "pattern", pattern: ooxml, fgColor: { argb: argb(fill.patternColor) ?? "FF000000" }, bgColor: { argb: color } });
}

/** Reads a fill written by either adapter; fills it cannot express (theme colours, gradients) become "no fill". */
export function fillFromJson(json: unknown): OfficeFill | null {
  if (typeof json !== "string" || !json) return null;
  let f: { type?: string; pattern?: string; fgColor?: { argb?: string }; bgColor?: { argb?: string } };
  try {
    f = JSON.parse(json) as typeof f;
  } catch {
    return null;
  }
  if (f.type !== "pattern" || !f.pattern || f.pattern === "none") return null;
  if (f.pattern === "solid") {
    const color = hex(f.fgColor?.argb);
    return color ? { color, pattern: "Solid" } : null;
  }
  const pattern = OOXML_TO_OFFICE[f.pattern];
  const color = hex(f.bgColor?.argb) ?? "#FFFFFF";
  if (!pattern) return null;
  const out: OfficeFill = { color, pattern };
  const pc = hex(f.fgColor?.argb);
  if (pc) out.patternColor = pc;
  return out;
}

/** Parses the state sheet's values (as read through Office.js); [] when it is not Kensa's. */
export function parseState(values: readonly (readonly unknown[])[] | undefined): StateEntry[] {
  if (!values || values[0]?.[0] !== STATE_MARK) return [];
  const out: StateEntry[] = [];
  for (let r = 1; r < values.length; r++) {
    const [sheet, cell, fill, note] = values[r];
    if (typeof sheet !== "string" || typeof cell !== "string" || !sheet || !cell) continue;
    const entry: StateEntry = { sheet, cell: cell.replace(/\$/g, "").toUpperCase(), fill: fillFromJson(fill) };
    const record = noteFromJson(note);
    if (record) entry.note = record;
    out.push(entry);
  }
  return out;
}

/** The state sheet's rows (strings only; the adapter writes them with the text number format). */
export function stateRows(entries: readonly StateEntry[]): string[][] {
  return [[STATE_MARK, "", "", ""], ...entries.map((e) => [e.sheet, e.cell, fillToJson(e.fill), noteToJson(e.note)])];
}

/** A key grouping cells that share one original fill. */
export function fillKey(fill: OfficeFill | null): string {
  return fill ? `${fill.pattern}|${fill.color}|${fill.patternColor ?? ""}` : "";
}
