import { runRuleTests } from "../../../../test/support/rule-tester";
import { MONITORING_HEADER, supportRows } from "../../../../test/support/monitoring";
import { sheetWith, type Row } from "../../../../test/support/sheets";
import { rule as projectUnknown } from "./project-unknown";

/** A monitoring sheet under the given first row (where 統合プロジェクト is, or is not, written). */
const monitoring = (first: Row): Row[] => [first, MONITORING_HEADER, ...supportRows(["5件", "5件", "0件", "0件"])];

runRuleTests(projectUnknown, {
  valid: [
    {
      name: "統合プロジェクト written",
      sheets: [sheetWith("A", monitoring(["統合プロジェクト", "PJ1 医薬品プロジェクト"]))],
    },
    { name: "全体 written in one cell", sheets: [sheetWith("A", monitoring(["統合プロジェクト：全体"]))] },
  ],
  invalid: [
    {
      name: "no project anywhere: left out of the roll-up, said as a warning",
      sheets: [sheetWith("A", monitoring(["モニタリング指標"]))],
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
      sheets: [sheetWith("A", monitoring(["統合プロジェクト", "未定"]))],
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
        sheetWith("A", monitoring([null, "令和7年度 モニタリング指標（PJ3 再生・細胞医療・遺伝子治療プロジェクト）"])),
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
      sheets: [sheetWith("A", monitoring(["感染症プロジェクト モニタリング指標"]))],
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
