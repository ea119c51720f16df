/**
 * Issue 7 acceptance, file path: every habit of test/fixtures/habits written as a real .xlsx.
 *
 * - each habit really is in the written file (read back with exceljs itself, not with Kensa's reader):
 *   merges, hidden columns and rows, annex rows, sources, wording, print settings…;
 * - Kensa's reader gives back the rewritten model (values, merges, hidden rows and columns);
 * - `kensa check --format json` reports the sample's findings at the moved cells (plus the habit's own
 *   allowed findings), exit 1; the corrected copy gives no error and the sample's warnings, exit 0;
 * - unrelated workbooks (minutes, a price list laid out with the same habits) are 未検証: non-zero exit,
 *   `"status": "unchecked"`, never 「問題なし」.
 *
 * The engine-level comparison (cells, numbers, fixes) is in habits.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { runCaptured } from "../../src/cli/capture";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import type { Workbook } from "../../src/core/model/workbook";
import {
  correctedSample,
  key,
  loadSample,
  movedKeys,
  profileOf,
  rewrite,
  UNRELATED,
  VARIANTS,
  withoutExtras,
  writeXlsx,
  xlsxBuffer,
  type FindingLike,
  type KindId,
  type Rewritten,
  type SampleSource,
} from "../fixtures/habits";

interface FileReport {
  file: string;
  status: string;
  sheets: { name: string; kind: string | null }[];
  findings: FindingLike[];
}

let dir: string;
let sample: SampleSource;
let base: CheckResult;
let kinds: Record<string, KindId>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kensa-habits-"));
  sample = loadSample();
  base = checkWorkbook(sample.workbook);
  kinds = Object.fromEntries(sample.workbook.sheets.map((s) => [s.name, profileOf(s).kind]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(file: string): Promise<{ code: number; report: FileReport }> {
  const { code, stdout } = await runCaptured(["check", file, "--format", "json"]);
  const doc = JSON.parse(stdout) as { files: FileReport[] };
  return { code, report: doc.files[0] };
}

// ---------------------------------------------------------------- reading the written file with exceljs

type WS = ExcelJS.Worksheet;
interface Found {
  row: number;
  col: number;
  text: string;
}
interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

function textOf(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object" && v !== null && "result" in v) return String(v.result ?? "");
  return String(v);
}

function cells(ws: WS): Found[] {
  const out: Found[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = textOf(cell);
      if (text !== "" && cell.type !== ExcelJS.ValueType.Merge) out.push({ row: r, col: c, text });
    }),
  );
  return out;
}

/** Labels the label-wording habit writes differently, and the marks footnote-marks appends. */
const WORDED: Record<string, string> = { 番号: "No.", 指標: "指標名", 名称: "事業名", 機関名: "研究機関名" };
const unmarked = (s: string) => norm(s).replace(/(※\d*|\*|注\d+)$/, "");

/** A cell text starting with a label, or with the label-wording habit's other wording of it. */
function startsWithLabel(text: string, label: string): boolean {
  return (
    norm(text).startsWith(norm(label)) || (WORDED[label] !== undefined && norm(text).startsWith(norm(WORDED[label])))
  );
}

/**
 * The first cell whose text, normalised (NFKC, no spaces, without a trailing footnote mark), equals `text`
 * or its other wording; with "prefix", starts with it; with "exact", equals it unnormalised (「（単位：億円）」 is
 * not 「(単位：億円)」).
 */
function find(ws: WS, text: string, mode: "norm" | "prefix" | "exact" = "norm"): Found {
  const want = norm(text);
  const alias = WORDED[text] === undefined ? undefined : norm(WORDED[text]);
  const hit = cells(ws).find((c) =>
    mode === "exact"
      ? c.text === text
      : mode === "prefix"
        ? norm(c.text).startsWith(want)
        : unmarked(c.text) === want || unmarked(c.text) === alias,
  );
  if (!hit) throw new Error(`${ws.name}: no cell ${mode === "prefix" ? "starting with " : ""}「${text}」`);
  return hit;
}

function spans(ws: WS): Span[] {
  return ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((range) => {
    const [a, b] = range.split(":");
    const p = ws.getCell(a);
    const q = ws.getCell(b);
    return { top: Number(p.row), left: Number(p.col), bottom: Number(q.row), right: Number(q.col) };
  });
}

