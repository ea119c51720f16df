/**
 * A workbook's own catalogue through the core engine (checkWorkbook, checkSet), which every face calls: a new
 * indicator defined in the Kensa_カタログ sheet is checked exactly like a built-in one; a broken sheet is an
 * error finding and nothing of it is used; in a set, a sheet applies to every file.
 */
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { parseCatalogueDocument } from "../../../src/core/catalogue/load";
import { formatIssue } from "../../../src/core/rules/shared/catalogue-sheet";
import { catalogueSheetRows } from "../../../src/core/catalogue/sheet";
import type { CatalogueIndicator } from "../../../src/core/catalogue/schema";
import { checkSet, checkWorkbook } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/model/finding";
import { fromA1, toA1 } from "../../../src/core/model/address";
import { workbookOf } from "../../support/rule-tester";
import {
  EIGHT_FINDINGS,
  EIGHT_SHEET,
  eightRows,
  eightSheets,
  PROJECTS,
  type Row,
} from "../../fixtures/catalogue-eight";

const pick = (f: Finding) => ({
  rule: f.rule,
  sheet: f.sheet,
  cell: f.cell,
  severity: f.severity,
  ...(f.expected !== undefined && f.rule !== "sum/incomplete" ? { expected: f.expected, actual: f.actual } : {}),
});

describe("indicator 8 defined in the workbook's Kensa_カタログ sheet", () => {
  test("is checked like a built-in indicator: breakdowns (exhaustive and partial) and the additive roll-up", () => {
    const r = checkWorkbook(workbookOf(eightSheets(true)));
    expect(r.findings.filter((f) => f.rule !== "catalogue/sheet").map(pick)).toEqual(EIGHT_FINDINGS);
    const pj2 = r.findings.find((f) => f.sheet === "PJ2" && f.rule === "sum/breakdown")!;
    expect(pj2.message).toBe("利用者別の合計11件が指標値12件と一致しません（大学等 6 + 企業 4 + その他 1）。");
    const rollup = r.findings.find((f) => f.rule === "rollup/additive")!;
    expect(rollup.message).toMatch(/^指標8 研究開発基盤の利用件数：全体の54件が各PJの合計55件と一致しません/);
    expect(rollup.cells).toContain("'PJ8'!C3");
    // the sheet says what it did; it is never an unknown sheet, and it is no sheet kind
    expect(r.findings.filter((f) => f.rule === "catalogue/sheet")).toEqual([
      {
        rule: "catalogue/sheet",
        severity: "info",
        sheet: "Kensa_カタログ",
        cell: "A3",
        cells: ["A3"],
        message: "シート「Kensa_カタログ」の指標一覧を使いました（指標8を追加）。",
      },
    ]);
    expect(r.findings.some((f) => f.rule === "structure/unknown-sheet")).toBe(false);
    expect(r.sheets.find((s) => s.name === "Kensa_カタログ")).toEqual({ name: "Kensa_カタログ", kind: null });
    expect(
      checkWorkbook(workbookOf(eightSheets(true)), { lang: "en" }).findings.find((f) => f.rule === "catalogue/sheet")
        ?.message,
    ).toBe("The indicator list in sheet “Kensa_カタログ” was used: added indicator 8.");
  });

  test("the sheet under its new name 「Kensa_指標一覧」 is used the same way", () => {
    const { Kensa_カタログ: table, ...rest } = eightSheets(true);
    const r = checkWorkbook(workbookOf({ ...rest, Kensa_指標一覧: table }));
    expect(r.findings.filter((f) => f.rule !== "catalogue/sheet").map(pick)).toEqual(EIGHT_FINDINGS);
    expect(r.findings.filter((f) => f.rule === "catalogue/sheet").map((f) => [f.sheet, f.message])).toEqual([
      ["Kensa_指標一覧", "シート「Kensa_指標一覧」の指標一覧を使いました（指標8を追加）。"],
    ]);
    expect(r.findings.some((f) => f.rule === "structure/unknown-sheet")).toBe(false);
  });

  test("without the sheet, indicator 8 is unknown and its breakdowns are not checked", () => {
    const r = checkWorkbook(workbookOf(eightSheets(false)));
    expect(new Set(r.findings.map((f) => f.rule))).toEqual(new Set(["label/unknown"]));
    expect(r.findings).toHaveLength(9);
  });

  test("the same definition from a catalogue file (checkWorkbook's catalogue option) gives the same findings", () => {
    const doc = parseCatalogueDocument(
      {
        indicators: [
          {
            number: 8,
            label: "研究開発基盤の利用件数",
            rollup: "additive",
            groups: [
              {
                key: "u",
                label: "利用者別",
                relation: "exhaustive",
                items: [
                  { key: "a", label: "大学等" },
                  { key: "c", label: "企業", aliases: ["民間企業"] },
                  { key: "o", label: "その他" },
                ],
              },
              {
                key: "p",
                label: "利用目的別",
                relation: "partial",
                items: [
                  { key: "k", label: "臨床研究" },
                  { key: "d", label: "創薬研究" },
                ],
              },
            ],
          },
        ],
      },
      defaultCatalogue,
    );
    if (!doc.ok) throw new Error(doc.issues.map((i) => formatIssue(i)).join("\n"));
    const fromFile = checkWorkbook(workbookOf(eightSheets(false)), { catalogue: doc.catalogue });
    const fromSheet = checkWorkbook(workbookOf(eightSheets(true)));
    expect(fromFile.findings).toEqual(fromSheet.findings.filter((f) => f.rule !== "catalogue/sheet"));
  });
});

