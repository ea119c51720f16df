import type { CellValue } from "../../model/workbook";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { ALL_BLANK, partialSum, statedTotal, summedParts } from "../../../../test/support/total-data";
import { rule } from "./row";

const HEADER = ["機関名", "所管", "全体", "健康・医療関係", "外部資金（健康・医療関係）", "備考"];

/** A row with no 所管: the institution, then 全体, 健康・医療関係, 外部資金. */
const row = (name: string, ...amounts: (CellValue | undefined)[]) => [name, undefined, ...amounts];

/** Seed 000 (別表), with 所管 added and ministry subtotals. */
const GROUPED: Rows = [
  ["(単位：億円)"],
  HEADER,
  ["理化学研究所", "文", 577, 144, 45],
  ["量子科学技術研究開発機構", "文", 218, 95, 44],
  ["科学技術振興機構", "文", "1,008", 12, "—"],
  ["小計", "文", 1803, 251, 89],
  ["国立がん研究センター", "厚", 65.1, 65.1, 67.6],
  ["国立循環器病研究センター", "厚", 44.7, 44.7, 32.7],
  ["小計", "厚", 109.8, 109.8, 100.3],
  ["産業技術総合研究所", "経", 666, 59.9, 7.1],
  ["小計", "経", 666, 59.9, 7.1],
  row("合計", 2578.8, 420.7, 196.4),
];

type Rows = (CellValue | undefined)[][];
/** A 別表 sheet: the header in row 1, the given rows from row 2. */
const table = (...rows: Rows) => ({ 別表: [HEADER, ...rows] });

function replace(rows: Rows, r: number, c: number, v: CellValue): Rows {
  return rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));
}