/** The merged range whose top-left is `at`, as [rows, columns]; [1, 1] when the cell is not merged. */
function mergeSize(ws: WS, at: { row: number; col: number }): [number, number] {
  const s = spans(ws).find((m) => m.top === at.row && m.left === at.col);
  return s ? [s.bottom - s.top + 1, s.right - s.left + 1] : [1, 1];
}

function isEmpty(ws: WS, row: number, col: number): boolean {
  return textOf(ws.getCell(row, col)) === "";
}

function rowIsEmpty(ws: WS, row: number): boolean {
  return cells(ws).every((c) => c.row !== row);
}

const KIND_LABELS: Record<
  KindId,
  { parent: string; child: string; down: string; title: string; middle: string; downThree: string }
> = {
  inhouse: {
    parent: "予算額（億円）",
    child: "全体",
    down: "機関名",
    title: "インハウス研究機関関係予算",
    middle: "令和7年度当初（億円）",
    downThree: "機関名",
  },
  breakdown: {
    parent: "予算額（億円）",
    child: "前年度",
    down: "区分",
    title: "予算の推移",
    middle: "予算額（億円）",
    downThree: "区分",
  },
  output: {
    parent: "目標",
    child: "目標値",
    down: "番号",
    title: "令和7年度 達成状況",
    middle: "目標",
    downThree: "番号",
  },
  monitoring: {
    parent: "指標",
    child: "番号",
    down: "内訳",
    title: "モニタリング指標（令和7年度実績）",
    middle: "指標",
    downThree: "内訳",
  },
};

const SOURCE_PREFIXES: Record<KindId, string[]> = {
  inhouse: ["出典：", "（注）", "備考："],
  breakdown: ["参考：", "資料：", "注1）", "（注）"],
  output: ["出典：", "注1）", "参考：", "備考："],
  monitoring: ["資料：", "（注）", "参考："],
};

/** Monitoring sheets with project-specific indicators (番号 独自); PJ6 and PJ7 have none. */
function hasOwnIndicators(original: string): boolean {
  return sample.workbook.sheets.find((s) => s.name === original)!.rows.some((row) => row[0]?.value === "独自");
}

type Presence = (book: ExcelJS.Workbook, r: Rewritten, kinds: Record<string, KindId>) => void;

function eachSheet(
  book: ExcelJS.Workbook,
  r: Rewritten,
  only: KindId[] | undefined,
  f: (ws: WS, kind: KindId, original: string) => void,
): void {
  for (const [original, kind] of Object.entries(kinds)) {
    if (only && !only.includes(kind)) continue;
    const ws = book.getWorksheet(r.sheetName(original));
    if (!ws) throw new Error(`no sheet ${r.sheetName(original)}`);
    f(ws, kind, original);
  }
}

