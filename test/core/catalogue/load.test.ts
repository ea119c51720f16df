import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { findIndicator, matchItem } from "../../../src/core/catalogue/match";
import { formatIssue } from "../../../src/core/rules/shared/catalogue-sheet";
import {
  formatPath,
  mergeCatalogue,
  parseCatalogue,
  parseCatalogueDocument,
  parseCatalogueOverride,
} from "../../../src/core/catalogue/load";

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
  return r.issues.map((i) => formatIssue(i));
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
    expect(errors[0]).toBe(
      "indicators[0].groups[0].relation は exhaustive・partial・independent・ordered・percentages のいずれかです（文字列「sum」が書かれています）",
    );
    const r = parseCatalogue(bad);
    if (!r.ok) {
      expect(r.issues[0].path).toEqual(["indicators", 0, "groups", 0, "relation"]);
      expect(formatIssue(r.issues[0], "en")).toBe(
        "indicators[0].groups[0].relation must be one of exhaustive, partial, independent, ordered, percentages (found the text “sum”)",
      );
    }
  });

  test("missing and mistyped fields", () => {
    const bad = good() as unknown as { indicators: Record<string, unknown>[] };
    delete bad.indicators[0].rollup;
    bad.indicators[0].number = 1;
    const errors = errorsOf(bad);
    expect(errors).toContain(
      "indicators[0].rollup がありません（additive・deduplicated・share-bounds のいずれかです）",
    );
    // 番号 may be a number (YAML's `number: 8`): read as its text
    expect(errors.some((e) => e.startsWith("indicators[0].number"))).toBe(false);
    bad.indicators[0].number = true;
    expect(errorsOf(bad)).toContain("indicators[0].number は文字列か数値で書いてください（true が書かれています）");
    bad.indicators[0].label = 2025;
    expect(errorsOf(bad)).toContain("indicators[0].label は文字列で書いてください（数値 2025 が書かれています）");
  });

  test("empty lists and non-objects", () => {
    expect(errorsOf({ version: "t", indicators: [] })).toEqual(["indicators は1つ以上必要です（空のリストです）"]);
    expect(errorsOf(null)).toEqual([
      "（ルート） は「項目: 値」の組（JSON では { }）で書いてください（空（null） が書かれています）",
    ]);
    const noItems = good();
    noItems.indicators[0].groups[0].items = [];
    expect(errorsOf(noItems)).toEqual(["indicators[0].groups[0].items は1つ以上必要です（空のリストです）"]);
  });

  test("unknown keys are errors, with the key meant when it is a near miss", () => {
    const bad = good() as unknown as { indicators: Record<string, unknown>[] };
    bad.indicators[0].alias = ["x"];
    (bad.indicators[0].groups as Record<string, unknown>[])[0].relaton = "partial";
    bad.indicators[0].colour = "red";
    expect(errorsOf(bad)).toEqual([
      "indicators[0].groups[0].relaton は使えない項目名です（relation のことですか？）",
      "indicators[0].alias は使えない項目名です（aliases のことですか？）",
      "indicators[0].colour は使えない項目名です（ここに書けるのは number・label・aliases・rollup・noTotal・totalItemKey・groups）",
    ]);
  });

  test("consistency: duplicate numbers and keys, unknown totalItemKey, unnamed group among several", () => {
    const bad = good() as unknown as { indicators: Record<string, unknown>[] };
    bad.indicators.push({ ...bad.indicators[0], totalItemKey: "zzz" });
    const g = {
      key: "g",
      label: null,
      relation: "partial",
      items: [
        { key: "a", label: "項目A" },
        { key: "a", label: "項目B" },
      ],
    };
    bad.indicators.push({
      number: "3",
      label: "指標C",
      rollup: "additive",
      groups: [g, { ...g, items: [{ key: "x", label: "X" }] }],
    });
    const errors = errorsOf(bad);
    expect(errors).toEqual(
      expect.arrayContaining([
        "indicators[1].number の番号「1」は indicators[0] と重複しています",
        "indicators[1].totalItemKey の項目「zzz」がこの指標にありません",
        "indicators[2].groups[1].key のキー「g」は indicators[2].groups[0] と重複しています",
        "indicators[2].groups[0].items[1].key のキー「a」は indicators[2].groups[0].items[0] と重複しています",
        "indicators[2].groups に名前のない内訳（label: null）があります。名前のない内訳は、内訳が1つだけの指標にしか使えません",
      ]),
    );
  });

  test("two items of one group with the same name after normalisation", () => {
    const bad = good();
    bad.indicators[0].groups[0].items.push({ key: "b", label: "項目Ａ" });
    expect(errorsOf(bad)).toEqual([
      "indicators[0].groups[0].items[1] の名称「項目Ａ」は indicators[0].groups[0].items[0] と重複しています",
    ]);
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
      'indicators[1].groups[0].items[0].shares は relation が "percentages" の内訳の項目にしか使えません',
      "indicators[1].groups[0].items[0].shares[1].key のキー「m」が重複しています",
      "indicators[1].groups[0].items[0].shares[1] の名称「男性」は indicators[1].groups[0].items[0].shares[0] と重複しています",
      "indicators[1].groups[0].items[0].shares[2] の名称「比率」はこの指標の項目名と同じです",
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
        {
          number: "３",
          label: "新しい指標3",
          rollup: "additive",
          groups: [{ key: "g", label: null, relation: "partial", items: [{ key: "a", label: "甲" }] }],
        },
        {
          number: "8",
          label: "追加指標",
          rollup: "deduplicated",
          groups: [{ key: "g", label: null, relation: "partial", items: [{ key: "b", label: "乙" }] }],
        },
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
    if (!bad.ok)
      expect(bad.issues.map((i) => formatIssue(i))).toContain("indicators[0].label がありません（必須の項目です）");
  });
});

