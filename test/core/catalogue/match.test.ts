import { defaultCatalogue as cat } from "../../../src/core/catalogue/default";
import { editDistance } from "../../../src/core/values/edit-distance";
import {
  findIndicator,
  matchGroup,
  matchIndicator,
  matchItem,
  matchShare,
  matchSubItem,
  typoThreshold,
  type ItemMatch,
} from "../../../src/core/catalogue/match";
import type { CatalogueIndicator } from "../../../src/core/catalogue/schema";
import { parseText } from "../../../src/core/values/parse";

const ind = (n: string): CatalogueIndicator => findIndicator(cat, n)!;
const group = (n: string, key: string) => ind(n).groups.find((g) => g.key === key)!;
const item = (n: string, key: string) =>
  ind(n)
    .groups.flatMap((g) => g.items)
    .find((i) => i.key === key)!;

/** "groupKey.itemKey" plus exactness, or "unknown(→nearest)". */
function show(m: ItemMatch): string {
  if ("unknown" in m) return m.nearest ? `unknown→${m.nearest.group.key}.${m.nearest.item.key}` : "unknown";
  return `${m.group.key}.${m.item.key}${m.exact ? "" : "~"}`;
}
const itemOf = (n: string, label: string, groupKey?: string) =>
  show(matchItem(ind(n), groupKey ? group(n, groupKey) : undefined, label));

describe("editDistance", () => {
  test("OSA with transpositions and a cut-off", () => {
    const d = (a: string, b: string, max?: number) => editDistance(a, b, max);
    expect(d("ペアリング", "ベアリング")).toBe(1);
    expect(d("ab", "ba")).toBe(1);
    expect(d("kitten", "sitting")).toBe(3);
    expect(d("kitten", "sitting", 1)).toBe(2);
    expect(d("", "abc")).toBe(3);
  });
  test("thresholds", () => {
    expect([2, 3, 4, 6, 7, 13, 14, 19, 20].map(typoThreshold)).toEqual([0, 0, 1, 1, 1, 1, 2, 2, 3]);
  });
});

describe("findIndicator", () => {
  test("by number, full-width and prefixed", () => {
    for (const n of ["1", "2", "3", "4", "5", "6", "7"]) expect(findIndicator(cat, n)?.number).toBe(n);
    expect(findIndicator(cat, "１")?.number).toBe("1");
    expect(findIndicator(cat, " 7 ")?.number).toBe("7");
    expect(findIndicator(cat, "No.4")?.number).toBe("4");
    expect(findIndicator(cat, "8")).toBeUndefined();
    expect(findIndicator(cat, "独自")).toBeUndefined();
  });

  test.each([
    ["企業導出件数", "1"],
    ["権利譲渡契約・実施許諾契約・共同研究開発契約件数 (シーズの企業導出件数)", "1"],
    ["権利譲渡契約・実施許諾契約・共同研究開発契約件数（シーズの企業導出件数）", "1"],
    ["治験に至った件数", "2"],
    ["発展・継続支援件数", "3"],
    ["優れたシーズの発展・継続支援件数", "3"],
    ["薬事承認・認証", "4"],
    ["医療等に実装された件数", "5"],
    ["医療等に実装された件数 （薬事承認・認証を除く）", "5"],
    ["論文数", "6"],
    ["人的ダイバーシティ", "7"],
    ["研究環境における 人的ダイバーシティ", "7"],
    ["研究環境における人的ダイバーシティ", "7"],
  ])("label %s → %s (exact)", (label, n) => {
    expect(findIndicator(cat, label)?.number).toBe(n);
    expect(matchIndicator(cat, label)).toEqual({ indicator: ind(n), exact: true });
  });

  test("the seed's 業事承認・認証 is a near miss of 薬事承認・認証", () => {
    expect(findIndicator(cat, "業事承認・認証")?.number).toBe("4");
    expect(matchIndicator(cat, "業事承認・認証")).toEqual({
      indicator: ind("4"),
      exact: false,
      suggestion: "薬事承認・認証",
    });
  });

  test("unrelated labels", () => {
    expect(findIndicator(cat, "指標値")).toBeUndefined();
    expect(findIndicator(cat, "非臨床PoC取得件数")).toBeUndefined();
    expect(findIndicator(cat, "PMDA対面助言実施件数")).toBeUndefined();
    expect(findIndicator(cat, "")).toBeUndefined();
  });
});

