import { defaultCatalogue } from "../../../src/core/catalogue/default";
import data from "../../../src/core/catalogue/indicators.json";
import { parseCatalogue } from "../../../src/core/catalogue/load";
import { formatIssue } from "../../../src/core/rules/shared/catalogue-sheet";
import { CatalogueSchema } from "../../../src/core/catalogue/schema";

const ind = (n: string) => defaultCatalogue.indicators.find((i) => i.number === n)!;

describe("default catalogue (DOMAIN §3.4)", () => {
  test("indicators.json passes the schema and the consistency checks", () => {
    expect(CatalogueSchema.safeParse(data).success).toBe(true);
    const r = parseCatalogue(data);
    expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([]);
  });

  test("the seven standard indicators, with roll-up modes and noTotal", () => {
    expect(defaultCatalogue.indicators.map((i) => i.number)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(defaultCatalogue.indicators.map((i) => i.rollup)).toEqual([
      "additive",
      "deduplicated",
      "additive",
      "deduplicated",
      "deduplicated",
      "deduplicated",
      "share-bounds",
    ]);
    expect(defaultCatalogue.indicators.filter((i) => i.noTotal).map((i) => i.number)).toEqual(["4", "5", "7"]);
    expect(ind("6").totalItemKey).toBe("top1");
  });

  test("labels as the seeds print them", () => {
    expect(ind("1").label).toBe("権利譲渡契約・実施許諾契約・共同研究開発契約件数 (シーズの企業導出件数)");
    expect(ind("5").label).toBe("医療等に実装された件数 （薬事承認・認証を除く）");
    expect(ind("7").label).toBe("研究環境における 人的ダイバーシティ");
    expect(ind("1").groups.map((g) => g.label)).toEqual([
      "導出形態別の件数",
      "導出先別の件数",
      "導出時の開発フェーズ（開発ステージ）別の件数",
      "疾患領域別の導出件数",
      "導出内容別の件数",
    ]);
    expect(ind("4").groups.map((g) => g.label)).toEqual(["品目の性格別の承認件数", "医療における利用形態別の件数"]);
    for (const n of ["2", "3", "5", "6", "7"]) {
      expect(ind(n).groups).toHaveLength(1);
      expect(ind(n).groups[0].label).toBeNull();
    }
  });

  test("relations", () => {
    expect(ind("1").groups.map((g) => g.relation)).toEqual([
      "exhaustive",
      "exhaustive",
      "partial",
      "exhaustive",
      "partial",
    ]);
    expect(ind("2").groups[0].relation).toBe("exhaustive");
    expect(ind("3").groups[0].relation).toBe("exhaustive");
    expect(ind("4").groups.map((g) => g.relation)).toEqual(["exhaustive", "exhaustive"]);
    expect(ind("5").groups[0].relation).toBe("independent");
    expect(ind("6").groups[0].relation).toBe("ordered");
    expect(ind("7").groups[0].relation).toBe("percentages");
  });

  test("items: disease areas, うち, 細目, ordered papers, shares", () => {
    expect(ind("1").groups[3].items.map((i) => i.label)).toEqual([
      "がん",
      "生活習慣病",
      "精神・神経疾患",
      "老年医学・認知症",
      "難病",
      "成育",
      "感染症",
      "その他",
    ]);
    const trials = ind("2").groups[0].items;
    expect(trials.map((i) => i.ofWhichLabel)).toEqual(["うち国際共同治験数", "うち国際共同治験数", undefined]);
    const use = ind("4").groups[1].items;
    expect(use[0].subItems?.openLabels).toBe(true);
    expect(use[0].subItems?.items.map((s) => s.label)).toEqual(["低分子医薬品", "高分子医薬品－抗体"]);
    expect(use[1].subItems?.items.map((s) => s.label)).toEqual(["治療用", "診断用"]);
    expect(use[1].subItems?.openLabels).toBeUndefined();
    expect(ind("6").groups[0].items.map((i) => [i.key, i.label, i.optional])).toEqual([
      ["top1", "Top1%論文数", true],
      ["top10", "Top10%論文数", undefined],
      ["all", "全論文数", undefined],
    ]);
    const ratio = ind("7").groups[0].items;
    expect(ratio.map((i) => i.label)).toEqual(["研究者の男女（その他）比率"]);
    expect(ratio[0].shares?.map((s) => s.label)).toEqual(["男", "女", "その他"]);
  });
});
