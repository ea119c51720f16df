/** The モニタリング reader (DOMAIN §3.4) and what it gives the shared rules. */
import { checkWorkbook, createContext } from "../../../src/core/engine";
import { sheetFromValues, type CellValue } from "../../../src/core/model/workbook";
import { analyzeMonitoring } from "../../../src/core/sheets/monitoring/analyze";
import { itemFigure } from "../../../src/core/sheets/monitoring/figures";
import { parseProject } from "../../../src/core/sheets/monitoring/project";
import { readMonitoring } from "../../../src/core/sheets/monitoring/read";

type Row = (CellValue | undefined)[];
const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];

function read(rows: Row[], name = "PJ1") {
  const ctx = createContext({ sheets: [sheetFromValues(name, rows)] });
  const table = ctx.tablesOf("monitoring")[0];
  return { sheet: readMonitoring(table, ctx), analysis: analyzeMonitoring(table, ctx) };
}

describe("parseProject", () => {
  test.each([
    ["PJ1 医薬品プロジェクト", "PJ1"],
    ["ＰＪ３", "PJ3"],
    ["PJ-8", "PJ8"],
    ["医薬品プロジェクト (PJ1)", "PJ1"],
    ["医療機器・ヘルスケアプロジェクト", "PJ2"],
    ["イノベーション・エコシステムプロジェクト", "PJ8"],
    ["全体", "全体"],
    ["全体（PJ1～PJ8）", "全体"],
  ])("%s → %s", (text, code) => {
    expect(parseProject(text)?.code).toBe(code);
  });
  test("unknown text", () => expect(parseProject("その他")).toBeUndefined());
});

