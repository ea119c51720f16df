/**
 * What every copy Kensa writes through exceljs needs to be valid for Excel (core/apply/excel-text.ts): legal
 * sheet names, cell texts of at most 32,767 characters and no character XML cannot carry — in the cells a
 * person's workbook carries over as much as in Kensa's own — and the fix log (修正履歴) that keeps every figure
 * Kensa replaced. Browser-safe.
 */
import ExcelJS from "exceljs";
import type JSZip from "jszip";

/** JSZip, loaded on first use: a check that writes nothing never parses it (issue 13, start-up). */
export async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  const { default: zip } = await import("jszip");
  return zip.loadAsync(bytes);
}
import {
  chooseFixLogName,
  clipCellText,
  excelText,
  FIX_LOG_HEADER_ROW,
  FIX_LOG_WIDTHS,
  fixLogHeadRows,
  fixLogRow,
  hasInvalidXmlChars,
  isLegalSheetName,
  legalSheetName,
  MAX_CELL_TEXT,
  wrappedLines,
  rowHeight,
  type FixLogEntry,
} from "../../core/apply";
import { isFixLogTitle } from "../../core/model/kensa-sheets";
import { kensaFont } from "./result-sheet";
import { landscapeA4 } from "./print";
import type { Lang } from "../../core/values/format";

const TEXT = {
  ja: {
    renamed: (from: string, to: string) =>
      `シート名「${from}」は Excel で使えない名前のため、このコピーでは「${to}」にしました（このシートを参照する数式は確認してください）。`,
    cleaned: (n: number) => `${n}個のセルの文字列から Excel が扱えない文字を取り除くか、32,767文字で切り詰めました。`,
  },
  en: {
    renamed: (from: string, to: string) =>
      `The sheet name “${from}” is not allowed in Excel: this copy names it “${to}” (check formulas referring to it).`,
    cleaned: (n: number) =>
      `${n} cells held characters Excel cannot store or more than 32,767 characters: they were removed or clipped.`,
  },
};

function needsCleaning(text: string): boolean {
  return text.length > MAX_CELL_TEXT || hasInvalidXmlChars(text);
}

/** The cell's value with its texts made valid, or undefined when it already was. */
function cleanValue(v: ExcelJS.CellValue): ExcelJS.CellValue | undefined {
  if (typeof v === "string") return needsCleaning(v) ? excelText(v) : undefined;
  if (!v || typeof v !== "object" || v instanceof Date) return undefined;
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    const runs = o.richText as { text: string }[];
    const whole = runs.map((r) => r.text ?? "").join("");
    if (!needsCleaning(whole)) return undefined;
    // one run of the whole text: clipping run by run could still exceed the limit
    return excelText(whole);
  }
  if (typeof o.text === "string" && "hyperlink" in o) {
    return needsCleaning(o.text) ? ({ ...o, text: excelText(o.text) } as unknown as ExcelJS.CellValue) : undefined;
  }
  if (("formula" in o || "sharedFormula" in o) && typeof o.result === "string" && needsCleaning(o.result)) {
    return { ...o, result: excelText(o.result) } as unknown as ExcelJS.CellValue;
  }
  return undefined;
}

/**
 * Makes the loaded workbook valid for Excel in place: illegal or duplicate sheet names renamed, texts cleaned.
 * Returns the renamed sheets (old name → new) and the warnings to show.
 */
export function makeValidForExcel(
  wb: ExcelJS.Workbook,
  lang: Lang,
): { renamed: Map<string, string>; warnings: string[] } {
  const renamed = new Map<string, string>();
  const warnings: string[] = [];
  const taken = new Set<string>();
  for (const ws of wb.worksheets) {
    const name = ws.name;
    if (isLegalSheetName(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      continue;
    }
    const others = new Set([...taken, ...wb.worksheets.filter((w) => w !== ws).map((w) => w.name.toLowerCase())]);
    const legal = legalSheetName(name, others);
    ws.name = legal;
    taken.add(legal.toLowerCase());
    renamed.set(name, legal);
  }
  let cleaned = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cleanValue(cell.value);
        if (value !== undefined) {
          cell.value = value;
          cleaned++;
        }
        const note = cell.note;
        if (typeof note === "string" && needsCleaning(note)) cell.note = excelText(note);
      });
    });
  }
  if (cleaned) warnings.push(TEXT[lang].cleaned(cleaned));
  return { renamed, warnings };
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function xmlDecode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : XML_ENTITIES[e],
  );
}

