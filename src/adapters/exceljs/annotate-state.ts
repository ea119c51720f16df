/**
 * Kensa's memory of what it changed in an annotated copy, so a later run on the copy first restores the cells it
 * highlighted (original fill, note without Kensa's part) instead of stacking highlights: a very hidden sheet
 * (Kensa_state) whose A1 carries the result-sheet marker, so the engine never checks it (core/apply/state.ts).
 */
import type ExcelJS from "exceljs";
import {
  themePalette,
  withResolvedColours,
  noteWithKensa,
  userPartOfNote,
  exceljsFillOf,
  HighlightRowSchema,
  MAX_STATE_ROWS,
  STATE_MARK,
  STATE_SHEET,
  type ApplyPlan,
  type StateProblem,
} from "../../core/apply";
import { findCell, noteText, plainValue, removeNote, restyle, solidFill } from "./cells";

/** A cell Kensa highlighted or noted. */
export interface Touched {
  sheet: string;
  cell: string;
  /** JSON of the original fill, or "" when the cell had none. */
  fill: string;
}

/**
 * Rows may carry a 4th column (the Office.js adapter's record of the note it wrote, with the person's
 * original note); only columns 1–3 are read here, and the note is restored from its text
 * (userPartOfNote), which both adapters write in the same layout.
 */
export function restoreFromState(wb: ExcelJS.Workbook): StateProblem[] {
  const state = wb.getWorksheet(STATE_SHEET);
  if (!state || plainValue(state.getCell("A1")) !== STATE_MARK) return [];
  const problems: StateProblem[] = [];
  // the sheet may be forged: too many rows is ignored whole, a row not in Kensa's format is skipped
  if (state.rowCount - 1 > MAX_STATE_ROWS) problems.push({ kind: "too-large", rows: state.rowCount - 1 });
  else {
    let bad = 0;
    state.eachRow((row, r) => {
      if (r === 1) return;
      const a = [1, 2, 3].map((c) => plainValue(row.getCell(c)) ?? "");
      if (a.every((v) => v === "")) return; // only columns F–I (the add-in's computed cells)
      const parsed = HighlightRowSchema.safeParse([...a, ""]);
      if (!parsed.success || !restoreCell(wb, parsed.data[0], parsed.data[1], parsed.data[2])) bad++;
    });
    if (bad) problems.push({ kind: "bad-rows", rows: bad });
  }
  wb.removeWorksheet(state.id);
  return problems;
}

/** Gives one recorded cell back its fill and its person's note; false when the record is not Kensa's. */
function restoreCell(wb: ExcelJS.Workbook, sheet: string, address: string, fillJson: string | undefined): boolean {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return true; // the sheet was removed since: nothing to give back
  // never getCell: a forged record of cells far away would create them (60,000 cells at XFD)
  // and a record of a cell that does not exist is not one Kensa wrote (it only records cells it changed)
  const cell = findCell(ws, address);
  if (!cell) return false;
  const fill = exceljsFillOf(fillJson);
  if (fill === undefined) return false;
  const style = { ...cell.style } as Partial<ExcelJS.Style>;
  if (fill === "none") delete style.fill;
  else style.fill = fill as ExcelJS.Fill;
  cell.style = style;
  const user = userPartOfNote(noteText(cell.note));
  if (user) cell.note = user;
  else if (cell.note) removeNote(cell);
  return true;
}

export function writeState(wb: ExcelJS.Workbook, touched: Touched[]): void {
  if (!touched.length) return;
  const ws = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
  ws.getCell("A1").value = STATE_MARK;
  touched.forEach((t, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = t.sheet;
    row.getCell(2).value = t.cell;
    row.getCell(3).value = t.fill;
  });
}

/** The workbook's theme colours, so a theme fill can be recorded with the RGB it stands for (Office.js sets fills by RGB only). */
function workbookPalette(wb: ExcelJS.Workbook): (string | undefined)[] | undefined {
  const xml = (wb as unknown as { _themes?: Record<string, unknown> })._themes?.theme1;
  return typeof xml === "string" ? themePalette(xml) : undefined;
}

export function applyHighlights(wb: ExcelJS.Workbook, plan: ApplyPlan): Touched[] {
  const touched = new Map<string, Touched>();
  let palette: (string | undefined)[] | undefined | null = null;
  const touch = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell) => {
    const key = `${ws.name}\u0000${cell.address}`;
    if (touched.has(key)) return;
    const fill = cell.style?.fill;
    if (fill && palette === null) palette = workbookPalette(wb);
    touched.set(key, {
      sheet: ws.name,
      cell: cell.address,
      fill: fill ? JSON.stringify(withResolvedColours(fill, palette ?? undefined)) : "",
    });
  };
  for (const h of plan.highlights) {
    const ws = wb.getWorksheet(h.sheet);
    if (!ws) continue;
    const fill = solidFill(h.fill);
    for (const r of h.rects) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const cell = ws.getCell(row + 1, col + 1);
          touch(ws, cell);
          restyle(cell, { fill });
        }
      }
    }
  }
  for (const n of plan.notes) {
    const ws = wb.getWorksheet(n.sheet);
    if (!ws) continue;
    const cell = ws.getCell(n.cell);
    touch(ws, cell);
    const user = userPartOfNote(noteText(cell.note));
    cell.note = noteWithKensa(user, n.text);
  }
  return [...touched.values()];
}
