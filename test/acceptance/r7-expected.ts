/**
 * Findings that samples/r7-report.xlsx must produce (DOMAIN §5, reference/seed001-checks.md, reference/budget-checks.md).
 *
 * Data for the acceptance test, not the test itself. Layout of the sample: samples/README.md.
 * `cell` is the cell to look at first (DOMAIN §4): for a sum, the stated total; for a roll-up, the 全体 cell;
 * for a grade, the 進捗 cell; for value/missing, the empty cell; for label/unknown, the cell holding the label.
 *
 * - `expectedFindings`: every one must be reported (rule, severity, sheet, cell). With these, the sample has
 *   12 errors, 2 warnings and 22 infos. No other error or warning may be reported.
 * - `optionalFindings`: infos whose presence the spec leaves to the implementation (allowed placeholders, near-miss
 *   labels that are not seed typos, a sum whose parts are all empty). Neither required nor forbidden.
 */

export type ExpectedSeverity = "error" | "warning" | "info";

export interface ExpectedFinding {
  rule: string;
  severity: ExpectedSeverity;
  sheet: string;
  cell: string;
  note: string;
}

/** Sheet kinds the detector must find (ids as in src/core/model/kinds.ts). No sheet is of unknown kind. */
export const expectedSheetKinds: ReadonlyArray<{ name: string; kind: string }> = [
  { name: "インハウス予算", kind: "inhouse-budget" },
  { name: "予算内訳", kind: "budget-breakdown" },
  { name: "アウトプット指標", kind: "output-indicators" },
  { name: "全体", kind: "monitoring" },
  { name: "PJ1", kind: "monitoring" },
  { name: "PJ2", kind: "monitoring" },
  { name: "PJ3", kind: "monitoring" },
  { name: "PJ4", kind: "monitoring" },
  { name: "PJ5", kind: "monitoring" },
  { name: "PJ6", kind: "monitoring" },
  { name: "PJ7", kind: "monitoring" },
  { name: "PJ8", kind: "monitoring" },
];

