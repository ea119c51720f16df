import { checkWorkbook, createContext } from "../../../src/core/engine";
import { sheetFromValues, type CellValue, type Sheet } from "../../../src/core/model/workbook";
import type { Figure } from "../../../src/core/values/types";
import { analyzeInhouse } from "../../../src/core/sheets/inhouse/analyze";
import { inhouseRole, ministryKey, readInhouse } from "../../../src/core/sheets/inhouse/read";
import { rule as missing } from "../../../src/core/rules/value/missing";
import { rule as placeholder } from "../../../src/core/rules/value/placeholder";
import { rule as exceedsWhole } from "../../../src/core/rules/part/exceeds-whole";
import { rule as duplicateRow } from "../../../src/core/rules/structure/duplicate-row";
import { rule as ratioMismatch } from "../../../src/core/rules/ratio/mismatch";
import { rule as negative } from "../../../src/core/rules/value/negative";
import { rule as eraMismatch } from "../../../src/core/rules/date/era-mismatch";
import { rule as totalRow } from "../../../src/core/rules/total/row";

type Rows = (CellValue | undefined)[][];

const HEADER = [
  "機関名",
  "全体",
  "健康・医療 関係",
  "外部資金 (健康・医療関係)",
  "健康・医療比率",
  "外部資金比率",
  "備考",
];

/** Seed 000 (別表) インハウス研究機関関係予算, verbatim cell strings. */
const SEED_000: Rows = [
  ["(別表) インハウス研究機関関係予算"],
  ["(単位：億円)"],
  HEADER,
  ["理化学研究所", 577, 144, 45],
  ["量子科学技術研究開発機構", 218, 95, 44],
  ["科学技術振興機構", "1,008", 12, "—"],
  ["医薬基盤・健康・栄養研究所", 38, 38, 28.1],
  ["産業技術総合研究所", 666, 59.9, 7.1],
  ["国立がん研究センター", 65.1, 65.1, 67.6],
  ["国立循環器病研究センター", 44.7, 44.7, 32.7],
  ["国立精神・神経医療研究センター", 41.5, 41.5, 50.9],
  ["国立成育医療研究センター", 44.9, 44.9, 26.2],
  ["国立長寿医療研究センター", 31.2, 31.2, "17.0"],
  ["国立保健医療科学院", 16.31, 16.31, 2.25],
  ["国立医薬品食品衛生研究所", 31.5, 31.5, 11.8],
  ["国立健康危機管理研究機構", 173.6, undefined, 98.6],
  ["国立社会保障・人口問題研究所", 9.5, 9.5, 0.5],
  [],
  ["※全体及び健康・医療関係は令和7年度（当初予算）、外部資金（健康・医療関係）は令和6年度。"],
];

function sheet(rows: Rows, name = "別表"): Sheet {
  return sheetFromValues(name, rows);
}

function analysis(rows: Rows) {
  const wb = { sheets: [sheet(rows)] };
  const ctx = createContext(wb);
  expect(ctx.tables[0]?.kind).toBe("inhouse-budget");
  return { ctx, table: ctx.tables[0], a: analyzeInhouse(ctx.tables[0], ctx) };
}

