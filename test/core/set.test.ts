/**
 * Submission sets (DOMAIN §3.4, issue 8): checkSet runs the roll-up, the cross-references and the duplicate-project
 * check across workbooks, matched by 統合プロジェクト metadata; a cross-file finding is reported once, in the file
 * of its primary cell, with the other files' cells in Excel's external-reference form.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { checkSet, checkWorkbook, setNames, type NamedWorkbook, type SetResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { sheetFromValues, type Workbook } from "../../src/core/model/workbook";
import { RULES } from "../../src/core/rules/index";
import type { Rule } from "../../src/core/rules/rule";
import { workbook as rollupBook, type PjData } from "../support/rollup-sheets";

const SUPPORT: [string, string, string, string][] = [
  ["46.5件", "21件", "0件", "25.5件"],
  ["15.5件", "0件", "0件", "15.5件"],
  ["22.5件", "0件", "0件", "22.5件"],
  ["10.5件", "3件", "0件", "7.5件"],
  ["25.5件", "0件", "0件", "25.5件"],
  ["17.5件", "0件", "0件", "17.5件"],
  ["18件", "2件", "0件", "16件"],
  ["9.5件", "9件", "0件", "0.5件"],
];
const projects: PjData[] = SUPPORT.map((support) => ({ support }));
/** 全体 166 vs Σ PJ 165.5 (C3), 131 vs 130.5 (G5): the seed's indicator 3. */
const WRONG_OVERALL: PjData = { support: ["166件", "35件", "0件", "131件"] };

/** The roll-up sheets, each in its own workbook: `<sheet>.xlsx` holding one sheet. */
function onePerFile(sheets: Record<string, unknown[][]>): NamedWorkbook[] {
  return Object.entries(sheets).map(([name, rows]) => ({
    name: `${name}.xlsx`,
    workbook: { sheets: [sheetFromValues(name, rows as never)] },
  }));
}

function findingsOf(set: SetResult, name: string): Finding[] {
  const f = set.files.find((x) => x.name === name);
  if (!f?.result) throw new Error(`no result for ${name}`);
  return f.result.findings;
}

const byRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe("one workbook", () => {
  test("a set of one gives exactly what checkWorkbook gives (the R7 sample)", async () => {
    const wb = await readWorkbookFile(join(__dirname, "..", "..", "samples", "r7-report.xlsx"));
    const alone = checkWorkbook(wb);
    const set = checkSet([{ name: "r7-report.xlsx", workbook: wb }]);
    expect(set.files).toHaveLength(1);
    expect(set.files[0].result).toEqual(alone);
    expect(set.summary).toEqual(alone.summary);
    expect(set.set.rollup).toBe("checked");
    expect(set.set.missing).toEqual([]);
    // the six roll-up errors are there, with same-workbook references
    expect(byRule(alone.findings, "rollup/additive").map((f) => f.cell)).toEqual(["G6", "C28", "G30"]);
    expect(alone.findings.find((f) => f.cell === "G6")!.cells[1]).toBe("'PJ1'!G6");
  });
});

