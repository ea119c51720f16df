/** Seed tables shared by the budget rule and reader tests. */
import type { CellValue } from "../../src/core/model/workbook";

/** Seed 002 T002-1 (厚生労働科学研究費補助金等) below its header: 区分 holds the 分野 numbering, roles come from 名称. */
export const T002_1_ROWS: (CellValue | undefined)[][] = [
  ["Ⅰ", "行政政策研究分野"],
  [undefined, "（１）行政政策研究経費", "7.1億円"],
  [undefined, "（２）厚生労働科学研究特別研究経費", "2.4億円"],
  ["Ⅱ", "疾病・障害対策研究分野"],
  [undefined, "（１）成育疾患克服等次世代育成基盤研究経費", "3.2億円"],
  [undefined, "（２）がん対策推進総合研究経費", "6.1億円"],
  [undefined, "（３）生活習慣病・難治性疾患克服総合研究経費", "27.0億円"],
  [undefined, "（４）長寿・障害総合研究経費", "8.3億円"],
  [undefined, "（５）感染症対策総合研究経費", "15.2億円"],
  ["Ⅲ", "健康安全確保総合研究分野"],
  [undefined, "（１）地域医療基盤開発推進研究経費", "3.3億円"],
  [undefined, "（２）労働安全衛生総合研究経費", "1.2億円"],
  [undefined, "（３）食品医薬品等リスク分析研究経費", "17.0億円"],
  [undefined, "（４）健康安全・危機管理対策総合研究経費", "2.8億円"],
  [undefined, "小 計（Ⅰ＋Ⅱ＋Ⅲ）", "93.6億円"],
  [undefined, "（うち、厚生労働科学研究費補助金）", "63.8億円"],
  [undefined, "（うち、厚生労働行政推進調査事業費補助金）", "29.8億円"],
  [undefined, "その他", "4.4億円"],
  [undefined, "合 計", "98.0億円"],
];
