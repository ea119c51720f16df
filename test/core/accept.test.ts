/**
 * Accepted findings (確認済み, src/core/accept): the store's format, its validation against edited or forged
 * sheets, the fingerprint, and the engine honouring, lapsing and reporting acceptances.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  ACCEPT_HEADERS_V1,
  ACCEPT_LIMITS,
  ACCEPT_MARK,
  ACCEPT_SHEET,
  acceptanceIn,
  acceptanceKey,
  acceptanceOf,
  AcceptanceError,
  localTimestamp,
  normalValue,
  parseAcceptanceGrid,
  readAcceptanceStore,
  reasonProblem,
  splitAcceptanceStore,
  storeGrid,
  storeProblemText,
  withAcceptance,
  withoutAcceptance,
  workbookLookup,
  type Acceptance,
} from "../../src/core/accept";
import { planHighlights, planResultSheet } from "../../src/core/apply";
import { checkSet, checkWorkbook, type CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { sheetFromValues, type CellValue, type Workbook } from "../../src/core/model/workbook";
import { FindingSchema } from "../../src/core/report/schema";
import { findingRows, fileRows } from "../../src/core/report/table";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import type { Rule } from "../../src/core/rules/rule";
import { toA1 } from "../../src/core/model/address";
import { lapsedRule } from "../../src/core/accept/apply";
import { valueTerm, type FingerprintValue } from "../../src/core/accept/fingerprint";
import { renderMessage } from "../../src/core/rules/message";

/** Flags each row reading SUM whose B is not C + D: cells B, C, D; expected C + D, actual B. */
const sumRule: Rule = {
  meta: {
    id: "test/sum",
    severity: "error",
    description: { ja: "テスト用の合計", en: "Test sum" },
    messages: { bad: { ja: "{b} は {c} + {d} ではありません", en: "{b} is not {c} + {d}" } },
  },
  check(ctx) {
    const out: ReturnType<Rule["check"]> = [];
    for (const sheet of ctx.workbook.sheets) {
      sheet.rows.forEach((row, r) => {
        if (row[0]?.value !== "SUM") return;
        const [b, c, d] = [1, 2, 3].map((i) => Number(row[i]?.value ?? 0));
        if (b === c + d) return;
        out.push({
          messageId: "bad",
          data: { b, c, d },
          sheet: sheet.name,
          cell: toA1(r, 1),
          cells: [toA1(r, 1), toA1(r, 2), toA1(r, 3)],
          expected: c + d,
          actual: b,
        });
      });
    }
    return out;
  },
};
const rules = [sumRule];

function book(rows: (CellValue | undefined)[][], extra: Workbook["sheets"] = []): Workbook {
  return { sheets: [sheetFromValues("表", rows), ...extra] };
}

function storeSheet(entries: Acceptance[]) {
  return sheetFromValues(ACCEPT_SHEET, storeGrid(entries));
}

/** Accepts every finding of the workbook, returning the workbook with its store. */
function acceptAll(wb: Workbook, reason = "理由あり"): { wb: Workbook; result: CheckResult } {
  const result = checkWorkbook(wb, { rules });
  let entries: Acceptance[] = [];
  for (const f of result.findings)
    entries = withAcceptance(entries, acceptanceIn(wb, f, reason, { by: "山田", at: "2025-12-02T10:15:00+09:00" }));
  return { wb: { sheets: [...wb.sheets.filter((s) => s.name !== ACCEPT_SHEET), storeSheet(entries)] }, result };
}

