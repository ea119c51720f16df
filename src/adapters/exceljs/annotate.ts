/**
 * The annotated copy (exceljs): flagged cells highlighted by severity with a note, computed cells
 * filled (formula plus cached result, Kensa's computed style) where Kensa may write, a result sheet
 * listing every finding, and the fix log (修正履歴) of the cells Kensa filled. Every copy is made valid
 * for Excel before it is written (./excel-valid.ts). Browser-safe: no Node imports here (file I/O is in
 * ./files.ts).
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
  exceljsFillOf,
  stateProblemText,
  HighlightRowSchema,
  MAX_STATE_ROWS,
  STATE_MARK,
  STATE_SHEET,
  COMPUTED_STYLE,
  cellContentText,
  compactComputedLog,
  logTimestamp,
  type ApplyPlan,
  type CellProbe,
  type ComputedWrite,
  type ExistingCell,
  type ExistingSheet,
  type FixLogEntry,
  type ResultSheetPlan,
  type StateProblem,
} from "../../core/apply";
import { isFixLogTitle, isResultSheetTitle } from "../../core/model/kensa-sheets";
import type { CellValue } from "../../core/model/workbook";
import type { Lang } from "../../core/values/format";
import { appendFixLog, makeValidForExcel, renameWarnings, withLegalSheetNames } from "./excel-valid";

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
      if (typeof r === "object" && r && "error" in r) return { error: String(r.error) };
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
  return wb.worksheets
    .filter((ws) => ws.name !== STATE_SHEET && !isFixLogTitle(plainValue(ws.getCell("A1"))))
    .map((ws) => ({ name: ws.name, kensa: isResultSheetTitle(plainValue(ws.getCell("A1"))) }));
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** Sets style parts on one cell without touching styles it shares with other cells. */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/**
 * Kensa's memory of what it changed, so a later run on an annotated copy first restores the cells it
 * highlighted (original fill, note without Kensa's part) instead of stacking highlights. A very hidden
 * sheet whose A1 carries the result-sheet marker, so the engine never checks it (core/apply/state.ts).
 */

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
function restoreFromState(wb: ExcelJS.Workbook): StateProblem[] {
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

const COMPUTED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: COMPUTED_STYLE.font } };
const COMPUTED_BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(
  (["top", "left", "bottom", "right"] as const).map((side) => [
    side,
    { style: "thin", color: { argb: COMPUTED_STYLE.border } },
  ]),
);

function applyWrites(wb: ExcelJS.Workbook, plan: ApplyPlan): FixLogEntry[] {
  const log: FixLogEntry[] = [];
  const at = logTimestamp();
  for (const w of plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    const before = cellContentText(plainValue(cell), cell.formula);
    // a refresh of Kensa's own formula changes nothing a person entered: not logged again
    if (before !== contentOf(w))
      log.push({ at, sheet: w.sheet, cell: w.cell, kind: "computed", label: w.label, before, after: contentOf(w) });
    if (w.formula) {
      const value: ExcelJS.CellFormulaValue = { formula: w.formula, date1904: false };
      if (w.value !== null) value.result = w.value;
      cell.value = value;
    } else {
      cell.value = w.value;
    }
    // Excel's built-in Calculation style, over the cell's own font (its face and size stay)
    restyle(cell, {
      ...(w.numFmt ? { numFmt: w.numFmt } : {}),
      font: { ...cell.font, ...COMPUTED_FONT },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: COMPUTED_STYLE.fill } },
      border: COMPUTED_BORDER,
    });
  }
  return log;
}

function contentOf(w: ComputedWrite): string {
  return w.formula ? `=${w.formula}` : cellContentText(w.value);
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
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const wrap = new Set(plan.wrapColumns);
  plan.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    row.height = plan.lines[r] * LINE + 3;
    cells.forEach((c, col) => {
      if (!c) return;
      const cell = row.getCell(col + 1);
      cell.alignment = { vertical: "top", ...(r >= plan.headerRow && wrap.has(col) ? { wrapText: true } : {}) };
      switch (c.type) {
        case "text":
          // A string value is stored as a string (shared string), never parsed as a formula.
          cell.value = c.text;
          if (c.bold) cell.font = { bold: true };
          if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill } };
          break;
        case "number":
          cell.value = c.value;
          if (c.numFmt) cell.numFmt = c.numFmt;
          break;
        case "link": {
          // exceljs 4.4 writes internal hyperlinks wrongly (exceljs#3027), so the link is a HYPERLINK
          // formula built only from escaped string literals.
          const target = "#" + internalReference(c.sheet, c.cell);
          cell.value = {
            formula: `HYPERLINK(${excelString(target)},${excelString(c.text)})`,
            result: c.text,
            date1904: false,
          };
          cell.font = { color: { argb: "FF0563C1" }, underline: true };
          break;
        }
      }
    });
  });
  for (const range of plan.merges) {
    ws.mergeCells(range);
    ws.getCell(range.split(":")[0]).alignment = { vertical: "top", wrapText: true };
  }
  const header = ws.getRow(plan.headerRow + 1);
  for (let c = 1; c <= plan.columnCount; c++) {
    const cell = header.getCell(c);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8A8886" } } };
    cell.alignment = { vertical: "middle", wrapText: true };
  }
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];
  ws.autoFilter = plan.autoFilter;
  ws.pageSetup = {
    paperSize: plan.print.paperSize,
    orientation: plan.print.orientation,
    fitToPage: true,
    fitToWidth: plan.print.fitToWidth,
    fitToHeight: plan.print.fitToHeight,
    printTitlesRow: plan.print.titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&C&P / &N" };
  return ws;
}

