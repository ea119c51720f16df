/**
 * One 番号 key on every sheet (values/indicator-number): before it, the output reader kept `01`, the monitoring
 * reader kept `No.1` and only the catalogue stripped both, so an output sheet numbered `01` was never compared
 * with 全体 and its wrong 実績 passed unnoticed.
 */
import { rule } from "../../../src/core/rules/xref/mismatch";
import { findingsOf } from "../../support/rule-tester";

const output = (number: string, actual: string) => [
  ["報告年度", "令和7年度"],
  ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "実績", "進捗"],
  [number, "全体目標", "企業導出件数", "650件", "期間累計", "R7-R11", actual, "A"],
];

const overall = (number: string) => [
  ["統合プロジェクト", "全体"],
  ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値"],
  [number, "企業導出件数", "158件", "導出形態別の件数", "権利譲渡契約件数", null, "7件"],
  [null, null, null, null, "実施許諾契約（オプション契約は除く）件数", null, "36件"],
  [null, null, null, null, "共同研究開発契約件数", null, "115件"],
];

describe("output ↔ 全体 whatever way the 番号 is written", () => {
  test.each([
    ["1", "1"],
    ["01", "No.1"],
    ["（１）", "指標1"],
    ["1.", "①"],
  ])("output %s and 全体 %s are the same indicator", (outNo, overallNo) => {
    const findings = findingsOf(rule, { アウトプット指標: output(outNo, "157件"), 全体: overall(overallNo) });
    expect(findings).toEqual([
      expect.objectContaining({ sheet: "アウトプット指標", cell: "G3", expected: 158, actual: 157 }),
    ]);
  });

  test("agreeing figures give nothing", () => {
    expect(findingsOf(rule, { アウトプット指標: output("01", "158件"), 全体: overall("No.1") })).toEqual([]);
  });
});
