import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeTemplate } from "../../src/adapters/exceljs/files";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { templateBuffer } from "../../src/adapters/exceljs/template";
import { checkWorkbook } from "../../src/core/engine";
import { detectTable } from "../../src/core/sheets/detect";
import { KIND_SPECS, KIND_TITLES } from "../../src/core/sheets/kinds";
import { buildTemplate, BREAKDOWN_CATEGORIES, GRADES, OUTPUT_CATEGORIES, TARGET_KINDS } from "../../src/core/template";
import { toA1 } from "../../src/core/model/address";
import { CatalogueSchema } from "../../src/core/catalogue/schema";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe("buildTemplate (pure)", () => {
  const spec = buildTemplate("ja");

  it("has one sheet of each kind, with every label of the kind in its header", () => {
    expect(spec.sheets.map((s) => s.kind)).toEqual(["inhouse-budget", "budget-breakdown", "output-indicators", "monitoring"]);
    expect(spec.sheets.map((s) => s.name)).toEqual(["インハウス予算", "予算内訳", "アウトプット指標", "モニタリング"]);
    for (const sheet of spec.sheets) {
      const headers = sheet.columns.map((c) => c.header);
      const kindSpec = KIND_SPECS.find((k) => k.kind === sheet.kind)!;
      for (const col of kindSpec.columns) if (col.labels.length && col.key !== "ministry") expect(headers).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${col.labels[0]}`))]));
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
        for (const col of computed) expect(s.cells.find((c) => c.row === row && c.col === col)?.formula).toBeTruthy();
    }
  });

  it("offers the drop-down lists of DOMAIN §3", () => {
    const lists = spec.sheets.flatMap((s) => s.validations.map((v) => v.list.join(",")));
    expect(lists).toEqual(expect.arrayContaining([BREAKDOWN_CATEGORIES, OUTPUT_CATEGORIES, TARGET_KINDS, GRADES].map((l) => l.join(","))));
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
            { key: "form", label: "導出形態別", relation: "exhaustive", items: [{ key: "a", label: "権利譲渡" }, { key: "b", label: "実施許諾" }] },
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
              items: [{ key: "dev", label: "医療機器", subItems: { relation: "exhaustive", items: [{ key: "t", label: "治療用" }, { key: "d", label: "診断用" }] } }],
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

  it("uses English sheet names and hints with lang en but keeps the Japanese labels the detector needs", () => {
    const en = buildTemplate("en");
    expect(en.sheets.map((s) => s.name)).toEqual(en.sheets.map((s) => KIND_TITLES[s.kind].en));
    expect(en.sheets.map((s) => s.columns.map((c) => c.header))).toEqual(spec.sheets.map((s) => s.columns.map((c) => c.header)));
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
    // Blank rows with formulas whose result is blank are not data rows.
    expect(tables[2].dataRows).toEqual([]);
  });

  it("raises no error when the blank template is checked (beyond the monitoring values still to fill)", async () => {
    const result = checkWorkbook(await readWorkbookBuffer(bytes));
    // The モニタリング sheet lists the catalogue's items with blank 値: reporting those as missing is fair.
    const toFill = (f: { rule: string; sheet: string }) => f.rule === "value/missing" && f.sheet === "モニタリング";
    expect(result.findings.filter((f) => f.severity === "error" && !toFill(f))).toEqual([]);
    expect(result.sheets.every((s) => s.kind !== null)).toBe(true);
  });

  it("writes formulas, number formats, validations and frozen headers", async () => {
    const wb = await load(bytes);
    const inhouse = wb.getWorksheet("インハウス予算")!;
    expect(inhouse.getCell("F6").formula).toBe('IF(OR(NOT(ISNUMBER(C6)),NOT(ISNUMBER(D6)),C6=0),"",D6/C6)');
    expect(inhouse.getCell("F6").numFmt).toBe("0.0%");
    expect(inhouse.getCell("C6").numFmt).toBe("#,##0.0");
    expect(inhouse.getCell("A36").value).toBe("合計");
    expect(inhouse.getCell("C36").formula).toBe('SUMIF($A$6:$A$35,"<>小計",C6:C35)');
    expect(inhouse.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    const output = wb.getWorksheet("アウトプット指標")!;
    const header = (output.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual(["番号", "区分", "指標", "目標値", "目標の種類", "期間", "期間開始", "期間年数", "年度目標", "実績", "達成率", "進捗", "判定", "進捗の詳細", "備考"]);
    expect(output.getCell("L6").dataValidation).toMatchObject({ type: "list", formulae: ['"A,B,-"'] });
    expect(output.getCell("L45").dataValidation).toMatchObject({ type: "list" });
    expect(output.getCell("E20").dataValidation).toMatchObject({ formulae: [`"${TARGET_KINDS.join(",")}"`] });
    expect(wb.getWorksheet("予算内訳")!.getCell("A6").dataValidation).toMatchObject({ formulae: [`"${BREAKDOWN_CATEGORIES.join(",")}"`] });
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
    }
  });

  it("writeTemplate writes the file atomically", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kensa-template-"));
    try {
      const out = path.join(dir, "template.xlsx");
      await writeTemplate(out, "en");
      expect((await load(new Uint8Array(await fs.readFile(out)))).worksheets.map((w) => w.name)).toEqual(
        ["inhouse-budget", "budget-breakdown", "output-indicators", "monitoring"].map((k) => KIND_TITLES[k as keyof typeof KIND_TITLES].en),
      );
      expect(await fs.readdir(dir)).toEqual(["template.xlsx"]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
