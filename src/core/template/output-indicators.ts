/**
 * The standard rows of the アウトプット指標 sheet (DOMAIN §3.3), as the plan publishes them: the outcome
 * indicators O1–O3 and the output indicators 1–21 with their targets. The template prefills them so staff
 * type only 実績, 進捗 and the prose, as on the monitoring sheets where the catalogue's items are prefilled.
 * Transcribed from the R7 report (samples/r7-report.data.json, column 達成目標（原文）).
 */

export type OutputCategory = "全体目標" | "特設目標" | "アウトカム";
export type TargetKindLabel = "年度" | "期間累計" | "累積" | "年平均" | "基準値以上" | "基準値超" | "定性";

export interface StandardOutputIndicator {
  number: string;
  category: OutputCategory;
  label: string;
  /** 目標値 as a number in `unit` (absent for outcomes and 定性). */
  target?: number;
  targetKind?: TargetKindLabel;
  period?: string;
  /** The unit 目標値 and 実績 are counted in (shown by the cells' number format). */
  unit: string;
}

const overall = (number: string, label: string, target: number): StandardOutputIndicator => ({
  number,
  category: "全体目標",
  label,
  target,
  targetKind: "期間累計",
  period: "R7-R11",
  unit: "件",
});

const special = (
  number: string,
  label: string,
  target: number | undefined,
  targetKind: TargetKindLabel,
  unit: string,
): StandardOutputIndicator => ({
  number,
  category: "特設目標",
  label,
  ...(target !== undefined ? { target } : {}),
  targetKind,
  period: "R6-R10",
  unit,
});

export const STANDARD_OUTPUT_INDICATORS: readonly StandardOutputIndicator[] = [
  { number: "O1", category: "アウトカム", label: "薬事承認", unit: "件" },
  { number: "O2", category: "アウトカム", label: "ガイドライン等", unit: "件" },
  { number: "O3", category: "アウトカム", label: "製品上市数", unit: "件" },
  overall("1", "権利譲渡契約・実施許諾契約・共同研究開発契約件数（シーズの企業導出件数）", 650),
  overall("2", "治験に至った件数", 300),
  overall("3", "優れたシーズの発展・継続支援件数", 600),
  overall("4", "論文数（Top1%論文）", 600),
  special("5", "小児用医薬品の開発計画の策定件数", 50, "累積", "件"),
  special("6", "希少疾病用医薬品の承認件数", 150, "累積", "件"),
  special("7", "創薬ベンチャー採択件数", 70, "累積", "社"),
  special("8", "新たに整備する施設における国内FIH試験実施件数", 10, "累積", "件"),
  special("9", "FIH試験実施に関する研修プログラム受講者の勤務施設数", 20, "累積", "施設"),
  special("10", "橋渡し研究支援機関による支援数", 1365, "基準値以上", "件"),
  special("11", "臨床研究中核病院における治験数", 360, "年度", "件"),
  special("12", "臨床研究従事者に対する研修プログラム修了者数（修了証発行数）", 1100, "年度", "人"),
  special("13", "臨床研究中核病院におけるDCTを活用した治験の実施件数", 15, "累積", "試験"),
  special("14", "jRCTのアクセス数", 1_200_000, "年度", "件"),
  special("15", "デュアルユース設備を有する拠点数", 16, "累積", "拠点"),
  special("16", "バイオ製造人材研修の累積受講者数", 750, "累積", "名"),
  special(
    "17",
    "理化学研究所において最先端の研究開発の融合による革新的な創薬シーズを年平均3件以上創出",
    3,
    "年平均",
    "件",
  ),
  special(
    "18",
    "薬学部・薬系大学院修了者のうち、創薬関連の仕事・研究等につく者を1,225名/年より増加",
    1225,
    "基準値超",
    "名",
  ),
  special("19", "大学病院の医師等の職務活動時間に占める研究時間の割合及びTop10%論文の増加", undefined, "定性", ""),
  special("20", "AMED支援シーズの企業導出件数及び事業間の連続的支援数", 250, "年平均", "件"),
  special("21", "AMRを含む重点感染症に対する医薬品の承認件数", 5, "累積", "件"),
];