describe("readMonitoring", () => {
  const rows: Row[] = [
    ["令和7年度 モニタリング指標"],
    ["統合プロジェクト：PJ2 医療機器・ヘルスケアプロジェクト"],
    H,
    ["1", "企業導出件数", "33件", "導出形態別の件数", "権利譲渡契約件数", null, "1件"],
    [null, null, null, null, "実施許諾", null, "9件"],
    [null, null, null, null, "共同研究開発契約件数", null, "23件"],
    [null, null, null, "疾患領域別の導出件数", "がん", null, "33件", null, "2025（令和7）年度の集計"],
    [],
    [
      "2",
      "治験に至った件数",
      "19件",
      null,
      "医師主導治験の治験計画届の届出数（うち国際共同治験数）",
      null,
      "12件（0件）",
    ],
    [null, null, null, null, "企業治験の治験計画届の届出数", null, "6件", "1件"],
    [null, null, null, null, "臨床性能試験の数", null, "1件"],
    [
      "4",
      "薬事承認・認証",
      "—",
      "医療における利用形態別の件数",
      "医療機器の承認・認証件数（治療用／診断用の内訳）",
      null,
      "12件",
    ],
    [null, null, null, null, "医療機器の承認・認証件数（治療用／診断用の内訳）", "治療用", "9件"],
    [null, null, null, null, null, "診断用", "3件"],
    [null, null, null, null, "医薬品", null, "1件（低分子医薬品1件）"],
    ["※ 速報値"],
    ["独自", "PMDA対面助言実施件数", "20件"],
  ];
  const { sheet, analysis } = read(rows, "シート2");

  test("project from metadata", () => {
    expect(sheet.project).toEqual({ kind: "project", number: 2, code: "PJ2" });
  });

  test("indicators, groups (named, continued, unnamed) and items", () => {
    expect(sheet.indicators.map((i) => [i.number, i.catalogue?.number, i.groups.map((g) => g.key)])).toEqual([
      ["1", "1", ["form", "disease"]],
      ["2", "2", ["type"]],
      ["4", "4", ["use"]],
    ]);
    const form = sheet.indicators[0].groups[0];
    expect(form.items.map((i) => [i.key, i.valueCell, itemFigure(i)?.figure.value])).toEqual([
      ["assignment", "G4", 1],
      ["licence", "G5", 9],
      ["jointRnd", "G6", 23],
    ]);
  });

  test("うち from a composite value and from the うち column", () => {
    const [doctor, company] = sheet.indicators[1].groups[0].items;
    expect(doctor.ofWhich).toEqual([
      { figure: { value: 0, decimals: 0, unit: "件" }, unitKind: "count", cell: "G9", fromColumn: false },
    ]);
    expect(company.ofWhich).toMatchObject([{ figure: { value: 1 }, cell: "H10", fromColumn: true }]);
    expect(analysis.partsOfWhole.map((p) => [p.part.cell, p.part.value, p.whole.cell, p.whole.value])).toEqual([
      ["G9", 0, "G9", 12],
      ["H10", 1, "G10", 6],
    ]);
    expect(analysis.partsOfWhole[0].part.label).toContain("うち国際共同治験数");
  });

  test("細目 rows under a repeated 項目, and a one-part bracket naming a 細目", () => {
    const [device, drug] = sheet.indicators[2].groups[0].items;
    expect(device.subItems.map((s) => [s.key, s.cell, s.figure?.value, s.composite])).toEqual([
      ["therapeutic", "G13", 9, false],
      ["diagnostic", "G14", 3, false],
    ]);
    expect(drug.subItems.map((s) => [s.key, s.figure?.value, s.composite])).toEqual([["lowMolecular", 1, true]]);
    expect(drug.ofWhich).toEqual([]);
  });

  test("project-specific rows", () => {
    expect(sheet.projectSpecific).toMatchObject([
      { label: "PMDA対面助言実施件数", valueCell: "C17", value: { kind: "number", value: 20 } },
    ]);
  });

  test("numeric cells: 指標値 where one is expected, every 値 and 細目 値, うち, 独自", () => {
    expect(analysis.numericCells.map((c) => `${c.cell} ${c.column} ${c.required ? "req" : "opt"}`)).toEqual([
      "C4 指標値 req",
      "G4 値 req",
      "G5 値 req",
      "G6 値 req",
      "G7 値 req",
      "C9 指標値 req",
      "G9 値 req",
      "G10 値 req",
      "H10 うち opt",
      "G11 値 req",
      // indicator 4: 指標値 `—` is the template's own content, not listed
      "G12 値 req",
      "G13 値 req",
      "G14 値 req",
      "G15 値 req",
      "C17 指標値 req",
    ]);
  });

  test("numeric cells are the reader's own objects, every field the shared rules read derived from them", () => {
    const plain = (c: (typeof analysis.numericCells)[number]) => ({
      sheet: c.sheet,
      cell: c.cell,
      column: c.column,
      rowLabel: c.rowLabel,
      kind: c.parsed.kind,
      required: c.required,
      placeholderAllowed: c.placeholderAllowed,
    });
    const byCell = new Map(analysis.numericCells.map((c) => [c.cell, c]));
    const base = { sheet: "シート2", kind: "number", required: true, placeholderAllowed: false };
    // 指標値 (the indicator), 値 (the item), うち (the item's うち cell) and a 独自 row.
    expect(plain(byCell.get("C4")!)).toMatchObject({ ...base, column: "指標値" });
    expect(byCell.get("C4")).toBe(sheet.indicators[0]);
    expect(plain(byCell.get("G10")!)).toMatchObject({ ...base, column: "値" });
    expect(byCell.get("G10")!.rowLabel).not.toBe("");
    expect(plain(byCell.get("H10")!)).toMatchObject({
      column: "うち",
      rowLabel: byCell.get("G10")!.rowLabel,
      required: false,
      placeholderAllowed: true,
    });
    expect(plain(byCell.get("C17")!)).toMatchObject({ ...base, column: "指標値", rowLabel: "PMDA対面助言実施件数" });
    expect(byCell.get("C17")).toBe(sheet.projectSpecific[0]);
  });

  test("row keys, text cells", () => {
    expect(analysis.rowKeys.map((k) => `${k.cell}:${k.key}`)).toEqual(["A4:1", "A9:2", "A12:4"]);
    expect(analysis.textCells).toEqual([{ sheet: "シート2", cell: "I7", text: "2025（令和7）年度の集計" }]);
  });
});

