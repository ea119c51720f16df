/**
 * Collects the ESLint-style valid/invalid tables of every rule (the `runRuleTests(rule, { valid, invalid })`
 * calls in the rules' *.test.ts files) without running Jest, so that the rule pages can show them as
 * examples (scripts/rules-doc.ts).
 *
 * How: test/support/rule-tester is loaded once for real, then its module in Node's require cache is given a
 * `runRuleTests` that records its arguments instead of registering tests; the test files are then required
 * with no-op Jest globals (describe runs its body, test/it do nothing; `expect` is Jest's own, so the
 * asymmetric matchers in the tables — expect.stringContaining and the like — are real objects).
 *
 * Runs under tsx (CommonJS, as the project is). Not for use inside Jest: Jest has its own module registry;
 * test/docs/rule-pages.test.ts runs `npm run docs:rules -- --check` as a child process instead.
 */
import { readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import type { InvalidCase, SheetsSpec, ValidCase } from "../test/support/rule-tester";
import type { Rule } from "../src/core/rules/rule";

export const ROOT = path.resolve(__dirname, "..");

/** Where the tables are: beside the rules (test/core/rules/registry.test.ts requires one for every rule). */
export const TABLE_ROOTS = ["src/core/rules"];

export interface RuleTable {
  ruleId: string;
  /** Repository path of the test file, with forward slashes. */
  file: string;
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export type { InvalidCase, SheetsSpec, ValidCase };

function testFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort()) {
    const p = path.join(abs, e);
    if (statSync(p).isDirectory()) out.push(...testFiles(path.join(dir, e)));
    else if (/\.test\.ts$/.test(e)) out.push(path.join(dir, e));
  }
  return out;
}

let collected: RuleTable[] | undefined;

/** Every runRuleTests table in TABLE_ROOTS, in file order; a rule may have several (they are concatenated by the caller). */
export function collectRuleTables(): RuleTable[] {
  if (collected) return collected;
  const g = globalThis as Record<string, unknown>;
  const saved = Object.fromEntries(
    ["describe", "test", "it", "expect", "beforeAll", "afterAll", "beforeEach", "afterEach", "jest"].map((k) => [
      k,
      g[k],
    ]),
  );
  const noop = () => undefined;
  const describe = Object.assign((_name: string, fn?: () => void) => fn?.(), {
    each: () => noop,
    skip: noop,
    only: (_n: string, fn?: () => void) => fn?.(),
  });
  const test = Object.assign(noop, { each: () => noop, skip: noop, only: noop, todo: noop });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { expect } = require("expect") as typeof import("expect");
  Object.assign(g, {
    describe,
    test,
    it: test,
    expect,
    beforeAll: noop,
    afterAll: noop,
    beforeEach: noop,
    afterEach: noop,
    jest: { setTimeout: noop, fn: () => noop, mock: noop },
  });

  const tables: RuleTable[] = [];
  let current = "";
  const testerPath = require.resolve("../test/support/rule-tester");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const real = require(testerPath) as typeof import("../test/support/rule-tester");
  const cached = require.cache[testerPath];
  if (!cached)
    throw new Error("test/support/rule-tester is not in the require cache: is this running under tsx (CommonJS)?");
  cached.exports = {
    ...real,
    runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }) {
      tables.push({ ruleId: rule.meta.id, file: current, valid: cases.valid, invalid: cases.invalid });
    },
  };
  try {
    for (const root of TABLE_ROOTS) {
      for (const rel of testFiles(root)) {
        current = rel.split(path.sep).join("/");
        const before = tables.length;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(ROOT, rel));
        void before;
      }
    }
  } finally {
    cached.exports = real;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  }
  collected = tables;
  return tables;
}

/** The tables of one rule, merged (beside the rule first). */
export function tablesFor(ruleId: string): { files: string[]; valid: ValidCase[]; invalid: InvalidCase[] } {
  const mine = collectRuleTables().filter((t) => t.ruleId === ruleId);
  return {
    files: [...new Set(mine.map((t) => t.file))],
    valid: mine.flatMap((t) => t.valid),
    invalid: mine.flatMap((t) => t.invalid),
  };
}