function xmlEncode(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The package with its sheet names made legal for Excel, before exceljs loads it: exceljs refuses to load a
 * workbook whose sheet name Excel forbids (「a[b]」, 'History', a leading apostrophe) and silently cuts a long one,
 * which may then clash with another. Only xl/workbook.xml is rewritten, and only when a name needs it.
 */
export async function withLegalSheetNames(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; renamed: Map<string, string> }> {
  const renamed = new Map<string, string>();
  let zip: JSZip;
  try {
    zip = await loadZip(bytes);
  } catch {
    return { bytes, renamed }; // not a zip: exceljs says so in its own words
  }
  const part = zip.file("xl/workbook.xml");
  if (!part) return { bytes, renamed };
  const xml = await part.async("string");
  const tag = /<((?:\w+:)?sheet)\b([^>]*?)\bname="([^"]*)"/g;
  const names = [...xml.matchAll(tag)].map((m) => xmlDecode(m[3]));
  const taken = new Set<string>();
  const legal = names.map((name) => {
    const ok = isLegalSheetName(name) && !taken.has(name.toLowerCase());
    const out = ok
      ? name
      : legalSheetName(
          name,
          new Set([...taken, ...names.filter((n) => n !== name && isLegalSheetName(n)).map((n) => n.toLowerCase())]),
        );
    taken.add(out.toLowerCase());
    if (!ok) renamed.set(name, out);
    return out;
  });
  if (!renamed.size) return { bytes, renamed };
  let i = 0;
  zip.file(
    "xl/workbook.xml",
    xml.replace(tag, (_m, t: string, before: string) => `<${t}${before}name="${xmlEncode(legal[i++])}"`),
  );
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), renamed };
}

/** The warnings for sheets renamed to legal names. */
export function renameWarnings(renamed: ReadonlyMap<string, string>, lang: Lang): string[] {
  return [...renamed].map(([from, to]) => TEXT[lang].renamed(excelText(from).slice(0, 100), to));
}

/** Appends entries to the workbook's 修正履歴 sheet, adding the sheet (visible, after the others) when missing. */
export function appendFixLog(wb: ExcelJS.Workbook, entries: readonly FixLogEntry[], lang: Lang): void {
  if (!entries.length) return;
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, log: isFixLogTitle(ws.getCell("A1").value) }));
  const { name, exists } = chooseFixLogName(sheets, lang);
  let ws = wb.getWorksheet(name);
  if (!exists || !ws) {
    ws = wb.addWorksheet(name);
    fixLogHeadRows(lang).forEach((cells, r) => {
      const row = ws!.getRow(r + 1);
      cells.forEach((t, c) => {
        const cell = row.getCell(c + 1);
        cell.value = excelText(t);
        cell.font = kensaFont({ bold: r !== 1 });
        if (r === FIX_LOG_HEADER_ROW - 1)
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
      });
    });
    FIX_LOG_WIDTHS.forEach((w, i) => (ws!.getColumn(i + 1).width = w));
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: FIX_LOG_HEADER_ROW }];
    ws.pageSetup = landscapeA4(`${FIX_LOG_HEADER_ROW}:${FIX_LOG_HEADER_ROW}`);
  }
  let r = Math.max(ws.actualRowCount, ws.rowCount, FIX_LOG_HEADER_ROW) + 1;
  for (const e of entries) {
    const row = ws.getRow(r++);
    fixLogRow(e, lang).forEach((t, c) => {
      const cell = row.getCell(c + 1);
      cell.value = clipCellText(t); // text, never a formula: "=SUM(D25:D27)" stays the text of the formula
      cell.alignment = { vertical: "top", wrapText: c >= 4 };
      cell.font = kensaFont();
    });
    const lines = Math.max(1, ...[4, 5, 6].map((c) => wrappedLines(row.getCell(c + 1).text, FIX_LOG_WIDTHS[c])));
    row.height = rowHeight(Math.min(lines, 20));
  }
}