/** What each habit must have put in the file (checked for the habit alone and in every combination). */
const PRESENT: Record<string, Presence> = {
  "two-row-header": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const l = KIND_LABELS[kind];
      const parent = find(ws, l.parent);
      const [h, w] = mergeSize(ws, parent);
      expect([ws.name, h, w >= 2]).toEqual([ws.name, 1, true]);
      expect(startsWithLabel(textOf(ws.getCell(parent.row + 1, parent.col)), l.child)).toBe(true);
      const down = find(ws, l.down);
      expect([ws.name, down.row, mergeSize(ws, down)]).toEqual([ws.name, parent.row, [2, 1]]);
    }),
  "two-row-header-unmerged": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const l = KIND_LABELS[kind];
      const parent = find(ws, l.parent);
      expect([ws.name, mergeSize(ws, parent), isEmpty(ws, parent.row, parent.col + 1)]).toEqual([
        ws.name,
        [1, 1],
        true,
      ]);
      expect(startsWithLabel(textOf(ws.getCell(parent.row + 1, parent.col)), l.child)).toBe(true);
      const down = find(ws, l.down);
      expect([ws.name, down.row, mergeSize(ws, down), isEmpty(ws, down.row + 1, down.col)]).toEqual([
        ws.name,
        parent.row,
        [1, 1],
        true,
      ]);
      expect(spans(ws).filter((m) => m.top <= parent.row + 1 && m.bottom >= parent.row)).toEqual([]);
    }),
  "three-row-header": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const l = KIND_LABELS[kind];
      const title = find(ws, l.title);
      expect(mergeSize(ws, title)[0]).toBe(1);
      expect(mergeSize(ws, title)[1]).toBeGreaterThanOrEqual(kind === "monitoring" ? 9 : 4);
      const middle = cells(ws).find((c) => c.row === title.row + 1 && norm(c.text) === norm(l.middle));
      expect(middle).toBeDefined();
      expect(startsWithLabel(textOf(ws.getCell(title.row + 2, middle!.col)), l.child)).toBe(true);
      const down = find(ws, l.downThree);
      // monitoring: the title spans every column, so labels are merged down over the two rows below it
      expect([ws.name, mergeSize(ws, down)]).toEqual([ws.name, kind === "monitoring" ? [2, 1] : [3, 1]]);
    }),
  "merged-metadata": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const year = find(ws, "報告年度");
      const value = find(ws, "令和7年度");
      expect([ws.name, mergeSize(ws, year), value.row, value.col - year.col, mergeSize(ws, value)]).toEqual([
        ws.name,
        [1, 2],
        year.row,
        3,
        [1, 3],
      ]);
      if (kind === "monitoring") {
        const pj = find(ws, "統合プロジェクト");
        expect([ws.name, mergeSize(ws, pj), mergeSize(ws, { row: pj.row, col: pj.col + 3 })]).toEqual([
          ws.name,
          [1, 3],
          [1, 4],
        ]);
        expect(textOf(ws.getCell(pj.row, pj.col + 3))).toMatch(/^(PJ[1-8]|全体)/);
      }
      if (kind === "inhouse" || kind === "breakdown") {
        const unit = find(ws, "単位");
        expect([ws.name, mergeSize(ws, unit), textOf(ws.getCell(unit.row, unit.col + 3))]).toEqual([
          ws.name,
          [1, 2],
          "億円",
        ]);
      }
    }),
  "merged-metadata-stacked": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const year = find(ws, "報告年度");
      expect([
        ws.name,
        mergeSize(ws, year),
        textOf(ws.getCell(year.row + 1, year.col)),
        mergeSize(ws, { row: year.row + 1, col: year.col }),
      ]).toEqual([ws.name, [1, 2], "令和7年度", [1, 2]]);
      expect(rowIsEmpty(ws, year.row + 2)).toBe(true);
      if (kind === "monitoring")
        expect(textOf(ws.getCell(find(ws, "統合プロジェクト").row + 1, find(ws, "統合プロジェクト").col))).toMatch(
          /^(PJ[1-8]|全体)/,
        );
      if (kind === "inhouse" || kind === "breakdown")
        expect(textOf(ws.getCell(find(ws, "単位").row + 1, find(ws, "単位").col))).toBe("億円");
    }),
  "inline-metadata": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      expect(find(ws, "報告年度：", "prefix").text).toBe("報告年度：令和7年度");
      if (kind === "monitoring")
        expect(find(ws, "統合プロジェクト：", "prefix").text).toMatch(/^統合プロジェクト：(PJ[1-8]|全体)/);
      const form = find(ws, "様式第", "prefix");
      expect(form.row).toBeLessThan(find(ws, "報告年度：", "prefix").row);
      // the title, right under the form number, merged across the table
      expect(spans(ws).some((m) => m.top === form.row + 1 && m.bottom === form.row + 1 && m.right - m.left >= 6)).toBe(
        true,
      );
    }),
  "annex-rows": (book, r) =>
    eachSheet(book, r, ["inhouse", "breakdown", "output"], (ws, kind) => {
      const [numbers, above, label] =
        kind === "inhouse"
          ? ["(B)/(A)", 2, "健康・医療比率"]
          : kind === "breakdown"
            ? ["(B)－(A)", 1, "増減額"]
            : ["②＝①÷年数", 1, "年度目標"];
      const at = find(ws, numbers);
      expect(norm(textOf(ws.getCell(at.row - above, at.col))).startsWith(norm(label))).toBe(true);
      if (kind === "inhouse") expect(textOf(ws.getCell(at.row - 1, at.col))).toBe("%");
      if (kind === "breakdown") expect(find(ws, "（単位：億円）", "exact").row).toBe(at.row + 1);
    }),
  sources: (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const all = cells(ws);
      const last = Math.max(...all.map((c) => c.row));
      const prefixes = SOURCE_PREFIXES[kind];
      prefixes.forEach((p, i) => {
        const hit = all.find((c) => c.text.startsWith(p) && c.row === last - prefixes.length + 1 + i);
        expect([ws.name, p, hit !== undefined]).toEqual([ws.name, p, true]);
        if (i === 0) expect(mergeSize(ws, hit!)[1]).toBeGreaterThanOrEqual(7);
      });
    }),
  "merged-attributes": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind, original) => {
      // 文 ×3 (理研…JST) and 厚 ×9 (国立がん… to 国立社会保障…)
      // A header repeated inside a group (repeated-header) splits its merge in two: the pieces cover the group.
      const split = r.habits.includes("repeated-header");
      if (kind === "inhouse")
        for (const [who, rows] of [
          ["文", 3],
          ["厚", 9],
        ] as const) {
          const sizes = cells(ws)
            .filter((c) => c.text === who)
            .map((c) => mergeSize(ws, c));
          if (split) expect(sizes.filter(([h]) => h > 1).reduce((n, [h]) => n + h, 0)).toBe(rows);
          else expect(sizes).toContainEqual([rows, 1]);
        }
      if (kind === "output") {
        expect(mergeSize(ws, find(ws, "期間累計"))).toEqual([4, 1]);
        expect(mergeSize(ws, find(ws, "アウトカム"))).toEqual([3, 1]);
      }
      if (kind === "breakdown") {
        const relisted = find(ws, "再掲");
        expect(mergeSize(ws, relisted)).toEqual([2, 1]);
        expect(cells(ws).some((c) => c.row === relisted.row && c.text === "1. 医薬品プロジェクト 計")).toBe(true);
        expect(mergeSize(ws, find(ws, "うち"))).toEqual([2, 1]);
      }
      if (kind === "monitoring") expect(mergeSize(ws, find(ws, "導出形態別の件数"))).toEqual([3, 1]);
      if (original === "全体") expect(mergeSize(ws, find(ws, "PJ5"))).toEqual([6, 1]);
    }),
  "merged-identity": (book, r) =>
    eachSheet(book, r, ["monitoring"], (ws) => {
      const one = cells(ws).find((c) => typeof ws.getCell(c.row, c.col).value === "number" && c.text === "1")!;
      const [h] = mergeSize(ws, one);
      expect(h).toBeGreaterThanOrEqual(14); // indicator 1 spans 14 (PJ8) to 20 rows
      expect([
        mergeSize(ws, { row: one.row, col: one.col + 1 }),
        mergeSize(ws, { row: one.row, col: one.col + 2 }),
      ]).toEqual([
        [h, 1],
        [h, 1],
      ]);
    }),
  "hidden-working-column": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind, original) => {
      if (kind === "inhouse") {
        expect(ws.getColumn(find(ws, "健康・医療関係（百万円）").col).hidden).toBe(true);
        expect(ws.getColumn(find(ws, "健康・医療関係（億円）").col).hidden).toBe(false);
        expect(ws.getRow(find(ws, "国立健康危機管理研究機構").row).hidden).toBe(true);
      }
      if (kind === "breakdown") expect(ws.getRow(find(ws, "②情報センター整備プログラム").row).hidden).toBe(true);
      if (kind === "output")
        expect(ws.getRow(find(ws, "新たに整備する施設における国内FIH試験実施件数").row).hidden).toBe(true);
      if (original === "PJ5")
        expect(ws.getRow(find(ws, "実施許諾契約(オプション契約は除く)件数").row).hidden).toBe(true);
    }),
  "sections-and-legends": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind, original) => {
      if (kind === "output") {
        const heading = find(ws, "アウトプット指標 ＜全体目標＞");
        expect(mergeSize(ws, heading)[1]).toBeGreaterThanOrEqual(14);
        const legend = find(ws, "【進捗】", "prefix");
        expect(legend.row).toBeGreaterThan(find(ws, "進捗").row);
        expect(legend.row).toBeLessThan(find(ws, "O1").row);
      }
      if (kind === "breakdown") {
        const heading = find(ws, "Ⅱ．疾病・障害対策研究分野");
        expect(mergeSize(ws, heading)[1]).toBeGreaterThanOrEqual(7);
        expect(find(ws, "（１）成育疾患克服等次世代育成基盤研究経費").row).toBe(heading.row + 1);
      }
      if (kind === "inhouse")
        expect(find(ws, "【所管】", "prefix").row).toBe(find(ws, "国立社会保障・人口問題研究所").row + 1);
      if (kind === "monitoring" && hasOwnIndicators(original))
        expect(mergeSize(ws, find(ws, "個々の統合プロジェクトで定めるモニタリング指標"))[1]).toBeGreaterThanOrEqual(9);
    }),
  "header-wording": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const wrapped = (text: string) => {
        const at = cells(ws).find((c) => c.text === text);
        expect([ws.name, text, at !== undefined]).toEqual([ws.name, text, true]);
        expect(ws.getCell(at!.row, at!.col).alignment?.wrapText).toBe(true);
      };
      // label-wording, when applied too, words 機関名 and monitoring's 番号 its own way.
      const reworded = r.habits.includes("label-wording");
      if (kind === "inhouse") {
        if (!reworded) expect(cells(ws).some((c) => c.text === "機 関 名")).toBe(true);
        wrapped("外部資金（健康・医療関係）\n※令和6年度");
      }
      if (kind === "breakdown") wrapped("備考\n出典・留意事項等");
      if (kind === "output") wrapped("進捗の詳細（含む成果と要因分析）\n※達成に向けた過程等を総合的に勘案");
      if (kind === "monitoring" && !reworded) expect(cells(ws).some((c) => c.text === "番　号")).toBe(true);
    }),
  offset: (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      expect(cells(ws).filter((c) => c.row === 1 || c.col <= 2)).toEqual([]);
      const after = { inhouse: "全体", breakdown: "前年度", output: "目標値", monitoring: "内訳" }[kind];
      const label = find(ws, after, "prefix");
      const spacer = label.col - 1;
      // Inside the table, i.e. below the metadata (whose merged values may cross the spacer's column).
      const metadata = Math.max(
        ...cells(ws)
          .filter((c) => /^(報告年度：)?令和7年度$/.test(c.text))
          .map((c) => c.row),
      );
      expect(cells(ws).filter((c) => c.col === spacer && c.row > metadata)).toEqual([]);
    }),
  "blank-separators": (book, r) =>
    eachSheet(book, r, ["monitoring"], (ws) => {
      const two = cells(ws).find((c) => typeof ws.getCell(c.row, c.col).value === "number" && c.text === "2")!;
      expect(rowIsEmpty(ws, two.row - 1)).toBe(true);
    }),
  "renamed-sheets": (book) =>
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "様式1",
      "別表",
      "予算",
      "PJ1 (8)",
      "PJ1 (7)",
      "PJ1 (6)",
      "PJ1 (5)",
      "PJ1 (4)",
      "PJ1 (3)",
      "PJ1 (2)",
      "PJ1",
      "Sheet1",
    ]),
  "numbers-as-text": (book, r) =>
    eachSheet(book, r, ["inhouse"], (ws) => {
      const riken = find(ws, "理化学研究所");
      expect(cells(ws).some((c) => c.row === riken.row && ws.getCell(c.row, c.col).value === "577億円")).toBe(true);
      expect(cells(ws).some((c) => ws.getCell(c.row, c.col).value === "1,008億円")).toBe(true);
    }),
  "live-formulas": (book, r) =>
    eachSheet(book, r, ["breakdown"], (ws) => {
      const formulas = cells(ws)
        .map((c) => ws.getCell(c.row, c.col))
        .filter((c) => c.type === ExcelJS.ValueType.Formula);
      expect(formulas.map((c) => [c.formula.replace(/\d+/g, "n").replace(/[A-Z]+n/g, "Xn"), c.result])).toEqual([
        ["SUM(Xn:Xn)", 93.6],
        ["Xn+Xn", 98],
        ["Xn-Xn", 3],
        ["Xn/Xn", 3 / 13],
      ]);
    }),
  "repeated-header": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind, original) => {
      if (kind === "monitoring" && original !== "全体") return;
      // Some row of two or more labels appears again, whole, further down: the header and its repeat.
      const rows = new Map<number, string[]>();
      for (const c of cells(ws)) (rows.get(c.row) ?? rows.set(c.row, []).get(c.row)!).push(`${c.col}:${c.text}`);
      const seen = new Map<string, number>();
      for (const texts of rows.values())
        if (texts.length >= 2) seen.set(texts.join("|"), (seen.get(texts.join("|")) ?? 0) + 1);
      expect([ws.name, [...seen.values()].some((n) => n >= 2)]).toEqual([ws.name, true]);
    }),
  "footnote-marks": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      // The marks end the (possibly reworded) labels: 健康・医療関係※2, 増減額…※, 実績…＊, 値 注1.
      const marked = { inhouse: "※2", breakdown: "※", output: "*", monitoring: "注1" }[kind];
      expect([ws.name, cells(ws).some((c) => norm(c.text).endsWith(marked))]).toEqual([ws.name, true]);
    }),
  "label-wording": (book, r) =>
    eachSheet(book, r, undefined, (ws, kind) => {
      const worded = { inhouse: "研究機関名", breakdown: "事業名", output: "指標名", monitoring: "No." }[kind];
      expect(cells(ws).some((c) => norm(c.text) === norm(worded))).toBe(true);
    }),
  "print-setup": (book, r) =>
    eachSheet(book, r, undefined, (ws) => {
      expect(ws.views[0]?.state).toBe("frozen");
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.autoFilter).toBeDefined();
    }),
};

