import { checkWorkbook, createContext } from "../../../src/core/engine";
import { sheetFromValues, type CellValue } from "../../../src/core/model/workbook";
import { analyzeBreakdown } from "../../../src/core/sheets/breakdown/analyze";
import { choosePrevCur, type AmountColumn } from "../../../src/core/sheets/breakdown/columns";
import { readBreakdown } from "../../../src/core/sheets/breakdown/read";
import { explicitRole, inferRole, nameKey } from "../../../src/core/sheets/breakdown/roles";
import { normalizeLabel } from "../../../src/core/values/normalize";
import { rule as missing } from "../../../src/core/rules/value/missing";
import { rule as placeholder } from "../../../src/core/rules/value/placeholder";
import { rule as negative } from "../../../src/core/rules/value/negative";
import { rule as notANumber } from "../../../src/core/rules/value/not-a-number";
import { rule as exceedsWhole } from "../../../src/core/rules/part/exceeds-whole";
import { rule as xrefMismatch } from "../../../src/core/rules/xref/mismatch";
import { rule as changeAmount } from "../../../src/core/rules/change/amount";
import { rule as changeRate } from "../../../src/core/rules/change/rate";
import { rule as sumSubtotal } from "../../../src/core/rules/sum/subtotal";
import { T002_1_ROWS } from "../../support/seed-budget";

type Rows = (CellValue | undefined)[][];

/** Seed 002 T002-1, reconstructed (区分 holds the 分野 numbering, roles inferred from 名称). */
const T002_1: Rows = [["(単位：億円)"], ["区分", "名称", "令和3年度予算額"], ...T002_1_ROWS];

/** Seed 004 T004-3: AMED and in-house totals, this year, last year (当初), change, rate, 補正. */
const T004_3: Rows = [
  ["令和７年度 医療分野の研究開発関連予算について"],
  ["区分", "名称", "令和7年度予算額", "令和6年度予算額（当初）", "増減額", "増減率", "令和6年度予算額（補正）", "備考"],
  [
    undefined,
    "日本医療研究開発機構（AMED）対象経費",
    "１，２３２億円",
    "１，２４５億円",
    "▲１２億円",
    "▲１％",
    "２８８億円",
  ],
  [
    undefined,
    "インハウス研究機関経費",
    "８１３億円",
    "８０５億円",
    "８億円",
    "１％",
    "１０３億円",
    "四捨五入のため合計と合致しない場合がある",
  ],
];

function analysisOf(sheets: Record<string, Rows>, name: string) {
  const wb = { sheets: Object.entries(sheets).map(([n, rows]) => sheetFromValues(n, rows)) };
  const ctx = createContext(wb);
  const table = ctx.tables.find((t) => t.sheet.name === name)!;
  expect(table.kind).toBe("budget-breakdown");
  return { ctx, table, t: readBreakdown(table, ctx), a: analyzeBreakdown(table, ctx) };
}

function check(
  sheets: Record<string, Rows>,
  rules = [
    missing,
    placeholder,
    negative,
    notANumber,
    exceedsWhole,
    xrefMismatch,
    changeAmount,
    changeRate,
    sumSubtotal,
  ],
) {
  const wb = { sheets: Object.entries(sheets).map(([n, rows]) => sheetFromValues(n, rows)) };
  return checkWorkbook(wb, { rules }).findings;
}

describe("roles", () => {
  test.each([
    ["（１）行政政策研究経費", "detail"],
    ["小 計（Ⅰ＋Ⅱ＋Ⅲ）", "subtotal"],
    ["小計", "subtotal"],
    ["合 計", "total"],
    ["計", "total"],
    ["合計（A＋B）", "total"],
    ["その他", "other"],
    ["（うち、厚生労働科学研究費補助金）", "of-which"],
    ["うち医療研究開発推進事業費補助金", "of-which"],
    ["ゲノム医療実現バイオバンク利活用プログラム（43億円の内数）", "inner"],
    ["医工連携イノベーション推進事業（再掲）", "relisted"],
    ["大学発医療系スタートアップ支援プログラム(文部科学省)(PJ7 再掲)", "relisted"],
    ["会計検査対応経費", "detail"],
    ["Ⅰ 小計", "subtotal"],
    ["医薬品プロジェクト合計", "total"],
    ["PJ1 計", "total"],
    ["統計", "detail"],
    ["システム設計", "detail"],
  ])("%s → %s", (name, role) => expect(inferRole(name)).toBe(role));

  test("explicit 区分", () => {
    expect(
      ["明細", "小 計", "合計", "計", "その他", "うち", "内数", "再掲", "（１）", "Ⅰ", ""].map(explicitRole),
    ).toEqual([
      "detail",
      "subtotal",
      "total",
      "total",
      "other",
      "of-which",
      "inner",
      "relisted",
      undefined,
      undefined,
      undefined,
    ]);
  });

  test("再掲 names match their originals", () => {
    expect(nameKey("● 医工連携イノベーション推進事業（再掲）")).toBe(nameKey("医工連携イノベーション推進事業"));
    expect(nameKey("大学発医療系スタートアップ支援プログラム（PJ7 再掲）")).toBe(
      nameKey("大学発医療系 スタートアップ支援プログラム"),
    );
  });
});

