/**
 * Kensa's blank template: one sheet of each kind with the header labels of DOMAIN §3 (so the
 * detector recognises them), metadata above the header, drop-down lists and input limits with Japanese
 * prompts, number formats, formulas in the computed columns, the standard indicators prefilled (output
 * indicators and the catalogue's monitoring items), column widths that fit the Japanese labels and an A4
 * landscape print setup.
 */
import { defaultCatalogue } from "../catalogue/default";
import type { Catalogue, CatalogueGroup, CatalogueItem } from "../catalogue/schema";
import { columnLetters, toA1 } from "../model/address";
import type { Lang } from "../values/format";
import { KIND_TITLES, type SheetKind } from "../model/kinds";
import * as F from "./formulas";
import { STANDARD_OUTPUT_INDICATORS, type StandardOutputIndicator } from "./output-indicators";
import type {
  TemplateCell,
  TemplateColumn,
  TemplateInputRule,
  TemplateMessage,
  TemplateSheet,
  TemplateSpec,
  TemplateStyle,
  TemplateValidation,
} from "./types";

/** Amounts in 億円 with the decimals typed: 12.0, 16.3, 16.31 (the seeds use one or two). */
export const AMOUNT_FORMAT = "#,##0.0#";
export const RATIO_FORMAT = "0.0%";
export const TARGET_FORMAT = "#,##0.##";

/** Layout shared by every sheet: title in row 1, metadata in rows 2–3, a hint in row 4, header in row 5. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

/** The template's font: Excel's Japanese default (Windows, Mac, web); LibreOffice falls back to Noto Sans CJK JP. */
export const TEMPLATE_FONT = { name: "游ゴシック", size: 10 } as const;
/** Points per line of TEMPLATE_FONT (游ゴシック's line spacing is about 1.6 × its size). */
export const LINE_HEIGHT = 16.5;

export const BREAKDOWN_CATEGORIES = ["明細", "小計", "合計", "その他", "うち", "内数", "再掲"];
export const OUTPUT_CATEGORIES = ["全体目標", "特設目標", "アウトカム"];
export const TARGET_KINDS = ["年度", "期間累計", "累積", "年平均", "基準値以上", "基準値超", "定性"];
export const GRADES = ["A", "B", "-"];
export const PROJECTS = ["PJ1", "PJ2", "PJ3", "PJ4", "PJ5", "PJ6", "PJ7", "PJ8", "全体"];
/** 所管 as the seeds abbreviate the ministries (文＝文部科学省, 厚＝厚生労働省, 経＝経済産業省, 内, 総). */
export const MINISTRIES = ["文", "厚", "経", "内", "総"];

export interface TemplateOptions {
  /** Blank data rows per sheet, after any prefilled rows (default 20 インハウス予算, 30 予算内訳, 6 アウトプット指標, 10 モニタリング). */
  rows?: number;
  /** 報告年度 written in the metadata (default 令和7年度). */
  reportYear?: string;
  catalogue?: Catalogue;
  /** The rows prefilled on the アウトプット指標 sheet (default the plan's O1–O3 and 1–21). */
  outputIndicators?: readonly StandardOutputIndicator[];
}

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

const msg = (title: string, message: string): TemplateMessage => ({ title, message });