describe("the fingerprint", () => {
  test("normalises values so that every face reads the same", () => {
    expect(normalValue(0.1 + 0.2)).toBe(0.3);
    expect(normalValue(-0)).toBe(0);
    expect(normalValue("")).toBeNull();
    expect(normalValue("  ")).toBeNull();
    expect(normalValue(null)).toBeNull();
    expect(normalValue(" A ")).toBe("A");
    // a number typed with its unit is the number; a composite value stays text
    expect(normalValue("11件")).toBe(11);
    expect(normalValue("16.0億円")).toBe(16);
    expect(normalValue("12件（9件／3件）")).toBe("12件（9件／3件）");
    expect(normalValue("—")).toBe("—");
    expect(normalValue({ error: "#DIV/0!" })).toBe("#DIV/0!");
    // exceljs gives a Date, Office.js the serial number
    expect(normalValue(new Date(Date.UTC(2025, 3, 1)))).toBe(45748);
    expect(normalValue(true)).toBe(true);
    const long = normalValue("x".repeat(5000)) as string;
    expect(long.length).toBeLessThanOrEqual(1000);
    expect(long).not.toBe(normalValue("x".repeat(5001)));
  });

  test("reads cells on the same sheet, other sheets, other files of the set and ranges", () => {
    const own: Workbook = { sheets: [sheetFromValues("A", [[1, 2]]), sheetFromValues("B 2", [[null, "x"]])] };
    const other: Workbook = { sheets: [sheetFromValues("様式2", [[7]])] };
    const lookup = workbookLookup(own, new Map([["提出_医薬品.xlsx", other]]));
    expect(lookup("B1", "A")).toBe(2);
    expect(lookup("'B 2'!B1", "A")).toBe("x");
    expect(lookup("[提出_医薬品.xlsx]様式2!A1", "A")).toBe(7);
    expect(lookup("[missing.xlsx]様式2!A1", "A")).toBeNull();
    expect(lookup("A1:B1", "A")).toEqual([1, 2]);
    expect(lookup("nonsense", "A")).toBeNull();
    expect(lookup("'Nope'!A1", "A")).toBeNull();
  });
});

