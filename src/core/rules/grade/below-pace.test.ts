import { indicator } from "../../../../test/support/phrases";
import { runRuleTests } from "../../../../test/support/rule-tester";
import { OUTPUT_LEAD, outputSheetOf } from "../../../../test/support/sheets";
import { rule } from "./below-pace";

const H = [...OUTPUT_LEAD, "実績", "進捗", "備考"];
// Columns: A 番号, B 区分, C 指標, D 目標値, E 目標の種類, F 期間, G 実績, H 進捗, I 備考
const sheet = outputSheetOf(H);
/** Data of a result below pace in 令和7 (2025), year 2 of 5 of the period. */
const paceIn2025 = (number: string, actual: string, pace: string, target: string, ratio: string) => ({
  row: indicator(number),
  actual,
  pace,
  target,
  elapsed: 2,
  years: 5,
  year: { fiscalYear: 2025 },
  ratio,
});

runRuleTests(rule, {
  valid: [
    {
      name: "seed 001 cumulative targets on or above pace (5, 6, 21)",
      sheets: sheet(
        [
          "5",
          "特設目標",
          "小児用医薬品の開発計画の策定件数",
          "50件",
          "累積",
          "令和6～10年度",
          "51件* (22件/29件)",
          "A",
        ],
        ["6", "特設目標", "希少疾病用医薬品の承認件数", "150件", "累積", "R6-R10", "75件* (30件/45件)", "A"],
        ["21", "特設目標", "重点感染症医薬品の承認件数", "5件", "累積", "R6〜R10", "2件* (2件/0件)", "A"],
      ),
    },
    {
      name: "B below pace is the person's judgement",
      sheets: sheet(["16", "特設目標", "人材", "750名", "累積", "R6-R10", "271人", "B"]),
    },
    {
      name: "no report year, no pace",
      sheets: { S: [H, ["16", "特設目標", "人材", "750名", "累積", "R6-R10", "271人", "A"]] },
    },
    { name: "no period, no pace", sheets: sheet(["16", "特設目標", "人材", "750名", "累積", null, "271人", "A"]) },
    {
      name: "strict kinds are grade/mismatch's",
      sheets: sheet(["16", "特設目標", "人材", "750名", "期間累計", "R6-R10", "100人", "A"]),
    },
  ],
  invalid: [
    {
      name: "seed 001 indicators 16 and 8",
      sheets: sheet(
        [
          "8",
          "特設目標",
          "新たに整備する施設における国内FIH試験実施件数",
          "10件",
          "累積",
          "R6-R10",
          "0件",
          "A",
          "令和8年度以降、整備した施設を用いて実際の試験を行う予定",
        ],
        ["16", "特設目標", "バイオ製造人材研修の累積受講者数", "750名", "累積", "R6-R10", "271人* (125人/146人)", "A"],
      ),
      findings: [
        {
          rule: "grade/below-pace",
          severity: "warning",
          cell: "H3",
          cells: ["H3", "G3", "D3"],
          expected: 4,
          actual: 0,
          messageId: "belowPace",
          data: paceIn2025("8", "0件", "4件", "10件", "0.0%"),
        },
        {
          rule: "grade/below-pace",
          severity: "warning",
          cell: "H4",
          expected: 300,
          actual: 271,
          messageId: "belowPace",
          data: paceIn2025("16", "271人", "300名", "750名", "90.3%"),
        },
      ],
    },
    {
      name: "period taken from the target text when 期間 is blank",
      sheets: sheet(["16", "特設目標", "人材", "令和6～10年度累積で750名", "累積", null, 271, "a"]),
      findings: [
        {
          expected: 300,
          messageId: "belowPace",
          data: paceIn2025("16", "271名", "300名", "750名", "90.3%"),
        },
      ],
    },
  ],
});
