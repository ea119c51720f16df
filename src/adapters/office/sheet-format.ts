/**
 * What the sheets Kensa adds (the 検証結果 sheet, the 修正履歴 sheet, the template) share: text cells that stay
 * text, column widths, formatting many cells in few requests, and the print setup.
 *
 * Print setup: Worksheet.pageLayout (ExcelApi 1.9, Excel.PageLayout reference;
 * docs/excel/excel-add-ins-worksheet-display.md "Page layout and print settings"). The manifest's floor is
 * ExcelApi 1.9, but should a host lack it the sheet is still written, only without its print setup (and its
 * formats go cell block by cell block instead of through RangeAreas, also ExcelApi 1.9).
 */
import { columnLetters } from "../../core/model/address";
import { chunkAddresses } from "./limits";
import type { Session } from "./session";

/** Strings that Excel's values setter would not keep as the same text. */
export function needsTextFormat(s: string): boolean {
  return (
    /^[=+\-@']/.test(s) ||
    (s.trim() !== "" && !Number.isNaN(Number(s.replace(/,/g, "")))) ||
    /^(TRUE|FALSE)$/i.test(s.trim())
  );
}

/** Characters per column width unit, in points (Calibri 11: about 7 pixels ≈ 5.25 pt per character, plus padding). */
const POINTS_PER_CHAR = 5.6;

/** Column widths in characters, as the plans give them (Range.format.columnWidth is in points). */
export function setColumnWidths(ws: Excel.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getRange(`${columnLetters(i)}1`).format.columnWidth = Math.round(w * POINTS_PER_CHAR)));
}

/**
 * Formats ranges ("B2:D4") of one sheet: through RangeAreas under the address limit with ExcelApi 1.9, else
 * one range each.
 */
export function formatAreas(
  s: Session,
  ws: Excel.Worksheet,
  addresses: readonly string[],
  apply: (format: Excel.RangeFormat) => void,
): void {
  if (!addresses.length) return;
  if (s.supports("1.9")) for (const a of chunkAddresses(addresses)) apply(ws.getRanges(a).format);
  else for (const a of addresses) apply(ws.getRange(a).format);
}

/** Row heights in points by 0-based row: one request per run of rows of the same height. */
export function setRowHeights(ws: Excel.Worksheet, heights: ReadonlyMap<number, number>): void {
  const rows = [...heights.keys()].sort((a, b) => a - b);
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (j < rows.length && rows[j] === rows[j - 1] + 1 && heights.get(rows[j]) === heights.get(rows[i])) j++;
    ws.getRange(`A${rows[i] + 1}:A${rows[j - 1] + 1}`).format.rowHeight = heights.get(rows[i])!;
    i = j;
  }
}

/** How a sheet Kensa adds prints: A4 landscape, one page wide, the header rows on every page. */
export interface PrintSetup {
  /** 1-based rows repeated at the top of every page ("10:10"). */
  titleRows: string;
  /** Margins in inches, as the CLI's copy (exceljs pageSetup.margins) has them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centered?: boolean;
  /** The sheet's name at the top left of every page (the template's sheets). */
  nameInHeader?: boolean;
}

const POINTS_PER_INCH = 72;

/**
 * Queues the print setup (ExcelApi 1.9; nothing below it). `zoom` must be set as a whole object
 * (PageLayout.zoom reference: "use x.zoom = {...} instead of x.zoom.scale = ..."); only its width is given, as
 * in OfficeDev/office-js#1860, so the height follows the rows (Microsoft documents no "automatic" value for
 * verticalFitToPages). Header and footer codes (&P page, &N pages, &A sheet) are Excel's
 * (HeaderFooter reference). Returns whether it was queued.
 */
export function setPrintLayout(s: Session, ws: Excel.Worksheet, print: PrintSetup): boolean {
  if (!s.supports("1.9")) return false;
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = "Landscape";
  layout.zoom = { horizontalFitToPages: 1 };
  layout.setPrintTitleRows(print.titleRows.replace(/(\d+)/g, "$$$1"));
  const m = print.margins;
  const points = (inches: number) => Math.round(inches * POINTS_PER_INCH * 10) / 10;
  layout.leftMargin = points(m.left);
  layout.rightMargin = points(m.right);
  layout.topMargin = points(m.top);
  layout.bottomMargin = points(m.bottom);
  layout.headerMargin = points(m.header);
  layout.footerMargin = points(m.footer);
  if (print.centered) layout.centerHorizontally = true;
  const pages = layout.headersFooters.defaultForAllPages;
  pages.centerFooter = "&P / &N";
  if (print.nameInHeader) pages.leftHeader = "&A";
  return true;
}
