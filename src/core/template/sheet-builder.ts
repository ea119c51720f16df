/**
 * Building one sheet of the template (./build.ts): its title, metadata and hint above the header row, data rows
 * with their input and computed cells, drop-down lists and input rules merged into ranges, row heights that
 * show wrapped Japanese labels in full.
 */
import { columnLetters, toA1 } from "../model/address";
import type { Lang } from "../values/format";
import { KIND_TITLES, type SheetKind } from "../model/kinds";
import type * as F from "./formulas";
import { INPUT, TEXT } from "./words";
import type {
  TemplateCell,
  TemplateColumn,
  TemplateInputRule,
  TemplateMessage,
  TemplateSheet,
  TemplateStyle,
  TemplateValidation,
} from "./types";

/** Layout shared by every sheet: title in row 1, metadata in rows 2–3, a hint in row 4, header in row 5. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

/** The template's font: Excel's Japanese default (Windows, Mac, web); LibreOffice falls back to Noto Sans CJK JP. */
export const TEMPLATE_FONT = { name: "游ゴシック", size: 10 } as const;
/** Points per line of TEMPLATE_FONT (游ゴシック's line spacing is about 1.6 × its size). */
export const LINE_HEIGHT = 16.5;

/**
 * Columns a text takes in a cell: 2 for East Asian wide and full-width characters, 1 otherwise, which is
 * how Excel's column width (in digits of the default font) meets Japanese text at TEMPLATE_FONT's size.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/**
 * Lines a wrapped text takes in a column of `width`. Excel's column is width × 7 px (Calibri 11's digit, the
 * workbook's default font) plus 5 px, less the cell's padding; a half-width character of TEMPLATE_FONT is 6.7 px.
 */
export function linesIn(text: string, width: number): number {
  return Math.max(1, Math.ceil((displayWidth(text) * 6.7) / Math.max(7, width * 7 - 1)));
}

export type RuleSpec = Omit<TemplateInputRule, "range">;