describe("the store sheet", () => {
  const entry: Acceptance = {
    rule: "grade/below-pace",
    sheet: "アウトプット指標",
    cell: "J15",
    cells: ["J15", "H15", "D15"],
    values: ["A", 0, 10],
    expected: 4,
    actual: 0,
    reason: "指標8は令和8年度からの事業のため",
    by: "山田",
    at: "2025-12-02T10:15:00+09:00",
  };

  test("is written as text rows under a mark and headers, and reads back as written", () => {
    const grid = storeGrid([entry]);
    expect(grid[0][0]).toBe(ACCEPT_MARK);
    expect(grid[1]).toEqual([
      "ルール",
      "シート",
      "セル",
      "関連セル",
      "値",
      "計算値",
      "記入値",
      "理由",
      "確認者",
      "日時",
    ]);
    expect(grid[2]).toEqual([
      "grade/below-pace",
      "アウトプット指標",
      "J15",
      '["J15","H15","D15"]',
      '["A",0,10]',
      "4",
      "0",
      "指標8は令和8年度からの事業のため",
      "山田",
      "2025-12-02T10:15:00+09:00",
    ]);
    for (const row of grid) for (const c of row) expect(typeof c).toBe("string");
    const back = parseAcceptanceGrid(grid);
    expect(back.problems).toEqual([]);
    expect(back.entries).toEqual([{ ...entry, row: 3 }]);
  });

  test("a sheet whose numbers were typed as numbers (an edit in Excel) still reads", () => {
    const grid: unknown[][] = storeGrid([entry]);
    grid[2][5] = 4;
    grid[2][6] = 0;
    expect(parseAcceptanceGrid(grid).entries[0]).toMatchObject({ expected: 4, actual: 0 });
  });

  test("rows that cannot be understood are left out and named, never thrown", () => {
    const good = storeGrid([entry]);
    const forged: unknown[][] = [
      ...good,
      ["not a rule", "S", "A1", '["A1"]', "[1]", "", "", "x"], // row 4: rule
      ["test/x", "S", "A1", "[not json", "[1]", "", "", "x"], // row 5: cells
      ["test/x", "S", "A1", '["A1","B1"]', "[1]", "", "", "x"], // row 6: values do not match cells
      ["test/x", "S", "A1", '["A1"]', "[1]", "", "", ""], // row 7: no reason
      ["test/x", "S", "A1", '["A1"]', "[1]", "", "", "r".repeat(ACCEPT_LIMITS.reason + 1)], // row 8: reason too long
      ["test/x", "S", "A1", '["A1"]', "[1]", "abc", "", "x"], // row 9: expected not a number
      ["test/x", "S", "A1", '["B1"]', "[1]", "", "", "x"], // row 10: first cell is not the cell
      ["test/x", "S", "A1", '["A1"]', '[{"a":1}]', "", "", "x"], // row 11: a value that is no value
      ["test/x", "S\u0001", "A1", '["A1"]', "[1]", "", "", "x"], // row 12: control character
      [{ weird: true }, new Date(0), 5, null, undefined, NaN], // row 13: nothing sensible at all
      [],
      ["test/x", "S", "A1", '["A1"]', "[1]", "", "", "ok"], // row 15: fine
    ];
    const store = parseAcceptanceGrid(forged);
    expect(store.entries.map((e) => e.row)).toEqual([3, 15]);
    expect(store.problems.map((p) => p.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(storeProblemText(store.problems[0], "ja")).toBe("4行目の「ルール」を読めません");
    expect(storeProblemText(store.problems[1], "en")).toBe("row 5: cannot read its cells");
  });

  test("a sheet without the mark, or of another version, is not read; an empty one is an empty store", () => {
    expect(parseAcceptanceGrid([["something else"], ...storeGrid([entry]).slice(1)])).toMatchObject({
      entries: [],
      problems: [{ row: 1 }],
    });
    expect(storeProblemText(parseAcceptanceGrid([["Kensa accepted v9"]]).problems[0], "ja")).toBe(
      "この版（Kensa accepted v9）の記録は読めません",
    );
    expect(parseAcceptanceGrid([])).toMatchObject({ entries: [], problems: [] });
    expect(parseAcceptanceGrid([[null, ""]])).toMatchObject({ entries: [], problems: [] });
  });

  test("the header row may be anywhere or missing; the same finding twice counts once (the later row)", () => {
    const [mark, , row] = storeGrid([entry]);
    const later = [...row];
    later[7] = "後の理由";
    const store = parseAcceptanceGrid([mark, row, later]);
    expect(store.entries).toHaveLength(1);
    expect(store.entries[0].reason).toBe("後の理由");
  });

  test("a sheet written with the first headers (期待値, 実際) reads the same; it is rewritten with 計算値, 記入値", () => {
    const [mark, , row] = storeGrid([entry]);
    const old = ["ルール", "シート", "セル", "関連セル", "値", "期待値", "実際", "理由", "確認者", "日時"];
    expect(ACCEPT_HEADERS_V1).toEqual(old);
    const store = parseAcceptanceGrid([mark, old, row]);
    expect(store).toMatchObject({ problems: [], entries: [{ ...entry, row: 3 }] });
    expect(storeGrid(store.entries)[1].slice(5, 7)).toEqual(["計算値", "記入値"]);
  });

  test("a problem in F or G names the column by the header it has now", () => {
    const [mark, header, row] = storeGrid([entry]);
    const bad = [...row];
    bad[5] = "abc";
    bad[6] = "xyz";
    const store = parseAcceptanceGrid([mark, header, bad]);
    expect(store.problems.map((p) => [storeProblemText(p, "ja"), storeProblemText(p, "en")])).toEqual([
      ["3行目の「計算値」を読めません", "row 3: cannot read its computed value"],
    ]);
    const onlyG = [...row];
    onlyG[6] = "xyz";
    expect(storeProblemText(parseAcceptanceGrid([mark, header, onlyG]).problems[0], "ja")).toBe(
      "3行目の「記入値」を読めません",
    );
  });

  test("caps the number of acceptances read", () => {
    const [mark, header, row] = storeGrid([entry]);
    const rows = Array.from({ length: ACCEPT_LIMITS.entries + 3 }, (_, i) => {
      const r = [...row];
      r[2] = `J${i + 1}`;
      r[3] = JSON.stringify([`J${i + 1}`, "H15", "D15"]);
      return r;
    });
    const store = parseAcceptanceGrid([mark, header, ...rows]);
    expect(store.entries).toHaveLength(ACCEPT_LIMITS.entries);
    expect(store.problems).toEqual([expect.objectContaining({ row: 1 })]);
    expect(storeProblemText(store.problems[0], "ja")).toBe(
      `記録が ${ACCEPT_LIMITS.entries} 件を超えるため、残りの 3 件を読んでいません`,
    );
  });

  test("control characters and carriage returns are dropped when written", () => {
    const grid = storeGrid([{ ...entry, reason: "a\u0000b\r\nc\uFFFF" }]);
    expect(grid[2][7]).toBe("ab\nc");
  });

  test("adding replaces the same finding; revoking by place or by the exact finding", () => {
    const other = { ...entry, cells: ["J15", "H15"], values: ["A", 0] };
    let entries = withAcceptance([], entry);
    entries = withAcceptance(entries, { ...entry, reason: "新しい理由" });
    expect(entries).toHaveLength(1);
    expect(entries[0].reason).toBe("新しい理由");
    entries = withAcceptance(entries, other);
    expect(entries).toHaveLength(2);
    expect(withoutAcceptance(entries, { ...entry, cells: other.cells })).toMatchObject({
      removed: 1,
      entries: [{ cells: entry.cells }],
    });
    expect(withoutAcceptance(entries, { rule: entry.rule, sheet: entry.sheet, cell: "$j$15" })).toMatchObject({
      removed: 2,
      entries: [],
    });
    expect(withoutAcceptance(entries, { rule: "x/y", sheet: entry.sheet, cell: "J15" }).removed).toBe(0);
    expect(acceptanceKey(entry)).not.toBe(acceptanceKey(other));
  });
});

describe("accepting", () => {
  const wb = book([
    ["SUM", 10, 4, 5],
    ["SUM", 9, 4, 5],
  ]);

  test("needs a reason of at most the limit", () => {
    const f = checkWorkbook(wb, { rules }).findings[0];
    expect(reasonProblem("  ", "ja")).toBe("確認済みにする理由を書いてください");
    expect(reasonProblem("x".repeat(ACCEPT_LIMITS.reason + 1), "en")).toMatch(/at most/);
    expect(() => acceptanceIn(wb, f, "")).toThrow(AcceptanceError);
    const a = acceptanceIn(wb, f, "  理由  ", { by: " 山田 ", at: "2025-12-02T10:15:00+09:00" });
    expect(a).toEqual({
      rule: "test/sum",
      sheet: "表",
      cell: "B1",
      cells: ["B1", "C1", "D1"],
      values: [10, 4, 5],
      expected: 9,
      actual: 10,
      reason: "理由",
      by: "山田",
      at: "2025-12-02T10:15:00+09:00",
    });
  });

  test("a finding too large to record is refused, not written broken", () => {
    const f: Finding = {
      rule: "test/sum",
      severity: "error",
      sheet: "表",
      cell: "B1",
      cells: ["B1", ...Array.from({ length: ACCEPT_LIMITS.cells }, (_, i) => `Z${i + 1}`)],
      message: "m",
    };
    expect(() => acceptanceOf(f, workbookLookup(wb), "r")).toThrow(AcceptanceError);
  });

  test("localTimestamp has the local offset", () => {
    expect(localTimestamp(new Date())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});

describe("the engine", () => {
  const base = book([
    ["SUM", 10, 4, 5],
    ["SUM", 9, 4, 5],
  ]);

  test("marks an accepted finding, lists it, and counts it apart from the errors", () => {
    const { wb, result: before } = acceptAll(base, "端数の扱い");
    expect(before.summary).toEqual({ error: 1, warning: 0, info: 0 });
    const r = checkWorkbook(wb, { rules });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].accepted).toEqual({ reason: "端数の扱い", by: "山田", at: "2025-12-02T10:15:00+09:00" });
    expect(r.findings[0].severity).toBe("error");
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0, accepted: 1 });
    expect(FindingSchema.safeParse(r.findings[0]).success).toBe(true);
    // the store is Kensa's record: not a sheet of the result, not an unknown sheet
    expect(r.sheets.map((s) => s.name)).toEqual(["表"]);
    const all = checkWorkbook(wb);
    expect(all.sheets.map((s) => s.name)).toEqual(["表"]);
    expect(all.findings.filter((f) => f.rule === "structure/unknown-sheet").map((f) => f.sheet)).toEqual(["表"]);
  });

  test("an acceptance lapses when a value of its finding changes, and says what changed", () => {
    const { wb } = acceptAll(base, "端数の扱い");
    const changed: Workbook = {
      sheets: [
        sheetFromValues("表", [
          ["SUM", 10, 4, 4],
          ["SUM", 9, 4, 5],
        ]),
        wb.sheets[1],
      ],
    };
    const r = checkWorkbook(changed, { rules });
    const finding = r.findings.find((f) => f.rule === "test/sum")!;
    expect(finding.accepted).toBeUndefined();
    const lapsed = r.findings.find((f) => f.rule === "accepted/lapsed")!;
    expect(lapsed).toMatchObject({ severity: "info", sheet: "表", cell: "B1", cells: ["B1", "C1", "D1"] });
    expect(lapsed.message).toBe(
      "B1の指摘（test/sum）は確認済みでしたが、値が変わったため確認済みではなくなりました（D1: 5 → 4、計算値: 9 → 8）。内容を確かめ、よければ改めて確認済みにしてください。確認済みにした理由: 端数の扱い",
    );
    expect(r.summary).toEqual({ error: 1, warning: 0, info: 1 });
    const en = checkWorkbook(changed, { rules, lang: "en" }).findings.find((f) => f.rule === "accepted/lapsed")!;
    expect(en.message).toContain("its values changed (D1: 5 → 4, computed: 9 → 8)");
  });

  test("a lapse shows blank, text and list values in each language from the same terms", () => {
    const shown = (v: FingerprintValue | undefined) =>
      (["ja", "en"] as const).map((lang) =>
        renderMessage({ ja: "{v}", en: "{v}" }, { v: valueTerm(v) }, lang, lapsedRule.phrases),
      );
    expect(shown(null)).toEqual(["空欄", "blank"]);
    expect(shown(undefined)).toEqual(["空欄", "blank"]);
    expect(shown("A")).toEqual(["「A」", "“A”"]);
    expect(shown(1.5)).toEqual(["1.5", "1.5"]);
    expect(shown([1, "x", null])).toEqual(["[1, 「x」, 空欄]", "[1, “x”, blank]"]);
  });

  test("an acceptance nothing matches any more is reported as unused (the numbers were corrected)", () => {
    const { wb } = acceptAll(base);
    const fixed: Workbook = { sheets: [sheetFromValues("表", [["SUM", 9, 4, 5]]), wb.sheets[1]] };
    const r = checkWorkbook(fixed, { rules });
    expect(r.findings.map((f) => f.rule)).toEqual(["accepted/unused"]);
    expect(r.findings[0]).toMatchObject({ severity: "info", sheet: "表", cell: "B1" });
    expect(r.findings[0].message).toContain("今回は出ていません");
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 1 });
  });

  test("a store that cannot be read is a warning at its row, and accepts nothing", () => {
    const grid: unknown[][] = storeGrid([]);
    grid.push(["test/sum", "表", "B1", "[broken", "[]", "", "", "理由"]);
    const wb: Workbook = {
      sheets: [
        base.sheets[0],
        { name: "kensa_ACCEPTED", rows: grid.map((r) => r.map((v) => ({ value: v as CellValue }))) },
      ],
    };
    const r = checkWorkbook(wb, { rules });
    expect(r.findings.find((f) => f.rule === "test/sum")!.accepted).toBeUndefined();
    const w = r.findings.find((f) => f.rule === "accepted/store")!;
    expect(w).toMatchObject({ severity: "warning", sheet: "kensa_ACCEPTED", cell: "A3" });
    expect(w.message).toContain("3行目の「関連セル」を読めません");
    expect(r.sheets.map((s) => s.name)).toEqual(["表"]);
  });

  test("a forged workbook model never makes the check throw", () => {
    const weird = {
      name: ACCEPT_SHEET,
      rows: [[{ value: ACCEPT_MARK }], null, [undefined, { value: { error: "#N/A" } }], [{ value: new Date(NaN) }]],
    } as unknown as Workbook["sheets"][number];
    expect(() => checkWorkbook({ sheets: [base.sheets[0], weird] }, { rules })).not.toThrow();
  });

  test("splitAcceptanceStore leaves a workbook without a store as it is", () => {
    expect(splitAcceptanceStore(base).workbook).toBe(base);
    expect(readAcceptanceStore(base)).toEqual({ entries: [], problems: [] });
  });

  test("a cross-file acceptance is honoured in its set, lapses with another file's value, and is silent when checked alone", () => {
    /** A rule looking across files: 表!B1 must be the other file's 様式!A1. */
    const xref: Rule = {
      meta: {
        id: "test/xref",
        severity: "error",
        description: { ja: "x", en: "x" },
        messages: { m: { ja: "違います", en: "differs" } },
      },
      check(ctx) {
        const other = ctx.set?.members.find((m) => m.name !== ctx.file);
        if (!other || !ctx.workbook.sheets.some((s) => s.name === "表")) return [];
        const mine = ctx.workbook.sheets[0].rows[0][1]!.value;
        const theirs = other.ctx.workbook.sheets[0].rows[0][0]!.value;
        return mine === theirs
          ? []
          : [{ messageId: "m", data: {}, sheet: "表", cell: "B1", cells: ["B1", `[${other.name}]様式!A1`] }];
      },
    };
    const a = base;
    const b: Workbook = { sheets: [sheetFromValues("様式", [[3]])] };
    const first = checkSet(
      [
        { name: "a.xlsx", workbook: a },
        { name: "b.xlsx", workbook: b },
      ],
      { rules: [xref] },
    );
    const f = first.files[0].result!.findings[0];
    expect(f.cells).toEqual(["B1", "[b.xlsx]様式!A1"]);
    const entry = acceptanceIn(a, f, "別の年度の値", { others: new Map([["b.xlsx", b]]) });
    expect(entry.values).toEqual([10, 3]);
    const accepted: Workbook = { sheets: [...a.sheets, storeSheet([entry])] };
    const again = checkSet(
      [
        { name: "a.xlsx", workbook: accepted },
        { name: "b.xlsx", workbook: b },
      ],
      { rules: [xref] },
    );
    expect(again.files[0].result!.findings[0].accepted?.reason).toBe("別の年度の値");
    expect(again.summary).toEqual({ error: 0, warning: 0, info: 0, accepted: 1 });
    const b2: Workbook = { sheets: [sheetFromValues("様式", [[4]])] };
    const lapsed = checkSet(
      [
        { name: "a.xlsx", workbook: accepted },
        { name: "b.xlsx", workbook: b2 },
      ],
      { rules: [xref] },
    );
    expect(lapsed.files[0].result!.findings.map((x) => [x.rule, !!x.accepted])).toEqual([
      ["test/xref", false],
      ["accepted/lapsed", false],
    ]);
    expect(lapsed.files[0].result!.findings[1].message).toContain("[b.xlsx]様式!A1: 3 → 4");
    // alone, the cross-file finding is not given, and its acceptance is not called unused
    expect(checkWorkbook(accepted, { rules: [xref] }).findings).toEqual([]);
    expect(checkSet([{ name: "a.xlsx", workbook: accepted }], { rules: [xref] }).files[0].result!.findings).toEqual([]);
  });
});

