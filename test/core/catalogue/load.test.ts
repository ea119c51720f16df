import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { findIndicator, matchItem } from "../../../src/core/catalogue/match";
import { formatPath, mergeCatalogue, parseCatalogue, parseCatalogueOverride } from "../../../src/core/catalogue/load";

const good = () => ({
  version: "t",
  indicators: [
    {
      number: "1",
      label: "指標A",
      rollup: "additive",
      groups: [{ key: "g", label: null, relation: "exhaustive", items: [{ key: "a", label: "項目A" }] }],
    },
  ],
});

function errorsOf(json: unknown): string[] {
  const r = parseCatalogue(json);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("parseCatalogue", () => {
  test("accepts a minimal catalogue and fills defaults", () => {
    const r = parseCatalogue(good());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.catalogue.indicators[0].aliases).toEqual([]);
      expect(r.catalogue.indicators[0].noTotal).toBe(false);
    }
  });

  test("names the path of a bad enum value, in Japanese", () => {
    const bad = good();
    (bad.indicators[0].groups[0] as { relation: string }).relation = "sum";
    const errors = errorsOf(bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^indicators\[0\]\.groups\[0\]\.relation: /);
    expect(errors[0]).toContain("exhaustive");
    expect(errors[0]).toMatch(/無効な選択/);
  });

  test("missing and mistyped fields", () => {
    const bad = good() as unknown as { indicators: Record<string, unknown>[] };
    delete bad.indicators[0].rollup;
    bad.indicators[0].number = 1;
    const errors = errorsOf(bad);
    expect(errors).toContain("indicators[0].rollup: 必須の項目がありません");
    expect(errors.some((e) => e.startsWith("indicators[0].number: ") && /string/.test(e))).toBe(true);
  });

  test("empty lists and non-objects", () => {
    expect(errorsOf({ version: "t", indicators: [] })[0]).toMatch(/^indicators: /);
    expect(errorsOf(null)[0]).toMatch(/^（ルート）: /);
    const noItems = good();
    noItems.indicators[0].groups[0].items = [];
    expect(errorsOf(noItems)[0]).toMatch(/^indicators\[0\]\.groups\[0\]\.items: /);
  });

  test("consistency: duplicate numbers and keys, unknown totalItemKey, unnamed group among several", () => {
    const bad = good() as unknown as { indicators: Record<string, unknown>[] };
    bad.indicators.push({ ...bad.indicators[0], totalItemKey: "zzz" });
    const g = { key: "g", label: null, relation: "partial", items: [{ key: "a", label: "項目A" }, { key: "a", label: "項目B" }] };
    bad.indicators.push({ number: "3", label: "指標C", rollup: "additive", groups: [g, { ...g, items: [{ key: "x", label: "X" }] }] });
    const errors = errorsOf(bad);
    expect(errors).toEqual(
      expect.arrayContaining([
        "indicators[1].number: 番号「1」が indicators[0] と重複しています",
        "indicators[1].totalItemKey: 項目「zzz」がこの指標にありません",
        "indicators[2].groups[1].key: キー「g」が groups[0] と重複しています",
        "indicators[2].groups[0].items[1].key: キー「a」が items[0] と重複しています",
        "indicators[2].groups: 名前のない内訳（label: null）は、内訳が1つだけの指標にしか使えません",
      ]),
    );
  });

  test("two items of one group with the same name after normalisation", () => {
    const bad = good();
    bad.indicators[0].groups[0].items.push({ key: "b", label: "項目Ａ" });
    expect(errorsOf(bad)).toEqual(["indicators[0].groups[0].items[1]: 名称「項目Ａ」が indicators[0].groups[0].items[0] と重複しています"]);
  });

  test("shares: only in a percentages group, unique keys and names, no name of an item", () => {
    const bad = good() as unknown as { indicators: Record<string, unknown>[] };
    const shares = [
      { key: "m", label: "男", aliases: ["男性"] },
      { key: "m", label: "女", aliases: ["男性"] },
      { key: "o", label: "比率" },
    ];
    bad.indicators.push({
      number: "7",
      label: "ダイバーシティ",
      rollup: "share-bounds",
      groups: [{ key: "d", label: null, relation: "exhaustive", items: [{ key: "r", label: "比率", shares }] }],
    });
    expect(errorsOf(bad)).toEqual([
      'indicators[1].groups[0].items[0].shares: 割合の区分は relation が "percentages" の内訳の項目にしか使えません',
      "indicators[1].groups[0].items[0].shares[1].key: キー「m」が重複しています",
      "indicators[1].groups[0].items[0].shares[1]: 名称「男性」が indicators[1].groups[0].items[0].shares[0] と重複しています",
      "indicators[1].groups[0].items[0].shares[2]: 名称「比率」がこの指標の項目名と同じです",
    ]);
  });

  test("the built-in indicator 7 passes the share checks", () => {
    expect(parseCatalogue(JSON.parse(JSON.stringify(defaultCatalogue))).ok).toBe(true);
  });

  test("formatPath", () => {
    expect(formatPath(["indicators", 2, "groups", 0, "relation"])).toBe("indicators[2].groups[0].relation");
    expect(formatPath([])).toBe("（ルート）");
  });
});

describe("mergeCatalogue", () => {
  test("replaces by number in place and appends new indicators; inputs unchanged", () => {
    const o = parseCatalogueOverride({
      indicators: [
        { number: "３", label: "新しい指標3", rollup: "additive", groups: [{ key: "g", label: null, relation: "partial", items: [{ key: "a", label: "甲" }] }] },
        { number: "8", label: "追加指標", rollup: "deduplicated", groups: [{ key: "g", label: null, relation: "partial", items: [{ key: "b", label: "乙" }] }] },
      ],
    });
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    const before = defaultCatalogue.indicators.map((i) => i.label);
    const merged = mergeCatalogue(defaultCatalogue, o.override);
    expect(merged.version).toBe(defaultCatalogue.version);
    expect(merged.indicators.map((i) => i.number)).toEqual(["1", "2", "３", "4", "5", "6", "7", "8"]);
    expect(merged.indicators[2].label).toBe("新しい指標3");
    expect(merged.indicators[0]).toBe(defaultCatalogue.indicators[0]);
    expect(defaultCatalogue.indicators.map((i) => i.label)).toEqual(before);
    // Matching works on the merged catalogue (fresh indexes).
    expect(findIndicator(merged, "3")?.label).toBe("新しい指標3");
    expect(findIndicator(merged, "追加指標")?.number).toBe("8");
    expect(findIndicator(defaultCatalogue, "3")?.label).toBe("優れたシーズの発展・継続支援件数");
    const m = matchItem(merged.indicators[7], undefined, "乙");
    expect("item" in m && m.item.key).toBe("b");
  });

  test("an override's version wins; a bad override is reported", () => {
    expect(mergeCatalogue(defaultCatalogue, { version: "wb", indicators: [] }).version).toBe("wb");
    const bad = parseCatalogueOverride({ indicators: [{ number: "1" }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toContain("indicators[0].label: 必須の項目がありません");
  });
});
