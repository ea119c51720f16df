/** Small sheets of each kind for rule tables. */
import { sheetFromValues, type CellValue, type Sheet } from "../../src/core/model/workbook";

export type Row = (CellValue | undefined)[];

/** A sheet with what the adapter read of its layout (hidden rows and columns, merges, what it could not read). */
export const sheetWith = (name: string, rows: Row[], layout: Partial<Sheet> = {}): Sheet => ({
  ...sheetFromValues(name, rows),
  ...layout,
});

/** A small インハウス予算 table whose 健康・医療関係 is written twice, in 百万円 (C) and in 億円 (D). */
export const INHOUSE_TWO_UNITS: Row[] = [
  ["機関名", "全体", "健康・医療関係（百万円）", "健康・医療関係（億円）"],
  ["A研究所", 100, 5000, 50],
];

export const INHOUSE_HEADER: Row = [
  "機関名",
  "所管",
  "全体",
  "健康・医療関係",
  "外部資金（健康・医療関係）",
  "健康・医療比率",
  "外部資金比率",
  "備考",
];

/** An インハウス予算 sheet: metadata, header, then the given rows. */
export function inhouse(...rows: Row[]): Row[] {
  return inhouseUnder(INHOUSE_HEADER, ...rows);
}

/** An インハウス予算 sheet under a header of its own (a column relabelled or added): A1 報告年度, A2 unit, row 3 header. */
export function inhouseUnder(header: Row, ...rows: Row[]): Row[] {
  return [["報告年度", "令和7年度"], ["(単位：億円)"], header, ...rows];
}

export const BREAKDOWN_HEADER: Row = ["区分", "名称", "前年度予算額", "令和7年度予算額", "増減額", "増減率", "備考"];

export function breakdown(...rows: Row[]): Row[] {
  return [["(単位：億円)"], BREAKDOWN_HEADER, ...rows];
}

/** The columns every アウトプット指標 sheet begins with: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間. */
export const OUTPUT_LEAD = ["番号", "区分", "指標", "目標値", "目標の種類", "期間"];

/** アウトプット指標 workbooks under `header`: A1 報告年度, the header in row 2, the indicator rows from row 3. */
export const outputSheetOf =
  (header: string[]) =>
  (...rows: Row[]): Record<string, Row[]> => ({ アウトプット指標: [["報告年度", "令和7年度"], header, ...rows] });
