/**
 * Row roles below a header (DOMAIN §2): header annex rows (units, column numbers), section headings,
 * legends, footnotes and sources, blank rows, and data. Only data rows reach the kind readers.
 */
import { normalizeLabel } from "../../values/normalize";
import type { SheetKind } from "../../model/kinds";
import { isEmptyCell } from "../../model/workbook";
import type { Layout } from "./layout";

export type RowRole = "annex" | "header" | "section" | "legend" | "footnote" | "blank" | "data";

/** A unit: `（単位：億円）`, `単位：千円`, `億円`, `%`, `(件)`, `人・%`. */
const UNIT_TOKEN =
  /^[(（]?(単位[:：]?)?\s*(億円|百万円|千円|万円|円|%|％|件|人|名|社|施設|拠点|試験|編|年|年度|倍|ポイント|pt)([・、,/／](億円|百万円|千円|円|%|％|件|人|名|社))*\s*[)）]?$/;
/**
 * A column number: `(A)`, `B`, `(B)/(A)`, `((B)－(A))/(A)`, `①`, `②＝①÷年数`, `[3]`, `C=A+B`: single letters or
 * circled numbers joined by brackets and arithmetic, nothing else.
 */
const COLUMN_NUMBER_SYMBOLS = /[()（）[\]［］{}=＝+＋\-－−÷×*＊/／・]|年数|年度/g;
const COLUMN_NUMBER_MARK = /^([A-ZＡ-Ｚa-zａ-ｚⅠ-Ⅹⅰ-ⅹ①-⑳]|\d{1,2})$/;
const CIRCLED = /^[①-⑳]/;
const BRACKETED_NUMBER = /^[(（[［]\d{1,2}[)）\]］]$/;

/** Text a footnote or a source line starts with. `注` only as a note mark, not as in 注射. */
const FOOTNOTE =
  /^(※|\*|＊|†|\(注\d*\)|（注\d*）|注\s*\d*\s*[)）.:：、\s]|注$|注記|(出典|出所|資料|参考|備考|注記|データ|Source)\s*[:：]|(出典|資料|出所)\s)/i;

/** A legend: `【進捗】 A：…`, `A：順調に進捗している　B：進捗が不十分`, `凡例：…`. */
const LEGEND = /^(【[^】]*】|凡例\s*[:：])|(^|\s)A\s*[:：=＝].*(^|\s|　)B\s*[:：=＝]/;

function isUnit(text: string): boolean {
  return UNIT_TOKEN.test(text.replace(/\s+/g, ""));
}

/** NFKC would turn ① into 1: test the text as written. */
function isColumnNumber(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  if (t.length > 24) return false;
  if (CIRCLED.test(t) || BRACKETED_NUMBER.test(t)) return true;
  const marks = t.replace(COLUMN_NUMBER_SYMBOLS, " ").trim().split(/\s+/).filter(Boolean);
  // A bare number is data, not a column mark; a mark must carry a letter or a circled number.
  return marks.length > 0 && marks.every((m) => COLUMN_NUMBER_MARK.test(m)) && marks.some((m) => !/^\d+$/.test(m));
}

interface RowCells {
  /** Anchor cells holding something: column, text, and whether the value is a number. */
  cells: { col: number; text: string; numeric: boolean; span: number }[];
}

function rowCells(layout: Layout, row: number): RowCells {
  const cells: RowCells["cells"] = [];
  const n = layout.width(row);
  for (let c = 0; c < n; c++) {
    const cell = layout.cell(row, c);
    if (!cell || layout.isEmpty(row, c)) continue;
    if (!layout.isAnchor(row, c)) continue;
    const { left, right } = layout.span(row, c);
    const text = typeof cell.value === "string" ? cell.value.trim() : String(cell.text ?? cell.value ?? "");
    cells.push({ col: c, text, numeric: typeof cell.value === "number", span: right - left + 1 });
  }
  return { cells };
}

/** Column numbers 1, 2, 3… written as numbers across the table. */
function isNumberedRun(cells: RowCells["cells"]): boolean {
  if (cells.length < 3) return false;
  return cells.every((c, i) => c.numeric && Number(c.text) === i + 1);
}