describe("inhouse reader: seed 000", () => {
  test("rows, unit, roles", () => {
    const { ctx, table } = analysis(SEED_000);
    const t = readInhouse(table, ctx);
    expect(t.unit).toBe("億円");
    expect(t.rows).toHaveLength(14);
    expect(t.rows.every((r) => r.role === "item")).toBe(true);
    expect(t.groups).toHaveLength(0);
    expect(readInhouse(table, ctx)).toBe(t); // memoised
    // A money cell is its own figure (getters over a compact cell): compared by what it reads.
    const figure = (f: Figure | undefined) => f && { value: f.value, decimals: f.decimals, unit: f.unit };
    expect(figure(t.rows[2].amounts.total?.figure)).toEqual({ value: 1008, decimals: 0, unit: "億円" });
    expect(figure(t.rows[10].amounts.total?.figure)).toEqual({ value: 16.31, decimals: 2, unit: "億円" });
  });

  test("numeric cells: 全体 and 健康・医療関係 required, 外部資金 optional with placeholder allowed", () => {
    const { a } = analysis(SEED_000);
    const jihs = a.numericCells.filter((c) => c.rowLabel === "国立健康危機管理研究機構");
    expect(jihs.map((c) => [c.cell, c.column, c.required, c.placeholderAllowed, c.parsed.kind])).toEqual([
      ["B16", "全体", true, false, "number"],
      ["C16", "健康・医療関係", true, false, "empty"],
      ["D16", "外部資金(健康・医療関係)", false, true, "number"],
    ]);
  });

  test("row keys, parts of the whole (health ≤ total only), no 外部資金 comparison", () => {
    const { a } = analysis(SEED_000);
    expect(a.rowKeys).toHaveLength(14);
    const { sheet, cell, key, label } = a.rowKeys[0]; // the row itself, read through the RowKey getters
    expect({ sheet, cell, key, label }).toEqual({ sheet: "別表", cell: "A4", key: "理化学研究所", label: "機関名" });
    // 13 rows have both figures (JIHS has no 健康・医療関係).
    expect(a.partsOfWhole).toHaveLength(13);
    expect(a.partsOfWhole[0]).toMatchObject({
      part: { cell: "C4", value: 144, unitKind: "amount", unit: "億円" },
      whole: { cell: "B4", value: 577 },
    });
    expect(a.partsOfWhole.some((p) => p.part.cell.startsWith("D") || p.whole.cell.startsWith("D"))).toBe(false);
  });

  test("ratios are computed cells with formulas, percent, 0.0%", () => {
    const { a } = analysis(SEED_000);
    const riken = a.computed.filter((c) => /^[A-Z]+4$/.test(c.cell));
    expect(riken).toEqual([
      {
        sheet: "別表",
        cell: "E4",
        value: 144 / 577,
        decimals: 1,
        numFmt: "0.0%",
        label: "「理化学研究所」の「健康・医療比率」",
        computes: "ratio",
        percent: true,
        formula: 'IF(OR(C4="",B4=""),"",IFERROR(C4/B4,""))',
      },
      {
        sheet: "別表",
        cell: "F4",
        value: 45 / 144,
        decimals: 1,
        numFmt: "0.0%",
        label: "「理化学研究所」の「外部資金比率」",
        computes: "ratio",
        percent: true,
        formula: 'IF(OR(D4="",C4=""),"",IFERROR(D4/C4,""))',
      },
    ]);
    // JST: 全体 typed as text "1,008" (no formula), 外部資金 "—" (no external ratio).
    const jst = a.computed.filter((c) => /^[A-Z]+6$/.test(c.cell));
    expect(jst[0]).toMatchObject({ cell: "E6", value: 12 / 1008 });
    expect(jst[0].formula).toBeUndefined();
    expect(jst[1]).toMatchObject({ cell: "F6", value: null });
    // JIHS: no 健康・医療関係, so neither ratio has a value.
    expect(a.computed.filter((c) => c.cell.endsWith("16")).map((c) => c.value)).toEqual([null, null]);
  });

  test("the shared rules find exactly the seed's problems", () => {
    const wb = { sheets: [sheet(SEED_000)] };
    const result = checkWorkbook(wb, {
      rules: [missing, placeholder, exceedsWhole, duplicateRow, ratioMismatch, negative, totalRow],
    });
    expect(result.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["value/placeholder", "info", "D6"],
      ["value/missing", "error", "C16"],
    ]);
    expect(result.findings[1].message).toBe("「国立健康危機管理研究機構」の「健康・医療関係」が空欄です。");
  });
});