/** Prompts and error messages (Japanese: the template's users are Japanese staff, whatever --lang says). */
const INPUT = {
  amount: {
    prompt: msg("金額（億円）", "億円単位の数値で入力してください（0以上、小数可）。"),
    error: msg("金額（億円）", "0以上の数値を億円単位で入力してください（例: 12.5）。"),
  },
  external: {
    prompt: msg(
      "外部資金（億円）",
      "億円単位の数値で入力してください（0以上、小数可）。該当しない場合は「—」と入力できます。",
    ),
    error: msg("外部資金（億円）", "0以上の数値を億円単位で入力してください。該当しない場合は「—」と入力できます。"),
  },
  ministry: {
    prompt: msg(
      "所管",
      "所管府省を略称で選んでください（文＝文部科学省、厚＝厚生労働省、経＝経済産業省、内＝内閣府、総＝総務省）。",
    ),
    error: msg("所管", "一覧にない略称です。このまま入力する場合は［はい］を選んでください。"),
  },
  breakdownCategory: {
    prompt: msg(
      "区分",
      "明細・小計・合計・その他・うち・内数・再掲から選んでください。空欄の行は明細として合計に入ります。",
    ),
    error: msg("区分", "区分は一覧から選んでください（明細・小計・合計・その他・うち・内数・再掲）。"),
  },
  outputCategory: {
    prompt: msg("区分", "全体目標・特設目標・アウトカムから選んでください。"),
    error: msg("区分", "区分は全体目標・特設目標・アウトカムのいずれかを選んでください。"),
  },
  targetKind: {
    prompt: msg(
      "目標の種類",
      "年度・期間累計・累積・年平均・基準値以上・基準値超・定性から選んでください。年度目標と判定はこの種類で計算されます。",
    ),
    error: msg(
      "目標の種類",
      "目標の種類は一覧から選んでください（年度・期間累計・累積・年平均・基準値以上・基準値超・定性）。",
    ),
  },
  grade: {
    prompt: msg(
      "進捗",
      "A（順調に進捗している）、B（進捗が不十分）、-（評価しない：実績がない場合）から選んでください。",
    ),
    error: msg("進捗", "進捗はA・B・-のいずれかを選んでください。"),
  },
  target: {
    prompt: msg("目標値", "目標値を数値で入力してください（0以上）。定性の目標は空欄のままにしてください。"),
    error: msg("目標値", "目標値は0以上の数値で入力してください。"),
  },
  period: { prompt: msg("期間", "R7-R11 のように入力してください（令和6～10年度 の形も使えます）。") },
  reportYear: { prompt: msg("報告年度", "令和7年度 のように報告の年度を入力してください。") },
  project: {
    prompt: msg(
      "統合プロジェクト",
      "PJ1～PJ8 または 全体 を選んでください（後にプロジェクト名を続けても構いません）。",
    ),
    error: msg(
      "統合プロジェクト",
      "PJ1～PJ8 または 全体 で始めてください。このまま入力する場合は［はい］を選んでください。",
    ),
  },
  count: (what: string, unit: string) => ({
    prompt: msg(
      what,
      `${what}を数値だけで入力してください（0以上の整数、または0.5刻み${unit ? `。単位「${unit}」は不要` : ""}）。該当がなければ0を入力してください。`,
    ),
    error: msg(
      what,
      `${what}は0以上の整数、または0.5刻みの数値で入力してください${unit ? `（単位「${unit}」は不要です）` : ""}。`,
    ),
  }),
  mean: (unit: string) => ({
    prompt: msg(
      "実績（年平均）",
      `年平均の値を数値だけで入力してください（0以上、小数可${unit ? `。単位「${unit}」は不要` : ""}）。`,
    ),
    error: msg("実績（年平均）", "0以上の数値を入力してください。"),
  }),
  actual: {
    prompt: msg("実績", "実績を数値だけで入力してください（0以上）。進捗（A・B）を選んだ行は実績が必要です。"),
    error: msg("実績", "実績は0以上の数値で入力してください。"),
  },
  qualitative: { prompt: msg("実績（定性）", "定性の指標です。実績を文章で記入できます。") },
  shares: {
    prompt: msg(
      "比率",
      "「男：89.0% 女：11.0%」のように、男・女（・その他）の比率を合計100%になるよう入力してください。",
    ),
  },
  customValue: {
    prompt: msg("指標値", "プロジェクト独自の指標の値を数値で入力してください（0以上）。"),
    error: msg("指標値", "0以上の数値を入力してください。"),
  },
} as const;

