import {
  chooseResultSheetName,
  isKensaFormula,
  mergeIntoRectangles,
  planApply,
  planComputedWrites,
  planHighlights,
  planResultSheet,
  rectToA1,
  unguard,
  normalizeFormula,
  SEVERITY_FILL,
  CLIP_MARKER,
  MAX_CELL_TEXT,
  annotatedCopyName,
  compactComputedLog,
  fixLogRow,
  rowHeight,
  wrappedLines,
  type FixLogEntry,
  excelText,
  isLegalSheetName,
  legalSheetName,
  type CellProbe,
  type ExistingCell,
} from "../../src/core/apply";
import type { CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { RESULT_SHEET_MARKER } from "../../src/core/apply/result-sheet";
import type { ComputedCell } from "../../src/core/sheets/analysis";
import { textFigureExpression } from "../../src/core/sheets/output/analyze";
import { parseText } from "../../src/core/values/parse";

function finding(p: Partial<Finding> & { cell: string }): Finding {
  return { rule: "value/missing", severity: "error", sheet: "S", cells: [p.cell], message: "m", ...p };
}

function result(findings: Finding[], computed: ComputedCell[] = []): CheckResult {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return { sheets: [{ name: "S", kind: "inhouse-budget" }], findings, summary, computed };
}

describe("mergeIntoRectangles", () => {
  const cover = (rects: ReturnType<typeof mergeIntoRectangles>) => {
    const set = new Set<string>();
    let count = 0;
    for (const r of rects)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          set.add(`${row},${col}`);
          count++;
        }
    return { set, count };
  };

  it("merges a block into one rectangle", () => {
    const cells = [];
    for (let row = 2; row < 6; row++) for (let col = 1; col < 4; col++) cells.push({ row, col });
    const rects = mergeIntoRectangles(cells);
    expect(rects.map(rectToA1)).toEqual(["B3:D6"]);
  });

  it("keeps single cells and an L-shape as few rectangles", () => {
    const rects = mergeIntoRectangles([
      { row: 0, col: 0 },
      { row: 1, col: 0 },
      { row: 2, col: 0 },
      { row: 2, col: 1 },
      { row: 10, col: 5 },
      { row: 10, col: 5 },
    ]);
    expect(rects.map(rectToA1)).toEqual(["A1:A2", "A3:B3", "F11"]);
  });

  it("covers exactly the given cells, without overlap (random sets)", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 50; trial++) {
      const cells: { row: number; col: number }[] = [];
      const want = new Set<string>();
      for (let i = 0; i < 60; i++) {
        const c = { row: Math.floor(rnd() * 12), col: Math.floor(rnd() * 6) };
        cells.push(c);
        want.add(`${c.row},${c.col}`);
      }
      const rects = mergeIntoRectangles(cells);
      const { set, count } = cover(rects);
      expect(set).toEqual(want);
      expect(count).toBe(want.size);
      expect(rects.length).toBeLessThanOrEqual(want.size);
    }
  });
});

describe("planHighlights", () => {
  it("groups cells per sheet and severity, the most severe finding wins a cell, notes list every message", () => {
    const { highlights, notes } = planHighlights(
      [
        finding({ cell: "C5", severity: "warning", rule: "grade/below-pace", message: "遅れ" }),
        finding({ cell: "C5", severity: "error", message: "欠落" }),
        finding({ cell: "C6", severity: "error", message: "欠落2" }),
        finding({ cell: "D9", severity: "info", message: "情報" }),
        finding({ cell: "B2", sheet: "T", severity: "warning" }),
        finding({ cell: "not-a-cell", severity: "error" }),
      ],
      "ja",
    );
    expect(highlights).toEqual([
      {
        sheet: "S",
        severity: "error",
        fill: SEVERITY_FILL.error,
        rects: [{ top: 4, left: 2, bottom: 5, right: 2 }],
        ranges: ["C5:C6"],
      },
      {
        sheet: "S",
        severity: "info",
        fill: SEVERITY_FILL.info,
        rects: [{ top: 8, left: 3, bottom: 8, right: 3 }],
        ranges: ["D9"],
      },
      {
        sheet: "T",
        severity: "warning",
        fill: SEVERITY_FILL.warning,
        rects: [{ top: 1, left: 1, bottom: 1, right: 1 }],
        ranges: ["B2"],
      },
    ]);
    const c5 = notes.find((n) => n.cell === "C5")!;
    expect(c5.severity).toBe("error");
    expect(c5.text).toBe("Kensa:\n[エラー] 欠落 (value/missing)\n[警告] 遅れ (grade/below-pace)");
    expect(notes).toHaveLength(4);
  });

  it("uses English severity labels with lang en", () => {
    const { notes } = planHighlights([finding({ cell: "A1", severity: "warning", message: "x" })], "en");
    expect(notes[0].text).toBe("Kensa:\n[Warning] x (value/missing)");
  });
});

