import { sheetFromValues, type CellValue, type Sheet } from "../../model/workbook";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule as projectUnknown } from "./project-unknown";

type Row = (CellValue | undefined)[];
const sheet = (name: string, rows: Row[], layout: Partial<Sheet> = {}): Sheet => ({
  ...sheetFromValues(name, rows),
  ...layout,
});

const MON_HEADER: Row = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値"];
const MON_ROW: Row = [
  "3",
  "優れたシーズの発展・継続支援件数",
  "5件",
  null,
  "ペアリングによる他事業への受け渡し件数",
  null,
  "5件",
];

runRuleTests(projectUnknown, {
  valid: [
    {
      name: "統合プロジェクト written",
      sheets: [sheet("A", [["統合プロジェクト", "PJ1 医薬品プロジェクト"], MON_HEADER, MON_ROW])],
    },
    { name: "全体 written in one cell", sheets: [sheet("A", [["統合プロジェクト：全体"], MON_HEADER, MON_ROW])] },
  ],
  invalid: [
    {
      name: "no project anywhere: left out of the roll-up, said as a warning",
      sheets: [sheet("A", [["モニタリング指標"], MON_HEADER, MON_ROW])],
      findings: [
        {
          severity: "warning",
          sheet: "A",
          cell: "A1",
          messageId: "missing",
          data: { sheet: "A" },
        },
      ],
    },
    {
      name: "a project text naming no project",
      sheets: [sheet("A", [["統合プロジェクト", "未定"], MON_HEADER, MON_ROW])],
      findings: [
        {
          severity: "warning",
          cell: "B1",
          messageId: "unreadable",
          data: { sheet: "A", text: "未定" },
        },
      ],
    },
    {
      name: "a project taken from the title is said, as an info",
      sheets: [
        sheet("A", [
          [null, "令和7年度 モニタリング指標（PJ3 再生・細胞医療・遺伝子治療プロジェクト）"],
          MON_HEADER,
          MON_ROW,
        ]),
      ],
      findings: [
        {
          severity: "info",
          cell: "B1",
          messageId: "fromTitle",
          data: {
            sheet: "A",
            text: "令和7年度 モニタリング指標（PJ3 再生・細胞医療・遺伝子治療プロジェクト）",
            project: "PJ3",
          },
        },
      ],
    },
    {
      name: "a project's name in the title, without its number",
      sheets: [sheet("A", [["感染症プロジェクト モニタリング指標"], MON_HEADER, MON_ROW])],
      findings: [
        {
          severity: "info",
          cell: "A1",
          messageId: "fromTitle",
          data: { sheet: "A", text: "感染症プロジェクト モニタリング指標", project: "PJ4" },
        },
      ],
    },
  ],
});