describe("exactly like a built-in one: indicator 1 copied as indicator 8 gives the same findings at the copied rows", () => {
  const one = defaultCatalogue.indicators[0];
  const H: Row = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
  const LABEL = "写しの企業導出件数";
  const ROWS = one.groups.reduce((n, g) => n + g.items.length, 0);

  /** Indicator 1's rows (every group, every item) with values that break sums and roll-ups in various ways. */
  function block(num: string, label: string, p: number): Row[] {
    const values = one.groups.map((g, gi) => g.items.map((_, ii) => (p * 3 + gi * 5 + ii * 7) % 5));
    const total = values[0].reduce((a, b) => a + b, 0) + (p === 2 ? 1 : 0) + (p === 0 ? 2 : 0);
    const rows: Row[] = [];
    one.groups.forEach((g, gi) =>
      g.items.forEach((it, ii) => {
        const first = rows.length === 0;
        rows.push([
          first ? num : null,
          first ? label : null,
          first ? `${total}件` : null,
          ii === 0 ? g.label : null,
          it.label,
          null,
          `${values[gi][ii]}件`,
        ]);
      }),
    );
    return rows;
  }

  test("every rule, severity, number and message is the same", () => {
    const copy: CatalogueIndicator = { ...one, number: "8", label: LABEL, aliases: [] };
    const sheets: Record<string, Row[]> = {};
    PROJECTS.forEach(
      (p, i) => (sheets[p] = [["統合プロジェクト", p], H, ...block("1", one.label, i), ...block("8", LABEL, i)]),
    );
    sheets["Kensa_カタログ"] = catalogueSheetRows([copy]);
    const r = checkWorkbook(workbookOf(sheets));
    const shift = (cell: string) => {
      const a = fromA1(cell);
      return toA1(a.row + ROWS, a.col);
    };
    const rowOf = (f: Finding) => fromA1(f.cell).row + 1;
    const ofOne = r.findings.filter((f) => f.rule !== "catalogue/sheet" && rowOf(f) <= 2 + ROWS);
    const ofEight = r.findings.filter((f) => f.rule !== "catalogue/sheet" && rowOf(f) > 2 + ROWS);
    // the roll-up, exhaustive and partial breakdowns all found something for indicator 1
    expect(new Set(ofOne.map((f) => f.rule))).toEqual(new Set(["rollup/additive", "sum/breakdown", "sum/incomplete"]));
    expect(ofOne.length).toBeGreaterThan(40);
    const asEight = ofOne.map((f) => ({
      ...f,
      cell: shift(f.cell),
      cells: f.cells.map((c) => c.replace(/[A-Z]+\d+$/, (a) => shift(a))),
      message: f.message.replace(/^指標1 企業導出件数：/, `指標8 ${LABEL}：`).replace(/^指標1 /, "指標8 "),
    }));
    expect(ofEight).toEqual(asEight);
  });
});