describe("parseCatalogueDocument (kensa check --catalogue)", () => {
  const eight = {
    number: 8,
    label: "追加指標",
    rollup: "additive",
    groups: [{ key: "g", label: null, relation: "partial", items: [{ key: "b", label: "乙" }] }],
  };

  test("mode: extend (the default) adds and replaces by 番号, and says which", () => {
    const three = JSON.parse(JSON.stringify(defaultCatalogue.indicators[2]));
    three.groups[0].relation = "partial";
    const one = JSON.parse(JSON.stringify(defaultCatalogue.indicators[0]));
    const r = parseCatalogueDocument({ indicators: [eight, three, one] }, defaultCatalogue);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mode).toBe("extend");
    expect(r.catalogue.indicators.map((i) => i.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(r.catalogue.indicators[2].groups[0].relation).toBe("partial");
    expect(r.changes).toEqual({ added: ["8"], replaced: ["3"], unchanged: ["1"], removed: [] });
  });

  test("mode: replace is a whole catalogue; the indicators it leaves out are named", () => {
    const r = parseCatalogueDocument({ mode: "replace", version: "r8", indicators: [eight] }, defaultCatalogue);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.catalogue).toMatchObject({ version: "r8", indicators: [{ number: "8" }] });
    expect(r.changes.removed).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    const empty = parseCatalogueDocument({ mode: "replace", indicators: [] }, defaultCatalogue);
    expect(empty.ok ? [] : empty.issues.map((i) => formatIssue(i))).toEqual(["indicators に指標が1つもありません"]);
  });

  test("a bad mode, and the consistency checks, name their paths", () => {
    const r = parseCatalogueDocument(
      { mode: "merge", indicators: [eight, { ...eight, label: "別" }] },
      defaultCatalogue,
    );
    expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([
      "mode は extend・replace のいずれかです（文字列「merge」が書かれています）",
    ]);
    const dup = parseCatalogueDocument({ indicators: [eight, { ...eight, label: "別" }] }, defaultCatalogue);
    expect(dup.ok ? [] : dup.issues.map((i) => formatIssue(i))).toEqual([
      "indicators[1].number の番号「8」は indicators[0] と重複しています",
    ]);
    expect(dup.ok ? [] : formatIssue(dup.issues[0], "en")).toBe(
      "indicators[1].number repeats the number “8” of indicators[0]",
    );
  });
});