const TEXT = {
  ja: {
    title: (k: string) => `${k}（Kensa 記入用テンプレート）`,
    inhouse:
      "白い欄に金額（億円）を入力してください。灰色の欄（比率・合計）は自動計算されます。小計行は機関名を「小計」とし、所管を選んでください。",
    breakdown:
      "区分を選び、金額（億円）を入力してください。灰色の欄（増減額・増減率・合計）は自動計算されます。区分が空欄の行は明細として合計に入ります。",
    output:
      "実績と進捗を入力してください（標準の指標は記入済み）。期間は R7-R11 の形で。灰色の欄（期間開始・期間年数・年度目標・達成率・判定）は自動計算されます。",
    monitoring:
      "統合プロジェクトを選び、指標値・値・うちを数値で入力してください（標準の指標と内訳は記入済み）。内訳の合計・うち・順序は Kensa が検証します。",
    custom: "個々の統合プロジェクトで定めるモニタリング指標",
  },
  en: {
    title: (k: string) => `${k} (Kensa template)`,
    inhouse:
      "Type the amounts (億円) in the white cells; the grey cells (ratios, total) are computed. Name a subtotal row 小計 and choose its 所管.",
    breakdown:
      "Choose 区分 and type the amounts (億円); the grey cells (増減額, 増減率, total) are computed. A blank 区分 counts as 明細.",
    output:
      "Type 実績 and 進捗 (the standard indicators are prefilled). Write 期間 like R7-R11; the grey cells (期間開始, 期間年数, 年度目標, 達成率, 判定) are computed.",
    monitoring:
      "Choose 統合プロジェクト and type 指標値, 値 and うち as numbers (the standard indicators are prefilled). Kensa checks breakdown sums, うち figures and orderings.",
    custom: "個々の統合プロジェクトで定めるモニタリング指標",
  },
} as const;

/** The unit's number format for 目標値 and 実績 (`#,##0"件"`): Kensa reads the unit back from it. */
function unitFormat(unit: string, decimals = 0): string {
  if (!unit) return TARGET_FORMAT;
  return `${decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0"}"${unit}"`;
}

type RuleSpec = Omit<TemplateInputRule, "range">;