describe("前年度 and 当年度 columns", () => {
  const cols = (...labels: string[]): AmountColumn[] =>
    labels.map((label, col) => ({ col, label, key: normalizeLabel(label), unit: "億円" }));
  test.each([
    [["令和6年度予算額", "令和7年度予算額"], { prev: 0, cur: 1 }],
    [["令和7年度予算額", "令和6年度予算額（当初）", "令和6年度予算額（補正）"], { prev: 1, cur: 0 }],
    [["令和７年度予算額", "前年度予算額"], { prev: 1, cur: 0 }],
    [["前年度", "当年度"], { prev: 0, cur: 1 }],
    [["予算額", "要求額"], { prev: 0, cur: 1 }],
    [["R6決算額", "R7予算額", "R8要求額"], { prev: 1, cur: 2 }],
    [["予算額"], {}],
  ])("%j", (labels, want) => expect(choosePrevCur(cols(...labels))).toEqual(want));
});

describe("seed 002 厚生労働科学研究費", () => {
  test("headings are neither added nor required; groups and うち", () => {
    const { t, a } = analysisOf({ T002_1 }, "T002_1");
    expect(t.rows.filter((r) => r.heading).map((r) => r.name)).toEqual([
      "行政政策研究分野",
      "疾病・障害対策研究分野",
      "健康安全確保総合研究分野",
    ]);
    expect(t.groups.map((g) => [g.row.name, g.style, g.parts.length])).toEqual([
      ["小 計（Ⅰ＋Ⅱ＋Ⅲ）", "below", 11],
      ["合 計", "below", 2],
    ]);
    expect(a.numericCells).toHaveLength(16);
    expect(a.numericCells.filter((c) => c.required)).toHaveLength(12); // 11 items + その他
    expect(a.partsOfWhole.map((p) => [p.part.cell, p.part.value, p.part.label, p.whole.cell, p.whole.value])).toEqual([
      ["C18", 63.8, "（うち、厚生労働科学研究費補助金）", "C17", 93.6],
      ["C19", 29.8, "（うち、厚生労働行政推進調査事業費補助金）", "C17", 93.6],
      [
        "C18",
        93.6,
        "「（うち、厚生労働科学研究費補助金）」と「（うち、厚生労働行政推進調査事業費補助金）」の合計",
        "C17",
        93.6,
      ],
    ]);
    // One amount column: no 増減.
    expect(a.computed.filter((c) => c.computes)).toEqual([]);
  });

  test("no findings on the seed", () => {
    expect(check({ T002_1 })).toEqual([]);
  });

  test("うち rows that together exceed their whole", () => {
    const rows = T002_1.map((r, i) => (i === 18 ? [undefined, r[1], "39.8億円"] : r));
    const findings = check({ T002_1: rows });
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["part/exceeds-whole", "C18"]]);
    expect(findings[0].message).toBe(
      "「（うち、厚生労働科学研究費補助金）」と「（うち、厚生労働行政推進調査事業費補助金）」の合計103.6億円が「小 計（Ⅰ＋Ⅱ＋Ⅲ）」の「令和3年度予算額」93.6億円を超えています。",
    );
  });

  test("an empty 小計 is computed (SUM over the items, headings included in the range) and feeds the 合計 check", () => {
    const rows = T002_1.map((r, i) => (i === 16 ? [undefined, r[1], undefined] : r));
    const numeric = rows.map((r, i) =>
      i >= 3 && i <= 15 && typeof r[2] === "string" ? [r[0], r[1], Number(r[2].replace("億円", ""))] : r,
    );
    const { a } = analysisOf({ T: numeric }, "T");
    const sub = a.computed.find((c) => c.cell === "C17")!;
    expect(sub).toMatchObject({ value: 93.6, decimals: 1, formula: "SUM(C4:C16)" });
    expect(sub.typed).toBeUndefined();
    const total = a.computed.find((c) => c.cell === "C21")!;
    expect(total.value).toBe(98);
    expect(total.formula).toBeUndefined(); // その他 is typed as text, so no live formula
    expect(check({ T: numeric })).toEqual([]);
  });
});