describe("inhouse reader: totals, ratios typed, text", () => {
  const ROWS: Rows = [
    ["単位：百万円"],
    ["機関名", "所管", "全体", "健康・医療関係", "外部資金", "健康・医療比率", "外部資金比率", "備考"],
    ["A研究所", "文部科学省", 1000, 400, 100, "40.0%", 0.25, "2025（令和8）年度に改組"],
    ["B研究所", "厚生労働省", 500, 600, 50, 1.2, "8.0%"],
    ["A研究所", "文部科学省", 10, 5, 1],
    ["小計", "文部科学省", 1010, 405, 101],
    ["合計", undefined, undefined, undefined, undefined],
  ];

  test("unit from metadata; 小計 covers its ministry; empty 合計 cells are computed with SUM formulas", () => {
    const { ctx, table, a } = analysis(ROWS);
    const t = readInhouse(table, ctx);
    expect(t.unit).toBe("百万円");
    expect(t.groups.map((g) => [g.row.name, g.parts.map((p) => p.row + 1)])).toEqual([
      ["小計", [3, 5]],
      ["合計", [3, 4, 5]],
    ]);
    const totals = a.computed.filter((c) => c.computes === undefined);
    expect(totals.map((c) => [c.cell, c.value, c.formula, c.typed?.text])).toEqual([
      ["C6", 1010, "SUM(C3,C5)", "1,010"],
      ["D6", 405, "SUM(D3,D5)", "405"],
      ["E6", 101, "SUM(E3,E5)", "101"],
      ["C7", 1510, "SUM(C3:C5)", undefined],
      ["D7", 1005, "SUM(D3:D5)", undefined],
      ["E7", 151, "SUM(E3:E5)", undefined],
    ]);
    // The 合計 row's ratios use the computed sums.
    const ratio = a.computed.find((c) => c.cell === "F7")!;
    expect(ratio.value).toBeCloseTo(1005 / 1510, 12);
    expect(ratio.formula).toBe('IF(OR(D7="",C7=""),"",IFERROR(D7/C7,""))');
    // No row keys for 小計 / 合計; the duplicate institute is kept for structure/duplicate-row.
    expect(a.rowKeys.map((k) => k.key)).toEqual(["A研究所", "B研究所", "A研究所"]);
    expect(a.textCells).toEqual([{ sheet: "別表", cell: "H3", text: "2025（令和8）年度に改組" }]);
  });

  test("typed ratios, health > total, duplicates, era text", () => {
    const result = checkWorkbook(
      { sheets: [sheet(ROWS)] },
      { rules: [ratioMismatch, exceedsWhole, duplicateRow, eraMismatch, totalRow] },
    );
    expect(result.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([
      ["date/era-mismatch", "H3", "error"],
      ["part/exceeds-whole", "D4", "error"],
      ["ratio/mismatch", "G4", "error"],
      ["structure/duplicate-row", "A5", "error"],
    ]);
    // F3 "40.0%" = 400/1000 and G3 0.25 = 100/400 agree; F4 1.2 = 600/500 agrees; G4 8.0% ≠ 50/600 = 8.3%.
    expect(result.findings[2].message).toBe(
      "「B研究所」の「外部資金比率」に入力された8.0%は、計算値8.3%と一致しません。",
    );
    expect(result.findings[1].message).toBe(
      "「B研究所」の「健康・医療関係」600百万円が「全体」500百万円を超えています。",
    );
  });
});

describe("role and ministry recognition", () => {
  test.each([
    ["合計", "total", undefined],
    ["計", "total", undefined],
    ["合 計", "total", undefined],
    ["小計", "subtotal", undefined],
    ["小計（文部科学省）", "subtotal", "文"],
    ["厚生労働省 小計", "subtotal", "厚"],
    ["経済産業省計", "subtotal", "経"],
    ["理化学研究所", "item", undefined],
    ["国立がん研究センター", "item", undefined],
  ])("%s → %s", (name, role, ministry) => {
    expect(inhouseRole(name)).toEqual(ministry ? { role, ministry } : { role, ministry: undefined });
  });

  test("ministry keys", () => {
    expect(["文", "文部科学省", "文科省", "（文）"].map(ministryKey)).toEqual(["文", "文", "文", "文"]);
    expect(ministryKey("")).toBeUndefined();
    expect(ministryKey("—")).toBeUndefined();
  });
});