describe("formula recognition", () => {
  it("normalises case, $ and spaces outside strings", () => {
    expect(normalizeFormula('=if( $C$5 = "", "a b", d5/c5 )')).toBe('IF(C5="","a b",D5/C5)');
  });
  it("removes blank guards", () => {
    expect(unguard('IF(OR(NOT(ISNUMBER(C6)),C6=0),"",D6/C6)')).toBe("D6/C6");
    expect(unguard('IFERROR(IF(C6="","",D6/C6),"")')).toBe("D6/C6");
    expect(unguard('IF(C6="","x",D6/C6)')).toBe('IF(C6="","x",D6/C6)');
    expect(unguard("IF(A1)+B(C1)")).toBe("IF(A1)+B(C1)");
  });
  it("recognises Kensa's formula with or without guards, and nothing else", () => {
    expect(isKensaFormula("D6/C6", "D6/C6")).toBe(true);
    expect(isKensaFormula("=$D$6/$C$6", "D6/C6")).toBe(true);
    expect(isKensaFormula('IF(OR(NOT(ISNUMBER(C6)),C6=0),"",D6/C6)', "D6/C6")).toBe(true);
    expect(isKensaFormula("D6/C6*100", "D6/C6")).toBe(false);
    expect(isKensaFormula("ROUND(D6/C6,3)", "D6/C6")).toBe(false);
    expect(isKensaFormula("D6/C6", undefined)).toBe(false);
    expect(isKensaFormula("SUM(C6:C9)", undefined, ["SUM(C6:C9)"])).toBe(true);
  });
});

describe("planComputedWrites", () => {
  const cells: Record<string, ExistingCell | "no-sheet"> = {
    F6: { value: null },
    F7: { value: 0.4 },
    F8: { value: 0.4, formula: 'IF(OR(NOT(ISNUMBER(C8)),C8=0),"",D8/C8)' },
    F9: { value: 0.5, formula: "D9/C9*1" },
    F10: { value: null, mergedSlave: true },
    F11: { value: "  " },
    F12: { value: null },
    F15: { value: 0.4, formula: "D15/C15", sharedFormula: true },
  };
  const probe: CellProbe = (sheet, cell) => (sheet === "S" ? (cells[cell] ?? { value: null }) : "no-sheet");
  const c = (cell: string, extra: Partial<ComputedCell> = {}): ComputedCell => ({
    sheet: "S",
    cell,
    value: 0.4,
    decimals: 3,
    formula: `D${cell.slice(1)}/C${cell.slice(1)}`,
    numFmt: "0.0%",
    label: "健康・医療比率",
    ...extra,
  });

  it("writes empty cells and Kensa's own formulas, never typed values or a person's formula", () => {
    const { writes, skipped } = planComputedWrites(
      [
        c("F6"),
        c("F7"),
        c("F8"),
        c("F9"),
        c("F10"),
        c("F11"),
        c("F12", { typed: { parsed: { kind: "number", value: 40, decimals: 0, unitKind: "percent" }, text: "40%" } }),
        c("F13", { sheet: "Gone" }),
        c("F14", { value: null, formula: undefined }),
        c("F15"),
        c("F6"),
      ],
      probe,
    );
    expect(writes).toEqual([
      { sheet: "S", cell: "F6", label: "健康・医療比率", value: 0.4, formula: "D6/C6", numFmt: "0.0%" },
      { sheet: "S", cell: "F8", label: "健康・医療比率", value: 0.4, formula: "D8/C8", numFmt: "0.0%" },
      { sheet: "S", cell: "F11", label: "健康・医療比率", value: 0.4, formula: "D11/C11", numFmt: "0.0%" },
    ]);
    expect(skipped.map((s) => [s.cell, s.reason])).toEqual([
      ["F7", "typed"],
      ["F9", "user-formula"],
      ["F10", "merged"],
      ["F12", "typed"],
      ["F13", "no-sheet"],
      ["F14", "no-value"],
      ["F15", "shared-formula"],
    ]);
  });

  it("writes a value without formula, with a number format from decimals when none is given", () => {
    const { writes } = planComputedWrites(
      [c("F6", { formula: undefined, numFmt: undefined, value: 12.345, decimals: 2 })],
      probe,
    );
    expect(writes).toEqual([{ sheet: "S", cell: "F6", label: "健康・医療比率", value: 12.345, numFmt: "#,##0.00" }]);
  });

  it("writes text values (a suggested grade) and never NaN", () => {
    const { writes, skipped } = planComputedWrites(
      [
        c("F6", { value: "A", formula: undefined, numFmt: undefined }),
        c("F12", { value: Number.NaN, formula: undefined }),
      ],
      probe,
    );
    expect(writes).toEqual([{ sheet: "S", cell: "F6", label: "健康・医療比率", value: "A" }]);
    expect(skipped[0].reason).toBe("no-value");
  });
});

