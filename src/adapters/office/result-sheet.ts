/**
 * The 検証結果 sheet (core/apply/result-sheet.ts, the plan the CLI's copy is written from too): the summary
 * block, one row per finding with a link to its cell, and a reviewer's print setup — A4 landscape, one page
 * wide, the header row on every page, messages wrapped and rows as tall as their text. Kensa's earlier result
 * sheet is cleared and reused, never deleted and added again (deleting a sheet clears Excel's undo history,
 * docs/excel/excel-add-ins-undo-capabilities.md). A reused sheet keeps none of its earlier layout: the cells
 * are cleared with "All" and the print setup is written again.
 */
import type { CheckResult } from "../../core/engine";
import {
  internalReference,
  mergeIntoRectangles,
  planResultSheet,
  rectToA1,
  type ExistingSheet,
  type ResultSheetPlan,
} from "../../core/apply";
import { columnLetters, fromA1, toA1 } from "../../core/model/address";
import { isFixLogTitle, isResultSheetTitle } from "../../core/model/kensa-sheets";
import { hostError } from "./errors";
import { batchByBytes, gridBytes } from "./limits";
import type { Session } from "./session";
import { PRINT_MARGINS } from "../../core/apply/print";
import { formatAreas, setColumnWidths, setPrintLayout, setRowHeights } from "./sheet-format";
import { STATE_SHEET } from "./state";
import { loadWorkbookInfo } from "./workbook-info";

const HEADER_FILL = "#E7E6E6";

function excelString(t: string): string {
  return `"${t.replace(/"/g, '""')}"`;
}

/** Existing sheets with the Kensa flag (A1 carries the result-sheet marker); never the state sheet. */
export async function existingSheets(
  s: Session,
  names: readonly string[],
): Promise<(ExistingSheet & { log: boolean })[]> {
  const a1 = names.map((n) => {
    const r = s.sheet(n).getRange("A1");
    r.load("values");
    return r;
  });
  await s.sync();
  return names.map((name, i) => {
    const v: unknown = a1[i].values?.[0]?.[0];
    return {
      name,
      kensa: isResultSheetTitle(v) && name.toLowerCase() !== STATE_SHEET.toLowerCase(),
      log: isFixLogTitle(v),
    };
  });
}

