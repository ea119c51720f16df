/**
 * ESLint-style tables for rules: each valid case yields no finding of the rule; each invalid case
 * yields exactly the listed findings (matched with toMatchObject, in report order).
 */
import { checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { sheetFromValues, type CellValue, type Sheet, type Workbook } from "../../src/core/model/workbook";
import type { Rule } from "../../src/core/rules/rule";

/** A sheet written as rows of plain values: { name: [[...], [...]] }. */
export type SheetsSpec = Record<string, (CellValue | undefined)[][]> | Sheet[];

export interface ValidCase {
  name: string;
  sheets: SheetsSpec;
}

export interface InvalidCase extends ValidCase {
  findings: Partial<Finding>[];
}

export function workbookOf(spec: SheetsSpec): Workbook {
  if (Array.isArray(spec)) return { sheets: spec };
  return { sheets: Object.entries(spec).map(([name, rows]) => sheetFromValues(name, rows)) };
}

export function findingsOf(rule: Rule, spec: SheetsSpec, lang: "ja" | "en" = "ja"): Finding[] {
  return checkWorkbook(workbookOf(spec), { rules: [rule], lang }).findings;
}

export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    test("metadata is complete", () => {
      expect(rule.meta.description.ja).not.toBe("");
      expect(rule.meta.description.en).not.toBe("");
      for (const m of Object.values(rule.meta.messages)) {
        expect(m.ja).not.toBe("");
        expect(m.en).not.toBe("");
      }
    });
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, () => {
        expect(findingsOf(rule, c.sheets)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, () => {
        const found = findingsOf(rule, c.sheets);
        expect(found).toHaveLength(c.findings.length);
        c.findings.forEach((want, i) => expect(found[i]).toMatchObject(want));
        // Every message is rendered: no {placeholder} left.
        for (const f of [...found, ...findingsOf(rule, c.sheets, "en")]) expect(f.message).not.toMatch(/\{\w+\}/);
      });
    }
  });
}
