import { runRuleTests } from "../../../../test/support/rule-tester";
import { inEveryPj, pjCells, type PjData, type Row, SEED, workbook } from "../../../../test/support/rollup-sheets";
import { rule } from "./bounds";

const projects = (change: (i: number, d: PjData) => PjData = (_i, d) => d) =>
  SEED.use.map((use, i) => change(i, { use, diversity: SEED.diversity[i] }));
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
/** Data of a 全体 share (男 or 女) outside what the PJ shares allow, with the PJ that bounds it. */
const shareBound = (share: "男" | "女", overall: string, project: string, projectValue: string) => ({
  label: `指標7 男女比率の${share}`,
  overall,
  project,
  projectValue,
});
/** A 全体 of 95% / 5%: its 男 above the largest PJ share (PJ3 94.1%), its 女 below the smallest (PJ3 5.9%). */
const SKEWED = "男: 95.0% 女: 5.0%";
const MALE_ABOVE_PJ3 = {
  messageId: "aboveMax",
  data: shareBound("男", "95.0%", "PJ3", "94.1%"),
  expected: 94.1,
  actual: 95,
};
const FEMALE_BELOW_PJ3 = { messageId: "belowMin", data: shareBound("女", "5.0%", "PJ3", "5.9%") };

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
          cells: ["G6", ...inEveryPj("G6")],
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
      sheets: workbook({ diversity: SKEWED }, projects()),
      findings: [
        { cell: "G3", ...MALE_ABOVE_PJ3 },
        { cell: "G3", ...FEMALE_BELOW_PJ3, expected: 5.9, actual: 5 },
      ],
    },
    {
      name: "indicator 7, label in 内訳 with share rows: the 全体 share row and each PJ's share row",
      sheets: relaid(workbook({ diversity: SKEWED }, projects()), [LAYOUTS.inGroupRows]),
      findings: [
        {
          cell: "G3",
          cells: ["G3", ...inEveryPj("G7")],
          ...MALE_ABOVE_PJ3,
        },
        {
          cell: "G4",
          cells: ["G4", ...inEveryPj("G8")],
          ...FEMALE_BELOW_PJ3,
        },
      ],
    },
    {
      name: "indicator 7, label in 内訳 with a composite value (男性 …／女性 …): the composite cells",
      sheets: relaid(workbook({ diversity: "男: 85.0% 女: 15.0%" }, projects()), [LAYOUTS.inGroupComposite]),
      findings: [
        {
          cell: "G3",
          cells: ["G3", ...inEveryPj("G7")],
          messageId: "belowMin",
          data: shareBound("男", "85.0%", "PJ6", "86.6%"),
        },
        {
          cell: "G3",
          messageId: "aboveMax",
          data: shareBound("女", "15.0%", "PJ6", "13.4%"),
        },
      ],
    },
    {
      name: "indicator 7, label in 項目 on its own row with share rows below",
      sheets: relaid(workbook({ diversity: SKEWED }, projects()), [LAYOUTS.inItemRows]),
      findings: [
        { cell: "G4", cells: ["G4", ...inEveryPj("G8")], actual: 95 },
        { cell: "G5", cells: ["G5", ...inEveryPj("G9")], actual: 5 },
      ],
    },
    {
      name: "indicator 7 with every sheet in a layout of its own: each PJ cell where that sheet holds the share",
      sheets: relaid(workbook({ diversity: SKEWED }, projects()), ALL),
      findings: [
        // 全体: share rows (G3, G4); PJ1 composite (G7); PJ2 label row, then shares (G8, G9); PJ3 share rows (G7, G8); …
        { cell: "G3", cells: ["G3", ...pjCells("G7", "G8", "G7", "G7", "G8", "G7", "G7", "G8")], actual: 95 },
        { cell: "G4", cells: ["G4", ...pjCells("G7", "G9", "G8", "G7", "G9", "G8", "G7", "G9")], actual: 5 },
      ],
    },
  ],
});
