import ExcelJS from "exceljs";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { writeTemplate } from "../../src/adapters/exceljs/files";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { templateBuffer } from "../../src/adapters/exceljs/template";
import { checkWorkbook } from "../../src/core/engine";
import { detectTable } from "../../src/core/sheets/detect";
import { KIND_SPECS } from "../../src/core/sheets/kinds";
import { KIND_TITLES } from "../../src/core/model/kinds";
import {
  buildTemplate,
  displayWidth,
  linesIn,
  BREAKDOWN_CATEGORIES,
  GRADES,
  MINISTRIES,
  OUTPUT_CATEGORIES,
  PROJECTS,
  TARGET_KINDS,
  TEMPLATE_FONT,
  type TemplateSheet,
} from "../../src/core/template";
import { columnLetters, fromA1, toA1 } from "../../src/core/model/address";
import { CatalogueSchema } from "../../src/core/catalogue/schema";
import { parseText } from "../../src/core/values/parse";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const col = (s: TemplateSheet, key: string) => s.columns.findIndex((c) => c.key === key);
const cellAt = (s: TemplateSheet, row: number, c: number) => s.cells.find((x) => x.row === row && x.col === c);
/** Every cell of an A1 range ("G6:G9", "C2"). */
function cellsOf(range: string): string[] {
  const [a, b = a] = range.split(":").map(fromA1);
  const out: string[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(toA1(r, c));
  return out;
}
/** The input rule or list covering a cell. */
function ruleAt(s: TemplateSheet, a1: string) {
  return [...s.inputRules, ...s.validations].find((v) => cellsOf(v.range).includes(a1));
}
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("buildTemplate (pure)", () => {
  const spec = buildTemplate("ja");
  const [inhouse, breakdown, output, monitoring] = spec.sheets;

  it("has one sheet of each kind, with every label of the kind in its header", () => {
    expect(spec.sheets.map((s) => s.kind)).toEqual([
      "inhouse-budget",
      "budget-breakdown",
      "output-indicators",
      "monitoring",
    ]);
    expect(spec.sheets.map((s) => s.name)).toEqual(["インハウス予算", "予算内訳", "アウトプット指標", "モニタリング"]);
    for (const sheet of spec.sheets) {
      const headers = sheet.columns.map((c) => c.header);
      const kindSpec = KIND_SPECS.find((k) => k.kind === sheet.kind)!;
      for (const c of kindSpec.columns)
        if (c.labels.length && c.key !== "ministry")
          expect(headers).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${c.labels[0]}`))]));
    }
  });

  it("never stores a constant that looks like a formula, and keeps formulas without '='", () => {
    for (const s of spec.sheets)
      for (const c of s.cells) {
        if (typeof c.value === "string") expect(c.value).not.toMatch(/^[=+@]/);
        if (c.formula) expect(c.formula).not.toMatch(/^=/);
        expect(c.value !== undefined && c.formula !== undefined).toBe(false);
      }
  });

  it("puts formulas in every computed column of every data row", () => {
    for (const s of spec.sheets) {
      const computed = s.columns.map((c, i) => (c.computed ? i : -1)).filter((i) => i >= 0);
      for (let row = s.firstDataRow; row <= s.lastDataRow; row++)
        for (const c of computed) expect(cellAt(s, row, c)?.formula).toBeTruthy();
    }
  });

  it("offers the drop-down lists of DOMAIN §3", () => {
    const lists = spec.sheets.flatMap((s) => s.validations.map((v) => v.list.join(",")));
    expect(lists).toEqual(
      expect.arrayContaining(
        [BREAKDOWN_CATEGORIES, OUTPUT_CATEGORIES, TARGET_KINDS, GRADES, PROJECTS, MINISTRIES].map((l) => l.join(",")),
      ),
    );
    expect(GRADES).toEqual(["A", "B", "-"]);
    expect(TARGET_KINDS).toEqual(["年度", "期間累計", "累積", "年平均", "基準値以上", "基準値超", "定性"]);
    expect(BREAKDOWN_CATEGORIES).toEqual(["明細", "小計", "合計", "その他", "うち", "内数", "再掲"]);
  });

  it("lists the catalogue's standard indicators on the monitoring sheet, with blank values", () => {
    const catalogue = CatalogueSchema.parse({
      version: "test",
      indicators: [
        {
          number: "1",
          label: "企業導出件数",
          rollup: "additive",
          groups: [
            {
              key: "form",
              label: "導出形態別",
              relation: "exhaustive",
              items: [
                { key: "a", label: "権利譲渡" },
                { key: "b", label: "実施許諾" },
              ],
            },
            { key: "phase", label: "開発フェーズ別", relation: "partial", items: [{ key: "c", label: "非臨床前" }] },
          ],
        },
        {
          number: "4",
          label: "薬事承認・認証",
          rollup: "deduplicated",
          noTotal: true,
          groups: [
            {
              key: "use",
              label: "利用形態別",
              relation: "exhaustive",
              items: [
                {
                  key: "dev",
                  label: "医療機器",
                  subItems: {
                    relation: "exhaustive",
                    items: [
                      { key: "t", label: "治療用" },
                      { key: "d", label: "診断用" },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    const mon = buildTemplate("ja", { catalogue, rows: 2 }).sheets[3];
    const grid = new Map(mon.cells.filter((c) => c.value !== undefined).map((c) => [toA1(c.row, c.col), c.value]));
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G"].map((c) => grid.get(`${c}${r}`) ?? "");
    expect(row(6)).toEqual(["1", "企業導出件数", "", "導出形態別", "権利譲渡", "", ""]);
    expect(row(7)).toEqual(["", "", "", "", "実施許諾", "", ""]);
    expect(row(8)).toEqual(["", "", "", "開発フェーズ別", "非臨床前", "", ""]);
    expect(row(9)).toEqual(["4", "薬事承認・認証", "—", "利用形態別", "医療機器", "", ""]);
    expect(row(10)).toEqual(["", "", "", "", "医療機器", "治療用", ""]);
    expect(row(11)).toEqual(["", "", "", "", "医療機器", "診断用", ""]);
    expect(row(12)[0]).toBe("個々の統合プロジェクトで定めるモニタリング指標");
    expect(mon.lastDataRow).toBe(13);
  });

  it("prefills the plan's output indicators (O1–O3, 1–21) as the R7 report publishes them", () => {
    // The published sheet, transcribed independently in samples/r7-report.data.json.
    const data = JSON.parse(readFileSync(path.join(__dirname, "../../samples/r7-report.data.json"), "utf8")) as {
      sheets: { name: string; rows: unknown[] }[];
    };
    const published = data.sheets
      .find((s) => s.name === "アウトプット指標")!
      .rows.filter((r): r is unknown[] => Array.isArray(r) && r.length > 5)
      .map((r) => ({ number: String(r[0]), category: r[1], label: r[2], target: r[3], kind: r[4], period: r[5] }));
    expect(published.map((p) => p.number)).toEqual([
      "O1",
      "O2",
      "O3",
      ...Array.from({ length: 21 }, (_, i) => String(i + 1)),
    ]);
    const text = (row: number, key: string) => cellAt(output, row, col(output, key))?.value ?? null;
    published.forEach((p, i) => {
      const row = output.firstDataRow + i;
      expect([
        p.number,
        text(row, "number"),
        text(row, "category"),
        text(row, "indicator"),
        text(row, "targetKind"),
        text(row, "period"),
      ]).toEqual([p.number, p.number, p.category, p.label, p.kind, p.period]);
      // 目標値 is a number shown with its unit: "650件" → 650 formatted #,##0"件".
      const target = cellAt(output, row, col(output, "target"))!;
      if (typeof p.target !== "string") expect([p.number, target.value]).toEqual([p.number, undefined]);
      else {
        const parsed = parseText(p.target);
        if (parsed.kind !== "number") throw new Error(`${p.target} is not a number`);
        expect([p.number, target.value, target.numFmt]).toEqual([p.number, parsed.value, `#,##0"${parsed.unit}"`]);
      }
    });
    // Blank rows follow for further indicators.
    expect(output.lastDataRow).toBeGreaterThan(output.firstDataRow + published.length);
    expect(cellAt(output, output.firstDataRow + published.length, 0)?.value).toBeUndefined();
  });

  it("gives every column a width that fits its header in two lines and every short entry in one", () => {
    for (const s of spec.sheets) {
      for (const c of s.columns)
        expect([s.name, c.header, linesIn(c.header, c.width) <= 2]).toEqual([s.name, c.header, true]);
      // Drop-down entries show whole in their cell.
      for (const v of s.validations) {
        const width = s.columns[fromA1(v.range.split(":")[0]).col].width;
        for (const entry of v.list)
          expect([s.name, entry, displayWidth(entry) + 1 <= width]).toEqual([s.name, entry, true]);
      }
    }
    // Short prefilled texts (番号, 区分, 目標の種類, 期間) fit on one line.
    for (let row = output.firstDataRow; row <= output.lastDataRow; row++)
      for (const key of ["number", "category", "targetKind", "period"]) {
        const v = cellAt(output, row, col(output, key))?.value;
        if (typeof v === "string")
          expect([v, displayWidth(v) + 1 <= output.columns[col(output, key)].width]).toEqual([v, true]);
      }
  });

  it("puts the metadata where its label fits, never cut or run into its value", () => {
    for (const s of spec.sheets) {
      const meta = s.cells.filter((c) => c.style === "metaLabel");
      expect(meta.length).toBeGreaterThan(0);
      for (const label of meta) {
        expect(displayWidth(String(label.value)) + 1).toBeLessThanOrEqual(s.columns[label.col].width);
        const value = cellAt(s, label.row, label.col + 1)!;
        const merged = s.merges.find((m) => m.startsWith(`${toA1(value.row, value.col)}:`));
        const last = merged ? fromA1(merged.split(":")[1]).col : value.col;
        const width = s.columns.slice(value.col, last + 1).reduce((n, c) => n + c.width, 0);
        expect([s.name, value.value, displayWidth(String(value.value)) + 1 <= width]).toEqual([
          s.name,
          value.value,
          true,
        ]);
      }
    }
    // 統合プロジェクト (8 full-width characters) is not in the narrow 番号 column.
    const project = monitoring.cells.find((c) => c.value === "統合プロジェクト")!;
    expect(project.col).toBeGreaterThan(0);
  });

  it("wraps long prefilled labels within their column and makes their rows tall enough", () => {
    const labels = [...output.cells, ...monitoring.cells].filter((c) => c.style === "label");
    expect(labels.length).toBeGreaterThan(60);
    for (const s of [output, monitoring])
      for (const c of s.cells.filter((x) => x.style === "label")) {
        const lines = linesIn(String(c.value), s.columns[c.col].width);
        if (lines > 1) expect([c.value, s.rowHeights[c.row] >= lines * 15]).toEqual([c.value, true]);
      }
    // Indicator 1's long name wraps instead of running into 指標値.
    const first = monitoring.cells.find(
      (c) => c.value === "権利譲渡契約・実施許諾契約・共同研究開発契約件数 (シーズの企業導出件数)",
    )!;
    expect(first.style).toBe("label");
    expect(monitoring.rowHeights[first.row]).toBeGreaterThan(30);
  });

  it("prints every sheet A4 landscape with its header row repeated", () => {
    for (const s of spec.sheets) expect(s.print.titleRows).toEqual([s.headerRow, s.headerRow]);
  });

  describe("input limits and Japanese prompts", () => {
    it("every prompt and error message is Japanese and within Excel's limits (title 32, message 255)", () => {
      for (const s of spec.sheets)
        for (const v of [...s.validations, ...s.inputRules])
          for (const m of [v.prompt, v.error]) {
            if (!m) continue;
            expect(m.title).toMatch(JAPANESE);
            expect(m.message).toMatch(JAPANESE);
            expect([...m.title].length).toBeLessThanOrEqual(32);
            expect([...m.message].length).toBeLessThanOrEqual(255);
          }
      // Every list explains itself both ways.
      for (const s of spec.sheets)
        for (const v of s.validations) expect([v.range, !!v.prompt, !!v.error]).toEqual([v.range, true, true]);
    });

    /** Input columns that must carry a rule on every data row, by sheet. */
    const INPUTS: [TemplateSheet, string[]][] = [
      [inhouse, ["ministry", "total", "health", "external"]],
      [breakdown, ["category", "previous", "current"]],
      [output, ["category", "target", "targetKind", "period", "actual", "grade"]],
    ];
    it.each(INPUTS.map(([s, keys]) => [s.name, s, keys] as const))(
      "%s: every input column of every data row has a rule with a prompt",
      (_name, s, keys) => {
        const last = s.kind === "output-indicators" ? s.lastDataRow : s.lastDataRow - 1; // not the 合計 row
        for (const key of keys)
          for (let row = s.firstDataRow; row <= last; row++) {
            const a1 = toA1(row, col(s, key));
            expect([a1, ruleAt(s, a1)?.prompt?.message]).toEqual([a1, expect.stringMatching(JAPANESE)]);
          }
      },
    );

    it("amounts are numbers ≥ 0 with decimals; 全体, 健康・医療関係 and 当年度 refuse anything else", () => {
      for (const [s, key, strict] of [
        [inhouse, "total", true],
        [inhouse, "health", true],
        [inhouse, "external", false],
        [breakdown, "previous", false],
        [breakdown, "current", true],
      ] as const) {
        const rule = s.inputRules.find((r) =>
          r.range.startsWith(`${columnLetters(col(s, key))}${s.firstDataRow + 1}:`),
        );
        expect([key, rule]).toEqual([key, expect.objectContaining({ type: "decimal", min: 0, strict })]);
      }
    });

    it("counts are whole or half (0.5 steps) ≥ 0 on the monitoring sheet, except indicator 7's shares, written as text", () => {
      const value = col(monitoring, "value");
      const items = monitoring.cells.filter(
        (c) => c.row >= monitoring.firstDataRow && c.col === col(monitoring, "item") && c.value !== undefined,
      );
      expect(items.length).toBeGreaterThan(40);
      for (const item of items) {
        const rule = ruleAt(monitoring, toA1(item.row, value)) as { type?: string; min?: number } | undefined;
        if (item.value === "研究者の男女（その他）比率")
          expect(rule).toMatchObject({ type: "any", prompt: { message: expect.stringContaining("男：") } });
        else expect([item.value, rule]).toEqual([item.value, expect.objectContaining({ type: "half", min: 0 })]);
      }
      // うち only where the catalogue has one (indicator 2's 国際共同治験数).
      const ofWhich = monitoring.inputRules.filter((r) =>
        r.range.startsWith(columnLetters(col(monitoring, "ofWhich"))),
      );
      expect(ofWhich.flatMap((r) => cellsOf(r.range))).toHaveLength(2);
      // 指標値 of each standard indicator with a total.
      const numbered = monitoring.cells.filter((c) => c.col === 0 && /^\d+$/.test(String(c.value ?? "")));
      for (const n of numbered) {
        const v = cellAt(monitoring, n.row, col(monitoring, "indicatorValue"));
        if (v?.value === "—") continue;
        expect([n.value, ruleAt(monitoring, toA1(n.row, col(monitoring, "indicatorValue")))]).toEqual([
          n.value,
          expect.objectContaining({ type: "half" }),
        ]);
      }
    });

    it("progress, 区分 and 目標の種類 are lists that refuse other values; 統合プロジェクト and 所管 only warn", () => {
      const list = (s: TemplateSheet, key: string) =>
        s.validations.find((v) => v.range.startsWith(columnLetters(col(s, key))));
      expect(list(output, "grade")).toMatchObject({
        list: GRADES,
        strict: true,
        prompt: { message: expect.stringContaining("順調に進捗") },
      });
      expect(list(output, "category")).toMatchObject({ list: OUTPUT_CATEGORIES, strict: true });
      expect(list(output, "targetKind")).toMatchObject({ list: TARGET_KINDS, strict: true });
      expect(list(breakdown, "category")).toMatchObject({ list: BREAKDOWN_CATEGORIES, strict: true });
      expect(list(inhouse, "ministry")).toMatchObject({ list: MINISTRIES, strict: false });
      expect(monitoring.validations.find((v) => v.list.includes("PJ1"))).toMatchObject({
        strict: false,
        prompt: { title: "統合プロジェクト" },
      });
    });
  });

  it("uses English sheet names and hints with lang en but keeps the Japanese labels the detector needs", () => {
    const en = buildTemplate("en");
    expect(en.sheets.map((s) => s.name)).toEqual(en.sheets.map((s) => KIND_TITLES[s.kind].en));
    expect(en.sheets.map((s) => s.columns.map((c) => c.header))).toEqual(
      spec.sheets.map((s) => s.columns.map((c) => c.header)),
    );
  });
});

