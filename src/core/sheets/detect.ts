/** Sheet-kind detection by header labels (DOMAIN §2). */
import { isEmptyCell, type Cell, type Sheet } from "../model/workbook";
import { matchesLabel, normalizeLabel } from "../values/normalize";
import { KIND_SPECS, type KindSpec } from "./kinds";
import type { DetectedTable } from "./table";

const HEADER_SEARCH_ROWS = 30;
const FOOTNOTE = /^(※|注|\(注\)|（注）|\*)/;
const METADATA_LABELS = ["報告年度", "単位", "統合プロジェクト"];

export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.text !== undefined && cell.text !== "") return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return v.error;
  return String(v);
}

function matchRow(sheet: Sheet, row: number, spec: KindSpec): Record<string, number[]> | undefined {
  const cells = sheet.rows[row] ?? [];
  const columns: Record<string, number[]> = {};
  const taken = new Set<number>();
  for (const col of spec.columns) {
    for (let c = 0; c < cells.length; c++) {
      if (taken.has(c)) continue;
      const text = cellText(cells[c]);
      if (!text) continue;
      const hit = col.matches ? col.matches(normalizeLabel(text)) : col.labels.some((l) => matchesLabel(text, l));
      if (!hit) continue;
      (columns[col.key] ??= []).push(c);
      taken.add(c);
      if (!col.repeated) break;
    }
    if (col.required && !columns[col.key]) return undefined;
  }
  return columns;
}

/** Reads `label: value` cells and label cells followed by a value cell, above the header. */
export function readMetadata(sheet: Sheet, headerRow: number): Record<string, string> {
  const meta: Record<string, string> = {};
  for (let r = 0; r < headerRow; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const raw = cellText(cells[c]).trim();
      if (!raw) continue;
      const text = raw.normalize("NFKC").replace(/^[(（]\s*(.*?)\s*[)）]$/, "$1");
      for (const label of METADATA_LABELS) {
        if (meta[label] !== undefined) continue;
        const inline = new RegExp(`^${label}\\s*[:：]\\s*(.+)$`).exec(text);
        if (inline) {
          meta[label] = inline[1].trim();
        } else if (normalizeLabel(text).replace(/:$/, "") === label) {
          const next = cellText(cells[c + 1]).trim();
          if (next) meta[label] = next;
        }
      }
    }
  }
  return meta;
}

/**
 * A first character that no footnote starts with, even after trimming and NFKC: printable ASCII other
 * than ( and *, digits and letters, kana, and CJK ideographs other than 注 (none of these is white space,
 * none is changed by NFKC into ※, 注, ( or *).
 */
function cannotStartFootnote(c: number): boolean {
  if (c > 0x20 && c < 0x7f) return c !== 0x28 && c !== 0x2a;
  if (c >= 0x4e00 && c <= 0x9fff) return c !== 0x6ce8;
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa);
}

/**
 * Blank rows and footnotes (a first non-empty cell starting with ※, 注, （注） or *) are not data.
 * A row that also fills another of the kind's required columns is data whose 備考 happens to come first
 * (columns may be in any order), not a footnote.
 */
function isFootnoteOrBlank(sheet: Sheet, row: number, requiredCols: ReadonlySet<number>): boolean {
  const cells = sheet.rows[row] ?? [];
  let first = -1;
  for (let c = 0; c < cells.length; c++) {
    if (isEmptyCell(cells[c])) continue;
    if (first < 0) {
      const text = cellText(cells[c]);
      if (cannotStartFootnote(text.charCodeAt(0))) return false;
      if (!FOOTNOTE.test(text.trim().normalize("NFKC"))) return false;
      first = c;
    } else if (requiredCols.has(c)) {
      return false;
    }
  }
  return true;
}

/** The first header row within 30 rows matching a kind; ties go to the kind with more matched columns. */
export function detectTable(sheet: Sheet): DetectedTable | undefined {
  const limit = Math.min(HEADER_SEARCH_ROWS, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    let best: { spec: KindSpec; columns: Record<string, number[]> } | undefined;
    for (const spec of KIND_SPECS) {
      const columns = matchRow(sheet, r, spec);
      if (columns && (!best || Object.keys(columns).length > Object.keys(best.columns).length)) best = { spec, columns };
    }
    if (!best) continue;
    const headers = new Map<number, string>();
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const text = cellText(cell).trim();
      if (text) headers.set(c, text);
    });
    const dataRows: number[] = [];
    const requiredCols = new Set(best.spec.columns.filter((c) => c.required).flatMap((c) => best!.columns[c.key] ?? []));
    for (let row = r + 1; row < sheet.rows.length; row++) if (!isFootnoteOrBlank(sheet, row, requiredCols)) dataRows.push(row);
    return { sheet, kind: best.spec.kind, headerRow: r, columns: best.columns, headers, metadata: readMetadata(sheet, r), dataRows };
  }
  return undefined;
}

