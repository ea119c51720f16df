import { runRuleTests } from "../../../../test/support/rule-tester";
import { ROUNDED } from "../../../../test/support/monitoring";
import { inEveryPj, type PjData, SEED, workbook } from "../../../../test/support/rollup-sheets";
import { rule } from "./additive";

const pj = (i: number): PjData => ({ support: SEED.support[i] });
const all = Array.from({ length: 8 }, (_, i) => pj(i));

runRuleTests(rule, {
  valid: [
    {
      name: "Σ PJ = 全体 (165.5 written as such)",
      sheets: workbook({ support: ["165.5件", "35件", "0件", "130.5件"] }, all),
    },
    {
      name: "de-duplicated indicators are rollup/bounds' business",
      sheets: workbook(
        { use: ["1件", "1件", "0件", "0件"] },
        all.map(() => ({ use: ["1件", "1件", "0件", "0件"] })),
      ),
    },
    {
      name: "no 全体 sheet: nothing to roll up",
      sheets: Object.fromEntries(Object.entries(workbook({}, all)).filter(([n]) => n !== "集計")),
    },
    {
      name: "a PJ sheet missing: skipped (structure/rollup-skipped)",
      sheets: Object.fromEntries(
        Object.entries(workbook({ support: ["1件", "1件", "0件", "0件"] }, all)).filter(([n]) => n !== "シート5"),
      ),
    },
    {
      name: "a PJ without the indicator: that indicator is not rolled up",
      sheets: workbook(
        { support: ["1件", "1件", "0件", "0件"] },
        all.map((d, i) => (i === 3 ? {} : d)),
      ),
    },
  ],
  invalid: [
    {
      name: "seed: indicator 3's half shares (165.5 ≠ 166, 130.5 ≠ 131)",
      sheets: workbook({ support: ["166件", "35件", "0件", "131件"] }, all),
      findings: [
        {
          rule: "rollup/additive",
          severity: "error",
          sheet: "集計",
          cell: "C3",
          cells: ["C3", ...inEveryPj("C3")],
          messageId: "mismatch",
          data: {
            label: "指標3 発展・継続支援",
            overall: "166件",
            sum: "165.5件",
            parts: "PJ1 46.5 + PJ2 15.5 + PJ3 22.5 + PJ4 10.5 + PJ5 25.5 + PJ6 17.5 + PJ7 18 + PJ8 9.5",
          },
          expected: 165.5,
          actual: 166,
        },
        {
          cell: "G5",
          messageId: "mismatch",
          data: {
            label: "指標3 新たに公募",
            overall: "131件",
            sum: "130.5件",
            parts: "PJ1 25.5 + PJ2 15.5 + PJ3 22.5 + PJ4 7.5 + PJ5 25.5 + PJ6 17.5 + PJ7 16 + PJ8 0.5",
          },
          expected: 130.5,
          actual: 131,
        },
      ],
    },
    {
      name: "sheets in any order, named anything; the PJ is read from the metadata",
      sheets: Object.fromEntries(
        Object.entries(workbook({ support: ["166件", "35件", "0件", "131件"] }, all)).reverse(),
      ),
      findings: [{ cell: "C3" }, { cell: "G5" }],
    },
    {
      name: "amounts that differ only by rounding are info",
      sheets: workbook(
        { support: [ROUNDED.total, ROUNDED.total, "0億円", "0億円"] },
        [...ROUNDED.parts, "0億円", "0億円", "0億円", "0億円", "0億円"].map((v) => ({
          support: [v, v, "0億円", "0億円"],
        })),
      ),
      findings: [
        {
          cell: "C3",
          ...ROUNDED.finding,
          data: {
            label: "指標3 発展・継続支援",
            overall: "15億円",
            sum: "15.2億円",
            parts: "PJ1 10.4 + PJ2 2.2 + PJ3 2.6 + PJ4 0 + PJ5 0 + PJ6 0 + PJ7 0 + PJ8 0",
          },
        },
        { cell: "G3", severity: "info" },
      ],
    },
  ],
});
