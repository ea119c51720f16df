/** Roll-up fixtures shared by the rollup rule tables: a 全体 sheet and eight PJ sheets holding indicators 3, 4 and 7. */
import type { CellValue } from "../../src/core/model/workbook";

const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
export type Row = (CellValue | undefined)[];

export interface PjData {
  /** 指標3: total, ペアリング, マッチング, 新たに公募. */
  support?: [string, string, string, string];
  /** 指標4 利用形態別: 医薬品, 医療機器, 体外診断用医薬品, 再生医療等製品 (undefined rows are left out). */
  use?: (string | undefined)[];
  /** 指標7 shares. */
  diversity?: string;
}

export function monitoringRows(project: string, d: PjData): Row[] {
  const rows: Row[] = [["統合プロジェクト", project], H];
  if (d.support) {
    rows.push([
      "3",
      "優れたシーズの発展・継続支援件数",
      d.support[0],
      null,
      "ペアリングによる他事業への受け渡し件数",
      null,
      d.support[1],
    ]);
    rows.push([null, null, null, null, "マッチングによる他事業への受け渡し件数", null, d.support[2]]);
    rows.push([
      null,
      null,
      null,
      null,
      "過去にAMED支援を受けた課題について、新たに公募により採択された件数",
      null,
      d.support[3],
    ]);
  }
  if (d.use) {
    const labels = [
      "医薬品の承認件数（モダリティ別の内訳）",
      "医療機器の承認・認証件数（治療用／診断用の内訳）",
      "体外診断用医薬品の承認・認証件数",
      "再生医療等製品の承認件数",
    ];
    let first = true;
    d.use.forEach((v, i) => {
      if (v === undefined) return;
      rows.push(
        first
          ? ["4", "薬事承認・認証", "—", "医療における利用形態別の件数", labels[i], null, v]
          : [null, null, null, null, labels[i], null, v],
      );
      first = false;
    });
  }
  if (d.diversity) rows.push(["7", "人的ダイバーシティ", "—", null, "研究者の男女（その他）比率", null, d.diversity]);
  return rows;
}

/** Sheets named after their order, so that names say nothing: the metadata identifies them. */
export function workbook(overall: PjData, projects: PjData[]): Record<string, Row[]> {
  const out: Record<string, Row[]> = { 集計: monitoringRows("全体", overall) };
  projects.forEach((d, i) => (out[`シート${i + 1}`] = monitoringRows(`PJ${i + 1}`, d)));
  return out;
}
