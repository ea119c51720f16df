/**
 * The rule registry agrees with the files (after ESLint's rule-file check, Makefile.js `checkRuleFiles`): every
 * module src/core/rules/<family>/<name>.ts exports a rule whose id is "<family>/<name>", registered under that id,
 * built by defineRule (message ids and data typed from its messages), with a valid/invalid table (runRuleTests) in
 * <name>.test.ts beside it; and the registry holds nothing else.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { RULE_NAMES } from "../../../src/core/rules/names";
import { RULE_REGISTRY, RULES, ruleById } from "../../../src/core/rules/index";
import type { Rule } from "../../../src/core/rules/rule";

const RULES_DIR = path.resolve(__dirname, "../../../src/core/rules");
/** Folders of helpers, not rules. */
const NOT_FAMILIES = new Set(["shared"]);

/** src/core/rules/*\/*.ts, tests excluded: "<family>/<name>". */
function ruleModules(): string[] {
  return readdirSync(RULES_DIR)
    .filter((d) => !NOT_FAMILIES.has(d) && statSync(path.join(RULES_DIR, d)).isDirectory())
    .flatMap((family) =>
      readdirSync(path.join(RULES_DIR, family))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
        .map((f) => `${family}/${f.slice(0, -3)}`),
    )
    .sort();
}

const modules = ruleModules();

test("the rules folder is globbed", () => {
  expect(modules.length).toBeGreaterThanOrEqual(36);
});

describe.each(modules)("%s", (id) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = (require(path.join(RULES_DIR, id)) as { rule?: Rule }).rule;

  test("exports `rule` with the id of its path", () => {
    expect(exported).toBeDefined();
    expect(exported!.meta.id).toBe(id);
  });

  test("is built by defineRule, so that its message ids and data are typed", () => {
    const source = readFileSync(path.join(RULES_DIR, `${id}.ts`), "utf8");
    expect(source).toMatch(/^export const rule = defineRule\(\{$/m);
  });

  test("is registered under its id", () => {
    expect((RULE_REGISTRY as Record<string, Rule>)[id]).toBe(exported);
    expect(ruleById(id)).toBe(exported);
  });

  test("has a valid/invalid table beside it", () => {
    const table = path.join(RULES_DIR, `${id}.test.ts`);
    expect(existsSync(table)).toBe(true);
    const text = readFileSync(table, "utf8");
    const name = path.basename(id);
    expect(text).toMatch(new RegExp(`import \\{ rule(?: as \\w+)? \\} from "\\./${name}"`));
    expect(text).toMatch(/runRuleTests\(\w+, \{/);
    expect(text).toMatch(/\bvalid: \[/);
    expect(text).toMatch(/\binvalid: \[/);
  });
});

test("the registry holds exactly the rule modules, each under its own id, in RULES once", () => {
  expect(Object.keys(RULE_REGISTRY).sort()).toEqual(modules);
  for (const [id, rule] of Object.entries(RULE_REGISTRY)) expect(rule.meta.id).toBe(id);
  expect(RULES).toEqual(Object.values(RULE_REGISTRY));
  expect(new Set(RULES).size).toBe(RULES.length);
});

test("an id that is no rule finds nothing", () => {
  expect(ruleById("sum/nothing")).toBeUndefined();
  expect(ruleById("toString")).toBeUndefined();
});

test("every rule has a short name for columns and filters (src/core/rules/names.ts)", () => {
  for (const id of modules) {
    expect({ id, ja: RULE_NAMES[id]?.ja !== undefined, en: RULE_NAMES[id]?.en !== undefined }).toEqual({
      id,
      ja: true,
      en: true,
    });
  }
});