describe("a broken catalogue sheet: an error at each faulty cell, and nothing of the sheet is used", () => {
  test("an unknown relation word", () => {
    const broken = EIGHT_SHEET.map((r) => [...r]);
    broken[5][5] = "一部分";
    const sheets = { ...eightSheets(false), Kensa_カタログ: broken };
    const r = checkWorkbook(workbookOf(sheets));
    const errors = r.findings.filter((f) => f.rule === "catalogue/sheet");
    expect(errors).toEqual([
      {
        rule: "catalogue/sheet",
        severity: "error",
        sheet: "Kensa_カタログ",
        cell: "F6",
        cells: ["F6"],
        message:
          "シート「Kensa_カタログ」の指標一覧に誤りがあります（F6: 関係「一部分」は「全数」「一部」「独立」「大小」「割合」のいずれかです）。このシートの定義は一つも使わずに検証しました。",
      },
    ]);
    // not used: indicator 8 is unknown, exactly as without the sheet
    expect(r.findings.filter((f) => f.rule !== "catalogue/sheet")).toEqual(
      checkWorkbook(workbookOf(eightSheets(false))).findings,
    );
    expect(
      checkWorkbook(workbookOf(sheets), { lang: "en" }).findings.find((f) => f.rule === "catalogue/sheet")?.message,
    ).toBe(
      "The indicator list in sheet “Kensa_カタログ” has an error: F6: 関係 “一部分” must be one of 全数・一部・独立・大小・割合. None of its definitions was used.",
    );
  });

  test("a sheet of that name with no table at all", () => {
    const r = checkWorkbook(workbookOf({ ...eightSheets(false), Kensa_カタログ: [["指標8を追加したい"]] }));
    expect(r.findings.filter((f) => f.rule === "catalogue/sheet").map((f) => [f.cell, f.severity])).toEqual([
      ["A1", "error"],
    ]);
  });
});

describe("in a submission set, a catalogue sheet applies to every file", () => {
  const names = (sheets: Record<string, Row[]>) => workbookOf(sheets);

  test("全体 and the sheet in one file, PJ1–PJ8 in another: the roll-up across files uses indicator 8", () => {
    const all = eightSheets(true);
    const a = names({ 全体: all["全体"], Kensa_カタログ: EIGHT_SHEET });
    const b = names(Object.fromEntries(PROJECTS.slice(1).map((p) => [p, eightRows(p)])));
    const set = checkSet([
      { name: "全体.xlsx", workbook: a },
      { name: "各PJ.xlsx", workbook: b },
    ]);
    const fa = set.files[0].result!.findings;
    const fb = set.files[1].result!.findings;
    expect(fa.find((f) => f.rule === "rollup/additive")).toMatchObject({
      sheet: "全体",
      cell: "C3",
      expected: 55,
      actual: 54,
    });
    expect(fa.find((f) => f.rule === "catalogue/sheet")?.message).toBe(
      "シート「Kensa_カタログ」の指標一覧を使いました（指標8を追加）。この定義は一緒に検証したすべてのファイルに使いました。",
    );
    expect(fb.map((f) => [f.rule, f.sheet])).toEqual([
      ["sum/incomplete", "PJ1"],
      ["sum/breakdown", "PJ2"],
      ["sum/incomplete", "PJ2"],
      ["sum/exceeds-total", "PJ3"],
    ]);
  });

  test("the same sheet in every file is fine; a different definition of 8 is an error in the later file", () => {
    const withSheet = (p: string, sheet: Row[]) => names({ [p]: eightRows(p), Kensa_カタログ: sheet });
    const same = checkSet(PROJECTS.map((p) => ({ name: `${p}.xlsx`, workbook: withSheet(p, EIGHT_SHEET) })));
    expect(
      same.files
        .flatMap((f) => f.result!.findings)
        .filter((f) => f.rule === "catalogue/sheet" && f.severity === "error"),
    ).toEqual([]);

    const other = EIGHT_SHEET.map((r) => [...r]);
    other[5][5] = "全数"; // 利用目的別 exhaustive in PJ3's file
    const mixed = checkSet(
      PROJECTS.map((p) => ({ name: `${p}.xlsx`, workbook: withSheet(p, p === "PJ3" ? other : EIGHT_SHEET) })),
    );
    const conflict = mixed.files[3].result!.findings.filter((f) => f.rule === "catalogue/sheet");
    expect(conflict).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "A3",
        message:
          "シート「Kensa_カタログ」の指標8の定義が、一緒に検証した「全体.xlsx」のシート「Kensa_カタログ」の定義と違います。先に読んだ「全体.xlsx」の定義で検証しました。",
      }),
    ]);
    // the first definition (partial) was used everywhere: PJ3's 11 > 8 is still sum/exceeds-total
    expect(mixed.files[3].result!.findings.some((f) => f.rule === "sum/exceeds-total")).toBe(true);
  });
});