describe("matchGroup", () => {
  test("blank → the only group, else nothing", () => {
    for (const n of ["2", "3", "5", "6", "7"]) {
      expect(matchGroup(ind(n), null)).toEqual({ group: ind(n).groups[0], exact: true });
      expect(matchGroup(ind(n), "  ")?.group).toBe(ind(n).groups[0]);
      expect(matchGroup(ind(n), undefined)?.group).toBe(ind(n).groups[0]);
    }
    expect(matchGroup(ind("1"), null)).toBeUndefined();
    expect(matchGroup(ind("4"), "")).toBeUndefined();
  });

  test.each([
    ["1", "導出形態別の件数", "form"],
    ["1", "導出形態別", "form"],
    ["1", "導出先別の件数", "recipient"],
    ["1", "導出先別", "recipient"],
    ["1", "導出時の開発フェーズ（開発ステージ）別の件数", "phase"],
    ["1", "導出時の開発フェーズ (開発ステージ) 別の件数", "phase"],
    ["1", "開発フェーズ別", "phase"],
    ["1", "疾患領域別の導出件数", "disease"],
    ["1", "疾患領域別", "disease"],
    ["1", "導出内容別の件数", "content"],
    ["1", "導出内容別", "content"],
    ["4", "品目の性格別の承認件数", "nature"],
    ["4", "品目の性格別", "nature"],
    ["4", "医療における利用形態別の件数", "use"],
    ["4", "利用形態別", "use"],
    ["2", "種別", "type"],
    ["3", "支援形態", "support"],
  ])("indicator %s: %s → %s", (n, label, key) => {
    expect(matchGroup(ind(n), label)).toEqual({ group: group(n, key), exact: true });
  });

  test("near misses and unknowns", () => {
    expect(matchGroup(ind("1"), "導出形態の件数")).toEqual({
      group: group("1", "form"),
      exact: false,
      suggestion: "導出形態別の件数",
    });
    expect(matchGroup(ind("1"), "疾患領域別の導出件数（再掲）")?.group.key).toBe("disease");
    expect(matchGroup(ind("1"), "合計")).toBeUndefined();
    expect(matchGroup(ind("1"), "品目の性格別")).toBeUndefined();
    expect(matchGroup(ind("2"), "内訳")).toBeUndefined();
  });
});

