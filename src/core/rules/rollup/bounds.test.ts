import { runRuleTests } from "../../../../test/support/rule-tester";
import { workbook, type PjData, type Row } from "../../../../test/support/rollup-sheets";
import { rule } from "./bounds";

// 指標4 利用形態別 per PJ (seed): 医薬品, 医療機器, 体外診断用医薬品, 再生医療等製品.
const SEED_USE = [
  ["5件（低分子医薬品2件／高分子医薬品－抗体3件）", "1件（0件／1件）", "2件", "0件"],
  ["0件", "12件（9件／3件）", "0件", "0件"],
  ["0件", "0件", "0件", "4件"],
  ["0件", "0件", "1件", "0件"],
  ["0件", "2件(0件/2件)", "3件", "0件"],
  ["0件", "2件（1件／1件）", "1件", "0件"],
  ["1件（低分子医薬品1件）", "3件（3件／0件）", "2件", "0件"],
  ["0件", "1件 (1件/0件)", "1件", "0件"],
];
const SEED_DIVERSITY = [
  "男：89.0% 女：11.0%",
  "男：89.7% 女：10.3%",
  "男：94.1% 女：5.9%",
  "男: 92.3% 女: 7.7%",
  "男:89.2% 女:10.8%",
  "男：86.6% 女：13.4%",
  "男：93.2% 女：6.8%",
  "男: 93.6% 女: 6.4%",
];
const projects = (change: (i: number, d: PjData) => PjData = (_i, d) => d) =>
  SEED_USE.map((use, i) => change(i, { use, diversity: SEED_DIVERSITY[i] }));
const OVERALL = ["6件 (低分子医薬品3件/高分子医薬品-抗体3件)", "16件 (治療用10件/診断用6件)", "7件", "4件"];

// 指標7 in the other layouts: each sheet's composite row (番号 7) rewritten as `layout` lays it out.
const L = "研究者の男女（その他）比率";
const IND = ["7", "人的ダイバーシティ", "—"];
type Layout = (shares: [string, string][]) => Row[];
const LAYOUTS: Record<string, Layout> = {
  /** Layout 1: the label in 内訳, one share per row in 項目. */
  inGroupRows: (sh) =>
    sh.map(([l, v], i) => (i === 0 ? [...IND, L, l, null, v] : [null, null, null, null, l, null, v])),
  /** Layout 2: the label in 内訳, one composite text (written with 男性 / 女性 and ／). */
  inGroupComposite: (sh) => [[...IND, L, null, null, sh.map(([l, v]) => `${l}性 ${v}`).join("／")]],
  /** Layout 3 with rows: the label in 項目 on a row of its own, the shares below it. */
  inItemRows: (sh) => [[...IND, null, L], ...sh.map(([l, v]) => [null, null, null, null, l, null, v])],
};
/** 「男：89.0% 女：11.0%」 → [["男", "89.0%"], ["女", "11.0%"]] */
const sharesOf = (text: string): [string, string][] =>
  [...text.matchAll(/(男|女|その他)\s*[:：]\s*([\d.]+%)/g)].map((m) => [m[1], m[2]]);
/** The workbook with 指標7 laid out per sheet: `layouts[0]` for 全体, then PJ1…PJ8 (cycling). */
function relaid(sheets: Record<string, Row[]>, layouts: Layout[]): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  Object.entries(sheets).forEach(([name, rows], i) => {
    const layout = layouts[i % layouts.length];
    out[name] = rows.flatMap((r) => (r[0] === "7" ? layout(sharesOf(String(r[6]))) : [r]));
  });
  return out;
}
const ALL = Object.values(LAYOUTS);
/** The PJ sheets' cells, PJ1 first (their 指標7 starts on row 7, below 指標4). */
const pj = (...cells: string[]) => cells.map((c, i) => `'シート${i + 1}'!${c}`);