describe("result sheet", () => {
  it("replaces Kensa's sheet but never a user's sheet of the same name", () => {
    expect(chooseResultSheetName([{ name: "Data", kensa: false }], "ja")).toEqual({ name: "検証結果", replace: [] });
    expect(chooseResultSheetName([{ name: "検証結果", kensa: true }], "ja")).toEqual({
      name: "検証結果",
      replace: ["検証結果"],
    });
    expect(
      chooseResultSheetName(
        [
          { name: "検証結果", kensa: false },
          { name: "検証結果 (2)", kensa: false },
          { name: "Kensa results", kensa: true },
        ],
        "ja",
      ),
    ).toEqual({ name: "検証結果 (3)", replace: ["Kensa results"] });
    expect(chooseResultSheetName([{ name: "KENSA RESULTS", kensa: false }], "en").name).toBe("Kensa results (2)");
  });

  it("has the marker, a summary, a header row and one row per finding; text stays text", () => {
    const hostile = ["=1+1", '=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)"];
    const findings = hostile.map((m, i) =>
      finding({
        cell: `C${i + 5}`,
        message: m,
        sheet: m,
        rule: "ratio/mismatch",
        expected: 1,
        actual: 2,
        fix: { sheet: m, cell: `C${i + 5}`, formula: "D5/C5" },
      }),
    );
    findings.push(finding({ cell: "D1", severity: "info", fix: { sheet: "S", cell: "D1", value: "=2+2" } }));
    findings.push(finding({ cell: "D2", severity: "warning", fix: { sheet: "S", cell: "D2", value: 16 } }));
    const plan = planResultSheet(result(findings), "ja", [{ name: "S", kensa: false }], { written: 3, skipped: 1 });
    expect(plan.name).toBe("検証結果");
    expect(plan.rows[0][0]).toEqual({ type: "text", text: RESULT_SHEET_MARKER, bold: true });
    // the summary: one label and count a row
    expect(plan.rows[1]).toEqual([
      { type: "text", text: "エラー", bold: true, fill: SEVERITY_FILL.error },
      { type: "number", value: 5, numFmt: "#,##0" },
    ]);
    expect(plan.rows[plan.headerRow].map((c) => c && c.type === "text" && c.text)).toEqual([
      "重要度",
      "ルール",
      "シート",
      "セル",
      "メッセージ",
      "記入値",
      "計算値",
      "修正案",
      "状態",
      "確認の理由",
      "ルールID",
    ]);
    const body = plan.rows.slice(plan.headerRow + 1);
    expect(body).toHaveLength(findings.length);
    hostile.forEach((m, i) => {
      expect(body[i][0]).toEqual({ type: "text", text: "エラー", fill: SEVERITY_FILL.error });
      expect(body[i][1]).toEqual({ type: "text", text: "比率・達成率" });
      expect(body[i][2]).toEqual({ type: "text", text: m });
      expect(body[i][3]).toEqual({ type: "link", text: `C${i + 5}`, sheet: m, cell: `C${i + 5}` });
      expect(body[i][4]).toEqual({ type: "text", text: m });
      expect(body[i][5]).toEqual({ type: "number", value: 2, numFmt: "#,##0" });
      expect(body[i][6]).toEqual({ type: "number", value: 1, numFmt: "#,##0" });
      expect(body[i][7]).toEqual({ type: "text", text: "=D5/C5" });
      expect(body[i][10]).toEqual({ type: "text", text: "ratio/mismatch" });
    });
    // errors, then the warning, then the info (given last-but-one)
    expect(body[5][0]).toMatchObject({ text: "警告" });
    expect(body[5][7]).toEqual({ type: "number", value: 16, numFmt: "#,##0" });
    expect(body[6][0]).toMatchObject({ text: "情報" });
    expect(body[6][7]).toEqual({ type: "text", text: "=2+2" });
    expect(plan.autoFilter).toBe(`A${plan.headerRow + 1}:K${plan.rows.length}`);
    expect(plan.print).toEqual({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: `${plan.headerRow + 1}:${plan.headerRow + 1}`,
    });
  });

  it("says so when there is nothing to report, in English too", () => {
    const plan = planResultSheet(result([]), "en", []);
    expect(plan.name).toBe("Kensa results");
    expect((plan.rows[0][0] as { text: string }).text.startsWith(RESULT_SHEET_MARKER)).toBe(true);
    expect(plan.rows[plan.headerRow + 1]).toEqual([{ type: "text", text: "No problems found." }]);
  });

  it("clips over-long text to Excel's cell limit with a marker and drops characters XML cannot carry", () => {
    const plan = planResultSheet(result([finding({ cell: "A1", message: "xy\u0001\uFFFE".repeat(20000) })]), "ja", []);
    const text = (plan.rows[plan.headerRow + 1][4] as { text: string }).text;
    expect(text.length).toBe(32767);
    expect(text.endsWith(CLIP_MARKER)).toBe(true);
    expect(text).not.toMatch(/[\u0001\uFFFE]/);
  });

  it("prints years as written (2026, not 2,026) and other figures with separators and their decimals", () => {
    const plan = planResultSheet(
      result([
        finding({ cell: "A1", rule: "date/era-mismatch", expected: 2026, actual: 2025 }),
        finding({ cell: "A2", expected: 1365.5, actual: 1200000 }),
      ]),
      "ja",
      [],
    );
    const body = plan.rows.slice(plan.headerRow + 1);
    expect(body[0][5]).toEqual({ type: "number", value: 2025, numFmt: "0" });
    expect(body[1][5]).toEqual({ type: "number", value: 1200000, numFmt: "#,##0" });
    expect(body[1][6]).toEqual({ type: "number", value: 1365.5, numFmt: "#,##0.0##" });
  });

  it("estimates each row's wrapped lines as Excel lays out 10-point 游ゴシック, and sets the heights from them", () => {
    const plan = planResultSheet(
      result([finding({ cell: "A1", message: "あ".repeat(61) }), finding({ cell: "A2", message: "short" })]),
      "ja",
      [],
    );
    // the message column (58) holds 30 full-width characters a line
    expect(plan.lines[plan.headerRow + 1]).toBe(3);
    expect(plan.lines[plan.headerRow + 2]).toBe(1);
    expect(plan.heights[plan.headerRow + 1]).toBe(rowHeight(3));
    expect(plan.font).toEqual({ name: "游ゴシック", size: 10 });
  });

  it("wraps Japanese between characters but never before a closing mark, and Latin words only at spaces", () => {
    expect(wrappedLines("あ".repeat(30), 58)).toBe(1);
    // 「。」 cannot start a line: it takes the character before it along (D28 of the sample ended so)
    expect(wrappedLines("あ".repeat(30) + "。", 58)).toBe(2);
    expect(wrappedLines("あ".repeat(29) + " PJ12345", 58)).toBe(2);
    expect(wrappedLines("a\nb", 58)).toBe(2);
  });
});

describe("planApply", () => {
  it("combines highlights, notes, writes and the result sheet", () => {
    const plan = planApply(
      result([finding({ cell: "C5" })], [{ sheet: "S", cell: "F5", value: 0.5, formula: "D5/C5", label: "比率" }]),
      { lang: "ja", probe: () => ({ value: null }), sheets: [{ name: "S", kensa: false }] },
    );
    expect(plan.highlights).toHaveLength(1);
    expect(plan.notes).toHaveLength(1);
    expect(plan.writes).toHaveLength(1);
    const computed = plan.resultSheet.rows.find((r) => r[0]?.type === "text" && r[0].text === "計算セル");
    expect(computed?.[1]).toEqual({ type: "text", text: "1件を数式で記入しました" });
  });
});

describe("what Excel accepts", () => {
  it("makes sheet names legal and unique, ignoring case", () => {
    expect(isLegalSheetName("予算内訳")).toBe(true);
    for (const bad of ["a[b]", "x:y", "q?", "*", "a/b", "a\\b", "'quoted'", "History", "", "x".repeat(32)])
      expect(isLegalSheetName(bad)).toBe(false);
    expect(legalSheetName("a[b]:c", new Set())).toBe("a_b__c");
    expect(legalSheetName("'quoted'", new Set())).toBe("quoted");
    expect(legalSheetName("History", new Set())).toBe("Sheet_History");
    expect(legalSheetName("x".repeat(40), new Set())).toBe("x".repeat(31));
    expect(legalSheetName("a[b]", new Set(["a_b_"]))).toBe("a_b_ (2)");
    expect(legalSheetName("検証結果", new Set(["検証結果", "検証結果 (2)"]))).toBe("検証結果 (3)");
  });

  it("clips without splitting a surrogate pair and removes only what XML 1.0 cannot carry", () => {
    const clipped = excelText("𠮷".repeat(20000));
    expect(clipped.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(clipped.endsWith(CLIP_MARKER)).toBe(true);
    expect(/[\uD800-\uDBFF]$/.test(clipped.slice(0, -CLIP_MARKER.length))).toBe(false);
    expect(excelText("a\tb\nc\rd\u0000e\u001Ff\uFFFEg\uD800h𠮷")).toBe("a\tb\nc\rdefgh𠮷");
  });

  it("names every annotated copy <name>.kensa.xlsx (a macro workbook's copy is an .xlsx)", () => {
    expect(annotatedCopyName("提出_医薬品.xlsx")).toBe("提出_医薬品.kensa.xlsx");
    expect(annotatedCopyName("book.XLSM")).toBe("book.kensa.xlsx");
    expect(annotatedCopyName(".xlsx")).toBe("workbook.kensa.xlsx");
  });
});

describe("fix log", () => {
  const computed = (sheet: string, cell: string, before = ""): FixLogEntry => ({
    at: "2026-12-02 08:00",
    sheet,
    cell,
    kind: "computed",
    before,
    after: `=X${cell}`,
  });

  it("logs blank cells filled down one column as one run, sheet by sheet, and every other change on its own", () => {
    const log = compactComputedLog([
      computed("S", "F4"),
      computed("S", "G4"),
      computed("S", "F5"),
      computed("S", "G5"),
      computed("S", "F6", "=old"),
      computed("S", "F7"),
      computed("T", "AA2"),
      computed("S", "F8"),
      { at: "2026-12-02 08:00", sheet: "S", cell: "F9", kind: "fix", before: "16", after: "15" },
    ]);
    expect(log.map((e) => `${e.sheet}!${e.cell} ${e.before || "-"} → ${e.after}`)).toEqual([
      "S!F4:F5 - → =XF4",
      "S!F6 =old → =XF6",
      "S!F7:F8 - → =XF7",
      "S!F9 16 → 15",
      "S!G4:G5 - → =XG4",
      "T!AA2 - → =XAA2",
    ]);
  });

  it("ends a run where the formula is not the first one filled down, or the cell gets a fixed value", () => {
    const entry = (cell: string, after: string): FixLogEntry => ({
      at: "2026-12-02 08:00",
      sheet: "アウトプット指標",
      cell,
      kind: "computed",
      label: `「指標${cell.slice(1)}」の「年度目標」`,
      rule: "target/annual-share",
      before: "",
      after,
    });
    const log = compactComputedLog([
      entry("G8", "=D8/5"),
      entry("G9", "=D9/5"),
      entry("G10", "=D10*2/5"),
      entry("G11", "130"),
      entry("G12", "120"),
    ]);
    expect(log.map((e) => `${e.cell} ${e.after}`)).toEqual(["G8:G9 =D8/5", "G10 =D10*2/5", "G11 130", "G12 120"]);
    // a run is named by its first cell's item; the rule that checks a typed value is in the last column
    expect(fixLogRow(log[0], "ja").slice(2)).toEqual([
      "G8:G9",
      "計算セルの記入",
      "「指標8」の「年度目標」ほか",
      "（空欄）",
      "=D8/5",
      "target/annual-share",
    ]);
    expect(fixLogRow(log[2], "en")[4]).toBe("「指標11」の「年度目標」");
  });

  it("writes every cell as text, a blank as （空欄）, the rule by its Japanese name", () => {
    expect(
      fixLogRow(
        {
          at: "2026-12-02 08:00",
          sheet: "予算内訳",
          cell: "D28",
          kind: "fix",
          rule: "sum/subtotal",
          before: "16",
          after: "=SUM(D25:D27)",
        },
        "ja",
      ),
    ).toEqual([
      "2026-12-02 08:00",
      "予算内訳",
      "D28",
      "修正の適用",
      "小計・合計",
      "16",
      "=SUM(D25:D27)",
      "sum/subtotal",
    ]);
    expect(fixLogRow({ ...computed("S", "F4"), label: "年度目標" }, "ja").slice(3, 7)).toEqual([
      "計算セルの記入",
      "年度目標",
      "（空欄）",
      "=XF4",
    ]);
  });
});

describe("computed cells read from figures written as text", () => {
  it("reads digits, thousands separators and one unit; nothing looser", () => {
    const expr = (text: string) => textFigureExpression("D5", text, parseText(text));
    expect(expr("1,365件")).toBe('VALUE(SUBSTITUTE(SUBSTITUTE(D5,",",""),"件",""))');
    expect(expr("650")).toBe('VALUE(SUBSTITUTE(D5,",",""))');
    expect(expr("85.5％")).toBe('(VALUE(SUBSTITUTE(SUBSTITUTE(D5,",",""),"％",""))/100)');
    expect(expr("120万件")).toBe('(VALUE(SUBSTITUTE(SUBSTITUTE(D5,",",""),"万件",""))*10000)');
    for (const loose of ["約31件", "10～20件", "51件* (22件/29件)", "１２件", "12 件", "130件/年", "採択件数：43件"])
      expect({ loose, expr: expr(loose) }).toEqual({ loose, expr: undefined });
  });

  it("writes a fixed value with a note naming the cell no formula reads", () => {
    const fixed: ComputedCell = {
      sheet: "S",
      cell: "I12",
      value: 2.55,
      label: "「指標5」の「達成率」",
      fixedBecause: { cell: "H12", column: "実績", text: "51件* (22件/29件)" },
    };
    const plan = planApply(result([], [fixed]), { lang: "ja", probe: () => ({ value: null }), sheets: [] });
    expect(plan.writes).toEqual([
      expect.objectContaining({ cell: "I12", value: 2.55, fixedBecause: fixed.fixedBecause }),
    ]);
    expect(plan.notes).toEqual([
      {
        sheet: "S",
        cell: "I12",
        severity: "info",
        text: "Kensa:\n固定値：「実績」H12の「51件* (22件/29件)」は数値と単位だけの書き方ではないため計算式で読めず、計算した値を固定値で記入しました（H12を直しても変わりません）。",
      },
    ]);
  });
});