runRuleTests(rule, {
  valid: [
    { name: "ministry subtotals after each group and a grand total", sheets: { 別表: GROUPED } },
    {
      name: "subtotals at the bottom, total below them; extra columns and a title block",
      sheets: {
        別表: [
          ["インハウス研究機関関係予算"],
          ["単位", "億円"],
          ["No.", ...HEADER],
          [1, "理化学研究所", "文部科学省", 577, 144, 45],
          [2, "国立がん研究センター", "厚生労働省", 65.1, 65.1, 67.6],
          [3, "量子科学技術研究開発機構", "文部科学省", 218, 95, 44],
          [4, "産業技術総合研究所", "経済産業省", 666, 59.9, 7.1],
          [],
          [undefined, "小計", "文科省", 795, 239, 89],
          [undefined, "小計", "厚労省", 65.1, 65.1, 67.6],
          [undefined, "小計", "経産省", 666, 59.9, 7.1],
          [undefined, "合計", undefined, "1,526.1", "364.0", "163.7"],
          ["※全体及び健康・医療関係は令和7年度（当初予算）、外部資金（健康・医療関係）は令和6年度。"],
        ],
      },
    },
    {
      name: "所管 merged: only the first row of each group carries it",
      sheets: table(
        ["理化学研究所", "文", 577, 144, 45],
        row("量子科学技術研究開発機構", 218, 95, 44),
        ["小計", "文", 795, 239, 89],
        ["国立がん研究センター", "厚", 65.1, 65.1, 67.6],
        row("国立循環器病研究センター", 44.7, 44.7, 32.7),
        ["小計", "厚", 109.8, 109.8, 100.3],
      ),
    },
    {
      name: "empty total cells are computed, not checked; no total row at all (seed 000 as printed)",
      sheets: {
        別表: [
          HEADER,
          row("理化学研究所", 577, 144, 45),
          row("国立健康危機管理研究機構", 173.6, undefined, 98.6),
          row("合計", undefined, undefined, undefined),
        ],
        seed: [HEADER, row("理化学研究所", 577, 144, 45)],
      },
    },
    {
      name: "a 合計 placed right below the header covers the rows below it; amounts as text with units",
      sheets: table(
        row("計", "2,000億円", "300億円", "50億円"),
        row("A研究所", "1,200億円", "200億円", "30億円"),
        row("B研究所", "800億円", "100億円", "20億円"),
      ),
    },
    {
      name: "unit conversion: a cell typed in 百万円 in a 億円 sheet",
      sheets: {
        別表: [
          ["(単位：億円)"],
          HEADER,
          row("A研究所", 10.5, 1, 1),
          row("B研究所", "950百万円", 1, 1),
          row("合計", 20, 2, 2),
        ],
      },
    },
  ],
  invalid: [
    {
      name: "a wrong grand total (error); parts split by subtotal rows, so the fix is the value",
      sheets: { 別表: replace(GROUPED, 11, 3, 430.7) },
      findings: [
        {
          rule: "total/row",
          severity: "error",
          sheet: "別表",
          cell: "D12",
          expected: 420.7,
          actual: 430.7,
          messageId: "mismatch",
          data: statedTotal(
            "合計",
            "健康・医療関係",
            "430.7億円",
            summedParts(
              "420.7億円",
              ["理化学研究所", "144"],
              ["量子科学技術研究開発機構", "95"],
              ["科学技術振興機構", "12"],
              ["国立がん研究センター", "65.1"],
              ["国立循環器病研究センター", "44.7"],
              ["産業技術総合研究所", "59.9"],
            ),
          ),
          fix: { sheet: "別表", cell: "D12", value: 420.7 },
        },
      ],
    },
    {
      name: "a wrong ministry subtotal, contiguous parts: the fix is a SUM formula (a value when a part is text)",
      sheets: { 別表: replace(replace(GROUPED, 5, 2, 1900), 5, 3, 260) },
      findings: [
        {
          cell: "C6",
          cells: ["C6", "C3", "C4", "C5"],
          severity: "error",
          messageId: "mismatch",
          data: statedTotal(
            "小計（文）",
            "全体",
            "1,900億円",
            summedParts(
              "1,803億円",
              ["理化学研究所", "577"],
              ["量子科学技術研究開発機構", "218"],
              ["科学技術振興機構", "1,008"],
            ),
          ),
          fix: { sheet: "別表", cell: "C6", value: 1803 },
        },
        { cell: "D6", expected: 251, actual: 260, fix: { sheet: "別表", cell: "D6", formula: "SUM(D3:D5)" } },
      ],
    },
    {
      name: "rounding only (11 + 7.3 vs 18) is info",
      sheets: table(row("A", 11, 1, 1), row("B", 7.3, 1, 1), row("合計", 18, 2, 2)),
      findings: [{ cell: "C4", severity: "info", expected: 18.3, actual: 18 }],
    },
    {
      name: "beyond rounding (10.4 + 2.2 + 2.6 vs 16) is an error",
      sheets: table(row("A", 10.4, 1, 1), row("B", 2.2, 1, 1), row("C", 2.6, 1, 1), row("合計", 16, 3, 3)),
      findings: [{ cell: "C5", severity: "error", expected: 15.2, actual: 16 }],
    },
    {
      name: "a blank cell makes the sum partial (info, with the count), never zero-filled",
      sheets: table(
        row("理化学研究所", 577, 144, 45),
        row("国立健康危機管理研究機構", 173.6, undefined, 98.6),
        row("合計", 750.6, 300, 143.6),
      ),
      findings: [
        {
          cell: "D4",
          severity: "info",
          messageId: "partial",
          data: statedTotal(
            "合計",
            "健康・医療関係",
            "300億円",
            partialSum("144億円", 1, ["理化学研究所", "144"], ["国立健康危機管理研究機構", null]),
          ),
        },
      ],
    },
    {
      name: "known parts alone exceed the total: error even with a blank",
      sheets: table(row("A", 577, 144, 45), row("B", "abc", 10, 5), row("合計", 500, 154, 50)),
      findings: [
        {
          cell: "C4",
          severity: "error",
          messageId: "partialExceeds",
          data: statedTotal("合計", "全体", "500億円", partialSum("577億円", 1, ["A", "577"], ["B", null])),
        },
      ],
    },
    {
      name: "a 小計 whose ministry has no rows",
      sheets: table(["A", "文", 5, 1, 1], ["小計", "文", 5, 1, 1], ["小計", "厚", 3, 1, 1]),
      findings: [
        {
          cell: "C4",
          severity: "info",
          messageId: "empty",
          data: statedTotal("小計（厚）", "全体", "3億円"),
        },
        { cell: "D4", severity: "info" },
        { cell: "E4", severity: "info" },
      ],
    },
    {
      name: "two subtotal blocks of the same ministry, then a total over all rows",
      sheets: table(
        ["A", "文", 5, 1, 1],
        ["小計", "文", 5, 1, 1],
        ["B", "文", 7, 1, 1],
        ["小計", "文", 12, 1, 1],
        row("合計", 12, 2, 2),
      ),
      findings: [
        {
          cell: "C5",
          severity: "error",
          expected: 7,
          actual: 12,
          fix: { sheet: "別表", cell: "C5", formula: "SUM(C4)" },
        },
      ],
    },
    {
      name: "a total over rows that are all blank in its column cannot be checked (info)",
      sheets: table(row("A", 5, undefined, 1), row("B", 7, undefined, 1), row("合計", 12, 9, 2)),
      findings: [
        {
          cell: "D4",
          severity: "info",
          messageId: "allBlank",
          data: statedTotal("合計", "健康・医療関係", "9億円", ALL_BLANK),
        },
      ],
    },
  ],
});
