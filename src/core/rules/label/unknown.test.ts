import { runRuleTests } from "../../../../test/support/rule-tester";
import { rule } from "./unknown";

const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
const top = [["統合プロジェクト", "PJ2 医療機器・ヘルスケアプロジェクト"], H];
const support = (pairing: string) => [
  ["3", "優れたシーズの発展・継続支援件数", "15.5件", null, pairing, null, "0件"],
  [null, null, null, null, "マッチングによる他事業への受け渡し件数", null, "0件"],
  [null, null, null, null, "過去にAMED支援を受けた課題について、新たに公募により採択された件数", null, "15.5件"],
];

runRuleTests(rule, {
  valid: [
    { name: "catalogue labels", sheets: { PJ2: [...top, ...support("ペアリングによる他事業への受け渡し件数")] } },
    { name: "short aliases and width variants", sheets: { PJ2: [...top, ["3", "発展・継続支援件数", "15.5件", null, "ペアリング", null, "0件"], [null, null, null, null, "マッチング", null, "0件"], [null, null, null, null, "新たに公募", null, "15.5件"]] } },
    {
      name: "an open 細目 list (医薬品 by modality) takes any label",
      sheets: { PJ2: [...top, ["4", "薬事承認・認証", "—", "医療における利用形態別の件数", "医薬品の承認件数（モダリティ別の内訳）", null, "3件（核酸医薬1件／低分子医薬品2件）"]] },
    },
    { name: "project-specific rows are free text", sheets: { PJ2: [...top, ["独自", "PMDA対面助言実施件数", "20件"]] } },
  ],
  invalid: [
    {
      name: "seed PJ2: ベアリング for ペアリング",
      sheets: { PJ2: [...top, ...support("ベアリングによる他事業への受け渡し件数")] },
      findings: [
        {
          rule: "label/unknown",
          severity: "info",
          cell: "E3",
          message: "項目「ベアリングによる他事業への受け渡し件数」はカタログにありません。「ペアリングによる他事業への受け渡し件数」として扱いました（誤記ではありませんか）。",
          fix: { sheet: "PJ2", cell: "E3", value: "ペアリングによる他事業への受け渡し件数" },
        },
      ],
    },
    {
      name: "seed PJ5: 業事承認・認証 for 薬事承認・認証",
      sheets: { PJ5: [["統合プロジェクト", "PJ5"], H, ["4", "業事承認・認証", "—", "品目の性格別の承認件数", "新規の承認件数", null, "4件"]] },
      findings: [{ cell: "B3", message: expect.stringContaining("「薬事承認・認証」"), fix: { sheet: "PJ5", cell: "B3", value: "薬事承認・認証" } }],
    },
    {
      name: "an item the catalogue does not know",
      sheets: { PJ2: [...top, ["2", "治験に至った件数", "19件", null, "第III相試験の数", null, "1件"]] },
      findings: [{ cell: "E3", message: expect.stringMatching(/^項目「第III相試験の数」はカタログにありません/) }],
    },
    {
      name: "an indicator number the catalogue does not know",
      sheets: { PJ2: [...top, ["9", "特許出願件数", "5件"]] },
      findings: [{ cell: "A3", message: "番号 9 の指標「特許出願件数」はカタログにありません。内訳の検証には使われません。" }],
    },
  ],
});