export const expectedFindings: ExpectedFinding[] = [
  // ---------------------------------------------------------------- errors (12)
  {
    rule: "value/missing",
    severity: "error",
    sheet: "インハウス予算",
    cell: "D18",
    note: "国立健康危機管理研究機構 健康・医療関係 is blank in the seed (全体 C18 = 173.6, 外部資金 E18 = 98.6). Never zero-filled.",
  },
  {
    rule: "sum/subtotal",
    severity: "error",
    sheet: "予算内訳",
    cell: "D28",
    note: "ライフサイエンス研究基盤整備事業 16 vs D25:D27 = 10.4 + 2.2 + 2.6 = 15.2; intervals [15.5, 16.5] vs [15.05, 15.35] do not intersect (seed 004 C004-04).",
  },
  {
    rule: "date/era-mismatch",
    severity: "error",
    sheet: "アウトプット指標",
    cell: "M28",
    note: "備考 of indicator 21 quotes seed 001 L1194 「第14回：2025（令和8）年2月開催」: 令和8年 = 2026, not 2025 (check D1). Only this one pair is in the workbook.",
  },
  {
    rule: "sum/breakdown",
    severity: "error",
    sheet: "PJ5",
    cell: "C5",
    note: "PJ5 #1 導出形態別 0 + 14 + 19 = 33 (G5:G7) ≠ 指標値 20 (+13). 14件 is probably a typo for 1件 (E1, 1-F-PJ5).",
  },
  {
    rule: "sum/exceeds-total",
    severity: "error",
    sheet: "PJ2",
    cell: "C5",
    note: "PJ2 #1 導出内容別 (partial) 技術導出 30 + 開発候補品 8 = 38 (G23:G24) > 指標値 33 (+5) (E2, 1-C-PJ2).",
  },
  {
    rule: "sum/exceeds-total",
    severity: "error",
    sheet: "PJ7",
    cell: "C5",
    note: "PJ7 #1 導出内容別 (partial) 6 + 9 = 15 (G20:G21) > 指標値 12 (+3) (E3, 1-C-PJ7).",
  },
  {
    rule: "rollup/additive",
    severity: "error",
    sheet: "全体",
    cell: "G6",
    note: "#1 実施許諾 (additive): Σ PJ1..PJ8 G6 = 11 + 9 + 4 + 1 + 14 + 5 + 5 + 0 = 49 ≠ 全体 36 (+13) (1-X-F2).",
  },
  {
    rule: "rollup/bounds",
    severity: "error",
    sheet: "全体",
    cell: "G38",
    note: "#4 再生医療等製品の承認件数 (de-duplicated): max PJ = PJ3!G34 4 > 全体 2 (Σ PJ 4) (E4, 4-M-U4).",
  },
  {
    rule: "rollup/bounds",
    severity: "error",
    sheet: "全体",
    cell: "G34",
    note: "#4 品目の性格別 その他 (de-duplicated): max PJ = PJ3!G30 4 > 全体 3 (Σ PJ 0+1+4+0+0+0+0+0 = 5) (4-M-A4).",
  },
  {
    rule: "rollup/bounds",
    severity: "error",
    sheet: "全体",
    cell: "G40",
    note:
      "#5 ソフトウェアや一般医療機器が上市に至った件数 (de-duplicated): 全体 19 > Σ PJ 0+11+1+2+3+0+0+1 = 18 " +
      "(PJ1!G40, PJ2!G40, PJ3!G36, PJ4!G34, PJ5!G38, PJ6!G38, PJ7!G37, PJ8!G34) (E5, 5-X-sw).",
  },
  {
    rule: "rollup/additive",
    severity: "error",
    sheet: "全体",
    cell: "C28",
    note:
      "#3 発展・継続支援件数 (additive): Σ PJ 指標値 46.5 + 15.5 + 22.5 + 10.5 + 25.5 + 17.5 + 18 + 9.5 = 165.5 ≠ 全体 166 " +
      "(PJ1!C28, PJ2!C28, PJ3!C24, PJ4!C22, PJ5!C26, PJ6!C26, PJ7!C25, PJ8!C22). Counts are exact (E6, 3-X-total).",
  },
  {
    rule: "rollup/additive",
    severity: "error",
    sheet: "全体",
    cell: "G30",
    note:
      "#3 新たに公募により採択 (additive): Σ PJ 25.5 + 15.5 + 22.5 + 7.5 + 25.5 + 17.5 + 16 + 0.5 = 130.5 ≠ 全体 131 " +
      "(PJ1!G30, PJ2!G30, PJ3!G26, PJ4!G24, PJ5!G28, PJ6!G28, PJ7!G27, PJ8!G24) (3-X-new). ペアリング (35) and マッチング (0) add up.",
  },

  // ---------------------------------------------------------------- warnings (2)
  {
    rule: "grade/below-pace",
    severity: "warning",
    sheet: "アウトプット指標",
    cell: "J23",
    note: "Indicator 16: A with 271 (H23) against a 累積 target of 750 over R6-R10; pace at R7 = 750 × 2/5 = 300 (G16).",
  },
  {
    rule: "grade/below-pace",
    severity: "warning",
    sheet: "アウトプット指標",
    cell: "J15",
    note: "Indicator 8: A with 0 (H15) against 10 over R6-R10; pace at R7 = 10 × 2/5 = 4. The 備考 M15 explains it (trials from R8) but it is still shown (G8).",
  },

  // ---------------------------------------------------------------- infos (22)
  {
    rule: "value/placeholder",
    severity: "info",
    sheet: "インハウス予算",
    cell: "E8",
    note: "科学技術振興機構 外部資金 `—`: placeholder allowed in 外部資金.",
  },
  {
    rule: "sum/subtotal",
    severity: "info",
    sheet: "予算内訳",
    cell: "D51",
    note:
      "PJ5 日本医療研究開発機構対象経費 200 vs 明細 D40, D42:D45, D48:D50 = 43 + 50 + 44 + 10 + 7.9 + 3 + 3.2 + 40 = 201.1 " +
      "(内数 rows D41, D46, D47 not added); [198.0, 204.2] meets [199.5, 200.5]: rounding only (B5a).",
  },
  {
    rule: "sum/subtotal",
    severity: "info",
    sheet: "予算内訳",
    cell: "D54",
    note: "PJ5 インハウス研究機関経費 18 vs 11 + 7.3 = 18.3 (D52:D53); [17.75, 18.85] meets [17.5, 18.5]: rounding only (B5b).",
  },
  {
    rule: "sum/subtotal",
    severity: "info",
    sheet: "予算内訳",
    cell: "D59",
    note: "PJ6 国際事業 35 vs 9 + 2 + 23 = 34 (D56:D58); [32.5, 35.5] meets [34.5, 35.5]: rounding only (B6a).",
  },
  {
    rule: "sum/subtotal",
    severity: "info",
    sheet: "予算内訳",
    cell: "D63",
    note: "PJ6 計 214 vs 小計 35 (D59) + 110 + 65 + 3 (D60:D62) = 213; [211, 215] meets [213.5, 214.5]: rounding only (B6b).",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "PJ2",
    cell: "E28",
    note: "`ベアリングによる他事業への受け渡し件数` → ペアリングによる他事業への受け渡し件数 (typo L2). Must still count as ペアリング (value 0件).",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "PJ3",
    cell: "E24",
    note: "`ベアリングによる他事業への受け渡し件数` → ペアリング… (typo L2; value 0件).",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "PJ8",
    cell: "E22",
    note: "`ベアリングによる他事業への受け渡し件数` → ペアリング… (typo L2; value 9件, needed for Σ ペアリング = 35).",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "PJ5",
    cell: "B29",
    note: "Indicator 4 named `業事承認・認証` → 薬事承認・認証 (typo L1). The row is indicator 4 by its 番号.",
  },
  // sum/incomplete: 導出時の開発フェーズ別 (partial) falls short of 指標値 (1-P-*)
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ1",
    cell: "C5",
    note: "開発フェーズ別 32 + 16 + 3 = 51 of 53 (2 uncovered; G12:G14).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ2",
    cell: "C5",
    note: "開発フェーズ別 16 + 11 + 0 = 27 of 33 (6 uncovered; G12:G14).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ3",
    cell: "C5",
    note: "開発フェーズ別 11 + 0 + 0 = 11 of 12 (1 uncovered; G12:G14).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ4",
    cell: "C5",
    note: "開発フェーズ別 9 + 1 + 0 = 10 of 13 (3 uncovered; G12:G14).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ6",
    cell: "C5",
    note: "開発フェーズ別 8 + 3 + 0 = 11 of 13 (2 uncovered; G12:G14).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ7",
    cell: "C5",
    note: "開発フェーズ別 3 + 5 + 3 = 11 of 12 (1 uncovered; G12:G14).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "全体",
    cell: "C5",
    note: "開発フェーズ別 94 + 42 + 7 = 143 of 158 (15 uncovered; G12:G14). PJ5 (20/20) and PJ8 (2/2) are complete.",
  },
  // sum/incomplete: 導出内容別 (partial) falls short (1-C-*); PJ2 and PJ7 exceed instead (errors above), PJ8 is complete
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ1",
    cell: "C5",
    note: "導出内容別 37 + 13 = 50 of 53 (3 uncovered; G23:G24).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ3",
    cell: "C5",
    note: "導出内容別 9 + 1 = 10 of 12 (2 uncovered; G19:G20).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ4",
    cell: "C5",
    note: "導出内容別 8 + 2 = 10 of 13 (3 uncovered; G17:G18).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ5",
    cell: "C5",
    note: "導出内容別 12 + 7 = 19 of 20 (1 uncovered; G21:G22).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "PJ6",
    cell: "C5",
    note: "導出内容別 8 + 3 = 11 of 13 (2 uncovered; G21:G22).",
  },
  {
    rule: "sum/incomplete",
    severity: "info",
    sheet: "全体",
    cell: "C5",
    note: "導出内容別 112 + 43 = 155 of 158 (3 uncovered; G23:G24).",
  },
];

