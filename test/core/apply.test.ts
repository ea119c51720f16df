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
  type CellProbe,
  type ExistingCell,
} from "../../src/core/apply";
import type { CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { RESULT_SHEET_MARKER } from "../../src/core/rules/shared/result-sheet";
import type { ComputedCell } from "../../src/core/sheets/analysis";

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
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
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
      { sheet: "S", severity: "error", fill: SEVERITY_FILL.error, rects: [{ top: 4, left: 2, bottom: 5, right: 2 }], ranges: ["C5:C6"] },
      { sheet: "S", severity: "info", fill: SEVERITY_FILL.info, rects: [{ top: 8, left: 3, bottom: 8, right: 3 }], ranges: ["D9"] },
      { sheet: "T", severity: "warning", fill: SEVERITY_FILL.warning, rects: [{ top: 1, left: 1, bottom: 1, right: 1 }], ranges: ["B2"] },
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
    const { writes } = planComputedWrites([c("F6", { formula: undefined, numFmt: undefined, value: 12.345, decimals: 2 })], probe);
    expect(writes).toEqual([{ sheet: "S", cell: "F6", label: "健康・医療比率", value: 12.345, numFmt: "#,##0.00" }]);
  });

  it("writes text values (a suggested grade) and never NaN", () => {
    const { writes, skipped } = planComputedWrites(
      [c("F6", { value: "A", formula: undefined, numFmt: undefined }), c("F12", { value: Number.NaN, formula: undefined })],
      probe,
    );
    expect(writes).toEqual([{ sheet: "S", cell: "F6", label: "健康・医療比率", value: "A" }]);
    expect(skipped[0].reason).toBe("no-value");
  });
});

describe("result sheet", () => {
  it("replaces Kensa's sheet but never a user's sheet of the same name", () => {
    expect(chooseResultSheetName([{ name: "Data", kensa: false }], "ja")).toEqual({ name: "検証結果", replace: [] });
    expect(chooseResultSheetName([{ name: "検証結果", kensa: true }], "ja")).toEqual({ name: "検証結果", replace: ["検証結果"] });
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
      finding({ cell: `C${i + 5}`, message: m, sheet: m, rule: "ratio/mismatch", expected: 1, actual: 2, fix: { sheet: m, cell: `C${i + 5}`, formula: "D5/C5" } }),
    );
    findings.push(finding({ cell: "D1", severity: "info", fix: { sheet: "S", cell: "D1", value: "=2+2" } }));
    findings.push(finding({ cell: "D2", severity: "warning", fix: { sheet: "S", cell: "D2", value: 16 } }));
    const plan = planResultSheet(result(findings), "ja", [{ name: "S", kensa: false }], { written: 3, skipped: 1 });
    expect(plan.name).toBe("検証結果");
    expect(plan.rows[0][0]).toEqual({ type: "text", text: RESULT_SHEET_MARKER, bold: true });
    expect(plan.rows[1]).toContainEqual({ type: "number", value: 5 });
    expect(plan.rows[plan.headerRow].map((c) => c && c.type === "text" && c.text)).toEqual([
      "重要度",
      "ルール",
      "シート",
      "セル",
      "メッセージ",
      "期待値",
      "実際の値",
      "修正案",
      "状態",
      "確認の理由",
    ]);
    const body = plan.rows.slice(plan.headerRow + 1);
    expect(body).toHaveLength(findings.length);
    hostile.forEach((m, i) => {
      expect(body[i][0]).toEqual({ type: "text", text: "エラー" });
      expect(body[i][2]).toEqual({ type: "text", text: m });
      expect(body[i][3]).toEqual({ type: "link", text: `C${i + 5}`, sheet: m, cell: `C${i + 5}` });
      expect(body[i][4]).toEqual({ type: "text", text: m });
      expect(body[i][5]).toEqual({ type: "number", value: 1 });
      expect(body[i][7]).toEqual({ type: "text", text: "=D5/C5" });
    });
    expect(body[5][7]).toEqual({ type: "text", text: "=2+2" });
    expect(body[6][7]).toEqual({ type: "number", value: 16 });
    expect(plan.autoFilter).toBe(`A${plan.headerRow + 1}:J${plan.rows.length}`);
  });

  it("says so when there is nothing to report, in English too", () => {
    const plan = planResultSheet(result([]), "en", []);
    expect(plan.name).toBe("Kensa results");
    expect((plan.rows[0][0] as { text: string }).text.startsWith(RESULT_SHEET_MARKER)).toBe(true);
    expect(plan.rows[plan.headerRow + 1]).toEqual([{ type: "text", text: "No problems found." }]);
  });

  it("clamps over-long text to Excel's cell limit", () => {
    const plan = planResultSheet(result([finding({ cell: "A1", message: "x".repeat(40000) })]), "ja", []);
    expect((plan.rows[plan.headerRow + 1][4] as { text: string }).text.length).toBe(32767);
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
    expect(plan.resultSheet.rows[3][0]).toEqual({ type: "text", text: "計算セル: 1 件を記入しました" });
  });
});
