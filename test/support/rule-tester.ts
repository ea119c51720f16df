/**
 * ESLint-style tables for rules: each valid case yields no finding of the rule; each invalid case
 * yields exactly the listed findings (matched with toMatchObject, in report order). A listed finding names its
 * message by `messageId` and `data` (what the rule returned), not by the rendered sentence: the wording is the
 * golden's business (test/core/report/messages.golden.md).
 */
import { checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { sheetFromValues, type CellValue, type Sheet, type Workbook } from "../../src/core/model/workbook";
import { renderMessage, type MessageData } from "../../src/core/rules/message";
import type { Rule, RuleFinding } from "../../src/core/rules/rule";

/** A sheet written as rows of plain values: { name: [[...], [...]] }. */
export type SheetsSpec = Record<string, (CellValue | undefined)[][]> | Sheet[];

export interface ValidCase {
  name: string;
  sheets: SheetsSpec;
}

/** A finding as the engine reports it, with the message id and data the rule gave it. */
export type TestedFinding = Finding & { messageId: string; data: MessageData };

export interface InvalidCase extends ValidCase {
  findings: Partial<TestedFinding>[];
}

export function workbookOf(spec: SheetsSpec): Workbook {
  if (Array.isArray(spec)) return { sheets: spec };
  return { sheets: Object.entries(spec).map(([name, rows]) => sheetFromValues(name, rows)) };
}

export function findingsOf(rule: Rule, spec: SheetsSpec, lang: "ja" | "en" = "ja"): Finding[] {
  return checkWorkbook(workbookOf(spec), { rules: [rule], lang }).findings;
}

/**
 * The engine's findings of one rule, each with the messageId and data the rule returned for it: the rule's raw
 * finding at the same place whose message renders to the engine's.
 */
export function testedFindingsOf(rule: Rule, spec: SheetsSpec): TestedFinding[] {
  const raw: RuleFinding[] = [];
  const spy: Rule = {
    meta: rule.meta,
    check: (ctx) => {
      const found = rule.check(ctx);
      raw.push(...found);
      return found;
    },
  };
  const found = checkWorkbook(workbookOf(spec), { rules: [spy], lang: "ja" }).findings;
  return found.map((f): TestedFinding => {
    // the engine's own catalogue/sheet findings come with every run
    if (f.rule !== rule.meta.id) return { ...f, messageId: "", data: {} };
    const i = raw.findIndex(
      (r) =>
        r.sheet === f.sheet &&
        r.cell === f.cell &&
        renderMessage(rule.meta.messages[r.messageId], r.data, "ja", rule.meta.phrases) === f.message,
    );
    if (i < 0) throw new Error(`${rule.meta.id}: no raw finding for ${f.sheet}!${f.cell} ${f.message}`);
    const [{ messageId, data }] = raw.splice(i, 1);
    return { ...f, messageId, data };
  });
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
        const found = testedFindingsOf(rule, c.sheets);
        expect(found).toHaveLength(c.findings.length);
        c.findings.forEach((want, i) => expect(found[i]).toMatchObject(want));
        // Each finding's data is what its message names, no more (the types catch a missing datum, not an extra one).
        for (const f of found) {
          if (f.rule !== rule.meta.id) continue;
          const m = rule.meta.messages[f.messageId];
          const named = new Set([...`${m.ja}${m.en}`.matchAll(/\{(\w+)\}/g)].map((x) => x[1]));
          expect({ messageId: f.messageId, extra: Object.keys(f.data).filter((k) => !named.has(k)) }).toEqual({
            messageId: f.messageId,
            extra: [],
          });
        }
        // Every message is rendered: no {placeholder} left.
        for (const f of [...found, ...findingsOf(rule, c.sheets, "en")]) expect(f.message).not.toMatch(/\{\w+\}/);
      });
    }
  });
}