describe("the R7 sample: indicator 8's 0 of 10, explained by its schedule", () => {
  let wb: Workbook;
  beforeAll(async () => {
    wb = await readWorkbookBuffer(readFileSync(path.join(__dirname, "../../samples/r7-report.xlsx")));
  });

  test("is accepted, then lapses when its 実績 changes", () => {
    const r = checkWorkbook(wb);
    const f = r.findings.find((x) => x.rule === "grade/below-pace" && x.cell === "J15")!;
    const entry = acceptanceIn(wb, f, "指標8は令和8年度からの事業のため", { by: "山田" });
    expect(entry.cells).toEqual(["J15", "H15", "D15"]);
    const accepted: Workbook = { sheets: [...wb.sheets, storeSheet([entry])] };
    const again = checkWorkbook(accepted);
    expect(again.summary).toEqual({ ...r.summary, warning: r.summary.warning - 1, accepted: 1 });
    expect(again.findings.filter((x) => x.accepted).map((x) => `${x.rule} ${x.cell}`)).toEqual([
      "grade/below-pace J15",
    ]);
    const sheet = accepted.sheets.find((s) => s.name === "アウトプット指標")!;
    const changed: Workbook = {
      sheets: accepted.sheets.map((s) =>
        s === sheet
          ? { ...s, rows: s.rows.map((row, i) => (i === 14 ? row.map((c, j) => (j === 7 ? { value: 2 } : c)) : row)) }
          : s,
      ),
    };
    // 「0件」 retyped as 0 is the same number: still accepted
    const retyped: Workbook = {
      sheets: accepted.sheets.map((s) =>
        s === sheet
          ? { ...s, rows: s.rows.map((row, i) => (i === 14 ? row.map((c, j) => (j === 7 ? { value: 0 } : c)) : row)) }
          : s,
      ),
    };
    expect(checkWorkbook(retyped).summary.accepted).toBe(1);
    const lapsed = checkWorkbook(changed);
    expect(lapsed.findings.filter((x) => x.accepted)).toEqual([]);
    expect(lapsed.findings.find((x) => x.rule === "accepted/lapsed")?.message).toContain("H15: 0 → 2");
  });
});