describe("matchItem: every seed label variant", () => {
  test.each([
    // 1a, PJ tables and F-A (half-width brackets and spaces)
    ["1", "form", "権利譲渡契約件数", "form.assignment"],
    ["1", "form", "実施許諾契約（オプション契約は除く）件数", "form.licence"],
    ["1", "form", "実施許諾契約 (オプション契約は除く) 件数", "form.licence"],
    ["1", "form", "共同研究開発契約件数", "form.jointRnd"],
    ["1", "form", "権利譲渡", "form.assignment"],
    ["1", "form", "実施許諾", "form.licence"],
    ["1", "form", "共同研究開発", "form.jointRnd"],
    // 1b
    ["1", "recipient", "ベンチャー企業への導出件数（国内企業）", "recipient.ventureDomestic"],
    ["1", "recipient", "ベンチャー企業への導出件数 (国内企業)", "recipient.ventureDomestic"],
    ["1", "recipient", "ベンチャー企業への導出件数（外資系企業）", "recipient.ventureForeign"],
    ["1", "recipient", "ベンチャー企業への導出件数 (外資系企業)", "recipient.ventureForeign"],
    ["1", "recipient", "ベンチャー以外の企業への導出件数（国内企業）", "recipient.nonVentureDomestic"],
    ["1", "recipient", "ベンチャー以外の企業への導出件数 (国内企業)", "recipient.nonVentureDomestic"],
    ["1", "recipient", "ベンチャー以外の企業への導出件数（外資系企業）", "recipient.nonVentureForeign"],
    ["1", "recipient", "ベンチャー以外の企業への導出件数 (外資系企業)", "recipient.nonVentureForeign"],
    ["1", "recipient", "ベンチャー国内", "recipient.ventureDomestic"],
    ["1", "recipient", "ベンチャー以外外資", "recipient.nonVentureForeign"],
    // 1c
    ["1", "phase", "非臨床試験開始以前に導出した件数", "phase.preNonclinical"],
    ["1", "phase", "非臨床試験開始後かつ治験開始前までに導出した件数", "phase.nonclinicalToTrial"],
    ["1", "phase", "治験開始後に導出した件数", "phase.afterTrialStart"],
    ["1", "phase", "非臨床前", "phase.preNonclinical"],
    ["1", "phase", "非臨床後・治験前", "phase.nonclinicalToTrial"],
    ["1", "phase", "治験開始後", "phase.afterTrialStart"],
    // 1d (the reader splits `がん：20件` into label and value)
    ["1", "disease", "がん", "disease.cancer"],
    ["1", "disease", "生活習慣病", "disease.lifestyle"],
    ["1", "disease", "精神・神経疾患", "disease.psychNeuro"],
    ["1", "disease", "老年医学・認知症", "disease.geriatricDementia"],
    ["1", "disease", "難病", "disease.intractable"],
    ["1", "disease", "成育", "disease.childMaternal"],
    ["1", "disease", "感染症", "disease.infectious"],
    ["1", "disease", "その他", "disease.other"],
    ["1", "disease", "がん：", "disease.cancer"],
    ["1", "disease", "精神･神経疾患", "disease.psychNeuro"],
    // 1e
    ["1", "content", "技術導出件数", "content.technology"],
    ["1", "content", "開発候補品の導出件数", "content.candidate"],
    ["1", "content", "技術導出", "content.technology"],
    ["1", "content", "開発候補品", "content.candidate"],
    // 2
    ["2", "type", "医師主導治験の治験計画届の届出数（うち国際共同治験数）", "type.investigatorInitiated"],
    ["2", "type", "医師主導治験の治験計画届の届出数 (うち国際共同治験数)", "type.investigatorInitiated"],
    ["2", "type", "医師主導治験の治験計画届の届出数", "type.investigatorInitiated"],
    ["2", "type", "医師主導治験", "type.investigatorInitiated"],
    ["2", "type", "企業治験の治験計画届の届出数（うち国際共同治験数）", "type.companySponsored"],
    ["2", "type", "企業治験の治験計画届の届出数 (うち国際共同治験数)", "type.companySponsored"],
    ["2", "type", "企業治験", "type.companySponsored"],
    ["2", "type", "臨床性能試験の数", "type.clinicalPerformance"],
    // 3
    ["3", "support", "ペアリングによる他事業への受け渡し件数", "support.pairing"],
    ["3", "support", "マッチングによる他事業への受け渡し件数", "support.matching"],
    ["3", "support", "過去にAMED支援を受けた課題について、新たに公募により採択された件数", "support.newCall"],
    ["3", "support", "過去にＡＭＥＤ支援を受けた課題について、新たに公募により採択された件数", "support.newCall"],
    ["3", "support", "ペアリング", "support.pairing"],
    ["3", "support", "マッチング", "support.matching"],
    ["3", "support", "新たに公募", "support.newCall"],
    // 4a
    ["4", "nature", "新規の承認件数", "nature.new"],
    ["4", "nature", "適応拡大の承認件数", "nature.expansion"],
    ["4", "nature", "海外承認・認証件数", "nature.overseas"],
    ["4", "nature", "その他", "nature.other"],
    ["4", "nature", "新規", "nature.new"],
    ["4", "nature", "適応拡大", "nature.expansion"],
    // 4b
    ["4", "use", "医薬品の承認件数（モダリティ別の内訳）", "use.drug"],
    ["4", "use", "医薬品の承認件数 (モダリティ別の内訳)", "use.drug"],
    ["4", "use", "医療機器の承認・認証件数（治療用／診断用の内訳）", "use.device"],
    ["4", "use", "医療機器の承認・認証件数 (治療用/診断用の内訳)", "use.device"],
    ["4", "use", "医療機器（治療用／診断用）", "use.device"],
    ["4", "use", "体外診断用医薬品の承認・認証件数", "use.ivd"],
    ["4", "use", "再生医療等製品の承認件数", "use.regenerative"],
    ["4", "use", "医薬品", "use.drug"],
    ["4", "use", "医療機器", "use.device"],
    ["4", "use", "体外診断用医薬品", "use.ivd"],
    ["4", "use", "再生医療等製品", "use.regenerative"],
    // 5
    ["5", "implementation", "ガイドライン等の策定又は改定件数", "implementation.guidelines"],
    ["5", "implementation", "ソフトウェアや一般医療機器が上市に至った件数", "implementation.productLaunch"],
    ["5", "implementation", "ガイドライン等", "implementation.guidelines"],
    ["5", "implementation", "ソフトウェア・一般医療機器", "implementation.productLaunch"],
    // 6 (F-B writes the Top1% label with a project-range qualifier)
    ["6", "papers", "Top1%論文数", "papers.top1"],
    ["6", "papers", "Top1％論文数", "papers.top1"],
    ["6", "papers", "Ｔｏｐ１％論文数", "papers.top1"],
    ["6", "papers", "Top1%論文数 (PJ1~PJ8)", "papers.top1"],
    ["6", "papers", "Top1%論文数（PJ1～PJ6）", "papers.top1"],
    ["6", "papers", "Top10%論文数", "papers.top10"],
    ["6", "papers", "全論文数", "papers.all"],
    // 7
    ["7", "diversity", "研究者の男女（その他）比率", "diversity.genderRatio"],
    ["7", "diversity", "研究者の男女(その他)比率", "diversity.genderRatio"],
    ["7", "diversity", "男女比率", "diversity.genderRatio"],
  ])("indicator %s / %s: %s → %s", (n, groupKey, label, want) => {
    expect(itemOf(n, label, groupKey)).toBe(want);
    // Without a group, every group is searched.
    expect(itemOf(n, label)).toBe(want);
  });

  test("the seed's typos are near misses with the canonical label as suggestion", () => {
    const m = matchItem(ind("3"), group("3", "support"), "ベアリングによる他事業への受け渡し件数");
    expect(m).toEqual({
      group: group("3", "support"),
      item: item("3", "pairing"),
      exact: false,
      suggestion: "ペアリングによる他事業への受け渡し件数",
    });
    expect(itemOf("3", "ベアリング")).toBe("support.pairing~");
    // PJ7 writes `Top1%論文` (no 数).
    const t = matchItem(ind("6"), undefined, "Top1%論文");
    expect(t).toEqual({
      group: group("6", "papers"),
      item: item("6", "top1"),
      exact: false,
      suggestion: "Top1%論文数",
    });
    // Other plausible slips.
    expect(itemOf("1", "実施許諾契約（オプション契約は除く)件数。")).toBe("form.licence~");
    expect(itemOf("1", "共同研究開発契約件")).toBe("form.jointRnd~");
    expect(itemOf("2", "医師主導治験の治験計画届の届け出数（うち国際共同治験数）")).toBe("type.investigatorInitiated~");
    expect(itemOf("5", "ガイドライン等の策定又は改訂件数")).toBe("implementation.guidelines");
    expect(itemOf("5", "ガイドライン等の策定又は改正件数")).toBe("implementation.guidelines~");
  });

  test("exact matches carry no suggestion", () => {
    const m = matchItem(ind("1"), undefined, "実施許諾");
    expect(m).toEqual({ group: group("1", "form"), item: item("1", "licence"), exact: true });
  });

  test("digits must agree: Top5% is not Top1%, Top1% is not Top10%", () => {
    expect(itemOf("6", "Top5%論文数")).toMatch(/^unknown/);
    expect(itemOf("6", "Top1%論文数", "papers")).toBe("papers.top1");
    expect(itemOf("6", "Top10%論文")).toBe("papers.top10~");
  });

  test("unrelated labels", () => {
    expect(itemOf("1", "指標値")).toBe("unknown");
    expect(itemOf("1", "合計")).toBe("unknown");
    expect(itemOf("4", "合計")).toBe("unknown");
    expect(itemOf("1", "")).toBe("unknown");
    // Containing a name is not matching it; the contained name is offered as the nearest.
    expect(itemOf("1", "その他の件数", "disease")).toBe("unknown→disease.other");
    expect(itemOf("1", "その他の件数")).toBe("unknown→disease.other");
    expect(itemOf("4", "その他の件数")).toBe("unknown→nature.other");
    expect(itemOf("4", "医薬品の承認件数の合計")).toMatch(/^unknown/);
    expect(itemOf("1", "がん以外")).toBe("unknown→disease.cancer");
    // Short names tolerate no typo.
    expect(itemOf("1", "難聴")).toMatch(/^unknown/);
    expect(itemOf("1", "がn")).toBe("unknown→disease.cancer");
  });

  test("a label of another group is unknown in the given group, with that item as the nearest", () => {
    const m = matchItem(ind("1"), group("1", "form"), "がん");
    expect(m).toEqual({
      unknown: true,
      nearest: { group: group("1", "disease"), item: item("1", "cancer"), label: "がん" },
    });
    expect(itemOf("1", "ベンチャー企業への導出件数（国内企業）", "phase")).toBe("unknown→recipient.ventureDomestic");
  });

  test("an ambiguous near miss is not a match", () => {
    // Two edits from both ペアリング… and マッチング… (threshold 2): neither is chosen.
    expect(itemOf("3", "バアチングによる他事業への受け渡し件数")).toBe("unknown→support.pairing");
    // One edit closer to one of them: that one.
    expect(itemOf("3", "ペッチングによる他事業への受け渡し件数")).toBe("support.matching~");
  });

  test("memoised per label and group", () => {
    const a = matchItem(ind("1"), undefined, "実施許諾");
    expect(matchItem(ind("1"), undefined, "実施許諾")).toBe(a);
    expect(matchItem(ind("1"), group("1", "form"), "実施許諾")).not.toBe(a);
  });

  test("a group object from elsewhere is found by key", () => {
    const clone = { ...group("1", "form") };
    expect(show(matchItem(ind("1"), clone, "実施許諾"))).toBe("form.licence");
  });
});

