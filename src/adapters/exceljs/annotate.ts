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
  stateProblemText,
  STATE_SHEET,
  COMPUTED_FIXED_STYLE,
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
} from "../../core/apply";
import { isFixLogTitle, isResultSheetTitle } from "../../core/model/kensa-sheets";
import type { Lang } from "../../core/values/format";
import { applyHighlights, restoreFromState, writeState } from "./annotate-state";
import { findCell, plainValue, restyle } from "./cells";
import { appendFixLog, makeValidForExcel, renameWarnings, withLegalSheetNames } from "./excel-valid";
import { printable, writeResultSheet } from "./result-sheet";

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

/** Excel's built-in Calculation style for a live formula, its Output style for a fixed value (core/apply/plan.ts). */
function computedStyle(cell: ExcelJS.Cell, fixed: boolean): Partial<ExcelJS.Style> {
  const style = fixed ? COMPUTED_FIXED_STYLE : COMPUTED_STYLE;
  const line = { style: "thin", color: { argb: style.border } } as const;
  return {
    // over the cell's own font: its face and size stay
    font: { ...cell.font, bold: true, color: { argb: style.font } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } },
    border: { top: line, left: line, bottom: line, right: line },
  };
}

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
      log.push({
        at,
        sheet: w.sheet,
        cell: w.cell,
        kind: "computed",
        label: w.label,
        ...(w.rule ? { rule: w.rule } : {}),
        before,
        after: contentOf(w),
      });
    if (w.formula) {
      const value: ExcelJS.CellFormulaValue = { formula: w.formula, date1904: false };
      if (w.value !== null) value.result = w.value;
      cell.value = value;
    } else {
      cell.value = w.value;
    }
    restyle(cell, { ...(w.numFmt ? { numFmt: w.numFmt } : {}), ...computedStyle(cell, !!w.fixedBecause) });
  }
  return log;
}

function contentOf(w: ComputedWrite): string {
  return w.formula ? `=${w.formula}` : cellContentText(w.value);
}

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
