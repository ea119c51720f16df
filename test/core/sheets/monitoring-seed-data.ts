/**
 * The monitoring part of seed 001 as sheets: the 全体 and eight PJ monitoring sheets, transcribed from
 * reference/seed001-tables.md (cross-project matrix, verbatim values, labels with the seed's typos).
 */
import { sheetFromValues, type CellValue } from "../../../src/core/model/workbook";

type Row = (CellValue | undefined)[];
const HEADER: Row = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];

const PJ_NAMES = [
  "PJ1 医薬品プロジェクト",
  "PJ2 医療機器・ヘルスケアプロジェクト",
  "PJ3 再生・細胞医療・遺伝子治療プロジェクト",
  "PJ4 感染症プロジェクト",
  "PJ5 データ利活用・ライフコースプロジェクト",
  "PJ6 シーズ開発・基礎研究プロジェクト",
  "PJ7 橋渡し・臨床加速化プロジェクト",
  "PJ8 イノベーション・エコシステムプロジェクト",
];

const c = (n: number | string) => (typeof n === "number" ? `${n}件` : n);

// Index 0–7 = PJ1–PJ8, index 8 = 全体.
const T1 = [53, 33, 12, 13, 20, 13, 12, 2, 158];
const FORM = [
  [2, 11, 40],
  [1, 9, 23],
  [0, 4, 8],
  [0, 1, 12],
  [0, 14, 19],
  [2, 5, 6],
  [2, 5, 5],
  [0, 0, 2],
  [7, 36, 115],
];
const DEST = [
  [12, 5, 32, 4],
  [10, 1, 22, 0],
  [4, 0, 8, 0],
  [4, 0, 9, 0],
  [3, 1, 16, 0],
  [3, 2, 7, 1],
  [3, 1, 8, 0],
  [1, 0, 1, 0],
  [40, 10, 103, 5],
];
const PHASE = [
  [32, 16, 3],
  [16, 11, 0],
  [11, 0, 0],
  [9, 1, 0],
  [13, 6, 1],
  [8, 3, 0],
  [3, 5, 3],
  [2, 0, 0],
  [94, 42, 7],
];
const DISEASE: [string, number][][] = [
  [
    ["がん", 20],
    ["生活習慣病", 1],
    ["精神・神経疾患", 8],
    ["老年医学・認知症", 1],
    ["難病", 9],
    ["成育", 1],
    ["感染症", 3],
    ["その他", 10],
  ],
  [
    ["がん", 5],
    ["生活習慣病", 8],
    ["精神・神経疾患", 1],
    ["老年医学・認知症", 1],
    ["難病", 1],
    ["成育", 4],
    ["感染症", 3],
    ["その他", 10],
  ],
  [
    ["がん", 3],
    ["生活習慣病", 4],
    ["難病", 1],
    ["その他", 4],
  ],
  [
    ["がん", 2],
    ["感染症", 11],
  ],
  [
    ["がん", 7],
    ["生活習慣病", 5],
    ["精神・神経疾患", 2],
    ["難病", 3],
    ["成育", 2],
    ["その他", 1],
  ],
  [
    ["がん", 1],
    ["生活習慣病", 1],
    ["精神・神経疾患", 4],
    ["難病", 2],
    ["成育", 2],
    ["その他", 3],
  ],
  [
    ["がん", 2],
    ["生活習慣病", 2],
    ["難病", 5],
    ["成育", 1],
    ["その他", 2],
  ],
  [
    ["難病", 1],
    ["感染症", 1],
  ],
  [
    ["がん", 40],
    ["生活習慣病", 21],
    ["精神・神経疾患", 15],
    ["老年医学・認知症", 2],
    ["難病", 22],
    ["成育", 10],
    ["感染症", 18],
    ["その他", 30],
  ],
];
const CONTENT = [
  [37, 13],
  [30, 8],
  [9, 1],
  [8, 2],
  [12, 7],
  [8, 3],
  [6, 9],
  [2, 0],
  [112, 43],
];
const T2 = [37, 19, 16, 9, 18, 5, 28, 15, 111];
const TRIALS: string[][] = [
  ["29件（0件）", "7件（2件）", "1件"],
  ["12件（0件）", "6件（1件）", "1件"],
  ["13件（0件）", "3件（1件）", "0件"],
  ["2件（0件）", "7件（3件）", "0件"],
  ["16件(1件)", "2件(2件)", "0件"],
  ["3件（1件）", "2件（0件）", "0件"],
  ["24件（1件）", "3件（1件）", "1件"],
  ["6件 (0件)", "9件 (3件)", "0件"],
  ["77件 (3件)", "31件 (11件)", "3件"],
];
const T3 = ["46.5件", "15.5件", "22.5件", "10.5件", "25.5件", "17.5件", "18件", "9.5件", "166件"];
const SUPPORT: string[][] = [
  ["21件", "0件", "25.5件"],
  ["0件", "0件", "15.5件"],
  ["0件", "0件", "22.5件"],
  ["3件", "0件", "7.5件"],
  ["0件", "0件", "25.5件"],
  ["0件", "0件", "17.5件"],
  ["2件", "0件", "16件"],
  ["9件", "0件", "0.5件"],
  ["35件", "0件", "131件"],
];
const PAIRING_TYPO = new Set([1, 2, 7]); // ベアリング in PJ2, PJ3, PJ8
const NATURE = [
  [2, 6, 0, 0],
  [7, 2, 2, 1],
  [0, 0, 0, 4],
  [1, 0, 0, 0],
  [4, 0, 1, 0],
  [0, 0, 3, 0],
  [4, 1, 1, 0],
  [0, 0, 2, 0],
  [14, 9, 5, 3],
];
export const USE: string[][] = [
  ["5件（低分子医薬品2件／高分子医薬品－抗体3件）", "1件（0件／1件）", "2件", "0件"],
  ["0件", "12件（9件／3件）", "0件", "0件"],
  ["0件", "0件", "0件", "4件"],
  ["0件", "0件", "1件", "0件"],
  ["0件", "2件(0件/2件)", "3件", "0件"],
  ["0件", "2件（1件／1件）", "1件", "0件"],
  ["1件（低分子医薬品1件）", "3件（3件／0件）", "2件", "0件"],
  ["0件", "1件 (1件/0件)", "1件", "0件"],
  ["6件 (低分子医薬品3件/高分子医薬品-抗体3件)", "16件 (治療用10件/診断用6件)", "7件", "2件"],
];
const IMPL = [
  [38, 0],
  [12, 11],
  [9, 1],
  [20, 2],
  [51, 3],
  [8, 0],
  [2, 0],
  [1, 1],
  [136, 19],
];
const TOP1 = [
  "Top1%論文数 40件",
  "Top1%論文数 2件",
  "Top1%論文数 6件",
  "Top1%論文数 46件",
  "Top1%論文数 51件",
  "Top1%論文数 40件",
  "—",
  "—",
  "Top1%論文数 (PJ1~PJ6) 86件",
];
const PAPERS = [
  ["283件", "2,944件"],
  ["20件", "264件"],
  ["59件", "417件"],
  ["189件", "1,834件"],
  ["283件", "2,297件"],
  ["279件", "1,945件"],
  ["9件", "135件"],
  ["1件", "11件"],
  ["599件", "5,585件"],
];
export const DIVERSITY = [
  "男：89.0% 女：11.0%",
  "男：89.7% 女：10.3%",
  "男：94.1% 女：5.9%",
  "男: 92.3% 女: 7.7%",
  "男:89.2% 女:10.8%",
  "男：86.6% 女：13.4%",
  "男：93.2% 女：6.8%",
  "男: 93.6% 女: 6.4%",
  "男: 89.7% 女: 10.3%",
];
const OWN: [string, number][][] = [
  [["非臨床PoC取得件数", 70]],
  [["PMDA対面助言実施件数", 20]],
  [
    ["非臨床PoC取得件数", 29],
    ["再生医療等安全性確保法下での臨床研究件数", 1],
    ["RS 戦略相談の再生医療等製品の品質及び安全性に係る相談の対面助言件数", 5],
  ],
  [["非臨床PoC取得件数", 37]],
  [
    ["データ基盤構築の状況 (データの蓄積・統合・連携および解析・実装を行った課題数)", 125],
    ["アカデミア、企業によるデータ基盤の利活用実績 (分譲可能な試料数/情報数、共同研究または分譲実施数等)", 142],
    ["新たな疾患発症メカニズム解明の件数", 46],
    ["新たな疾患関連遺伝子・薬剤関連遺伝子の同定数", 35],
    ["臨床的に実用可能なバイオマーカー等の開発件数", 18],
    ["疾患の原因となる遺伝子変異に基づく新規の診断・治療法の実用化件数", 4],
  ],
  [],
  [],
  [["採択課題におけるステージゲート・中間評価等の通過件数", 24]],
];

