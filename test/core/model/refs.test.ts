/** Cell references in findings: Excel's quoting of sheet and book names, and taking references apart again. */
import { cellRef, externalRef, isExternalRef, parseRef, sheetNeedsQuotes } from "../../../src/core/model/refs";

describe("sheetNeedsQuotes: as Excel writes sheet names in formulas", () => {
  test.each([
    ["様式2", false],
    ["Sheet1", false],
    ["全体", false],
    ["データ_v2.1", false],
    ["Sheet 1", true], // a space
    ["全体（R7）", true], // full-width brackets are not letters
    ["PJ1", true], // a cell address
    ["A1", true],
    ["XFD1048576", true],
    ["R1C1", true], // an R1C1 reference
    ["R", true],
    ["C", true],
    ["2025", true], // starts with a digit
    ["it's", true],
    ["a-b", true],
  ])("%s → %s", (name, quoted) => {
    expect(sheetNeedsQuotes(name)).toBe(quoted);
  });
});

describe("externalRef", () => {
  test("plain book and sheet stay unquoted, as in the issue's example", () => {
    expect(externalRef("提出_医薬品.xlsx", "様式2", "G6")).toBe("[提出_医薬品.xlsx]様式2!G6");
  });
  test("a space in the book or the sheet quotes both together", () => {
    expect(externalRef("a b.xlsx", "Sheet 1", "A1")).toBe("'[a b.xlsx]Sheet 1'!A1");
    expect(externalRef("a b.xlsx", "Sheet1", "A1")).toBe("'[a b.xlsx]Sheet1'!A1");
    expect(externalRef("book.xlsx", "PJ1", "C5")).toBe("'[book.xlsx]PJ1'!C5");
  });
  test("an apostrophe is doubled inside the quotes; a folder is always quoted", () => {
    expect(externalRef("o'neil.xlsx", "S", "A1")).toBe("'[o''neil.xlsx]S'!A1");
    expect(externalRef("sub/book.xlsx", "S", "A1")).toBe("'sub/[book.xlsx]S'!A1");
  });
});

describe("cellRef", () => {
  const here = { file: "a.xlsx", sheet: "様式1" };
  test("same sheet: the address alone; same workbook: 'Sheet'!A1 as Kensa always wrote; another file: [book]Sheet!A1", () => {
    expect(cellRef(here, { file: "a.xlsx", sheet: "様式1" }, "G6")).toBe("G6");
    expect(cellRef(here, { file: "a.xlsx", sheet: "PJ3" }, "G12")).toBe("'PJ3'!G12");
    expect(cellRef(here, { file: "b.xlsx", sheet: "様式2" }, "G6")).toBe("[b.xlsx]様式2!G6");
  });
});

describe("parseRef takes apart what the other functions write", () => {
  test.each([
    ["C5", { cell: "C5" }],
    ["'PJ3'!G12", { sheet: "PJ3", cell: "G12" }],
    ["Sheet1!A1", { sheet: "Sheet1", cell: "A1" }],
    ["[提出_医薬品.xlsx]様式2!G6", { file: "提出_医薬品.xlsx", sheet: "様式2", cell: "G6" }],
    ["'[a b.xlsx]Sheet 1'!A1", { file: "a b.xlsx", sheet: "Sheet 1", cell: "A1" }],
    ["'[o''neil.xlsx]S'!A1", { file: "o'neil.xlsx", sheet: "S", cell: "A1" }],
    ["'sub/[book.xlsx]S'!A1", { file: "sub/book.xlsx", sheet: "S", cell: "A1" }],
  ])("%s", (ref, parsed) => {
    expect(parseRef(ref)).toEqual(parsed);
  });

  test("round trip through externalRef, and isExternalRef tells the three forms apart", () => {
    for (const [file, sheet] of [
      ["提出 データ利活用.xlsx", "Sheet 1"],
      ["x.xlsx", "PJ1"],
      ["d/e.xlsx", "全体（R7）"],
    ]) {
      expect(parseRef(externalRef(file, sheet, "B2"))).toEqual({ file, sheet, cell: "B2" });
    }
    expect(isExternalRef("[b.xlsx]S!A1")).toBe(true);
    expect(isExternalRef("'PJ3'!G12")).toBe(false);
    expect(isExternalRef("G6")).toBe(false);
  });
});