describe("templateBuffer (exceljs)", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await templateBuffer("ja");
  });

  it("is recognised by the detector: every sheet's kind, header row and metadata", async () => {
    const workbook = await readWorkbookBuffer(bytes);
    const spec = buildTemplate("ja");
    for (const s of spec.sheets) {
      const sheet = workbook.sheets.find((x) => x.name === s.name)!;
      const table = detectTable(sheet)!;
      expect(table.kind).toBe(s.kind);
      expect(table.headerRow).toBe(s.headerRow);
      expect(table.metadata["報告年度"]).toBe("令和7年度");
    }
    const tables = workbook.sheets.map((s) => detectTable(s)!);
    expect(tables[0].metadata["単位"]).toBe("億円");
    expect(tables[3].metadata["統合プロジェクト"]).toBe("PJ1");
    // Blank rows with formulas whose result is blank are not data rows (only the 合計 row is); the prefilled indicators are.
    expect(tables[0].dataRows).toEqual([spec.sheets[0].lastDataRow]);
    expect(tables[2].dataRows).toHaveLength(24);
  });

  it("checks as 未入力, one info per sheet, not as an error per blank cell", async () => {
    const result = checkWorkbook(await readWorkbookBuffer(bytes));
    // Each pointing at the first cell to type in: the first row's 機関名 or 区分, O1's 実績, indicator 1's 指標値.
    expect(result.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual(
      [
        ["インハウス予算", "A6"],
        ["予算内訳", "A6"],
        ["アウトプット指標", "J6"],
        ["モニタリング", "C6"],
      ].map(([s, cell]) => ["structure/unfilled", "info", s, cell]),
    );
    expect(result.findings[2].message).toBe(
      "シート「アウトプット指標」は未入力です。実績も進捗もまだ1つも入力されていないため、空欄は指摘していません。",
    );
    expect(result.sheets.every((s) => s.kind !== null)).toBe(true);
  });

  it("once a figure is typed, the sheet's blanks are reported again; the untouched sheets stay 未入力", async () => {
    const wb = await load(bytes);
    wb.getWorksheet("モニタリング")!.getCell("G6").value = 2; // 権利譲渡契約件数
    const out = wb.getWorksheet("アウトプット指標")!;
    out.getCell("J9").value = 158; // 指標1 実績
    out.getCell("L9").value = "A";
    const result = checkWorkbook(await readWorkbookBuffer(new Uint8Array(await wb.xlsx.writeBuffer())));
    const unfilled = result.findings.filter((f) => f.rule === "structure/unfilled").map((f) => f.sheet);
    expect(unfilled).toEqual(["インハウス予算", "予算内訳"]);
    const missing = result.findings.filter((f) => f.rule === "value/missing");
    expect(missing.every((f) => f.sheet === "モニタリング")).toBe(true);
    expect(missing.map((f) => f.cell)).toEqual(expect.arrayContaining(["C6", "G7", "G8"]));
    expect(missing.map((f) => f.cell)).not.toContain("G6");
    // The typed result against the prefilled target: 158 of 650 over R7–R11 is above the 130 a year.
    expect(result.findings.filter((f) => f.sheet === "アウトプット指標" && f.severity !== "info")).toEqual([]);
  });

  it("writes formulas, number formats, validations and frozen headers", async () => {
    const wb = await load(bytes);
    const inhouse = wb.getWorksheet("インハウス予算")!;
    expect(inhouse.getCell("F6").formula).toBe('IF(OR(NOT(ISNUMBER(C6)),NOT(ISNUMBER(D6)),C6=0),"",D6/C6)');
    expect(inhouse.getCell("F6").numFmt).toBe("0.0%");
    expect(inhouse.getCell("C6").numFmt).toBe("#,##0.0#");
    expect(inhouse.getCell("A26").value).toBe("合計");
    expect(inhouse.getCell("C26").formula).toBe('IF(COUNT(C6:C25)=0,"",SUMIF($A$6:$A$25,"<>小計",C6:C25))');
    expect(inhouse.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(inhouse.getCell("C6").dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      errorStyle: "stop",
      showInputMessage: true,
      promptTitle: "金額（億円）",
      error: expect.stringContaining("0以上の数値"),
    });
    const output = wb.getWorksheet("アウトプット指標")!;
    const header = (output.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual([
      "番号",
      "区分",
      "指標",
      "目標値",
      "目標の種類",
      "期間",
      "期間開始",
      "期間年数",
      "年度目標",
      "実績",
      "達成率",
      "進捗",
      "判定",
      "進捗の詳細",
      "備考",
    ]);
    expect(output.getCell("L6").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"A,B,-"'],
      errorStyle: "stop",
      promptTitle: "進捗",
    });
    expect(output.getCell("L35").dataValidation).toMatchObject({ type: "list" });
    expect(output.getCell("E20").dataValidation).toMatchObject({
      formulae: [`"${TARGET_KINDS.join(",")}"`],
      error: expect.stringContaining("目標の種類"),
    });
    // 実績 of a count: whole or half, by a formula relative to the range's first cell.
    expect(output.getCell("J9").dataValidation).toMatchObject({
      type: "custom",
      formulae: [expect.stringMatching(/^AND\(ISNUMBER\(J\d+\),J\d+>=0,MOD\(J\d+\*2,1\)=0\)$/)],
      errorStyle: "warning",
    });
    expect(output.getCell("D9").value).toBe(650);
    expect(output.getCell("D9").numFmt).toBe('#,##0"件"');
    expect(output.getCell("I9").formula).toContain("$C$2"); // 報告年度 beside its label in B2
    expect(output.getCell("C2").value).toBe("令和7年度");
    expect(wb.getWorksheet("予算内訳")!.getCell("A6").dataValidation).toMatchObject({
      formulae: [`"${BREAKDOWN_CATEGORIES.join(",")}"`],
    });
    const monitoring = wb.getWorksheet("モニタリング")!;
    expect(monitoring.getCell("C3").value).toBe("PJ1");
    expect(monitoring.getCell("C3").dataValidation).toMatchObject({ type: "list", errorStyle: "warning" });
  });

  it("prints A4 landscape, fitted to the page width, with the header row on every page", async () => {
    const wb = await load(bytes);
    for (const ws of wb.worksheets) {
      expect([ws.name, ws.pageSetup]).toEqual([
        ws.name,
        expect.objectContaining({
          paperSize: 9,
          orientation: "landscape",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: "5:5",
        }),
      ]);
      expect(ws.headerFooter.oddFooter).toContain("&P");
    }
  });

  it("sets the Japanese font on every cell it writes and on the columns, never italic", async () => {
    const wb = await load(bytes);
    for (const ws of wb.worksheets) {
      let n = 0;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          n++;
          expect([ws.name, cell.address, cell.font?.name, cell.font?.italic ?? false]).toEqual([
            ws.name,
            cell.address,
            TEMPLATE_FONT.name,
            false,
          ]);
        }),
      );
      expect(n).toBeGreaterThan(50);
      expect(ws.getColumn(1).font?.name).toBe(TEMPLATE_FONT.name);
    }
  });

  it("matches the pure description cell by cell", async () => {
    const wb = await load(bytes);
    for (const s of buildTemplate("ja").sheets) {
      const ws = wb.getWorksheet(s.name)!;
      for (const c of s.cells) {
        const cell = ws.getCell(toA1(c.row, c.col));
        if (c.formula) expect(cell.formula).toBe(c.formula);
        else if (c.value !== undefined) expect(cell.value).toBe(c.value);
        if (c.numFmt) expect(cell.numFmt).toBe(c.numFmt);
      }
      for (const [row, height] of Object.entries(s.rowHeights)) expect(ws.getRow(Number(row) + 1).height).toBe(height);
      s.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
    }
  });

  it("writeTemplate writes the file atomically", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kensa-template-"));
    try {
      const out = path.join(dir, "template.xlsx");
      await writeTemplate(out, "en");
      expect((await load(new Uint8Array(await fs.readFile(out)))).worksheets.map((w) => w.name)).toEqual(
        ["inhouse-budget", "budget-breakdown", "output-indicators", "monitoring"].map(
          (k) => KIND_TITLES[k as keyof typeof KIND_TITLES].en,
        ),
      );
      expect(await fs.readdir(dir)).toEqual(["template.xlsx"]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