describe("matchSubItem", () => {
  const drug = item("4", "drug");
  const device = item("4", "device");

  test("医療機器: 治療用 / 診断用 (closed list)", () => {
    expect(matchSubItem(device, "治療用")).toEqual({ subItem: device.subItems!.items[0], exact: true });
    expect(matchSubItem(device, "診断用")).toEqual({ subItem: device.subItems!.items[1], exact: true });
    expect(matchSubItem(device, "治療用医療機器")).toMatchObject({ subItem: { key: "therapeutic" }, exact: true });
    expect(matchSubItem(device, "予防用")).toEqual({ unknown: true });
  });

  test("医薬品: known modalities in every spelling, other modalities accepted as written", () => {
    for (const l of ["低分子医薬品", "低分子"])
      expect(matchSubItem(drug, l)).toMatchObject({ subItem: { key: "lowMolecular" }, exact: true });
    for (const l of [
      "高分子医薬品－抗体",
      "高分子医薬品-抗体",
      "高分子医薬品―抗体",
      "高分子医薬品（抗体）",
      "抗体医薬品",
    ]) {
      expect(matchSubItem(drug, l)).toMatchObject({
        subItem: { key: "antibody", label: "高分子医薬品－抗体" },
        exact: true,
      });
    }
    expect(matchSubItem(drug, "核酸医薬")).toEqual({
      subItem: { key: "核酸医薬", label: "核酸医薬", aliases: [] },
      exact: true,
      open: true,
    });
    expect(matchSubItem(drug, " 中分子医薬品 ")).toMatchObject({
      subItem: { key: "中分子医薬品", label: "中分子医薬品" },
      open: true,
    });
  });

  test("an item without 細目", () => {
    expect(matchSubItem(item("4", "ivd"), "治療用")).toEqual({ unknown: true });
  });
});

