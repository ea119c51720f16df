import {
  achievementRatio,
  annualTarget,
  isStrictKind,
  mean,
  meetsTarget,
  parseGrade,
  parseTargetKind,
  suggestGrade,
} from "../../../src/core/compute/targets";

describe("parseTargetKind", () => {
  test.each([
    ["年度", "annual"],
    ["単年度", "annual"],
    ["毎年度", "annual"],
    ["期間累計", "period-total"],
    ["累計", "period-total"],
    ["累積", "cumulative"],
    ["累積（R6～R10）", "cumulative"],
    ["年平均", "average"],
    ["平均", "average"],
    ["基準値以上", "baseline-min"],
    ["以上", "baseline-min"],
    ["基準値超", "baseline-above"],
    ["基準値より増加", "baseline-above"],
    ["定性", "qualitative"],
    ["定性目標", "qualitative"],
    [" 累 積 ", "cumulative"],
    ["年度目標", "annual"],
  ])("%s → %s", (text, kind) => {
    expect(parseTargetKind(text)).toBe(kind);
  });

  test.each(["", "  ", "その他", "-"])("no kind in %j", (text) => {
    expect(parseTargetKind(text)).toBeUndefined();
  });
});

describe("parseGrade", () => {
  test.each([
    ["A", "A"],
    ["B", "B"],
    ["Ａ", "A"],
    ["ｂ", "B"],
    [" a ", "A"],
    ["-", "-"],
    ["—", "-"],
    ["－", "-"],
    ["ー", "-"],
    ["順調に進捗している", "A"],
  ])("%j → %s", (text, grade) => {
    expect(parseGrade(text)).toEqual({ status: "valid", grade });
  });

  test("empty and invalid", () => {
    expect(parseGrade("")).toEqual({ status: "empty" });
    expect(parseGrade(undefined)).toEqual({ status: "empty" });
    expect(parseGrade("C")).toEqual({ status: "invalid", text: "C" });
    expect(parseGrade("A+")).toEqual({ status: "invalid", text: "A+" });
    expect(parseGrade("AB")).toEqual({ status: "invalid", text: "AB" });
  });
});

describe("annualTarget", () => {
  const r7r11 = { first: 2025, last: 2029 };
  const r6r10 = { first: 2024, last: 2028 };

  test("年度, 年平均 and 基準値 keep the target", () => {
    for (const k of ["annual", "average", "baseline-min", "baseline-above"] as const) {
      expect(annualTarget(k, 360)).toEqual({ value: 360, basis: "target" });
    }
  });

  test("期間累計 divides by the years (seed: 650 over R7–R11 → 130)", () => {
    expect(annualTarget("period-total", 650, { period: r7r11 })).toEqual({ value: 130, basis: "share", years: 5 });
    expect(annualTarget("period-total", 50, { period: { first: 2025, last: 2027 } })?.value).toBeCloseTo(16.6667, 4);
    expect(annualTarget("period-total", 650)).toBeUndefined();
    expect(annualTarget("period-total", 130, { perYear: true })).toEqual({ value: 130, basis: "target" });
  });

  test("累積 is the linear pace (seed: 750 over R6–R10 in R7 → 300; 10 → 4)", () => {
    expect(annualTarget("cumulative", 750, { period: r6r10, reportYear: 2025 })).toEqual({
      value: 300,
      basis: "pace",
      years: 5,
      elapsed: 2,
    });
    expect(annualTarget("cumulative", 10, { period: r6r10, reportYear: 2025 })?.value).toBe(4);
    expect(annualTarget("cumulative", 10, { period: r6r10 })).toBeUndefined();
    expect(annualTarget("cumulative", 10, { reportYear: 2025 })).toBeUndefined();
  });

  test("no target for qualitative or unknown kinds", () => {
    expect(annualTarget("qualitative", 3)).toBeUndefined();
    expect(annualTarget(undefined, 3)).toBeUndefined();
    expect(annualTarget("annual", NaN)).toBeUndefined();
  });
});

describe("grades and ratios", () => {
  test("meetsTarget: ≥, or > for 基準値超", () => {
    expect(meetsTarget("annual", 130, 130)).toBe(true);
    expect(meetsTarget("annual", 129, 130)).toBe(false);
    expect(meetsTarget("baseline-above", 1225, 1225)).toBe(false);
    expect(meetsTarget("baseline-above", 1404, 1225)).toBe(true);
    expect(meetsTarget("period-total", 0.1 + 0.2, 0.3)).toBe(true);
  });

  test("achievementRatio", () => {
    expect(achievementRatio(158, 130)).toBeCloseTo(1.2154, 4);
    expect(achievementRatio(86, 0)).toBeUndefined();
  });

  test("suggestGrade", () => {
    expect(suggestGrade("annual", 86, { value: 120, basis: "target" })).toBe("B");
    expect(suggestGrade("cumulative", 271, { value: 300, basis: "pace" })).toBe("B");
    expect(suggestGrade("cumulative", 2, { value: 2, basis: "pace" })).toBe("A");
    expect(suggestGrade("qualitative", 2, { value: 2, basis: "target" })).toBeUndefined();
    expect(suggestGrade(undefined, 2, undefined)).toBeUndefined();
  });

  test("isStrictKind", () => {
    expect(isStrictKind("cumulative")).toBe(false);
    expect(isStrictKind("qualitative")).toBe(false);
    expect(isStrictKind(undefined)).toBe(false);
    expect(isStrictKind("period-total")).toBe(true);
  });

  test("mean", () => {
    expect(mean([4, 2])).toBe(3);
    expect(mean([0.1, 0.2])).toBe(0.15);
    expect(mean([])).toBeUndefined();
  });
});