export async function writeResultSheet(
  s: Session,
  result: CheckResult,
  computedCounts: { written: number; skipped: number } = { written: 0, skipped: 0 },
): Promise<ResultSheetPlan> {
  const { ctx } = s;
  const info = await loadWorkbookInfo(s, false);
  const names = info.sheets.map((x) => x.name);
  const existing = (await existingSheets(s, names)).filter((x) => !x.log);
  const plan = planResultSheet(result, s.lang, existing, computedCounts);
  // Kensa's earlier result sheet is cleared and reused: deleting a sheet clears Excel's undo history
  const reuse = plan.replace.find((name) => !info.sheet(name)?.protected);
  if (!reuse && info.workbookProtected) throw hostError("protected", s.lang);
  let ws: Excel.Worksheet;
  if (reuse) {
    ws = s.sheet(reuse);
    // unmerged first: Microsoft does not document whether clearing "All" unmerges
    ws.getRange().unmerge();
    ws.getRange().clear("All");
    // and its rows at the sheet's standard height again (clearing keeps row heights)
    if (s.supports("1.9")) ws.getRange("A1:A1048576").format.useStandardHeight = true;
    ws.freezePanes.unfreeze();
    if (s.supports("1.9")) ws.autoFilter.remove();
    plan.name = reuse;
  } else ws = ctx.workbook.worksheets.add(plan.name);
  const width = plan.columnCount;
  const lastCol = columnLetters(width - 1);
  // cells as three aligned 2D arrays: number formats ("@" on every text cell, first), values, link formulas
  const rows = plan.rows.map((cells) => {
    const fmt: (string | null)[] = [];
    const val: (string | number | null)[] = [];
    const fx: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = cells[c] ?? null;
      if (!cell) {
        fmt.push(null);
        val.push(null);
        fx.push(null);
      } else if (cell.type === "text") {
        fmt.push("@");
        val.push(cell.text);
        fx.push(null);
      } else if (cell.type === "number") {
        fmt.push(cell.numFmt ?? null);
        val.push(cell.value);
        fx.push(null);
      } else {
        fmt.push(null);
        val.push(null);
        fx.push(`=HYPERLINK(${excelString("#" + internalReference(cell.sheet, cell.cell))},${excelString(cell.text)})`);
      }
    }
    return { fmt, val, fx };
  });
  const batches = batchByBytes(
    rows.map((r, i) => ({ ...r, i })),
    (r) => gridBytes([r.fmt]) + gridBytes([r.val]) + gridBytes([r.fx]),
  );
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b];
    const first = batch[0].i;
    const range = ws.getRange(`A${first + 1}:${lastCol}${first + batch.length}`);
    range.numberFormat = batch.map((r) => r.fmt);
    range.values = batch.map((r) => r.val);
    if (batch.some((r) => r.fx.some((f) => f !== null))) range.formulas = batch.map((r) => r.fx);
    if (b < batches.length - 1) await s.sync();
  }
  // formatting: a handful of ranges whatever the number of findings
  const n = plan.rows.length;
  const bold: string[] = [];
  const fills = new Map<string, string[]>();
  plan.rows.forEach((cells, r) =>
    cells.forEach((c, col) => {
      if (c?.type !== "text") return;
      if (c.bold) bold.push(toA1(r, col));
      // severity colours on the 重要度 cells (and the summary's counts): one range list per colour
      if (c.fill) (fills.get(c.fill) ?? fills.set(c.fill, []).get(c.fill)!).push(toA1(r, col));
    }),
  );
  const rects = (cells: string[]) => mergeIntoRectangles(cells.map((a) => fromA1(a))).map(rectToA1);
  formatAreas(s, ws, rects(bold), (f) => (f.font.bold = true));
  for (const [argb, cells] of fills) formatAreas(s, ws, rects(cells), (f) => (f.fill.color = `#${argb.slice(-6)}`));
  if (plan.rows.some((cells) => cells.some((c) => c?.type === "link"))) {
    const link = ws.getRange(`D${plan.headerRow + 2}:D${n}`);
    link.format.font.color = "#0563C1";
    link.format.font.underline = "Single";
  }
  // the header row as the CLI's copy has it: shaded, wrapped, a line below
  const header = ws.getRange(`A${plan.headerRow + 1}:${lastCol}${plan.headerRow + 1}`).format;
  header.fill.color = HEADER_FILL;
  header.wrapText = true;
  header.borders.getItem("EdgeBottom").color = "#8A8886";
  setColumnWidths(ws, plan.widths);
  const last = Math.max(n, plan.headerRow + 1);
  const used = ws.getRange(`A1:${lastCol}${last}`).format;
  used.verticalAlignment = "Top";
  used.font.name = plan.font.name;
  used.font.size = plan.font.size;
  for (const col of plan.wrapColumns)
    ws.getRange(`${columnLetters(col)}${plan.headerRow + 1}:${columnLetters(col)}${last}`).format.wrapText = true;
  // the summary block's texts across their merged columns, and every row as tall as its wrapped text (Excel
  // does not re-fit rows an add-in wrote)
  for (const m of plan.merges) {
    const range = ws.getRange(m);
    range.merge(false);
    range.format.wrapText = true;
  }
  // heights reckoned from the plan's font, as the CLI's copy has them (one request per run of equal heights)
  setRowHeights(ws, new Map(plan.heights.map((h, r) => [r, h])));
  ws.freezePanes.freezeRows(plan.headerRow + 1);
  if (s.supports("1.9")) ws.autoFilter.apply(ws.getRange(plan.autoFilter));
  setPrintLayout(s, ws, {
    titleRows: plan.print.titleRows,
    margins: PRINT_MARGINS,
  });
  ws.activate();
  ws.load("id");
  await s.sync();
  s.ownSheetIds.push(ws.id);
  return plan;
}
