/** The roll-up (DOMAIN §3.4) when the 全体 sheet is there but left blank beside filled PJ sheets. */
import { checkWorkbook, createContext } from "../../../src/core/engine";
import type { Sheet } from "../../../src/core/model/workbook";
import { RULES } from "../../../src/core/rules/index";
import { rollupState } from "../../../src/core/sheets/monitoring/rollup";
import { seedSheets } from "./monitoring-seed-data";

/** Columns C (指標値), G (値) and H (うち): what staff type in a monitoring sheet. */
const VALUE_COLUMNS = [2, 6, 7];
const FIRST_DATA_ROW = 4;

/** The seed's sheets with the named ones as the template leaves them: every label written, every value blank. */
function blanked(names: string[]): Sheet[] {
  return seedSheets().map((s) => {
    if (!names.includes(s.name)) return s;
    s.rows.slice(FIRST_DATA_ROW).forEach((row) => VALUE_COLUMNS.forEach((c) => (row[c] = undefined)));
    return s;
  });
}

const ROLLUP_RULES = (rule: string) => rule.startsWith("rollup/") || rule === "structure/rollup-skipped";

function rollupFindings(sheets: Sheet[]) {
  return checkWorkbook({ sheets }, { rules: RULES }).findings.filter((f) => ROLLUP_RULES(f.rule));
}

describe("a blank 全体 sheet beside filled PJ sheets", () => {
  test("counts like a missing 全体: the roll-up is skipped, once, on the 全体 sheet", () => {
    expect(rollupFindings(blanked(["全体"]))).toEqual([
      expect.objectContaining({
        rule: "structure/rollup-skipped",
        severity: "info",
        sheet: "全体",
        message: expect.stringContaining("全体のモニタリングシート"),
      }),
    ]);
  });

  test("the state names 全体 as blank, apart from the sheets missing from the set", () => {
    const state = rollupState(createContext({ sheets: blanked(["全体"]) }));
    expect(state).toMatchObject({ kind: "skipped", blank: ["全体"], missing: [], duplicates: [] });
  });

  test("a PJ sheet sent back blank beside a filled 全体 is skipped the same way, not counted as 0", () => {
    expect(rollupFindings(blanked(["PJ3"]))).toEqual([
      expect.objectContaining({
        rule: "structure/rollup-skipped",
        sheet: "全体",
        message: expect.stringContaining("PJ3"),
      }),
    ]);
  });

  test("one figure in 全体 is enough for the roll-up to run and compare", () => {
    const sheets = blanked(["全体"]);
    const overall = sheets.find((s) => s.name === "全体")!;
    overall.rows[FIRST_DATA_ROW][2] = { value: "158件" }; // indicator 1's 指標値, as in the seed
    const found = rollupFindings(sheets);
    expect(found.filter((f) => f.rule === "structure/rollup-skipped")).toEqual([]);
    expect(found.filter((f) => f.rule === "rollup/additive").length).toBeGreaterThan(10);
  });

  test("a set left blank throughout is not said to skip the roll-up", () => {
    const names = seedSheets().map((s) => s.name);
    expect(rollupFindings(blanked(names))).toEqual([]);
  });
});