/** The model as the reader gives it: values, formats, formulas, merges, hidden rows and columns. */
function comparable(wb: Workbook) {
  return wb.sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((row) => row.map((c) => (c ? { value: c.value, numFmt: c.numFmt, formula: c.formula } : null))),
    merges: [...(s.merges ?? [])].sort(),
    hiddenRows: s.hiddenRows ?? [],
    hiddenColumns: s.hiddenColumns ?? [],
  }));
}

describe.each(Object.keys(VARIANTS))("habit %s as .xlsx", (variant) => {
  let r: Rewritten;
  let fixed: Rewritten;
  let file: string;
  let fixedFile: string;

  beforeAll(async () => {
    r = rewrite(sample, variant);
    fixed = rewrite(correctedSample(sample), variant);
    file = join(dir, `${variant}.xlsx`);
    fixedFile = join(dir, `${variant}.corrected.xlsx`);
    await writeXlsx(r.workbook, file, r.layout);
    await writeXlsx(fixed.workbook, fixedFile, fixed.layout);
  });

  test("the habit is in the written file", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    for (const id of VARIANTS[variant]) PRESENT[id](book, r, kinds);
  });

  test("Kensa's reader gives back the rewritten model", async () => {
    expect(comparable(await readWorkbookFile(file))).toEqual(comparable(r.workbook));
  });

  test("kensa check --format json: the sample's findings at the moved cells, exit 1", async () => {
    const { code, report } = await check(file);
    expect(report.status).toBe("checked");
    const { rest, missing } = withoutExtras(report.findings, r.extras);
    expect(missing).toEqual([]);
    expect(rest.map(key).sort()).toEqual(movedKeys(base.findings, r));
    expect(code).toBe(1);
  });

  test("kensa check --format json on the corrected copy: no error, the sample's warnings, exit 0", async () => {
    const { code, report } = await check(fixedFile);
    expect(report.status).toBe("checked");
    expect(report.findings.filter((f) => f.severity === "error").map(key)).toEqual([]);
    const warnings = report.findings
      .filter((f) => f.severity === "warning")
      .map(key)
      .sort();
    expect(warnings).toEqual(
      movedKeys(
        base.findings.filter((f) => f.severity === "warning"),
        fixed,
      ),
    );
    expect(code).toBe(0);
  });
});

