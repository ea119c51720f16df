/** Roll-up fixtures shared by the rollup rule tables: a 全体 sheet and eight PJ sheets holding indicators 3, 4 and 7. */
import { diversityRows, monitoringSheet, supportRows, useRows, type Row } from "./monitoring";

export type { Row };

export interface PjData {
  /** 指標3: total, ペアリング, マッチング, 新たに公募. */
  support?: [string, string, string, string];
  /** 指標4 利用形態別: 医薬品, 医療機器, 体外診断用医薬品, 再生医療等製品 (undefined rows are left out). */
  use?: (string | undefined)[];
  /** 指標7 shares. */
  diversity?: string;
}

export function monitoringRows(project: string, d: PjData): Row[] {
  return monitoringSheet(
    project,
    ...(d.support ? supportRows(d.support) : []),
    ...(d.use ? useRows(d.use) : []),
    ...(d.diversity ? diversityRows(d.diversity) : []),
  );
}

/** Sheets named after their order, so that names say nothing: the metadata identifies them. */
export function workbook(overall: PjData, projects: PjData[]): Record<string, Row[]> {
  const out: Record<string, Row[]> = { 集計: monitoringRows("全体", overall) };
  projects.forEach((d, i) => (out[`シート${i + 1}`] = monitoringRows(`PJ${i + 1}`, d)));
  return out;
}

/** The seed's PJ1…PJ8, indicator by indicator. */
export const SEED = {
  /** 指標3: total, ペアリング, マッチング, 新たに公募 (half counts where two PJs share a seed). */
  support: [
    ["46.5件", "21件", "0件", "25.5件"],
    ["15.5件", "0件", "0件", "15.5件"],
    ["22.5件", "0件", "0件", "22.5件"],
    ["10.5件", "3件", "0件", "7.5件"],
    ["25.5件", "0件", "0件", "25.5件"],
    ["17.5件", "0件", "0件", "17.5件"],
    ["18件", "2件", "0件", "16件"],
    ["9.5件", "9件", "0件", "0.5件"],
  ] as [string, string, string, string][],
  /** 指標4 利用形態別: 医薬品, 医療機器, 体外診断用医薬品, 再生医療等製品. */
  use: [
    ["5件（低分子医薬品2件／高分子医薬品－抗体3件）", "1件（0件／1件）", "2件", "0件"],
    ["0件", "12件（9件／3件）", "0件", "0件"],
    ["0件", "0件", "0件", "4件"],
    ["0件", "0件", "1件", "0件"],
    ["0件", "2件(0件/2件)", "3件", "0件"],
    ["0件", "2件（1件／1件）", "1件", "0件"],
    ["1件（低分子医薬品1件）", "3件（3件／0件）", "2件", "0件"],
    ["0件", "1件 (1件/0件)", "1件", "0件"],
  ],
  /** 指標7 男女比率. */
  diversity: [
    "男：89.0% 女：11.0%",
    "男：89.7% 女：10.3%",
    "男：94.1% 女：5.9%",
    "男: 92.3% 女: 7.7%",
    "男:89.2% 女:10.8%",
    "男：86.6% 女：13.4%",
    "男：93.2% 女：6.8%",
    "男: 93.6% 女: 6.4%",
  ],
};

/** The PJ sheets' cells as a finding names them, PJ1 first (シート1 … シート8). */
export const pjCells = (...cells: string[]) => cells.map((c, i) => `'シート${i + 1}'!${c}`);

/** The same cell on each of the eight PJ sheets. */
export const inEveryPj = (cell: string) => pjCells(...Array<string>(8).fill(cell));
