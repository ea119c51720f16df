/**
 * The annotated copy (exceljs): flagged cells highlighted by severity with a note, computed cells
 * filled (formula plus cached result) where Kensa may write, and a result sheet listing every finding.
 * Browser-safe: no Node imports here (file I/O is in ./files.ts).
 */
import ExcelJS from "exceljs";
import type { CheckResult } from "../../core/engine";
import {
  planApply,
  internalReference,
  themePalette,
  withResolvedColours,
  noteWithKensa,
  userPartOfNote,
  type ApplyPlan,
  type CellProbe,
  type ExistingCell,
  type ExistingSheet,
  type ResultSheetPlan,
} from "../../core/apply";
import type { CellValue } from "../../core/model/workbook";
import type { Lang } from "../../core/report/format";
import { RESULT_SHEET_MARKER } from "../../core/rules/shared/result-sheet";

function noteText(note: ExcelJS.Cell["note"] | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function plainValue(cell: ExcelJS.Cell): CellValue | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      // cell.value drops a cached result of 0 (exceljs 4.4); cell.result keeps it.
      const r = cell.result as unknown;
      if (r === undefined || r === null) return null;
      if (typeof r === "object" && r && "error" in r) return { error: String((r as { error: unknown }).error) };
      return r as CellValue;
    }
    if ("richText" in o) return ((o.richText as { text: string }[]) ?? []).map((t) => t.text).join("");
    if ("text" in o) return String(o.text ?? "");
    if ("error" in o) return { error: String(o.error) };
  }
  return String(v);
}

function findCell(ws: ExcelJS.Worksheet, address: string): ExcelJS.Cell | undefined {
  return (ws as unknown as { findCell(a: string): ExcelJS.Cell | undefined }).findCell(address);
}

function makeProbe(wb: ExcelJS.Workbook): CellProbe {
  return (sheet, address) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) return "no-sheet";
    const cell = findCell(ws, address);
    if (!cell) return { value: null };
    const out: ExistingCell = { value: plainValue(cell) };
    const formula = cell.formula;
    if (formula) out.formula = formula;
    if (cell.isMerged && cell.master && cell.master.address !== cell.address) out.mergedSlave = true;
    const v = cell.value as unknown as Record<string, unknown> | null;
    if (v && typeof v === "object" && ("sharedFormula" in v || v.shareType !== undefined)) out.sharedFormula = true;
    return out;
  };
}

function existingSheets(wb: ExcelJS.Workbook): ExistingSheet[] {
  return wb.worksheets.map((ws) => {
    const a1 = plainValue(ws.getCell("A1"));
    return { name: ws.name, kensa: typeof a1 === "string" && a1.startsWith(RESULT_SHEET_MARKER) };
  });
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** Sets style parts on one cell without touching styles it shares with other cells. */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch } as ExcelJS.Style;
}

/**
 * Kensa's memory of what it changed, so a later run on an annotated copy first restores the cells it
 * highlighted (original fill, note without Kensa's part) instead of stacking highlights. A very hidden
 * sheet whose A1 carries the result-sheet marker, so the engine never checks it.
 */
const STATE_SHEET = "Kensa_state";
const STATE_MARK = `${RESULT_SHEET_MARKER} state v1`;

interface Touched {
  sheet: string;
  cell: string;
  /** JSON of the original fill, or "" when the cell had none. */
  fill: string;
}

/** exceljs has no API to remove a note: it lives on the cell and, after loading, in its value's model. */
function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

/**
 * Rows may carry a 4th column (the Office.js adapter's record of the note it wrote, with the person's
 * original note); only columns 1–3 are read here, and the note is restored from its text
 * (userPartOfNote), which both adapters write in the same layout.
 */