export class SheetBuilder {
  readonly cells: TemplateCell[] = [];
  readonly validations: TemplateValidation[] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};
  /** Input rules by column key and row, merged into ranges of equal rules when the sheet is built. */
  private readonly rules = new Map<string, Map<number, RuleSpec>>();
  /** Where the metadata goes: the first column wide enough for its labels, its value in the next. */
  readonly metaCol: number;
  /** Last column of the merged metadata value cells. */
  readonly metaLastCol: number;

  constructor(
    readonly lang: Lang,
    readonly columns: TemplateColumn[],
    readonly meta: [string, string][],
  ) {
    const need = (texts: string[]) => Math.max(...texts.map((t) => displayWidth(t) + 2));
    this.metaCol = columns.findIndex((c) => c.width >= need(meta.map(([l]) => l)));
    if (this.metaCol < 0 || this.metaCol + 1 >= columns.length)
      throw new Error("template: no column fits the metadata labels");
    // The value cell is merged over as many columns as its text needs (報告年度 beside a narrow 所管).
    let last = this.metaCol + 1;
    for (let w = columns[last].width; w < need(meta.map(([, v]) => v)) && last + 1 < columns.length;)
      w += columns[++last].width;
    this.metaLastCol = last;
  }

  col(key: string): number {
    const i = this.columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`template: no column ${key}`);
    return i;
  }
  letter(key: string): string {
    return columnLetters(this.col(key));
  }
  ref(row: number): F.RowRef {
    return (key) => toA1(row, this.col(key));
  }
  range(key: string, first: number, last: number): string {
    const l = this.letter(key);
    return `${l}${first + 1}:${l}${last + 1}`;
  }
  absRange(key: string, first: number, last: number): string {
    const l = this.letter(key);
    return `$${l}$${first + 1}:$${l}$${last + 1}`;
  }
  /** Absolute address of metadata value `i` (0: 報告年度). */
  metaValue(i: number): string {
    return `$${columnLetters(this.metaCol + 1)}$${2 + i}`;
  }
  put(cell: TemplateCell): void {
    this.cells.push(cell);
  }
  /** A cell value in column `key` of `row`, keeping the data row's style and format unless given. */
  set(row: number, key: string, value: string | number, extra: Partial<TemplateCell> = {}): void {
    this.put({ row, col: this.col(key), value, ...extra });
  }
  /** Raises a row's height so that a wrapped text in column `key` shows in full. */
  fitRow(row: number, key: string, text: string): void {
    const lines = linesIn(text, this.columns[this.col(key)].width);
    if (lines > 1) this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, lines * LINE_HEIGHT + 3);
  }
  header(kind: SheetKind, hint: string): void {
    this.put({ row: 0, col: 0, value: TEXT[this.lang].title(KIND_TITLES[kind][this.lang]), style: "title" });
    this.rowHeights[0] = 24;
    this.meta.forEach(([label, value], i) => {
      this.put({ row: 1 + i, col: this.metaCol, value: label, style: "metaLabel" });
      for (let col = this.metaCol + 1; col <= this.metaLastCol; col++)
        this.put({ row: 1 + i, col, style: "metaValue" });
      this.put({ row: 1 + i, col: this.metaCol + 1, value, style: "metaValue" });
      if (this.metaLastCol > this.metaCol + 1)
        this.merges.push(`${toA1(1 + i, this.metaCol + 1)}:${toA1(1 + i, this.metaLastCol)}`);
    });
    // The hint spans the table, wrapped: it never runs under the frozen columns or off the printed page.
    const last = columnLetters(this.columns.length - 1);
    this.put({ row: 3, col: 0, value: hint, style: "hint" });
    this.merges.push(`A4:${last}4`);
    const total = this.columns.reduce((n, c) => n + c.width, 0);
    this.rowHeights[3] = linesIn(hint, total) * LINE_HEIGHT + 3;
    this.columns.forEach((c, col) => this.put({ row: HEADER_ROW, col, value: c.header, style: "header" }));
    this.rowHeights[HEADER_ROW] = Math.max(...this.columns.map((c) => linesIn(c.header, c.width))) * LINE_HEIGHT + 4;
    this.inputRule(1, this.metaCol + 1, { type: "any", strict: false, prompt: INPUT.reportYear.prompt });
  }
  /** Input and computed cells of one data row (formulas by column key; a cell with a formula looks computed). */
  dataRow(
    row: number,
    formulas: Record<string, string>,
    style: { input: TemplateStyle; computed: TemplateStyle } = { input: "input", computed: "computed" },
  ): void {
    this.columns.forEach((c, col) => {
      const formula = formulas[c.key];
      const cell: TemplateCell = { row, col, style: c.computed || formula ? style.computed : style.input };
      if (formula) cell.formula = formula;
      if (c.numFmt) cell.numFmt = c.numFmt;
      this.put(cell);
    });
  }
  validate(
    key: string,
    first: number,
    last: number,
    list: readonly string[],
    strict: boolean,
    text: { prompt: TemplateMessage; error: TemplateMessage },
  ): void {
    this.validations.push({
      range: this.range(key, first, last),
      list: [...list],
      strict,
      prompt: text.prompt,
      error: text.error,
    });
  }
  /** An input rule for one cell (column key or 0-based column). */
  inputRule(row: number, key: string | number, spec: RuleSpec): void {
    const col = typeof key === "number" ? key : this.col(key);
    let byRow = this.rules.get(String(col));
    if (!byRow) this.rules.set(String(col), (byRow = new Map<number, RuleSpec>()));
    byRow.set(row, spec);
  }
  inputRules(key: string, first: number, last: number, spec: RuleSpec): void {
    for (let row = first; row <= last; row++) this.inputRule(row, key, spec);
  }
  private ruleRanges(): TemplateInputRule[] {
    const out: TemplateInputRule[] = [];
    for (const [col, byRow] of this.rules) {
      const letter = columnLetters(Number(col));
      const rows = [...byRow.keys()].sort((a, b) => a - b);
      for (let i = 0; i < rows.length;) {
        const spec = byRow.get(rows[i])!;
        const key = JSON.stringify(spec);
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && JSON.stringify(byRow.get(rows[j + 1])) === key)
          j++;
        out.push({
          range: i === j ? `${letter}${rows[i] + 1}` : `${letter}${rows[i] + 1}:${letter}${rows[j] + 1}`,
          ...spec,
        });
        i = j + 1;
      }
    }
    return out;
  }
  sheet(name: string, kind: SheetKind, lastDataRow: number, freezeCols = 0): TemplateSheet {
    // A later cell at the same position replaces an earlier one (the total row's labels over its blank cells).
    const byPos = new Map<string, TemplateCell>();
    for (const c of this.cells) byPos.set(`${c.row}:${c.col}`, { ...byPos.get(`${c.row}:${c.col}`), ...c });
    const cells = [...byPos.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name,
      kind,
      columns: this.columns,
      headerRow: HEADER_ROW,
      firstDataRow: FIRST_DATA_ROW,
      lastDataRow,
      cells,
      validations: this.validations,
      inputRules: this.ruleRanges(),
      merges: this.merges,
      rowHeights: this.rowHeights,
      print: { titleRows: [HEADER_ROW, HEADER_ROW] },
      freezeRows: HEADER_ROW + 1,
      freezeCols,
    };
  }
}