describe("matchShare (indicator 7)", () => {
  const ratio = item("7", "genderRatio");
  test.each([
    "男：89.0% 女：11.0%",
    "男: 92.3% 女: 7.7%",
    "男:89.2% 女:10.8%",
    "男: 89.7% 女: 10.3%",
    "男：94.1% 女：5.9%",
  ])("%s", (text) => {
    const v = parseText(text);
    expect(v.kind).toBe("shares");
    if (v.kind !== "shares") return;
    expect(v.shares.map((s) => matchShare(ratio, s.label ?? "")?.share.key)).toEqual(["male", "female"]);
  });
  test("aliases and others", () => {
    expect(matchShare(ratio, "女性")?.share.key).toBe("female");
    expect(matchShare(ratio, "その他")?.share.key).toBe("other");
    expect(matchShare(ratio, "不明")).toBeUndefined();
  });
  test.each([
    ["男", "male"],
    ["男性", "male"],
    ["男性研究者", "male"],
    ["男性比率", "male"],
    ["女", "female"],
    ["女性", "female"],
    ["女性研究者比率", "female"],
    ["女性の比率", "female"],
    ["その他", "other"],
    ["その他の性別", "other"],
    ["その他（性別）", "other"],
    ["・女性", "female"],
    ["女性：", "female"],
  ])("share label %s → %s", (label, key) => {
    expect(matchShare(ratio, label)).toMatchObject({ share: { key }, exact: true });
  });
  test("男性比率 and 女性比率 are one edit apart: each matches itself, never the other", () => {
    expect(matchShare(ratio, "男性比率")?.share.key).toBe("male");
    expect(matchShare(ratio, "女性比率")?.share.key).toBe("female");
    expect(matchShare(ratio, "無回答")).toBeUndefined();
  });
  test.each([
    "研究者の男女（その他）比率",
    "研究者の男女 (その他) 比率",
    "研究者の男女(その他)比率",
    "男女比率",
    "研究者の男女別比率",
    "研究者の男女構成比",
    "研究者の男女（その他）比率（%）",
  ])("item label %s (in 項目 or in 内訳)", (label) => {
    expect(matchItem(ind("7"), undefined, label)).toMatchObject({ item: { key: "genderRatio" }, exact: true });
  });
  test("男 and 女 name no item of indicator 7 (they are shares)", () => {
    expect(matchItem(ind("7"), undefined, "男")).toMatchObject({ unknown: true });
    expect(matchItem(ind("7"), undefined, "女性")).toMatchObject({ unknown: true });
  });
});