/** One monitoring sheet: i = 0…7 for PJ1…PJ8, 8 for 全体. */
export function monitoringSheet(i: number): Row[] {
  const overall = i === 8;
  const rows: Row[] = [["（参考）モニタリング指標"], ["統合プロジェクト", overall ? "全体" : PJ_NAMES[i]], [], HEADER];
  const item = (group: string | undefined, label: string, value: string | number, note?: string): Row => [
    undefined,
    undefined,
    undefined,
    group,
    label,
    undefined,
    c(value),
    undefined,
    note,
  ];
  // 1
  rows.push([
    "1",
    "権利譲渡契約・実施許諾契約・共同研究開発契約件数 (シーズの企業導出件数)",
    c(T1[i]),
    "導出形態別の件数",
    "権利譲渡契約件数",
    undefined,
    c(FORM[i][0]),
  ]);
  rows.push(item(undefined, "実施許諾契約（オプション契約は除く）件数", FORM[i][1]));
  rows.push(item(undefined, "共同研究開発契約件数", FORM[i][2]));
  rows.push(item("導出先別の件数", "ベンチャー企業への導出件数（国内企業）", DEST[i][0]));
  rows.push(item(undefined, "ベンチャー企業への導出件数（外資系企業）", DEST[i][1]));
  rows.push(item(undefined, "ベンチャー以外の企業への導出件数（国内企業）", DEST[i][2]));
  rows.push(item(undefined, "ベンチャー以外の企業への導出件数（外資系企業）", DEST[i][3]));
  rows.push(item("導出時の開発フェーズ（開発ステージ）別の件数", "非臨床試験開始以前に導出した件数", PHASE[i][0]));
  rows.push(item(undefined, "非臨床試験開始後かつ治験開始前までに導出した件数", PHASE[i][1]));
  rows.push(item(undefined, "治験開始後に導出した件数", PHASE[i][2]));
  DISEASE[i].forEach(([area, n], k) => rows.push(item(k === 0 ? "疾患領域別の導出件数" : undefined, area, n)));
  rows.push(item("導出内容別の件数", "技術導出件数", CONTENT[i][0]));
  rows.push(item(undefined, "開発候補品の導出件数", CONTENT[i][1]));
  // 2
  rows.push([
    "2",
    "治験に至った件数",
    c(T2[i]),
    undefined,
    "医師主導治験の治験計画届の届出数（うち国際共同治験数）",
    undefined,
    TRIALS[i][0],
  ]);
  rows.push(item(undefined, "企業治験の治験計画届の届出数（うち国際共同治験数）", TRIALS[i][1]));
  rows.push(item(undefined, "臨床性能試験の数", TRIALS[i][2]));
  // 3
  const pairing = PAIRING_TYPO.has(i)
    ? "ベアリングによる他事業への受け渡し件数"
    : "ペアリングによる他事業への受け渡し件数";
  rows.push(["3", "優れたシーズの発展・継続支援件数", T3[i], undefined, pairing, undefined, SUPPORT[i][0]]);
  rows.push(item(undefined, "マッチングによる他事業への受け渡し件数", SUPPORT[i][1]));
  rows.push(item(undefined, "過去にAMED支援を受けた課題について、新たに公募により採択された件数", SUPPORT[i][2]));
  // 4
  rows.push([
    "4",
    i === 4 ? "業事承認・認証" : "薬事承認・認証",
    overall ? "-" : "—",
    "品目の性格別の承認件数",
    "新規の承認件数",
    undefined,
    c(NATURE[i][0]),
  ]);
  rows.push(item(undefined, "適応拡大の承認件数", NATURE[i][1]));
  rows.push(item(undefined, "海外承認・認証件数", NATURE[i][2]));
  rows.push(item(undefined, "その他", NATURE[i][3]));
  rows.push(item("医療における利用形態別の件数", "医薬品の承認件数（モダリティ別の内訳）", USE[i][0]));
  rows.push(item(undefined, "医療機器の承認・認証件数（治療用／診断用の内訳）", USE[i][1]));
  rows.push(item(undefined, "体外診断用医薬品の承認・認証件数", USE[i][2]));
  rows.push(
    item(
      undefined,
      "再生医療等製品の承認件数",
      USE[i][3],
      i === 2 ? "iPS細胞由来の再生医療等製品2品目が、条件及び期限付きで製造販売承認された。" : undefined,
    ),
  );
  // 5
  rows.push([
    "5",
    "医療等に実装された件数 （薬事承認・認証を除く）",
    "—",
    undefined,
    "ガイドライン等の策定又は改定件数",
    undefined,
    c(IMPL[i][0]),
  ]);
  rows.push(item(undefined, "ソフトウェアや一般医療機器が上市に至った件数", IMPL[i][1]));
  // 6
  // PJ7 and PJ8 list Top1% as an item (PJ7 as `Top1%論文`); the 全体 sheet lists it as well as its 指標値.
  const top1Item = i === 6 ? "Top1%論文" : i === 7 ? "Top1%論文数" : overall ? "Top1%論文数 (PJ1~PJ8)" : undefined;
  if (top1Item) {
    rows.push(["6", "論文数", TOP1[i], undefined, top1Item, undefined, overall ? "86件" : "0件"]);
    rows.push(item(undefined, "Top10%論文数", PAPERS[i][0]));
  } else {
    rows.push(["6", "論文数", TOP1[i], undefined, "Top10%論文数", undefined, PAPERS[i][0]]);
  }
  rows.push(item(undefined, "全論文数", PAPERS[i][1]));
  // 7
  rows.push([
    "7",
    "研究環境における 人的ダイバーシティ",
    "—",
    undefined,
    "研究者の男女（その他）比率",
    undefined,
    DIVERSITY[i],
  ]);
  // 独自
  if (overall) {
    rows.push(["個々の統合プロジェクトで定めるモニタリング指標 (再掲)"]);
    OWN.forEach((list, p) =>
      list.forEach(([label, n], k) =>
        rows.push(["独自", label, c(n), k === 0 ? PJ_NAMES[p].replace(/^PJ\d /, "") + ` (PJ${p + 1})` : undefined]),
      ),
    );
    // The 再掲 table words PJ5's last indicator differently (…開発件数 for …実用化件数): still the same row.
    const last = rows.findIndex((r) => r[1] === "疾患の原因となる遺伝子変異に基づく新規の診断・治療法の実用化件数");
    rows[last][1] = "疾患の原因となる遺伝子変異に基づく新規の診断・治療法の開発件数";
  } else {
    for (const [label, n] of OWN[i]) rows.push(["独自", label, c(n)]);
  }
  rows.push(["※ 令和7年度の数値は速報値を含む。"]);
  return rows;
}

export function seedSheets() {
  return [8, 0, 1, 2, 3, 4, 5, 6, 7].map((i) => sheetFromValues(i === 8 ? "全体" : `PJ${i + 1}`, monitoringSheet(i)));
}