/** Monitoring 指標値 cells holding `—` (or `-` on 全体 #4) where the catalogue expects no value (indicators 4, 5, 7; 6 on PJ7/PJ8). */
const placeholderIndicatorValues: ReadonlyArray<[sheet: string, cells: string[]]> = [
  ["全体", ["C31", "C39", "C44"]],
  ["PJ1", ["C31", "C39", "C43"]],
  ["PJ2", ["C31", "C39", "C43"]],
  ["PJ3", ["C27", "C35", "C39"]],
  ["PJ4", ["C25", "C33", "C37"]],
  ["PJ5", ["C29", "C37", "C41"]],
  ["PJ6", ["C29", "C37", "C41"]],
  ["PJ7", ["C28", "C36", "C38", "C41"]],
  ["PJ8", ["C25", "C33", "C35", "C38"]],
];

export const optionalFindings: ExpectedFinding[] = [
  ...placeholderIndicatorValues.flatMap(([sheet, cells]) =>
    cells.map((cell): ExpectedFinding => ({
      rule: "value/placeholder",
      severity: "info",
      sheet,
      cell,
      note: "指標値 `—` for an indicator whose catalogue entry has no 指標値 (the seed's norm); allowed.",
    })),
  ),
  {
    rule: "value/placeholder",
    severity: "info",
    sheet: "アウトプット指標",
    cell: "H21",
    note: "Indicator 14 実績 `-` with 進捗 `-` (R7 counting method under review; G14). Allowed: `-` grade with no 実績.",
  },
  {
    rule: "sum/subtotal",
    severity: "info",
    sheet: "予算内訳",
    cell: "C28",
    note: "前年度予算額 13 on the ライフサイエンス 合計 row; its 明細 have no 前年度 figure (seed gives none). A partial/empty sum, never an error.",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "PJ7",
    cell: "E38",
    note: "`Top1%論文` (seed L899, without 数) → Top1%論文数 (L5). Value 0件.",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "全体",
    cell: "E41",
    note: "`Top1%論文数 (PJ1~PJ8)` as printed: Top1%論文数 with a qualifier. Must equal 指標値 C41 `Top1%論文数 (PJ1~PJ6) 86件` (86 = 86).",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "全体",
    cell: "B56",
    note: "Re-listed PJ5 indicator `…新規の診断・治療法の開発件数` vs PJ5!B47 `…の実用化件数` (R-label, L3). Values agree (4件 = 4件): must not be an error.",
  },
];