describe("the roll-up across files", () => {
  test("runs across workbooks, reported once under the 全体 file, with the PJ cells as [file]sheet!cell", () => {
    const set = checkSet(onePerFile(rollupBook(WRONG_OVERALL, projects)));
    const all = set.files.flatMap((f) => f.result!.findings.map((x) => ({ file: f.name, ...x })));
    const additive = all.filter((f) => f.rule === "rollup/additive");
    expect(additive.map((f) => `${f.file} ${f.sheet}!${f.cell}`)).toEqual(["集計.xlsx 集計!C3", "集計.xlsx 集計!G5"]);
    expect(additive[0].cells).toEqual(["C3", ...projects.map((_, i) => `[シート${i + 1}.xlsx]シート${i + 1}!C3`)]);
    expect(additive[0]).toMatchObject({ expected: 165.5, actual: 166 });
    expect(all.filter((f) => f.rule === "structure/rollup-skipped")).toEqual([]);
    expect(set.set.rollup).toBe("checked");
    expect(set.summary.error).toBe(2);
  });

  test("the order of the files and the names of files and sheets change nothing but the references", () => {
    const files = onePerFile(rollupBook(WRONG_OVERALL, projects)).reverse();
    const renamed = files.map((f, i) => ({
      name: `提出 ${i}.xlsx`,
      workbook: { sheets: [{ ...f.workbook.sheets[0], name: `Sheet ${i}` }] },
    }));
    const set = checkSet(renamed);
    const overallFile = renamed.find((f) => f.workbook.sheets[0].rows[0]?.[1]?.value === "全体")!.name;
    const found = byRule(findingsOf(set, overallFile), "rollup/additive");
    expect(found.map((f) => f.message)).toEqual(
      byRule(checkWorkbook({ sheets: files.map((f) => f.workbook.sheets[0]) }).findings, "rollup/additive").map(
        (f) => f.message,
      ),
    );
    // 'PJ1' in file "提出 7.xlsx", sheet "Sheet 7" (reversed order): book and sheet quoted together, as Excel does
    expect(found[0].cells[1]).toBe("'[提出 7.xlsx]Sheet 7'!C3");
  });

  test("sheets in the 全体 workbook keep 'Sheet'!A1; only other workbooks get [file]", () => {
    const sheets = rollupBook(WRONG_OVERALL, projects);
    const names = Object.keys(sheets);
    const a: Workbook = { sheets: names.slice(0, 5).map((n) => sheetFromValues(n, sheets[n] as never)) }; // 集計, シート1–4
    const b: Workbook = { sheets: names.slice(5).map((n) => sheetFromValues(n, sheets[n] as never)) }; // シート5–8
    const set = checkSet([
      { name: "a.xlsx", workbook: a },
      { name: "b.xlsx", workbook: b },
    ]);
    const f = byRule(findingsOf(set, "a.xlsx"), "rollup/additive")[0];
    expect(f.cells).toEqual([
      "C3",
      "'シート1'!C3",
      "'シート2'!C3",
      "'シート3'!C3",
      "'シート4'!C3",
      "[b.xlsx]シート5!C3",
      "[b.xlsx]シート6!C3",
      "[b.xlsx]シート7!C3",
      "[b.xlsx]シート8!C3",
    ]);
    expect(findingsOf(set, "b.xlsx")).toEqual([]);
  });

  test("with PJ sheets in several files and no 全体: rollup-skipped names 全体, on the first PJ sheet; alone, nothing", () => {
    const sheets = rollupBook(WRONG_OVERALL, projects);
    delete (sheets as Record<string, unknown>)["集計"];
    delete (sheets as Record<string, unknown>)["シート3"];
    const files = onePerFile(sheets).reverse(); // PJ8 first: the finding still goes to PJ1's file
    const set = checkSet(files);
    const skipped = set.files.flatMap((f) =>
      byRule(f.result!.findings, "structure/rollup-skipped").map((x) => ({ file: f.name, ...x })),
    );
    expect(skipped).toEqual([
      expect.objectContaining({
        file: "シート1.xlsx",
        sheet: "シート1",
        severity: "info",
        message: "全体・PJ3のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
      }),
    ]);
    expect(set.set).toMatchObject({ rollup: "skipped", missing: ["全体", "PJ3"], duplicates: [] });
    // the same sheets in one workbook: a project's own workbook has nothing to roll up, and says nothing
    const alone = checkWorkbook({ sheets: files.map((f) => f.workbook.sheets[0]) });
    expect(byRule(alone.findings, "structure/rollup-skipped")).toEqual([]);
  });

  test("a PJ missing from the set: rollup-skipped under the 全体 file names it", () => {
    const sheets = rollupBook(WRONG_OVERALL, projects);
    delete (sheets as Record<string, unknown>)["シート5"];
    const set = checkSet(onePerFile(sheets));
    expect(byRule(findingsOf(set, "集計.xlsx"), "structure/rollup-skipped").map((f) => f.message)).toEqual([
      "PJ5のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
    ]);
    expect(set.files.flatMap((f) => byRule(f.result!.findings, "rollup/additive"))).toEqual([]);
  });
});

describe("two sheets claiming the same project", () => {
  test("across files: an error in the later file naming both files, the roll-up skipped", () => {
    const files = onePerFile(rollupBook(WRONG_OVERALL, projects));
    const pj3 = files.find((f) => f.name === "シート3.xlsx")!;
    files.push({ name: "再提出.xlsx", workbook: { sheets: [{ ...pj3.workbook.sheets[0], name: "様式2" }] } });
    const set = checkSet(files);
    const dup = set.files.flatMap((f) =>
      byRule(f.result!.findings, "structure/duplicate-project").map((x) => ({ file: f.name, ...x })),
    );
    expect(dup).toEqual([
      {
        file: "再提出.xlsx",
        rule: "structure/duplicate-project",
        severity: "error",
        sheet: "様式2",
        cell: "B1",
        cells: ["B1", "[シート3.xlsx]シート3!B1"],
        message:
          "PJ3のモニタリングシートが二つあります（「シート3.xlsx」のシート「シート3」と「再提出.xlsx」のシート「様式2」）。どちらを集計に使うか決められないため、一方を外してください。",
      },
    ]);
    expect(byRule(findingsOf(set, "集計.xlsx"), "structure/rollup-skipped").map((f) => f.message)).toEqual([
      "PJ3のモニタリングシートが複数あるため、全体シートとの集計の検証を省略しました。",
    ]);
    expect(set.files.flatMap((f) => byRule(f.result!.findings, "rollup/additive"))).toEqual([]);
    expect(set.set.duplicates).toEqual(["PJ3"]);
    expect(set.set.projects.find((p) => p.project === "PJ3")!.sheets).toEqual([
      { file: "シート3.xlsx", sheet: "シート3" },
      { file: "再提出.xlsx", sheet: "様式2" },
    ]);
  });

  test("within one workbook too (and in English)", () => {
    const sheets = rollupBook(WRONG_OVERALL, projects);
    const wb: Workbook = {
      sheets: [
        ...Object.entries(sheets).map(([n, r]) => sheetFromValues(n, r as never)),
        sheetFromValues("コピー", sheets["シート8"]),
      ],
    };
    const f = byRule(checkWorkbook(wb, { lang: "en" }).findings, "structure/duplicate-project");
    expect(f).toMatchObject([
      {
        sheet: "コピー",
        cell: "B1",
        cells: ["B1", "'シート8'!B1"],
        message:
          "Two monitoring sheets for PJ8: sheet “シート8” and sheet “コピー”. Kensa cannot tell which one to roll up; remove one of them.",
      },
    ]);
  });
});