describe("shared rules over the monitoring analysis", () => {
  const run = (rows: Row[]) => checkWorkbook({ sheets: [sheetFromValues("PJ1", rows)] }).findings;
  const top: Row[] = [["統合プロジェクト", "PJ1"], H];

  test("an empty 値 is value/missing; text is value/not-a-number", () => {
    const f = run([
      ...top,
      ["2", "治験に至った件数", "3件", null, "医師主導治験", null, null],
      [null, null, null, null, "企業治験", null, "実施中"],
    ]);
    expect(f.filter((x) => x.rule.startsWith("value/")).map((x) => `${x.rule} ${x.cell}`)).toEqual([
      "value/missing G3",
      "value/not-a-number G4",
    ]);
  });

  test("a うち above its value is part/exceeds-whole", () => {
    const f = run([...top, ["2", "治験に至った件数", "3件", null, "医師主導治験", null, "3件（4件）"]]);
    expect(f.filter((x) => x.rule === "part/exceeds-whole")).toMatchObject([{ cell: "G3", expected: 3, actual: 4 }]);
  });

  test("the same 番号 twice is structure/duplicate-row; 独自 rows may repeat", () => {
    const f = run([
      ...top,
      ["3", "発展・継続支援件数", "0件"],
      ["3", "発展・継続支援件数", "0件"],
      ["独自", "A", "1件"],
      ["独自", "B", "2件"],
    ]);
    expect(f.filter((x) => x.rule === "structure/duplicate-row").map((x) => x.cell)).toEqual(["A4"]);
  });

  test("an era mismatch in 備考 is date/era-mismatch", () => {
    const f = run([
      ...top,
      ["3", "発展・継続支援件数", "0件", null, null, null, null, null, "第14回：2025（令和8）年2月開催"],
    ]);
    expect(f.filter((x) => x.rule === "date/era-mismatch").map((x) => x.cell)).toEqual(["I3"]);
  });

  test("a 指標値 that must be a number", () => {
    const f = run([...top, ["1", "企業導出件数", "—"]]);
    expect(f.filter((x) => x.rule === "value/placeholder")).toMatchObject([{ cell: "C3", severity: "error" }]);
  });
});

describe("structure/rollup-skipped", () => {
  test("a 全体 sheet without every PJ sheet", () => {
    const sheets = [sheetFromValues("全体", [["統合プロジェクト", "全体"], H, ["3", "発展・継続支援件数", "1件"]])];
    for (const n of [1, 2, 3, 4, 6, 8])
      sheets.push(sheetFromValues(`PJ${n}`, [["統合プロジェクト", `PJ${n}`], H, ["3", "発展・継続支援件数", "1件"]]));
    const f = checkWorkbook({ sheets }).findings.filter(
      (x) => x.rule.startsWith("rollup") || x.rule === "structure/rollup-skipped",
    );
    expect(f).toEqual([
      expect.objectContaining({
        rule: "structure/rollup-skipped",
        severity: "info",
        sheet: "全体",
        cell: "A2",
        message: "PJ5・PJ7のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
      }),
    ]);
  });

  test("two sheets claiming the same PJ", () => {
    const sheets = [sheetFromValues("全体", [["統合プロジェクト", "全体"], H])];
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 3])
      sheets.push(sheetFromValues(`S${sheets.length}`, [["統合プロジェクト", `PJ${n}`], H]));
    const f = checkWorkbook({ sheets }).findings.filter((x) => x.rule === "structure/rollup-skipped");
    expect(f).toMatchObject([{ message: expect.stringContaining("PJ3のモニタリングシートが複数あるため") }]);
  });

  test("a single project's workbook has nothing to roll up, and says nothing", () => {
    const f = checkWorkbook({
      sheets: [sheetFromValues("PJ1", [["統合プロジェクト", "PJ1"], H, ["3", "発展・継続支援件数", "1件"]])],
    }).findings;
    expect(f.filter((x) => x.rule === "structure/rollup-skipped")).toEqual([]);
  });
});