describe("what is written and listed", () => {
  const { wb } = acceptAll(
    book([
      ["SUM", 10, 4, 5],
      ["SUM", 1, 0, 0],
      ["SUM", 3, 1, 1],
    ]),
    "端数の扱い",
  );
  const withNew: Workbook = {
    sheets: [
      sheetFromValues("表", [
        ["SUM", 10, 4, 5],
        ["SUM", 1, 0, 0],
        ["SUM", 3, 1, 1],
        ["SUM", 5, 0, 0],
      ]),
      wb.sheets[1],
    ],
  };
  const r = checkWorkbook(withNew, { rules });

  test("accepted findings are not highlighted", () => {
    expect(r.findings.filter((f) => f.accepted)).toHaveLength(3);
    const { notes } = planHighlights(r.findings, "ja");
    expect(notes.map((n) => n.cell)).toEqual(["B4"]);
  });

  test("the 検証結果 sheet has 状態 and 確認の理由 columns and counts 確認済み", () => {
    const plan = planResultSheet(r, "ja", []);
    const header = plan.rows[plan.headerRow].map((c) => c && c.type === "text" && c.text);
    expect(header.slice(-3, -1)).toEqual(["状態", "確認の理由"]);
    const body = plan.rows.slice(plan.headerRow + 1);
    // within a severity the open finding comes before the accepted ones
    expect(body.map((row) => row[8] && row[8].type === "text" && row[8].text)).toEqual([
      "未確認",
      "確認済み",
      "確認済み",
      "確認済み",
    ]);
    expect(body[1][9]).toEqual({ type: "text", text: "端数の扱い（山田、2025-12-02）" });
    expect(body[0][9]).toBeNull();
    expect(plan.rows.slice(0, plan.headerRow)).toContainEqual([
      { type: "text", text: "確認済み", bold: true },
      { type: "number", value: 3, numFmt: "#,##0" },
    ]);
    expect(plan.autoFilter).toBe(`A${plan.headerRow + 1}:K${plan.rows.length}`);
  });

  test("the findings table says 確認済み with the reason, and the file row counts them apart", () => {
    const file = {
      file: "a.xlsx",
      status: "checked" as const,
      sheets: r.sheets,
      findings: r.findings,
      summary: r.summary,
    };
    const rows = findingRows([file], "ja");
    expect(rows.map((x) => x.status)).toEqual(["確認済み", "確認済み", "確認済み", "未確認"]);
    expect(rows[0].reason).toBe("端数の扱い（山田、2025-12-02）");
    expect(rows[3].reason).toBeUndefined();
    expect(fileRows([file], "ja", (k) => k)[0]).toMatchObject({ outcome: "errors", error: 1, accepted: 3 });
    const en = findingRows([file], "en");
    expect(en[0].status).toBe("accepted");
  });
});