function restoreFromState(wb: ExcelJS.Workbook): void {
  const state = wb.getWorksheet(STATE_SHEET);
  if (!state || plainValue(state.getCell("A1")) !== STATE_MARK) return;
  state.eachRow((row, r) => {
    if (r === 1) return;
    const sheet = plainValue(row.getCell(1));
    const address = plainValue(row.getCell(2));
    const fill = plainValue(row.getCell(3));
    if (typeof sheet !== "string" || typeof address !== "string") return;
    const ws = wb.getWorksheet(sheet);
    if (!ws) return;
    let cell: ExcelJS.Cell;
    try {
      cell = ws.getCell(address);
    } catch {
      return;
    }
    const style = { ...cell.style } as Partial<ExcelJS.Style>;
    if (typeof fill === "string" && fill) {
      try {
        const { kensaResolved: _resolved, ...original } = JSON.parse(fill) as ExcelJS.Fill & { kensaResolved?: unknown };
        style.fill = original as ExcelJS.Fill;
      } catch {
        delete style.fill;
      }
    } else delete style.fill;
    cell.style = style as ExcelJS.Style;
    const user = userPartOfNote(noteText(cell.note));
    if (user) cell.note = user;
    else if (cell.note) removeNote(cell);
  });
  wb.removeWorksheet(state.id);
}

function writeState(wb: ExcelJS.Workbook, touched: Touched[]): void {
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

function applyHighlights(wb: ExcelJS.Workbook, plan: ApplyPlan): Touched[] {
  const touched = new Map<string, Touched>();
  let palette: (string | undefined)[] | undefined | null = null;
  const touch = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell) => {
    const key = `${ws.name}\u0000${cell.address}`;
    if (touched.has(key)) return;
    const fill = cell.style?.fill;
    if (fill && palette === null) palette = workbookPalette(wb);
    touched.set(key, { sheet: ws.name, cell: cell.address, fill: fill ? JSON.stringify(withResolvedColours(fill, palette ?? undefined)) : "" });
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

function applyWrites(wb: ExcelJS.Workbook, plan: ApplyPlan): void {
  for (const w of plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    if (w.formula) {
      const value: ExcelJS.CellFormulaValue = { formula: w.formula, date1904: false };
      if (w.value !== null) value.result = w.value;
      cell.value = value;
    } else {
      cell.value = w.value;
    }
    if (w.numFmt) restyle(cell, { numFmt: w.numFmt });
  }
}

function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function writeResultSheet(wb: ExcelJS.Workbook, plan: ResultSheetPlan): ExcelJS.Worksheet {
  for (const name of plan.replace) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(plan.name);
  plan.rows.forEach((cells, r) => {
    cells.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      switch (c.type) {
        case "text":
          // A string value is stored as a string (shared string), never parsed as a formula.
          cell.value = c.text;
          if (c.bold) cell.font = { bold: true };
          break;
        case "number":
          cell.value = c.value;
          break;
        case "link": {
          // exceljs 4.4 writes internal hyperlinks wrongly (exceljs#3027), so the link is a HYPERLINK
          // formula built only from escaped string literals.
          const target = "#" + internalReference(c.sheet, c.cell);
          cell.value = { formula: `HYPERLINK(${excelString(target)},${excelString(c.text)})`, result: c.text, date1904: false };
          cell.font = { color: { argb: "FF0563C1" }, underline: true };
          break;
        }
      }
    });
  });
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(5).alignment = { wrapText: true, vertical: "top" };
  if (plan.columnCount >= 10) ws.getColumn(10).alignment = { wrapText: true, vertical: "top" }; // 確認の理由
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];
  ws.autoFilter = plan.autoFilter;
  return ws;
}

/** Annotates a workbook in memory. The input bytes are not modified. */
export async function annotateBuffer(input: ArrayBuffer | Uint8Array, result: CheckResult, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const bytes = input instanceof Uint8Array ? input.slice() : new Uint8Array(input.slice(0));
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  restoreFromState(wb);
  const plan = planApply(result, { lang, probe: makeProbe(wb), sheets: existingSheets(wb) });
  applyWrites(wb, plan);
  const touched = applyHighlights(wb, plan);
  writeResultSheet(wb, plan.resultSheet);
  writeState(wb, touched);
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** The plan annotateBuffer executes, for callers that want to report what was written or skipped. */
export async function planForBuffer(input: ArrayBuffer | Uint8Array, result: CheckResult, lang: Lang): Promise<ApplyPlan> {
  const wb = new ExcelJS.Workbook();
  const bytes = input instanceof Uint8Array ? input.slice() : new Uint8Array(input.slice(0));
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  restoreFromState(wb);
  return planApply(result, { lang, probe: makeProbe(wb), sheets: existingSheets(wb) });
}