/** Points per line of the default 11-point font. */
const LINE = 15;

/**
 * The copy is for a reviewer to print: a sheet its author gave no page setup at all (no paper size, not fitted)
 * prints A4 landscape, one page wide, in the copy — never in the input. A sheet with its own setup keeps it.
 */
function printable(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const setup = ws.pageSetup ?? {};
    if (
      ws.state !== "visible" ||
      setup.paperSize !== undefined ||
      setup.fitToPage ||
      setup.orientation === "landscape" ||
      (setup.scale ?? 100) !== 100
    )
      continue;
    ws.pageSetup = { ...setup, paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
}

/** Annotates a workbook in memory. The input bytes are not modified. */
export async function annotateBuffer(
  input: ArrayBuffer | Uint8Array,
  result: CheckResult,
  lang: Lang,
): Promise<Uint8Array> {
  return (await annotateCopy(input, result, lang)).bytes;
}

/**
 * The annotated copy and the warnings about it (Kensa's record set aside, sheet names or texts made valid for
 * Excel), which its result sheet also lists. The input bytes are not modified.
 */
export async function annotateCopy(
  input: ArrayBuffer | Uint8Array,
  result: CheckResult,
  lang: Lang,
): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const { wb, renamed: names } = await loadCopy(input);
  const warnings = restoreFromState(wb).map((p) => stateProblemText(p, lang));
  const valid = makeValidForExcel(wb, lang);
  for (const [from, to] of valid.renamed) names.set(from, to);
  warnings.unshift(...renameWarnings(names, lang));
  warnings.push(...valid.warnings);
  const plan = planApply(renamed(result, names), {
    lang,
    probe: makeProbe(wb),
    sheets: existingSheets(wb),
    notes: warnings,
  });
  const log = applyWrites(wb, plan);
  const touched = applyHighlights(wb, plan);
  printable(wb);
  writeResultSheet(wb, plan.resultSheet);
  appendFixLog(wb, compactComputedLog(log), lang);
  writeState(wb, touched);
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out), warnings };
}

/** The workbook loaded for writing a copy, its sheet names made legal first (old name → new). */
async function loadCopy(
  input: ArrayBuffer | Uint8Array,
): Promise<{ wb: ExcelJS.Workbook; renamed: Map<string, string> }> {
  const wb = new ExcelJS.Workbook();
  const { bytes, renamed } = await withLegalSheetNames(
    input instanceof Uint8Array ? input.slice() : new Uint8Array(input.slice(0)),
  );
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { wb, renamed };
}

/** The result with sheets renamed to the legal names the copy gives them. */
function renamed(result: CheckResult, names: ReadonlyMap<string, string>): CheckResult {
  if (!names.size) return result;
  const to = (s: string) => names.get(s) ?? s;
  return {
    ...result,
    findings: result.findings.map((f) => ({
      ...f,
      sheet: to(f.sheet),
      ...(f.fix ? { fix: { ...f.fix, sheet: to(f.fix.sheet) } } : {}),
    })),
    computed: result.computed.map((c) => ({ ...c, sheet: to(c.sheet) })),
  };
}

/** The plan annotateBuffer executes, for callers that want to report what was written or skipped. */
export async function planForBuffer(
  input: ArrayBuffer | Uint8Array,
  result: CheckResult,
  lang: Lang,
): Promise<ApplyPlan> {
  const { wb, renamed: names } = await loadCopy(input);
  restoreFromState(wb);
  const valid = makeValidForExcel(wb, lang);
  for (const [from, to] of valid.renamed) names.set(from, to);
  return planApply(renamed(result, names), { lang, probe: makeProbe(wb), sheets: existingSheets(wb) });
}

/**
 * Applies one fix the person confirmed (browser mode) to the workbook's bytes and logs it on the 修正履歴 sheet
 * with what the cell held, so the submitted figure is never lost. `result` is the cached value of a formula fix
 * (what the rule expected), so the next check sees the corrected number before Excel recalculates.
 */
export async function applyFixToBytes(
  input: Uint8Array,
  fix: { sheet: string; cell: string; formula?: string; value?: number | string },
  options: { lang: Lang; rule?: string; result?: number | string },
): Promise<Uint8Array> {
  const { wb, renamed: names } = await loadCopy(input);
  const ws = wb.getWorksheet(names.get(fix.sheet) ?? fix.sheet);
  if (!ws)
    throw new Error(options.lang === "ja" ? `シート「${fix.sheet}」がありません` : `no sheet named “${fix.sheet}”`);
  const address = fix.cell.replace(/\$/g, "");
  const cell = ws.getCell(address);
  const before = cellContentText(plainValue(cell), cell.formula);
  if (fix.formula !== undefined) {
    const value: ExcelJS.CellFormulaValue = { formula: fix.formula.replace(/^=/, ""), date1904: false };
    if (options.result !== undefined) value.result = options.result;
    cell.value = value;
  } else if (fix.value !== undefined) cell.value = fix.value;
  else return input;
  const after = fix.formula !== undefined ? `=${fix.formula.replace(/^=/, "")}` : cellContentText(fix.value);
  makeValidForExcel(wb, options.lang);
  appendFixLog(
    wb,
    [{ at: logTimestamp(), sheet: ws.name, cell: address, kind: "fix", rule: options.rule, before, after }],
    options.lang,
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