describe("every habit has its presence check", () => {
  test.each(Object.keys(VARIANTS).filter((v) => VARIANTS[v].length === 1))("%s", (variant) => {
    expect(typeof PRESENT[variant]).toBe("function");
  });
});

test("writing is deterministic: the same model gives the same bytes", async () => {
  const r = rewrite(sample, "all");
  expect((await xlsxBuffer(r.workbook, r.layout)).equals(await xlsxBuffer(r.workbook, r.layout))).toBe(true);
});

describe.each(UNRELATED.map((u) => [u.file, u] as const))("unrelated workbook %s", (_name, u) => {
  let file: string;

  beforeAll(async () => {
    file = join(dir, u.file);
    await writeXlsx(u.workbook, file);
  });

  test("no sheet is of a known kind, and nothing is reported as an error or warning", () => {
    const result = checkWorkbook(u.workbook);
    expect(result.sheets.filter((s) => s.kind !== null)).toEqual([]);
    expect(result.findings.filter((f) => f.severity !== "info").map(key)).toEqual([]);
  });

  test("kensa check --format json: 未検証 (status unchecked), non-zero exit", async () => {
    const { code, report } = await check(file);
    expect(report.status).toBe("unchecked");
    expect(report.sheets.filter((s) => s.kind !== null)).toEqual([]);
    expect(code).not.toBe(0);
  });

  test("kensa check (text): says 未検証, never 問題なし", async () => {
    const { code, stdout } = await runCaptured(["check", file]);
    expect(stdout).toContain("未検証");
    expect(stdout).not.toContain("問題なし");
    expect(stdout).not.toContain("問題は見つかりませんでした");
    expect(code).not.toBe(0);
  });
});
