/**
 * The アウトプット指標 reader and analysis (DOMAIN §3.3), and seed 001's output-indicator tables (T02–T06,
 * with the outcome indicators of T01) checked end to end with the rules that read them.
 */
import { checkWorkbook, createContext } from "../../../src/core/engine";
import {
  sheetFromValues,
  type Cell,
  type CellValue,
  type Sheet,
  type Workbook,
} from "../../../src/core/model/workbook";
import { RULE_REGISTRY } from "../../../src/core/rules/index";
import { rule as valueMissing } from "../../../src/core/rules/value/missing";
import { rule as notANumber } from "../../../src/core/rules/value/not-a-number";
import { rule as placeholder } from "../../../src/core/rules/value/placeholder";
import { rule as negative } from "../../../src/core/rules/value/negative";
import { rule as duplicateRow } from "../../../src/core/rules/structure/duplicate-row";
import { rule as annualShare } from "../../../src/core/rules/target/annual-share";
import { rule as ratioMismatch } from "../../../src/core/rules/ratio/mismatch";
import { rule as eraMismatch } from "../../../src/core/rules/date/era-mismatch";
import { analyzeOutput } from "../../../src/core/sheets/output/analyze";
import { readOutput } from "../../../src/core/sheets/output/read";
import { OUTPUT_LEAD } from "../../support/sheets";

/** The output-indicator rules (grade/*, period/*). */
const outputRules = (
  ["grade/invalid", "grade/missing", "grade/mismatch", "grade/below-pace", "period/parts", "period/average"] as const
).map((id) => RULE_REGISTRY[id]);
const RULES = [
  ...outputRules,
  valueMissing,
  notANumber,
  placeholder,
  negative,
  duplicateRow,
  annualShare,
  ratioMismatch,
  eraMismatch,
];