runRuleTests(rule, {
  valid: [
    {
      name: "seed, with 全体 再生医療等製品 at 4: every item between max PJ and Σ PJ",
      sheets: workbook({ use: OVERALL, diversity: "男: 89.7% 女: 10.3%" }, projects()),
    },
    { name: "a 全体 equal to Σ PJ is fine", sheets: workbook({ use: ["6件", "21件", "10件", "4件"] }, projects()) },
    {
      name: "additive indicators are rollup/additive's business",
      sheets: workbook(
        { support: ["1件", "1件", "0件", "0件"] },
        projects((_i, d) => ({ ...d, support: ["1件", "1件", "0件", "0件"] })),
      ),
    },
    {
      name: "a PJ that leaves an item out counts 0 for it",
      sheets: workbook(
        { use: ["6件", "16件", "7件", "4件"] },
        projects((i, d) => (i === 1 ? { ...d, use: ["0件", "12件（9件／3件）", undefined, "0件"] } : d)),
      ),
    },
    ...Object.entries(LAYOUTS).map(([name, layout]) => ({
      name: `indicator 7 in layout ${name}: the overall share within [min, max] of the PJ shares`,
      sheets: relaid(workbook({ diversity: "男: 89.7% 女: 10.3%" }, projects()), [layout]),
    })),
    {
      name: "indicator 7 with every sheet in a layout of its own",
      sheets: relaid(workbook({ diversity: "男: 89.7% 女: 10.3%" }, projects()), ALL),
    },
  ],
  invalid: [
    {
      name: "seed: 再生医療等製品 PJ3 4 > 全体 2",
      sheets: workbook(
        { use: ["6件 (低分子医薬品3件/高分子医薬品-抗体3件)", "16件 (治療用10件/診断用6件)", "7件", "2件"] },
        projects(),
      ),
      findings: [
        {
          rule: "rollup/bounds",
          severity: "error",
          sheet: "集計",
          cell: "G6",
          cells: [
            "G6",
            "'シート1'!G6",
            "'シート2'!G6",
            "'シート3'!G6",
            "'シート4'!G6",
            "'シート5'!G6",
            "'シート6'!G6",
            "'シート7'!G6",
            "'シート8'!G6",
          ],
          messageId: "belowMax",
          data: { label: "指標4 再生医療等製品", overall: "2件", project: "PJ3", projectValue: "4件" },
          expected: 4,
          actual: 2,
        },
      ],
    },
    {
      name: "全体 above Σ PJ (seed ソフトウェア・一般医療機器 19 > 18, here 体外診断用医薬品 11 > 10)",
      sheets: workbook({ use: OVERALL.map((v, i) => (i === 2 ? "11件" : v)) }, projects()),
      findings: [
        {
          cell: "G5",
          messageId: "aboveSum",
          data: {
            label: "指標4 体外診断用医薬品",
            overall: "11件",
            sum: "10件",
            parts: "PJ1 2 + PJ2 0 + PJ3 0 + PJ4 1 + PJ5 3 + PJ6 1 + PJ7 2 + PJ8 1",
          },
          expected: 10,
          actual: 11,
        },
      ],
    },
    {
      name: "a 細目 below its largest PJ (治療用 全体 8 < PJ2 9)",
      sheets: workbook({ use: ["6件", "14件 (治療用8件/診断用6件)", "7件", "4件"] }, projects()),
      findings: [
        {
          cell: "G4",
          messageId: "belowMax",
          data: { label: "指標4 医療機器（治療用）", overall: "8件", project: "PJ2", projectValue: "9件" },
        },
      ],
    },
    {
      name: "indicator 7: the overall share outside the PJ range",
      sheets: workbook({ diversity: "男: 95.0% 女: 5.0%" }, projects()),
      findings: [
        {
          cell: "G3",
          messageId: "aboveMax",
          data: { label: "指標7 男女比率の男", overall: "95.0%", project: "PJ3", projectValue: "94.1%" },
          expected: 94.1,
          actual: 95,
        },
        {
          cell: "G3",
          messageId: "belowMin",
          data: { label: "指標7 男女比率の女", overall: "5.0%", project: "PJ3", projectValue: "5.9%" },
          expected: 5.9,
          actual: 5,
        },
      ],
    },
    {
      name: "indicator 7, label in 内訳 with share rows: the 全体 share row and each PJ's share row",
      sheets: relaid(workbook({ diversity: "男: 95.0% 女: 5.0%" }, projects()), [LAYOUTS.inGroupRows]),
      findings: [
        {
          cell: "G3",
          cells: ["G3", ...pj("G7", "G7", "G7", "G7", "G7", "G7", "G7", "G7")],
          messageId: "aboveMax",
          data: { label: "指標7 男女比率の男", overall: "95.0%", project: "PJ3", projectValue: "94.1%" },
          expected: 94.1,
          actual: 95,
        },
        {
          cell: "G4",
          cells: ["G4", ...pj("G8", "G8", "G8", "G8", "G8", "G8", "G8", "G8")],
          messageId: "belowMin",
          data: { label: "指標7 男女比率の女", overall: "5.0%", project: "PJ3", projectValue: "5.9%" },
        },
      ],
    },
    {
      name: "indicator 7, label in 内訳 with a composite value (男性 …／女性 …): the composite cells",
      sheets: relaid(workbook({ diversity: "男: 85.0% 女: 15.0%" }, projects()), [LAYOUTS.inGroupComposite]),
      findings: [
        {
          cell: "G3",
          cells: ["G3", ...pj("G7", "G7", "G7", "G7", "G7", "G7", "G7", "G7")],
          messageId: "belowMin",
          data: { label: "指標7 男女比率の男", overall: "85.0%", project: "PJ6", projectValue: "86.6%" },
        },
        {
          cell: "G3",
          messageId: "aboveMax",
          data: { label: "指標7 男女比率の女", overall: "15.0%", project: "PJ6", projectValue: "13.4%" },
        },
      ],
    },
    {
      name: "indicator 7, label in 項目 on its own row with share rows below",
      sheets: relaid(workbook({ diversity: "男: 95.0% 女: 5.0%" }, projects()), [LAYOUTS.inItemRows]),
      findings: [
        { cell: "G4", cells: ["G4", ...pj("G8", "G8", "G8", "G8", "G8", "G8", "G8", "G8")], actual: 95 },
        { cell: "G5", cells: ["G5", ...pj("G9", "G9", "G9", "G9", "G9", "G9", "G9", "G9")], actual: 5 },
      ],
    },
    {
      name: "indicator 7 with every sheet in a layout of its own: each PJ cell where that sheet holds the share",
      sheets: relaid(workbook({ diversity: "男: 95.0% 女: 5.0%" }, projects()), ALL),
      findings: [
        // 全体: share rows (G3, G4); PJ1 composite (G7); PJ2 label row, then shares (G8, G9); PJ3 share rows (G7, G8); …
        { cell: "G3", cells: ["G3", ...pj("G7", "G8", "G7", "G7", "G8", "G7", "G7", "G8")], actual: 95 },
        { cell: "G4", cells: ["G4", ...pj("G7", "G9", "G8", "G7", "G9", "G8", "G7", "G9")], actual: 5 },
      ],
    },
  ],
});
