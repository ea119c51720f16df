import { findingsOf, runRuleTests } from "../../../../test/support/rule-tester";
import { indicator } from "../../../../test/support/phrases";
import { OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import { sheetFromValues, type Sheet } from "../../model/workbook";
import { rule } from "./parts";

const H = [...OUTPUT_LEAD, "実績", "R6実績", "R7実績", "進捗"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 実績, H R6実績, I R7実績, J 進捗
const sheet = outputSheetOf(H);

runRuleTests(rule, {
  valid: [
    {
      name: "seed 001 composite results (5, 6, 16, 21)",
      sheets: sheet(
        ["5", "特設目標", "開発計画", "50件", "累積", "R6-R10", "51件* (22件/29件)", null, null, "A"],
        ["6", "特設目標", "承認件数", "150件", "累積", "R6-R10", "75件* (30件/45件)", null, null, "A"],
        ["16", "特設目標", "研修受講者", "750名", "累積", "R6-R10", "271人* (125人/146人)", null, null, "A"],
        ["21", "特設目標", "承認件数", "5件", "累積", "R6-R10", "２件＊（２件／０件）", null, null, "A"],
      ),
    },
    {
      name: "per-year columns of a cumulative target",
      sheets: sheet(["16", "特設目標", "研修受講者", 750, "累積", "R6-R10", 271, 125, 146, "A"]),
    },
    {
      name: "per-year columns are not summed for other kinds, or when a year is missing",
      sheets: sheet(
        ["1", "全体目標", "導出件数", 650, "期間累計", "R7-R11", 158, 150, 158, "A"],
        ["16", "特設目標", "研修受講者", 750, "累積", "R6-R10", 271, null, 146, "A"],
      ),
    },
    {
      name: "years before the period are not part of it",
      sheets: sheet(["16", "特設目標", "研修受講者", 750, "累積", "R7-R11", 146, 125, 146, "A"]),
    },
  ],
  invalid: [
    {
      name: "composite result whose parts do not add up",
      sheets: sheet(["5", "特設目標", "開発計画", "50件", "累積", "R6-R10", "52件* (22件/29件)", null, null, "A"]),
      findings: [
        {
          rule: "period/parts",
          severity: "error",
          cell: "G3",
          cells: ["G3"],
          expected: 51,
          actual: 52,
          messageId: "mismatch",
          data: {
            row: indicator("5"),
            total: "52件",
            sum: "51件",
            parts: "R6 22件 + R7 29件",
          },
        },
      ],
    },
    {
      name: "cumulative result vs per-year columns, with a formula fix",
      sheets: sheet(["16", "特設目標", "研修受講者", 750, "累積", "R6-R10", 270, 125, 146, "A"]),
      findings: [
        {
          cell: "G3",
          cells: ["G3", "H3", "I3"],
          expected: 271,
          actual: 270,
          messageId: "mismatch",
          data: {
            row: indicator("16"),
            total: "270",
            sum: "271",
            parts: "R6実績 125 + R7実績 146",
          },
          fix: { sheet: "アウトプット指標", cell: "G3", formula: "SUM(H3,I3)" },
        },
      ],
    },
    {
      name: "amounts within rounding are info",
      sheets: sheet([
        "X",
        "特設目標",
        "投資額",
        "50億円",
        "累積",
        "R6-R10",
        "16億円* (10.4億円/5.2億円)",
        null,
        null,
        "A",
      ]),
      findings: [
        {
          severity: "info",
          messageId: "rounding",
          data: {
            row: indicator("X"),
            total: "16億円",
            sum: "15.6億円",
            parts: "R6 10.4億円 + R7 5.2億円",
          },
        },
      ],
    },
  ],
});

describe("period/parts: no fix on a rounding-only difference", () => {
  /** The output sheet with 実績 and the per-year results as number cells formatted in 億円. */
  const amounts = (total: number, r6: number, r7: number): Sheet[] => {
    const s = sheetFromValues("アウトプット指標", [
      ["報告年度", "令和7年度"],
      H,
      ["X", "特設目標", "投資額", "50億円", "累積", "R6-R10", total, r6, r7, "A"],
    ]);
    for (const c of [6, 7, 8]) s.rows[2][c]!.numFmt = Number.isInteger(s.rows[2][c]!.value) ? '0"億円"' : '0.0"億円"';
    return [s];
  };

  test("per-year cells 10.4 + 5.2 against a cumulative 16: info, nothing proposed; 10.4 + 4.2 against 16: an error with its SUM", () => {
    const [rounding] = findingsOf(rule, amounts(16, 10.4, 5.2));
    expect(rounding).toMatchObject({ severity: "info", cell: "G3", expected: 15.6, actual: 16 });
    expect(rounding).not.toHaveProperty("fix");
    const [error] = findingsOf(rule, amounts(16, 10.4, 4.2));
    expect(error).toMatchObject({
      severity: "error",
      cell: "G3",
      fix: { sheet: "アウトプット指標", cell: "G3", formula: "SUM(H3,I3)" },
    });
  });
});
