/**
 * Monitoring sheets (モニタリング指標) for rule tables: 統合プロジェクト in row 1, the header in row 2, indicators from
 * row 3, and the seed's indicator groups as the seed writes them.
 */
import type { CellValue } from "../../src/core/model/workbook";

export type Row = (CellValue | undefined)[];

// Columns: A 番号, B アウトプット指標, C 指標値, D 内訳, E 項目, F 細目, G 値, H うち, I 備考.
export const MONITORING_HEADER = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];

/** A monitoring sheet of `project`: the metadata row, the header, then the indicator rows. */
export const monitoringSheet = (project: string, ...rows: Row[]): Row[] => [
  ["統合プロジェクト", project],
  MONITORING_HEADER,
  ...rows,
];

/** A row below an indicator's first: 項目 (E) and its 値 (G), opening the 内訳 group `group` when given. */
export const itemRow = (item: string, value: CellValue | undefined, group: string | null = null): Row => [
  null,
  null,
  null,
  group,
  item,
  null,
  value,
];

/** 指標1 企業導出件数 by 開発フェーズ (three items) and by 導出内容 (技術導出, 開発候補品). */
export const derivationRows = (total: string, phase: [string, string, string], content: [string, string]): Row[] => [
  [
    "1",
    "企業導出件数",
    total,
    "導出時の開発フェーズ（開発ステージ）別の件数",
    "非臨床試験開始以前に導出した件数",
    null,
    phase[0],
  ],
  itemRow("非臨床試験開始後かつ治験開始前までに導出した件数", phase[1]),
  itemRow("治験開始後に導出した件数", phase[2]),
  itemRow("技術導出件数", content[0], "導出内容別の件数"),
  itemRow("開発候補品の導出件数", content[1]),
];

/** 指標1 企業導出件数 by 導出形態: 権利譲渡, 実施許諾, 共同研究開発. */
export const licensingRows = (total: string, [transfer, licence, joint]: [string, string, string]): Row[] => [
  ["1", "企業導出件数", total, "導出形態別の件数", "権利譲渡契約件数", null, transfer],
  itemRow("実施許諾契約（オプション契約は除く）件数", licence),
  itemRow("共同研究開発契約件数", joint),
];

const TRIAL_ITEMS = [
  "医師主導治験の治験計画届の届出数（うち国際共同治験数）",
  "企業治験の治験計画届の届出数（うち国際共同治験数）",
  "臨床性能試験の数",
];
/** 指標2 治験に至った件数 with its first items in order (医師主導治験, 企業治験, 臨床性能試験), written with うち figures. */
export const trialRows = (total: string, ...values: string[]): Row[] =>
  values.map((v, i) =>
    i === 0 ? ["2", "治験に至った件数", total, null, TRIAL_ITEMS[0], null, v] : itemRow(TRIAL_ITEMS[i], v),
  );

/** 指標3 優れたシーズの発展・継続支援件数: total, ペアリング, マッチング, 新たに公募. */
export const supportRows = ([total, pairing, matching, call]: [string, string, string, string]): Row[] => [
  ["3", "優れたシーズの発展・継続支援件数", total, null, "ペアリングによる他事業への受け渡し件数", null, pairing],
  itemRow("マッチングによる他事業への受け渡し件数", matching),
  itemRow("過去にAMED支援を受けた課題について、新たに公募により採択された件数", call),
];

export const USE_ITEMS = [
  "医薬品の承認件数（モダリティ別の内訳）",
  "医療機器の承認・認証件数（治療用／診断用の内訳）",
  "体外診断用医薬品の承認・認証件数",
  "再生医療等製品の承認件数",
];

export const USE_GROUP = "医療における利用形態別の件数";

/** The 利用形態別 item rows (undefined items left out), the first opening the group. */
export function useItemRows(values: (string | undefined)[]): Row[] {
  const rows: Row[] = [];
  values.forEach((v, i) => {
    if (v !== undefined) rows.push(itemRow(USE_ITEMS[i], v, rows.length === 0 ? USE_GROUP : null));
  });
  return rows;
}

/** 指標4 薬事承認・認証 利用形態別: 医薬品, 医療機器, 体外診断用医薬品, 再生医療等製品 (undefined items left out). */
export function useRows(values: (string | undefined)[]): Row[] {
  const [first, ...rest] = useItemRows(values);
  return first ? [["4", "薬事承認・認証", "—", ...first.slice(3)], ...rest] : [];
}

export const DIVERSITY_LABEL = "研究者の男女（その他）比率";
/** 指標7 人的ダイバーシティ as one composite row (「男：89.0% 女：11.0%」), the label in 項目. */
export const diversityRows = (value: string, item: string | null = DIVERSITY_LABEL): Row[] => [
  ["7", "人的ダイバーシティ", "—", null, item, null, value],
];

/** Amounts that differ only by rounding: parts adding to 15.2 against a total written as 15億円, an info finding. */
export const ROUNDED = {
  total: "15億円",
  parts: ["10.4億円", "2.2億円", "2.6億円"] as [string, string, string],
  finding: { severity: "info", expected: 15.2, actual: 15, messageId: "rounding" } as const,
};
