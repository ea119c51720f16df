import { runRuleTests } from "../../../../test/support/rule-tester";
import { monitoringRows, type Row } from "../../../../test/support/rollup-sheets";
import { rule as rollupSkipped } from "./rollup-skipped";

/** 全体 and PJ1…PJn with indicator 3 (each PJ 10 = 5 + 0 + 5), the 全体 sheet holding their sum. */
function rollupSet(projects: number): Record<string, Row[]> {
  const sheets: Record<string, Row[]> = {
    全体: monitoringRows("全体", { support: [`${projects * 10}件`, `${projects * 5}件`, "0件", `${projects * 5}件`] }),
  };
  for (let i = 1; i <= projects; i++)
    sheets[`PJ${i}`] = monitoringRows(`PJ${i}`, { support: ["10件", "5件", "0件", "5件"] });
  return sheets;
}

runRuleTests(rollupSkipped, {
  valid: [
    { name: "全体 and PJ1–PJ8 all present", sheets: rollupSet(8) },
    {
      name: "a set left blank throughout says nothing of the roll-up",
      sheets: Object.fromEntries(
        ["全体", ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `PJ${i}`)].map((p) => [
          p,
          monitoringRows(p, { support: ["", "", "", ""] }),
        ]),
      ),
    },
    {
      name: "a project's own workbook, with no 全体 sheet, has nothing to roll up",
      sheets: { PJ3: monitoringRows("PJ3", { support: ["10件", "5件", "0件", "5件"] }) },
    },
  ],
  invalid: [
    {
      name: "PJ8 missing",
      sheets: rollupSet(7),
      findings: [
        {
          rule: "structure/rollup-skipped",
          severity: "info",
          sheet: "全体",
          cell: "A2",
          messageId: "missing",
          data: { missing: { list: ["PJ8"], style: "and" } },
        },
      ],
    },
    {
      name: "全体 sent back blank beside filled PJ sheets: skipped, not 0 for every figure",
      sheets: { ...rollupSet(8), 全体: monitoringRows("全体", { support: ["", "", "", ""] }) },
      findings: [
        { severity: "info", sheet: "全体", messageId: "blank", data: { blank: { list: ["全体"], style: "and" } } },
      ],
    },
    {
      name: "PJ2 and PJ5 sent back blank beside a filled 全体",
      sheets: {
        ...rollupSet(8),
        PJ2: monitoringRows("PJ2", { support: ["", "", "", ""] }),
        PJ5: monitoringRows("PJ5", { support: ["", "", "", ""] }),
      },
      findings: [
        {
          severity: "info",
          sheet: "全体",
          messageId: "blank",
          data: { blank: { list: ["PJ2", "PJ5"], style: "and" } },
        },
      ],
    },
    {
      name: "PJ1 claimed by two sheets",
      sheets: { ...rollupSet(8), PJ1の控え: monitoringRows("PJ1", { support: ["10件", "5件", "0件", "5件"] }) },
      findings: [
        {
          severity: "info",
          sheet: "全体",
          messageId: "duplicate",
          data: { duplicates: { list: ["PJ1"], style: "and" } },
        },
      ],
    },
  ],
});