describe("seed 004 T004-3: 増減額 and 増減率", () => {
  test("prev/cur chosen by year (補正 left out); computed change cells with typed values", () => {
    const { t, a } = analysisOf({ T004_3 }, "T004_3");
    expect([t.prev, t.cur]).toEqual([1, 0]);
    const changes = a.computed.filter((c) => c.computes);
    expect(changes.map((c) => [c.cell, c.computes, c.value, c.typed?.text])).toEqual([
      ["E3", "change-amount", -13, "▲１２億円"],
      ["F3", "change-rate", -13 / 1245, "▲１％"],
      ["E4", "change-amount", 8, "８億円"],
      ["F4", "change-rate", 8 / 805, "１％"],
    ]);
    // Amounts typed as text: a value, not a formula.
    expect(changes[0].formula).toBeUndefined();
    // Negative change cells are allowed.
    expect(a.numericCells.filter((c) => c.negativeAllowed).map((c) => c.cell)).toEqual(["E3", "F3", "E4", "F4"]);
  });

  test("findings: the AMED change ▲12 differs from 1,232 − 1,245 = −13; the rates agree at their precision", () => {
    const findings = check({ T004_3 });
    expect(findings.map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual([["change/amount", "E3", -13, -12]]);
  });

  test("formulas when the amounts are numbers; a new programme (— last year) and 皆増", () => {
    const rows: Rows = [
      ["区分", "名称", "前年度予算額", "当年度予算額", "増減額", "増減率"],
      [undefined, "既存事業", 10, 12, 2, 0.2],
      [undefined, "新規事業", "—", 5, 5, "皆増"],
      [undefined, "合計", 10, 17, 7, 0.7],
    ];
    const { a } = analysisOf({ S: rows }, "S");
    const byCell = new Map(a.computed.map((c) => [c.cell, c]));
    expect(byCell.get("E2")).toMatchObject({
      value: 2,
      formula: 'IF(OR(C2="",D2=""),"",D2-C2)',
      numFmt: '#,##0;"▲"#,##0',
    });
    expect(byCell.get("F2")).toMatchObject({
      value: 0.2,
      formula: 'IF(OR(C2="",D2=""),"",IFERROR((D2-C2)/C2,""))',
      numFmt: "0.0%",
      percent: true,
    });
    expect(byCell.get("E3")).toMatchObject({ value: 5 });
    expect(byCell.get("F3")).toMatchObject({ value: null });
    expect(byCell.get("D4")).toMatchObject({ value: 17, formula: "SUM(D2:D3)" });
    expect(check({ S: rows }).map((f) => [f.rule, f.cell, f.severity])).toEqual([["value/placeholder", "C3", "info"]]);
  });

  test("a placeholder in the current year is an error; a blank previous year is not missing", () => {
    const rows: Rows = [
      ["区分", "名称", "令和6年度", "令和7年度"],
      [undefined, "A", undefined, "—"],
      [undefined, "B", 3, "▲2"],
    ];
    expect(check({ S: rows }).map((f) => [f.rule, f.cell, f.severity])).toEqual([
      ["value/placeholder", "D2", "error"],
      ["value/negative", "D3", "error"],
    ]);
  });
});

describe("再掲 rows equal their originals, across sheets", () => {
  const PJ2: Rows = [
    ["区分", "名称", "令和7年度予算額"],
    [undefined, "医工連携イノベーション推進事業", "21億円"],
    [undefined, "医療機器等における先進的研究開発・開発体制強靱化事業", "44億円"],
    [undefined, "計", "65億円"],
  ];
  const PJ5: Rows = [
    ["区分", "名称", "令和7年度予算額"],
    [undefined, "● 医工連携イノベーション推進事業（再掲）", "21億円"],
    ["再掲", "医療機器等における先進的研究開発・開発体制強靱化事業", "40億円"],
    [undefined, "データ利活用事業", "10億円"],
    [undefined, "計", "10億円"],
  ];

  test("equalities name both cells; the mismatch is reported once", () => {
    const { a } = analysisOf({ PJ2, PJ5 }, "PJ5");
    expect(a.equalities.map((e) => [e.a.cell, e.a.value, e.b.sheet, e.b.cell, e.b.value, e.reason])).toEqual([
      ["C2", 21, "PJ2", "C2", 21, "再掲行は元の行と同額"],
      ["C3", 40, "PJ2", "C3", 44, "再掲行は元の行と同額"],
    ]);
    const findings = check({ PJ2, PJ5 });
    expect(findings.map((f) => [f.rule, f.sheet, f.cell, f.cells])).toEqual([
      ["xref/mismatch", "PJ5", "C3", ["C3", "'PJ2'!C3"]],
    ]);
  });
});

describe("amount cells", () => {
  test("unit from metadata, text with units, ▲, full width, 内数 amounts", () => {
    const rows: Rows = [
      ["単位：百万円"],
      ["区分", "名称", "予算額"],
      [undefined, "A", "１，２００"],
      [undefined, "B", "▲200"],
      [undefined, "C", "3億円"],
      [undefined, "D", "予算額 43億円の内数"],
    ];
    const { t } = analysisOf({ S: rows }, "S");
    expect(t.amountCols[0].unit).toBe("百万円");
    expect(t.rows.map((r) => [r.role, r.amounts[0].figure?.value])).toEqual([
      ["detail", 1200],
      ["detail", -200],
      ["detail", 300],
      ["inner", 4300],
    ]);
  });
});