const HEADER = [...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗", "判定", "進捗の詳細", "備考"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 年度目標, H 実績, I 達成率, J 進捗, K 判定, L 進捗の詳細, M 備考

/** Seed 001 ① as staff would type it: units in the text, full-width characters, section headings, footnotes. */
function seedSheet(): Sheet {
  return sheetFromValues("アウトプット指標", [
    ["第3期医療分野研究開発推進計画の実行状況（アウトプット指標）"],
    ["報告年度", "令和7年度"],
    [],
    HEADER,
    ["＜アウトカム指標＞"],
    ["O1", null, "薬事承認", null, null, null, null, "31件"],
    ["O2", null, "ガイドライン等", null, null, null, null, "136件"],
    ["O3", null, "製品上市数", null, null, null, null, "19件"],
    ["＜全体目標＞"],
    [
      "1",
      "全体目標",
      "権利譲渡契約・実施許諾契約・共同研究開発契約件数（シーズの企業導出件数）",
      650,
      "期間累計",
      "R7-R11",
      130,
      "158件",
      "121.5%",
      "A",
      null,
      "権利譲渡7件、実施許諾36件、共同研究開発115件",
    ],
    ["2", null, "治験に至った件数", 300, "期間累計", "R7-R11", null, "111件", null, "A"],
    ["3", null, "優れたシーズの発展・継続支援件数", 600, "期間累計", "令和7～11年度", null, "166件", null, "A"],
    [
      "4",
      null,
      "論文数（Top1%論文）",
      600,
      "期間累計",
      "令和7～11年",
      null,
      "86件",
      null,
      "B",
      null,
      null,
      "AMEDが支援する研究課題の令和6年発行の論文を集計対象とする",
    ],
    ["＜特設目標＞"],
    [
      "5",
      "特設目標",
      "小児用医薬品の開発計画の策定件数",
      "50件",
      "累積",
      "令和6～10年度",
      null,
      "51件* (22件/29件)",
      null,
      "A",
      null,
      "目標件数を達成している",
      "令和7年度の数値は速報値",
    ],
    ["6", null, "希少疾病用医薬品の承認件数", "150件", "累積", "R6-R10", null, "75件* (30件/45件)", null, "A"],
    ["7", null, "創薬ベンチャー採択件数", "70社", null, null, null, "採択件数：43件 (採択企業数：40社)", null, "A"],
    [
      "8",
      null,
      "新たに整備する施設における国内FIH試験実施件数",
      "10件",
      "累積",
      "R6-R10",
      null,
      "0件",
      null,
      "A",
      null,
      null,
      "当初の予定どおり、令和7年度はNCCHD及びJIHSにおいて施設整備を実施し、令和8年度以降、整備した施設を用いて実際の試験を行う予定",
    ],
    [
      "9",
      null,
      "FIH試験実施に関する研修プログラム受講者の勤務施設数",
      "20施設",
      "累積",
      "R6-R10",
      null,
      "16施設",
      null,
      "A",
      null,
      "すでに目標値の8割を達していることから、進捗は順調。",
    ],
    [
      "10",
      null,
      "橋渡し研究支援機関による支援数",
      "1,365件",
      "基準値以上",
      null,
      null,
      "1,443件",
      null,
      "A",
      null,
      null,
      "過去3年度平均（R3～R5年度平均：1,365件）",
    ],
    ["11", null, "臨床研究中核病院における治験数", "360件/年", "年度", null, null, "379件", null, "A"],
    ["12", null, "臨床研究従事者に対する研修プログラム修了者数", "1100人/年", "年度", null, null, "1,228人", null, "A"],
    [
      "13",
      null,
      "臨床研究中核病院におけるDCTを活用した治験の実施件数",
      "15試験",
      "累積",
      "R6-R10",
      null,
      "73件",
      null,
      "A",
    ],
    [
      "14",
      null,
      "jRCTのアクセス数",
      "120万件/年",
      "年度",
      null,
      null,
      "-",
      null,
      "-",
      null,
      null,
      "R6の数値：145.7万件（参考値）",
    ],
    ["15", null, "デュアルユース設備を有する拠点数", "16拠点", "累積", "R6-R10", null, "16拠点", null, "A"],
    [
      "16",
      null,
      "バイオ製造人材研修の累積受講者数",
      "750名",
      "累積",
      "R6-R10",
      null,
      "271人* (125人/146人)",
      null,
      "A",
    ],
    [
      "17",
      null,
      "理化学研究所において革新的な創薬シーズを年平均3件以上創出",
      "3件",
      "年平均",
      null,
      null,
      "平均3件 (4件/2件)",
      null,
      "A",
    ],
    ["18", null, "創薬関連の仕事・研究等につく者", "1,225名/年より増加", "基準値超", null, null, "1,404名", null, "A"],
    [
      "19",
      null,
      "大学病院の医師等の職務活動時間に占める研究時間の割合及びTop10%論文の増加",
      "増加",
      "定性",
      null,
      null,
      "Top10%論文数 1,113編(臨床医学・R3~R5 平均)",
      null,
      "A",
    ],
    [
      "20",
      null,
      "AMED支援シーズの企業導出件数及び事業間の連続的支援数",
      "250件/年",
      "年平均",
      null,
      null,
      "324件",
      null,
      "A",
    ],
    [
      "21",
      null,
      "AMRを含む重点感染症に対する医薬品の承認件数",
      "5件",
      "累積",
      "R6~R10",
      null,
      "2件* (2件/0件)",
      null,
      "A",
    ],
    ["* 令和6年度から令和7年度末までの累積値を示す。（ ）は各年度（R6/R7）の単年実績。"],
    ["【進捗】 A：順調に進捗している B：進捗が不十分"],
  ]);
}

function workbook(...sheets: Sheet[]): Workbook {
  return { sheets };
}

describe("seed 001 output indicators", () => {
  const result = checkWorkbook(workbook(seedSheet()), { rules: RULES });

  test("the sheet is recognised", () => {
    expect(result.sheets).toEqual([{ name: "アウトプット指標", kind: "output-indicators" }]);
  });

  test("only the two below-pace warnings (indicators 8 and 16) and the info for indicator 14's dash", () => {
    const summary = result.findings.map((f) => [f.rule, f.severity, f.cell]);
    expect(summary).toEqual([
      ["grade/below-pace", "warning", "J18"],
      ["value/placeholder", "info", "H24"],
      ["grade/below-pace", "warning", "J26"],
    ]);
    expect(result.findings[0].message).toContain("進捗ペース4件");
    expect(result.findings[2].message).toBe(
      "「指標16」の進捗はAですが、累積実績271人は令和7年度末時点の進捗ペース300名（目標750名 × 2/5年）を下回っています（ペース比90.3%）。",
    );
  });

  test("computed cells: annual targets, paces, ratios and suggested grades", () => {
    const byCell = new Map(result.computed.map((c) => [c.cell, c]));
    // 1: 650 / 5 = 130, a live formula on 目標値; typed 130 and 121.5% agree.
    expect(byCell.get("G10")).toMatchObject({
      value: 130,
      formula: "D10/5",
      computes: "annual-target",
      label: "「指標1」の「年度目標」",
    });
    expect(byCell.get("I10")).toMatchObject({ computes: "ratio", numFmt: "0.0%", percent: true });
    expect(byCell.get("I10")!.value as number).toBeCloseTo(158 / 130, 10);
    expect(byCell.get("K10")).toMatchObject({ value: "A", label: "判定" });
    // 4: 86 / 120 → B.
    expect(byCell.get("I13")!.value as number).toBeCloseTo(86 / 120, 10);
    expect(byCell.get("K13")).toMatchObject({ value: "B" });
    // 16: pace 750 × 2/5 = 300; 目標値 is the text 750名, read live by the formula.
    expect(byCell.get("G26")).toMatchObject({
      value: 300,
      formula: 'VALUE(SUBSTITUTE(SUBSTITUTE(D26,",",""),"名",""))*2/5',
    });
    expect(byCell.get("K26")).toMatchObject({ value: "B" });
    // 8: pace 4, 0 → B; 21: pace 2, 2 → A.
    expect(byCell.get("G18")).toMatchObject({ value: 4 });
    expect(byCell.get("K31")).toMatchObject({ value: "A" });
    // 17: mean of 4 and 2 = 3 ≥ 3.
    expect(byCell.get("K27")).toMatchObject({ value: "A" });
    // 18: 1,404 > 1,225.
    expect(byCell.get("K28")).toMatchObject({ value: "A" });
    // No kind (7), qualitative (19), not assessed (14 has no result) and outcome rows: no grade suggestion.
    for (const cell of ["K17", "K29", "K24", "K6"]) expect(byCell.get(cell)).toBeUndefined();
    // 14 still has an annual target: 1,200,000.
    expect(byCell.get("G24")).toMatchObject({ value: 1200000 });
  });
});

describe("readOutput", () => {
  const ctx = createContext(workbook(seedSheet()));
  const table = readOutput(ctx.tables[0], ctx);

  test("report year, rows, sections and outcome rows", () => {
    expect(table.reportYear).toBe(2025);
    expect(table.rows.map((r) => r.number)).toEqual([
      "O1",
      "O2",
      "O3",
      ...Array.from({ length: 21 }, (_, i) => String(i + 1)),
    ]);
    expect(table.rows.filter((r) => r.isOutcome).map((r) => r.number)).toEqual(["O1", "O2", "O3"]);
    const byNumber = new Map(table.rows.map((r) => [r.number, r]));
    expect(byNumber.get("2")!.category).toBe("全体目標");
    expect(byNumber.get("9")!.category).toBe("特設目標");
    expect(byNumber.get("O2")!.category).toBe("アウトカム指標");
  });

  test("typed rows", () => {
    const r = table.rows.find((x) => x.number === "16")!;
    expect(r).toMatchObject({
      row: 25,
      indicator: "バイオ製造人材研修の累積受講者数",
      indicatorCell: "C26",
      actualCell: "H26",
      targetKind: "cumulative",
      period: { first: 2024, last: 2028 },
      grade: "A",
      gradeCell: "J26",
      annual: { value: 300, basis: "pace", elapsed: 2, years: 5 },
      evaluation: { measure: 271, meets: false, suggested: "B" },
    });
    expect(r.actual).toMatchObject({ kind: "number", value: 271, partsKind: "cumulative" });
    expect(r.target).toMatchObject({ kind: "number", value: 750, unit: "名" });
    const r11 = table.rows.find((x) => x.number === "11")!;
    expect(r11.target).toMatchObject({ kind: "number", value: 360 });
    expect(r11.targetPerYear).toBe(true);
  });

  test("memoised per check run", () => {
    expect(readOutput(ctx.tables[0], ctx)).toBe(table);
  });
});

describe("analyzeOutput", () => {
  const analysisOf = (
    rows: (CellValue | undefined)[][],
    meta: (CellValue | undefined)[][] = [["報告年度", "令和7年度"]],
  ) => {
    const ctx = createContext(workbook(sheetFromValues("S", [...meta, ...rows])));
    return analyzeOutput(ctx.tables[0], ctx);
  };

  test("row keys, text cells and numeric cells", () => {
    const a = analysisOf([
      HEADER,
      [
        "1)",
        "全体目標",
        "導出件数",
        650,
        "期間累計",
        "R7-R11",
        null,
        158,
        null,
        "A",
        null,
        "2025（令和8）年2月開催",
        "備考",
      ],
      ["２", null, "治験", "300件", "期間累計", "R7-R11", null, null, null, "A"],
      ["3", null, "支援", "—", "定性", null, null, "-", null, "-"],
      ["O1", "アウトカム", "薬事承認", null, null, null, null, "31件"],
    ]);
    expect(a.rowKeys.map((k) => [k.cell, k.key, k.label])).toEqual([
      ["A3", "1", "番号"],
      ["A4", "2", "番号"],
      ["A5", "3", "番号"],
      ["A6", "O1", "番号"],
    ]);
    expect(a.textCells.map((t) => t.cell)).toEqual(expect.arrayContaining(["C3", "L3", "M3", "C4"]));
    const n = new Map(a.numericCells.map((c) => [c.cell, c]));
    expect(n.get("D3")).toMatchObject({
      required: true,
      placeholderAllowed: false,
      column: "目標値",
      rowLabel: "指標1",
    });
    expect(n.get("H3")).toMatchObject({ required: true, placeholderAllowed: false });
    expect(n.get("H4")).toMatchObject({ required: true, parsed: { kind: "empty" } });
    expect(n.get("D5")).toBeUndefined(); // qualitative: a dash target is fine and not reported
    expect(n.get("H5")).toMatchObject({ required: false, placeholderAllowed: true });
    expect(n.get("H6")).toMatchObject({ required: false, placeholderAllowed: true });
    expect(n.has("D6")).toBe(false);
  });

  test("an indicator row not yet filled in is a row, not a section heading", () => {
    const ctx = createContext(
      workbook(
        sheetFromValues("S", [HEADER, [null, "全体目標", "企業導出件数"], ["<特設目標>"], ["5", null, "開発計画"]]),
      ),
    );
    const t = readOutput(ctx.tables[0], ctx);
    expect(t.rows.map((r) => [r.indicator, r.category])).toEqual([
      ["企業導出件数", "全体目標"],
      ["開発計画", "特設目標"],
    ]);
  });

  test("per-year columns, formulas over number cells", () => {
    const a = analysisOf([
      [
        "番号",
        "指標",
        "目標値",
        "目標の種類",
        "期間",
        "実績",
        "R6実績",
        "令和7年度",
        "年度目標",
        "達成率",
        "進捗",
        "判定",
      ],
      ["17", "創薬シーズ", 3, "年平均", "R6-R10", 3, 4, 2, null, null, "A"],
      ["16", "研修受講者", 750, "累積", "R6-R10", 271, 125, 146, "300名", "90.3%", "A", "A"],
    ]);
    const c = new Map(a.computed.map((x) => [x.cell, x]));
    expect(c.get("I3")).toMatchObject({ value: 3, formula: "C3" });
    expect(c.get("J3")).toMatchObject({ value: 1, formula: "AVERAGE(G3,H3)/C3" });
    expect(c.get("L3")).toMatchObject({ value: "A", formula: 'IF(AVERAGE(G3,H3)>=C3,"A","B")' });
    expect(c.get("I4")).toMatchObject({ value: 300, formula: "C4*2/5", typed: { text: "300名" } });
    expect(c.get("J4")).toMatchObject({ formula: "F4/(C4*2/5)", typed: { text: "90.3%" } });
    expect(c.get("L4")).toMatchObject({ value: "B", formula: 'IF(F4>=C4*2/5,"A","B")', typed: { text: "A" } });
    const n = new Map(a.numericCells.map((x) => [x.cell, x]));
    expect(n.get("G4")).toMatchObject({ column: "R6実績", required: false, placeholderAllowed: true });
    expect(n.get("H4")).toMatchObject({ column: "令和7年度" });
  });

  test("report year from the 実績 header when there is no metadata", () => {
    const ctx = createContext(
      workbook(
        sheetFromValues("S", [
          ["番号", "指標", "目標値", "目標の種類", "期間", "実績（令和7年度末）", "進捗"],
          ["16", "研修受講者", 750, "累積", "R6-R10", 271, "A"],
        ]),
      ),
    );
    const t = readOutput(ctx.tables[0], ctx);
    expect(t.reportYear).toBe(2025);
    expect(t.rows[0].annual?.value).toBe(300);
  });

  test("percent targets compute on the fraction Excel stores", () => {
    const pct = (v: number): Cell => ({ value: v, numFmt: "0.0%" });
    const sheet: Sheet = {
      name: "S",
      rows: [
        [{ value: "報告年度" }, { value: "R7" }],
        ["番号", "指標", "目標値", "目標の種類", "年度目標", "実績", "達成率", "進捗"].map((value) => ({ value })),
        [
          { value: "1" },
          { value: "女性研究者比率" },
          pct(0.3),
          { value: "年度" },
          undefined,
          pct(0.32),
          undefined,
          { value: "A" },
        ],
      ],
    };
    const ctx = createContext(workbook(sheet));
    const a = analyzeOutput(ctx.tables[0], ctx);
    const c = new Map(a.computed.map((x) => [x.cell, x]));
    expect(c.get("E3")).toMatchObject({ formula: "C3", percent: true, numFmt: "0.0%" });
    expect(c.get("E3")!.value as number).toBeCloseTo(0.3, 12);
    expect(c.get("G3")!.value as number).toBeCloseTo(32 / 30, 12);
  });
});

describe("shared rules over the output analysis", () => {
  const check = (rows: (CellValue | undefined)[][]) =>
    checkWorkbook(workbook(sheetFromValues("S", [["報告年度", "令和7年度"], HEADER, ...rows])), { rules: RULES })
      .findings;

  test("a typed annual target that is not 目標値 / years", () => {
    const f = check([["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", 120, 158, null, "A"]]);
    expect(f).toEqual([
      expect.objectContaining({
        rule: "target/annual-share",
        cell: "G3",
        expected: 130,
        actual: 120,
        fix: { sheet: "S", cell: "G3", formula: "D3/5" },
      }),
    ]);
  });

  test("a typed achievement ratio that differs", () => {
    const f = check([["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", null, 158, "120.0%", "A"]]);
    expect(f).toEqual([expect.objectContaining({ rule: "ratio/mismatch", cell: "I3" })]);
  });

  test("value/missing when graded without a result; placeholder with A is an error", () => {
    const f = check([
      ["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", null, null, null, "A"],
      ["2", null, "治験", 300, "期間累計", "R7-R11", null, "—", null, "B"],
    ]);
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([
      ["value/missing", "error", "H3"],
      ["value/placeholder", "error", "H4"],
    ]);
  });

  test("duplicate 番号 and a missing target of a numeric kind", () => {
    const f = check([
      ["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", null, 158, null, "A"],
      ["１", null, "治験", null, "年度", null, null, 111, null, "A"],
    ]);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([
      ["structure/duplicate-row", "A4"],
      ["value/missing", "D4"],
    ]);
  });

  test("an era mismatch in 進捗の詳細", () => {
    const f = check([
      [
        "1",
        "全体目標",
        "導出件数",
        650,
        "期間累計",
        "R7-R11",
        null,
        158,
        null,
        "A",
        null,
        "第14回：2025（令和8）年2月開催",
      ],
    ]);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([["date/era-mismatch", "L3"]]);
  });
});
