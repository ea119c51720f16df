import { sheetFromValues, type CellValue, type Sheet } from "../../model/workbook";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule as hiddenColumn } from "./hidden-column";
import { rule as layoutUnknown } from "./layout-unknown";
import { rule as unknownSheet } from "./unknown-sheet";
import { rule as projectUnknown } from "./project-unknown";

type Row = (CellValue | undefined)[];
const sheet = (name: string, rows: Row[], layout: Partial<Sheet> = {}): Sheet => ({ ...sheetFromValues(name, rows), ...layout });

const INHOUSE: Row[] = [
  ["機関名", "全体", "健康・医療関係（百万円）", "健康・医療関係（億円）"],
  ["A研究所", 100, 5000, 50],
];

runRuleTests(hiddenColumn, {
  valid: [
    { name: "no hidden column", sheets: [sheet("予算", INHOUSE.map((r) => [r[0], r[1], r[3]]))] },
    { name: "a hidden column with a label of its own is read, not a duplicate", sheets: [sheet("予算", [["機関名", "全体", "健康・医療関係", "メモ"], ["A", 1, 1, "x"]], { hiddenColumns: [3] })] },
    { name: "hidden rows are data, not working columns", sheets: [sheet("予算", INHOUSE.map((r) => [r[0], r[1], r[3]]), { hiddenRows: [1] })] },
  ],
  invalid: [
    {
      name: "a hidden working column repeating the visible label",
      sheets: [sheet("予算", INHOUSE, { hiddenColumns: [2] })],
      findings: [
        {
          severity: "info",
          sheet: "予算",
          cell: "C1",
          cells: ["C1", "D1"],
          message: "非表示の列 C（健康・医療関係（百万円））は表示中の列 D と同じ見出しのため、D 列を検証しました。非表示の列は検証していません。",
        },
      ],
    },
  ],
});

runRuleTests(layoutUnknown, {
  valid: [{ name: "an adapter that read everything", sheets: [sheet("予算", INHOUSE)] }],
  invalid: [
    {
      name: "merges not read (Excel below ExcelApi 1.13)",
      sheets: [sheet("予算", INHOUSE, { layoutUnknown: ["merges"] })],
      findings: [{ severity: "info", sheet: "予算", cell: "A1", message: expect.stringContaining("ExcelApi 1.13 未満") }],
    },
    {
      name: "hidden rows and columns not read",
      sheets: [sheet("予算", INHOUSE, { layoutUnknown: ["hidden"] })],
      findings: [{ severity: "info", sheet: "予算", message: expect.stringContaining("非表示の行・列を読み取れなかった") }],
    },
  ],
});

runRuleTests(unknownSheet, {
  valid: [{ name: "a recognised sheet", sheets: [sheet("予算", INHOUSE)] }],
  invalid: [
    {
      name: "a sheet of no kind",
      sheets: [sheet("議事録", [["議事録"], ["日時", "令和7年4月1日"]])],
      findings: [{ severity: "info", sheet: "議事録", cell: "A1", message: expect.stringContaining("見出し行が見つからない") }],
    },
    {
      name: "a sheet that nearly is one names the labels it lacks",
      sheets: [sheet("PJ1", [["番号", "アウトプット指標", "指標値", "内訳", "品目", "数量"]])],
      findings: [
        {
          sheet: "PJ1",
          message: "シート「PJ1」はモニタリングの様式に近いものの、見出し「項目」「値」が見つからないため検証していません。見出しの文言を様式に合わせてください。",
        },
      ],
    },
  ],
});

const MON_HEADER: Row = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値"];
const MON_ROW: Row = ["3", "優れたシーズの発展・継続支援件数", "5件", null, "ペアリングによる他事業への受け渡し件数", null, "5件"];

runRuleTests(projectUnknown, {
  valid: [
    { name: "統合プロジェクト written", sheets: [sheet("A", [["統合プロジェクト", "PJ1 医薬品プロジェクト"], MON_HEADER, MON_ROW])] },
    { name: "全体 written in one cell", sheets: [sheet("A", [["統合プロジェクト：全体"], MON_HEADER, MON_ROW])] },
  ],
  invalid: [
    {
      name: "no project anywhere: left out of the roll-up, said as a warning",
      sheets: [sheet("A", [["モニタリング指標"], MON_HEADER, MON_ROW])],
      findings: [{ severity: "warning", sheet: "A", cell: "A1", message: expect.stringContaining("統合プロジェクトの記入がない") }],
    },
    {
      name: "a project text naming no project",
      sheets: [sheet("A", [["統合プロジェクト", "未定"], MON_HEADER, MON_ROW])],
      findings: [{ severity: "warning", cell: "B1", message: expect.stringContaining("「未定」がどのプロジェクトか読み取れない") }],
    },
    {
      name: "a project taken from the title is said, as an info",
      sheets: [sheet("A", [[null, "令和7年度 モニタリング指標（PJ3 再生・細胞医療・遺伝子治療プロジェクト）"], MON_HEADER, MON_ROW])],
      findings: [{ severity: "info", cell: "B1", message: expect.stringContaining("から PJ3 と判断しました") }],
    },
    {
      name: "a project's name in the title, without its number",
      sheets: [sheet("A", [["感染症プロジェクト モニタリング指標"], MON_HEADER, MON_ROW])],
      findings: [{ severity: "info", cell: "A1", message: expect.stringContaining("PJ4") }],
    },
  ],
});
