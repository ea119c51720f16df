import {
  elapsedYears,
  fiscalYearLabel,
  parseFiscalYear,
  parsePeriod,
  periodLabel,
  perYearHeaderYear,
  shortYearLabel,
  yearsIn,
} from "../../../src/core/compute/period";

describe("parsePeriod", () => {
  test.each([
    ["R7-R11", 2025, 2029],
    ["令和6～10年度", 2024, 2028],
    ["R6〜R10", 2024, 2028],
    ["令和7年度～令和11年度", 2025, 2029],
    ["2025-2029年度", 2025, 2029],
    ["2025年度～2029年度", 2025, 2029],
    ["2025-29年度", 2025, 2029],
    ["Ｒ６－Ｒ１０", 2024, 2028],
    ["r6~r10", 2024, 2028],
    ["令和７～１１年度", 2025, 2029],
    ["令和6年度から令和10年度", 2024, 2028],
    ["平成30年度～令和4年度", 2018, 2022],
    ["令和元～5年度", 2019, 2023],
    ["R7－R11（5年間）", 2025, 2029],
    ["令和6～10年度累積で50件", 2024, 2028],
    ["R 7 - R 11", 2025, 2029],
  ])("%s", (text, first, last) => {
    expect(parsePeriod(text)).toEqual({ first, last });
  });

  test("a single year is a one-year period", () => {
    expect(parsePeriod("令和7年度")).toEqual({ first: 2025, last: 2025 });
    expect(parsePeriod("R7")).toEqual({ first: 2025, last: 2025 });
  });

  test.each(["", "   ", "毎年度", "PJ7-PJ8", "R11-R7", "1-5"])("nothing in %j", (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  test("non-strings", () => {
    expect(parsePeriod(undefined)).toBeUndefined();
    expect(parsePeriod(null)).toBeUndefined();
  });
});

describe("parseFiscalYear", () => {
  test.each([
    ["令和7年度", 2025],
    ["R7", 2025],
    ["2025年度", 2025],
    ["令和７年度版", 2025],
    ["令和元年度", 2019],
    ["平成31年度", 2019],
    ["FY2025", 2025],
    ["実績（令和7年度末）", 2025],
  ])("%s → %d", (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  test.each(["", "未定", "PJ7", "12345"])("nothing in %j", (text) => {
    expect(parseFiscalYear(text)).toBeUndefined();
  });
});

describe("years", () => {
  const p = { first: 2024, last: 2028 };
  test("years in a period and elapsed years", () => {
    expect(yearsIn(p)).toBe(5);
    expect(elapsedYears(p, 2025)).toBe(2);
    expect(elapsedYears(p, 2023)).toBe(0);
    expect(elapsedYears(p, 2030)).toBe(5);
  });

  test("labels", () => {
    expect(fiscalYearLabel(2025)).toBe("令和7年度");
    expect(fiscalYearLabel(2019)).toBe("令和元年度");
    expect(fiscalYearLabel(2018)).toBe("平成30年度");
    expect(fiscalYearLabel(2025, "en")).toBe("FY2025");
    expect(shortYearLabel(2024)).toBe("R6");
    expect(periodLabel(p)).toBe("R6–R10");
  });
});

describe("perYearHeaderYear", () => {
  test.each([
    ["R6実績", 2024],
    ["令和7年度", 2025],
    ["R7", 2025],
    ["2025年度", 2025],
    ["実績（R6）", 2024],
    ["令和6年度実績", 2024],
    ["Ｒ６実績", 2024],
    ["R6実績（件）", 2024],
  ])("%s → %d", (header, year) => {
    expect(perYearHeaderYear(header)).toBe(year);
  });

  test.each(["実績", "令和10年度末までの達成目標", "令和7年度末の数値", "年度目標", "備考", "R6-R10"])(
    "not a per-year header: %s",
    (header) => {
      expect(perYearHeaderYear(header)).toBeUndefined();
    },
  );
});
