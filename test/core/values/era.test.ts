import { findEraMismatches, mayHoldEraPair, type Era } from "../../../src/core/values/era";

describe("findEraMismatches", () => {
  it("finds the seed's mistake", () => {
    const text = "第14回：2025（令和8）年2月開催";
    expect(findEraMismatches(text)).toEqual([
      { match: "2025（令和8）年", western: 2025, era: "令和", eraYear: 8, expectedWestern: 2026, index: 5 },
    ]);
    expect(text.slice(5, 5 + "2025（令和8）年".length)).toBe("2025（令和8）年");
  });

  it.each<[string, number, Era, number, number]>([
    ["2025（令和8）年", 2025, "令和", 8, 2026],
    ["2025(令和8年)", 2025, "令和", 8, 2026],
    ["2025年（令和8年）", 2025, "令和", 8, 2026],
    ["2024年度（令和7年度）", 2024, "令和", 7, 2025],
    ["令和8（2025）年", 2025, "令和", 8, 2026],
    ["令和8年（2025年）", 2025, "令和", 8, 2026],
    ["令和元年（2020年）", 2020, "令和", 1, 2019],
    ["２０２５（令和８）年", 2025, "令和", 8, 2026],
    ["2025 ( 令和 8 ) 年", 2025, "令和", 8, 2026],
    ["2018（平成31）年", 2018, "平成", 31, 2019],
    ["平成30年（2019年）", 2019, "平成", 30, 2018],
    ["令和8（2025）年度", 2025, "令和", 8, 2026],
    ["令和７（２０２４）年度", 2024, "令和", 7, 2025],
    ["令和８年　（２０２５年）", 2025, "令和", 8, 2026],
    ["R8(2025)", 2025, "令和", 8, 2026],
    ["R8（2025年度）", 2025, "令和", 8, 2026],
    ["2025(R8)", 2025, "令和", 8, 2026],
    ["2025年度（R8年度）", 2025, "令和", 8, 2026],
    ["Ｒ８（２０２５）", 2025, "令和", 8, 2026],
    ["R元(2020)", 2020, "令和", 1, 2019],
    ["H30(2019)", 2019, "平成", 30, 2018],
    ["昭和64年（1990年）", 1990, "昭和", 64, 1989],
    ["2025（平成7）年", 2025, "平成", 7, 1995],
  ])("%s is a mismatch", (text, western, era, eraYear, expectedWestern) => {
    const found = findEraMismatches(`会議は${text}に開催`);
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual({ match: expect.any(String), western, era, eraYear, expectedWestern, index: 3 });
    expect(found[0].match.startsWith(text.slice(0, 2))).toBe(true);
  });

  it.each([
    "2026（令和8）年",
    "2026(令和8年)",
    "2025年度（令和7年度）",
    "令和7（2025）年",
    "令和元年（2019年）",
    "平成31年（2019年）",
    "2019（平成31）年",
    "２０２６（令和８）年",
    "「全ゲノム解析等実行計画2022」(令和4年9月策定)",
    "2022(令和4年9月策定)",
    "令和7年度",
    "2025年",
    "統合イノベーション戦略2024」（令和6年6月4日閣議決定）",
    "",
    "no era here 2025 (8)",
    "R7(2025)",
    "2025(R7)",
    "Ｒ７（２０２５）",
    "H31(2019)",
    "昭和64年（1989年）",
    "令和７（２０２５）年度",
    // R and H closing a word, or far from the year: no era.
    "PJR8(2025)",
    "ＰＪＲ８（２０２５）",
    "H1(2025)",
    "S1(2025)",
  ])("%s is not reported", (text) => {
    expect(findEraMismatches(text)).toEqual([]);
  });

  it("reports every mismatch with its own index", () => {
    const text = "第14回：2025（令和8）年2月開催、第10回：2025（令和8）年3月、2026（令和8）年";
    const found = findEraMismatches(text);
    expect(found.map((m) => m.index)).toEqual([5, text.indexOf("2025", 10)]);
    for (const m of found) expect(text.slice(m.index, m.index + m.match.length)).toBe(m.match);
  });

  it("does not treat longer digit runs as years", () => {
    expect(findEraMismatches("120250（令和8）年")).toEqual([]);
    expect(findEraMismatches("令和123（2025）")).toEqual([]);
  });
});

describe("mayHoldEraPair", () => {
  it.each(["2025（令和8）年", "令和8（2025）", "R8(2025)", "Ｒ８（２０２５）", "２０２５（令和８）", "H30 (2019)"])(
    "%s may",
    (text) => {
      expect(mayHoldEraPair(text)).toBe(true);
    },
  );
  it.each(["", "研究機関12", "令和7年度", "2025年度", "R&D 2025", "1,443件", "理化学研究所"])("%s may not", (text) => {
    expect(mayHoldEraPair(text)).toBe(false);
  });
  it("never says no to a text with a mismatch", () => {
    for (const text of [
      "2025（令和8）年",
      "R8(2025)",
      "令和８（２０２５）年度",
      "平成30年（2019年）",
      "昭和64年（1990年）",
    ]) {
      expect(findEraMismatches(text)).toHaveLength(1);
      expect(mayHoldEraPair(text)).toBe(true);
    }
  });
});
