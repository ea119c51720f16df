/** Small sheets of each kind for rule tables. */
import type { CellValue } from "../../src/core/model/workbook";

type Row = (CellValue | undefined)[];

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
  return [["報告年度", "令和7年度"], ["(単位：億円)"], INHOUSE_HEADER, ...rows];
}

export const BREAKDOWN_HEADER: Row = ["区分", "名称", "前年度予算額", "令和7年度予算額", "増減額", "増減率", "備考"];

export function breakdown(...rows: Row[]): Row[] {
  return [["(単位：億円)"], BREAKDOWN_HEADER, ...rows];
}