class SheetBuilder {
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

const amountRule = (
  strict: boolean,
  text: { prompt: TemplateMessage; error: TemplateMessage } = INPUT.amount,
): RuleSpec => ({ type: "decimal", min: 0, strict, ...text });
const countRule = (what: string, unit: string): RuleSpec => ({
  type: "half",
  min: 0,
  strict: false,
  ...INPUT.count(what, unit),
});

function inhouseSheet(lang: Lang, n: number, reportYear: string): TemplateSheet {
  const b = new SheetBuilder(
    lang,
    [
      { key: "name", header: "機関名", width: 32 },
      { key: "ministry", header: "所管", width: 6 },
      { key: "total", header: "全体", width: 12, numFmt: AMOUNT_FORMAT },
      { key: "health", header: "健康・医療関係", width: 16, numFmt: AMOUNT_FORMAT },
      { key: "external", header: "外部資金（健康・医療関係）", width: 16, numFmt: AMOUNT_FORMAT },
      { key: "healthRatio", header: "健康・医療比率", width: 15, numFmt: RATIO_FORMAT, computed: true },
      { key: "externalRatio", header: "外部資金比率", width: 13, numFmt: RATIO_FORMAT, computed: true },
      { key: "note", header: "備考", width: 36 },
    ],
    [
      ["報告年度", reportYear],
      ["単位", "億円"],
    ],
  );
  b.header("inhouse-budget", TEXT[lang].inhouse);
  const last = FIRST_DATA_ROW + n - 1;
  const ratios = (row: number) => ({
    healthRatio: F.healthRatio(b.ref(row)),
    externalRatio: F.externalRatio(b.ref(row)),
  });
  for (let row = FIRST_DATA_ROW; row <= last; row++) b.dataRow(row, ratios(row));
  const total = last + 1;
  const names = b.absRange("name", FIRST_DATA_ROW, last);
  b.dataRow(
    total,
    {
      total: F.inhouseTotal(names, b.range("total", FIRST_DATA_ROW, last)),
      health: F.inhouseTotal(names, b.range("health", FIRST_DATA_ROW, last)),
      external: F.inhouseTotal(names, b.range("external", FIRST_DATA_ROW, last)),
      ...ratios(total),
    },
    { input: "total", computed: "totalComputed" },
  );
  b.put({ row: total, col: b.col("name"), value: "合計", style: "total" });
  b.validate("ministry", FIRST_DATA_ROW, last, MINISTRIES, false, INPUT.ministry);
  b.inputRules("total", FIRST_DATA_ROW, last, amountRule(true));
  b.inputRules("health", FIRST_DATA_ROW, last, amountRule(true));
  b.inputRules("external", FIRST_DATA_ROW, last, amountRule(false, INPUT.external));
  return b.sheet(KIND_TITLES["inhouse-budget"][lang], "inhouse-budget", total, 1);
}

function breakdownSheet(lang: Lang, n: number, reportYear: string): TemplateSheet {
  const b = new SheetBuilder(
    lang,
    [
      { key: "category", header: "区分", width: 10 },
      { key: "name", header: "名称", width: 44 },
      { key: "previous", header: "前年度予算額", width: 14, numFmt: AMOUNT_FORMAT },
      { key: "current", header: "当年度予算額", width: 14, numFmt: AMOUNT_FORMAT },
      { key: "change", header: "増減額", width: 12, numFmt: AMOUNT_FORMAT, computed: true },
      { key: "changeRate", header: "増減率", width: 10, numFmt: RATIO_FORMAT, computed: true },
      { key: "note", header: "備考", width: 36 },
    ],
    [
      ["報告年度", reportYear],
      ["単位", "億円"],
    ],
  );
  b.header("budget-breakdown", TEXT[lang].breakdown);
  const last = FIRST_DATA_ROW + n - 1;
  const changes = (row: number) => {
    const r = b.ref(row);
    return {
      change: F.changeAmount(r("previous"), r("current")),
      changeRate: F.changeRate(r("previous"), r("current")),
    };
  };
  for (let row = FIRST_DATA_ROW; row <= last; row++) b.dataRow(row, changes(row));
  const total = last + 1;
  const cats = b.absRange("category", FIRST_DATA_ROW, last);
  b.dataRow(
    total,
    {
      previous: F.breakdownTotal(cats, b.range("previous", FIRST_DATA_ROW, last)),
      current: F.breakdownTotal(cats, b.range("current", FIRST_DATA_ROW, last)),
      ...changes(total),
    },
    { input: "total", computed: "totalComputed" },
  );
  b.put({ row: total, col: b.col("category"), value: "合計", style: "total" });
  b.put({ row: total, col: b.col("name"), value: "合計", style: "total" });
  b.validate("category", FIRST_DATA_ROW, last, BREAKDOWN_CATEGORIES, true, INPUT.breakdownCategory);
  // A new project has no previous-year budget: 前年度 may be a dash, so only a warning there.
  b.inputRules("previous", FIRST_DATA_ROW, last, amountRule(false));
  b.inputRules("current", FIRST_DATA_ROW, last, amountRule(true));
  return b.sheet(KIND_TITLES["budget-breakdown"][lang], "budget-breakdown", total, 2);
}

function outputSheet(
  lang: Lang,
  n: number,
  reportYear: string,
  standard: readonly StandardOutputIndicator[],
): TemplateSheet {
  const b = new SheetBuilder(
    lang,
    [
      { key: "number", header: "番号", width: 6 },
      { key: "category", header: "区分", width: 12 },
      { key: "indicator", header: "指標", width: 36 },
      { key: "target", header: "目標値", width: 12, numFmt: TARGET_FORMAT },
      { key: "targetKind", header: "目標の種類", width: 12 },
      { key: "period", header: "期間", width: 9 },
      { key: "periodStart", header: "期間開始", width: 7, computed: true },
      { key: "periodYears", header: "期間年数", width: 7, computed: true },
      { key: "annualTarget", header: "年度目標", width: 10, numFmt: TARGET_FORMAT, computed: true },
      { key: "actual", header: "実績", width: 12, numFmt: TARGET_FORMAT },
      { key: "achievement", header: "達成率", width: 8, numFmt: RATIO_FORMAT, computed: true },
      { key: "grade", header: "進捗", width: 6 },
      { key: "suggestedGrade", header: "判定", width: 6, computed: true },
      { key: "detail", header: "進捗の詳細", width: 28 },
      { key: "note", header: "備考", width: 18 },
    ],
    [["報告年度", reportYear]],
  );
  b.header("output-indicators", TEXT[lang].output);
  const reportYearCell = b.metaValue(0);
  const last = FIRST_DATA_ROW + standard.length + n - 1;
  for (let row = FIRST_DATA_ROW; row <= last; row++) {
    const r = b.ref(row);
    b.dataRow(row, {
      periodStart: F.periodStart(r),
      periodYears: F.periodYears(r),
      annualTarget: F.annualTarget(r, reportYearCell),
      achievement: F.achievement(r),
      suggestedGrade: F.suggestedGrade(r),
    });
  }
  standard.forEach((ind, i) => {
    const row = FIRST_DATA_ROW + i;
    b.set(row, "number", ind.number);
    b.set(row, "category", ind.category);
    b.set(row, "indicator", ind.label, { style: "label" });
    b.fitRow(row, "indicator", ind.label);
    if (ind.target !== undefined) b.set(row, "target", ind.target, { numFmt: unitFormat(ind.unit) });
    if (ind.targetKind) b.set(row, "targetKind", ind.targetKind);
    if (ind.period) b.set(row, "period", ind.period);
    const mean = ind.targetKind === "年平均";
    b.put({ row, col: b.col("actual"), numFmt: unitFormat(ind.unit, mean ? 1 : 0) });
    // A 累積 target's pace is a fraction of it (16 × 2/5 = 6.4); the other kinds' annual targets are whole here.
    if (ind.target !== undefined)
      b.put({ row, col: b.col("annualTarget"), numFmt: unitFormat(ind.unit, ind.targetKind === "累積" ? 1 : 0) });
    if (ind.targetKind === "定性")
      b.inputRule(row, "actual", { type: "any", strict: false, prompt: INPUT.qualitative.prompt });
    else if (mean) b.inputRule(row, "actual", { type: "decimal", min: 0, strict: false, ...INPUT.mean(ind.unit) });
    else b.inputRule(row, "actual", countRule("実績", ind.unit));
  });
  const firstBlank = FIRST_DATA_ROW + standard.length;
  if (firstBlank <= last)
    b.inputRules("actual", firstBlank, last, { type: "decimal", min: 0, strict: false, ...INPUT.actual });
  b.validate("category", FIRST_DATA_ROW, last, OUTPUT_CATEGORIES, true, INPUT.outputCategory);
  b.validate("targetKind", FIRST_DATA_ROW, last, TARGET_KINDS, true, INPUT.targetKind);
  b.validate("grade", FIRST_DATA_ROW, last, GRADES, true, INPUT.grade);
  b.inputRules("target", FIRST_DATA_ROW, last, { type: "decimal", min: 0, strict: false, ...INPUT.target });
  b.inputRules("period", FIRST_DATA_ROW, last, { type: "any", strict: false, prompt: INPUT.period.prompt });
  return b.sheet(KIND_TITLES["output-indicators"][lang], "output-indicators", last, 3);
}

/** The input rule of an item's 値: a count, or the shares of indicator 7 written as one text. */
function valueRule(group: CatalogueGroup, item: CatalogueItem): RuleSpec {
  if (group.relation === "percentages" || item.shares)
    return { type: "any", strict: false, prompt: INPUT.shares.prompt };
  return countRule("値", "件");
}

function monitoringSheet(lang: Lang, n: number, reportYear: string, catalogue: Catalogue): TemplateSheet {
  const b = new SheetBuilder(
    lang,
    [
      { key: "number", header: "番号", width: 6 },
      { key: "indicator", header: "アウトプット指標", width: 28 },
      { key: "indicatorValue", header: "指標値", width: 11 },
      { key: "group", header: "内訳", width: 22 },
      { key: "item", header: "項目", width: 38 },
      { key: "subItem", header: "細目", width: 16 },
      { key: "value", header: "値", width: 9 },
      { key: "ofWhich", header: "うち", width: 9 },
      { key: "note", header: "備考", width: 24 },
    ],
    [
      ["報告年度", reportYear],
      ["統合プロジェクト", "PJ1"],
    ],
  );
  b.header("monitoring", TEXT[lang].monitoring);
  const project = toA1(2, b.metaCol + 1);
  b.validations.push({
    range: project,
    list: PROJECTS,
    strict: false,
    prompt: INPUT.project.prompt,
    error: INPUT.project.error,
  });
  let row = FIRST_DATA_ROW;
  const label = (col: string, value: string, style: TemplateStyle = "input") => {
    b.put({ row, col: b.col(col), value, style });
    if (style === "label") b.fitRow(row, col, value);
  };
  const standard = catalogue.version === "placeholder" ? [] : catalogue.indicators;
  for (const ind of standard) {
    let first = true;
    for (const group of ind.groups) {
      let firstInGroup = true;
      for (const item of group.items) {
        b.dataRow(row, {});
        if (first) {
          label("number", ind.number);
          label("indicator", ind.label, "label");
          if (ind.noTotal) label("indicatorValue", "—");
          else b.inputRule(row, "indicatorValue", countRule("指標値", "件"));
          first = false;
        }
        if (firstInGroup && group.label) label("group", group.label, "label");
        firstInGroup = false;
        label("item", item.label, "label");
        const subItems = item.subItems?.items ?? [];
        b.inputRule(row, "value", valueRule(group, item));
        if (item.ofWhichLabel) b.inputRule(row, "ofWhich", countRule("うち", "件"));
        row++;
        for (const sub of subItems) {
          b.dataRow(row, {});
          label("item", item.label, "label");
          label("subItem", sub.label, "label");
          b.inputRule(row, "value", countRule("値", "件"));
          row++;
        }
      }
    }
  }
  b.dataRow(row, {});
  b.put({ row, col: 0, value: TEXT[lang].custom, style: "section" });
  row++;
  const last = row + n - 1;
  for (let r = row; r <= last; r++) b.dataRow(r, {});
  if (row <= last)
    b.inputRules("indicatorValue", row, last, { type: "decimal", min: 0, strict: false, ...INPUT.customValue });
  return b.sheet(KIND_TITLES.monitoring[lang], "monitoring", last, 2);
}

export function buildTemplate(lang: Lang, options: TemplateOptions = {}): TemplateSpec {
  const reportYear = options.reportYear ?? "令和7年度";
  const rows = options.rows;
  return {
    sheets: [
      inhouseSheet(lang, rows ?? 20, reportYear),
      breakdownSheet(lang, rows ?? 30, reportYear),
      outputSheet(lang, rows ?? 6, reportYear, options.outputIndicators ?? STANDARD_OUTPUT_INDICATORS),
      monitoringSheet(lang, rows ?? 10, reportYear, options.catalogue ?? defaultCatalogue),
    ],
  };
}

/**
 * The formula the template puts in a computed column, for a table laid out like the template's
 * (used to recognise Kensa's own formulas when refreshing computed cells).
 */
export function templateFormulas(spec: TemplateSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of spec.sheets)
    for (const c of s.cells) if (c.formula) out.set(`${s.name}!${toA1(c.row, c.col)}`, c.formula);
  return out;
}