/** A row right below the header that only names units or column numbers. */
export function isAnnexRow(
  layout: Layout,
  row: number,
): { units: Map<number, string>; sheetUnit?: string } | undefined {
  const { cells } = rowCells(layout, row);
  if (cells.length === 0) return undefined;
  if (isNumberedRun(cells)) return { units: new Map() };
  if (cells.some((c) => c.numeric)) return undefined;
  const units = new Map<number, string>();
  let sheetUnit: string | undefined;
  for (const c of cells) {
    const text = c.text.normalize("NFKC");
    if (isColumnNumber(c.text)) continue;
    if (isUnit(text)) {
      if (/単位/.test(text)) sheetUnit = text;
      else units.set(c.col, text);
    } else {
      return undefined;
    }
  }
  // A lone `（単位：億円）` is the sheet's unit; a lone letter is not enough to call a row annex.
  if (cells.length === 1 && !sheetUnit && !CIRCLED.test(cells[0].text) && !/^[(（].+[)）]$/.test(cells[0].text))
    return undefined;
  return { units, sheetUnit };
}

export interface RowContext {
  kind: SheetKind;
  /** Columns holding the kind's labels (a lone text elsewhere, or merged across, is a heading). */
  keyColumns: ReadonlySet<number>;
  /** Required columns: a row filling one beyond its first cell is data, whatever its first cell says. */
  requiredColumns: ReadonlySet<number>;
  /** Normalised header labels by column (every label of the column's path), to spot a repeated header. */
  headerLabels: ReadonlyMap<number, ReadonlySet<string>>;
}

/** A header row repeated inside the table (pasted print pages): most of its cells repeat their column's label. */
function repeatsHeader(cells: RowCells["cells"], labels: ReadonlyMap<number, ReadonlySet<string>>): boolean {
  let same = 0;
  for (const c of cells) if (!c.numeric && labels.get(c.col)?.has(normalizeLabel(c.text))) same++;
  return same >= 2 && same * 2 > cells.length;
}

/**
 * A first character that no footnote, legend or heading test needs to look at: digits, ASCII letters, kana
 * and CJK ideographs other than 注 出 資 参 備 凡 (none is white space, none changed by NFKC into a mark).
 */
function plainStart(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  if (code >= 0x4e00 && code <= 0x9fff) return !PLAIN_EXCEPT.has(code);
  return (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa);
}
const PLAIN_EXCEPT = new Set(Array.from("注出資参備凡", (ch) => ch.charCodeAt(0)));

/** The role of a row below the header block and its annex. */
export function rowRole(layout: Layout, row: number, ctx: RowContext): RowRole {
  // Fast path for the common data row: two or more cells, the first plainly not a mark.
  const raw = layout.sheet.rows[row];
  if (!raw || raw.length === 0) return "blank";
  let filled = 0;
  let firstPlain = false;
  for (let c = 0; c < raw.length && filled < 2; c++) {
    const cell = raw[c];
    if (!cell || isEmptyCell(cell)) continue;
    if (filled === 0) {
      const v = cell.value;
      firstPlain =
        typeof v === "number" ||
        (plainStart(
          String(v ?? cell.text ?? "")
            .trimStart()
            .charCodeAt(0),
        ) &&
          !(typeof v === "string" && ctx.headerLabels.get(c)?.has(normalizeLabel(v.trim()))));
    }
    filled++;
  }
  if (filled === 0) return "blank";
  if (filled >= 2 && firstPlain && !layout.hasMerges(row)) return "data";

  const { cells } = rowCells(layout, row);
  if (cells.length === 0) return "blank";
  if (repeatsHeader(cells, ctx.headerLabels)) return "header";
  const first = cells[0];
  const firstText = first.numeric ? "" : first.text.normalize("NFKC").trim();
  const fillsRequired = cells.slice(1).some((c) => ctx.requiredColumns.has(c.col));
  if (firstText && FOOTNOTE.test(firstText) && !fillsRequired) return "footnote";
  if (cells.length === 1 && firstText) {
    if (LEGEND.test(firstText)) return "legend";
    if (first.span > 1 || !ctx.keyColumns.has(first.col)) return "section";
  }
  return "data";
}

/** Which roles the kind's reader sees: the output and monitoring readers read section headings themselves. */
export function readerSees(kind: SheetKind, role: RowRole, layout: Layout, row: number): boolean {
  if (role === "data") return true;
  if (role !== "section") return false;
  if (kind === "output-indicators") return true;
  // The monitoring reader opens the project-specific block at its heading.
  if (kind === "monitoring") return rowCells(layout, row).cells.some((c) => c.text.includes("個々"));
  return false;
}