describe("cross-references across files", () => {
  const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
  const output = (i1: string) => [
    ["報告年度", "令和7年度"],
    ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "実績", "進捗"],
    ["1", "全体目標", "企業導出件数", "650件", "期間累計", "R7-R11", i1, "A"],
  ];
  const overall = [
    ["統合プロジェクト", "全体"],
    H,
    ["1", "企業導出件数", "158件", "導出形態別の件数", "権利譲渡契約件数", null, "7件"],
    [null, null, null, null, "実施許諾契約（オプション契約は除く）件数", null, "36件"],
    [null, null, null, null, "共同研究開発契約件数", null, "115件"],
    ["独自", "PMDA対面助言実施件数", "21件", "PJ2"],
  ];
  const pj2 = [
    ["統合プロジェクト", "PJ2 医療機器・ヘルスケアプロジェクト"],
    H,
    ["独自", "PMDA対面助言実施件数", "20件"],
  ];
  const files = (i1: string): NamedWorkbook[] => [
    { name: "成果.xlsx", workbook: { sheets: [sheetFromValues("様式3", output(i1))] } },
    { name: "総括.xlsx", workbook: { sheets: [sheetFromValues("様式1", overall)] } },
    { name: "機器.xlsx", workbook: { sheets: [sheetFromValues("様式2", pj2)] } },
  ];

  test("output indicator ↔ 全体 and a re-listed project indicator, each in the file of its first cell", () => {
    const set = checkSet(files("157件"), { rules: RULES.filter((r) => r.meta.id === "xref/mismatch") });
    expect(findingsOf(set, "成果.xlsx")).toMatchObject([
      {
        sheet: "様式3",
        cell: "G3",
        cells: ["G3", "[総括.xlsx]様式1!C3"],
        expected: 158,
        actual: 157,
        message: expect.stringContaining("（[総括.xlsx]様式1!C3）"),
      },
    ]);
    expect(findingsOf(set, "総括.xlsx")).toMatchObject([
      { sheet: "様式1", cell: "C6", cells: ["C6", "[機器.xlsx]様式2!C3"], expected: 20, actual: 21 },
    ]);
    expect(findingsOf(set, "機器.xlsx")).toEqual([]);
  });

  test("checked each on its own, none of them is found", () => {
    for (const f of files("157件")) expect(byRule(checkWorkbook(f.workbook).findings, "xref/mismatch")).toEqual([]);
  });
});

describe("checkSet's contract", () => {
  test("an unexpected failure in one workbook leaves the others checked", () => {
    const boom: Rule = {
      meta: {
        id: "test/boom",
        severity: "error",
        description: { ja: "x", en: "x" },
        messages: { m: { ja: "m", en: "m" } },
      },
      check(ctx) {
        if (ctx.file === "bad.xlsx") throw new Error("boom");
        return [];
      },
    };
    const wb = (): Workbook => ({ sheets: [sheetFromValues("S", [["x"]])] });
    const set = checkSet(
      [
        { name: "good.xlsx", workbook: wb() },
        { name: "bad.xlsx", workbook: wb() },
      ],
      { rules: [boom] },
    );
    expect(set.files[0].result).toBeDefined();
    expect(set.files[1].result).toBeUndefined();
    expect(String(set.files[1].error)).toContain("boom");
  });

  test("names must be distinct", () => {
    const wb: Workbook = { sheets: [sheetFromValues("S", [["x"]])] };
    expect(() =>
      checkSet([
        { name: "a.xlsx", workbook: wb },
        { name: "a.xlsx", workbook: wb },
      ]),
    ).toThrow(/two workbooks are named a\.xlsx/);
  });

  test("setNames: base names, the distinguishing folders when two share one, (2) for the same path twice", () => {
    expect(setNames(["d/提出_医薬品.xlsx", "d/sub/総括.xlsx"])).toEqual(["提出_医薬品.xlsx", "総括.xlsx"]);
    expect(setNames(["/x/a/book.xlsx", "/x/b/book.xlsx", "/x/c.xlsx"])).toEqual([
      "a/book.xlsx",
      "b/book.xlsx",
      "c.xlsx",
    ]);
    expect(setNames(["C:\\in\\a\\book.xlsx", "C:\\in\\b\\book.xlsx"])).toEqual(["a/book.xlsx", "b/book.xlsx"]);
    expect(setNames(["book.xlsx", "book.xlsx"])).toEqual(["book.xlsx", "book (2).xlsx"]);
  });
});
