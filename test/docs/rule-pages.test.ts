/**
 * The rule pages in docs/rules/ are generated (npm run docs:rules) from the rules' metadata, their
 * valid/invalid tables and scripts/docs-rule-notes.ts, and must be up to date; every rule has its notes and
 * a passing and a failing example. The check runs scripts/rules-doc.ts --check in a child process, because
 * collecting the tables (scripts/docs-rule-tables.ts) loads the rules' test files outside Jest.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { RULES } from "../../src/core/rules/index";
import { rulePagePath } from "../../scripts/docs-rule-pages";

const ROOT = path.resolve(__dirname, "../..");

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test("docs/rules and the README's rule table are up to date, and every rule has notes and both examples (npm run docs:rules)", async () => {
  const r = await run(["scripts/rules-doc.ts", "--check"]);
  if (r.code !== 0) throw new Error(`npm run docs:rules -- --check failed:\n${r.stderr}${r.stdout}`);
  expect(r.stdout).toMatch(/up to date/);
}, 120_000);

describe("each rule's page", () => {
  test.each(RULES.map((r) => [r.meta.id, r] as const))("%s", (id, rule) => {
    const file = path.join(ROOT, rulePagePath(id));
    expect(existsSync(file)).toBe(true);
    const page = readFileSync(file, "utf8");
    // Japanese first, then English; the sections a reader looks for
    for (const heading of ["## 何を検査するか", "## なぜ検査するか", "## 問題のない例", "## 問題のある例", "## 直し方", "## メッセージ", "## English"]) {
      expect(page).toContain(heading);
    }
    expect(page.indexOf("## 何を検査するか")).toBeLessThan(page.indexOf("## English"));
    expect(page).toContain(rule.meta.description.ja);
    expect(page).toContain(rule.meta.description.en);
    for (const m of Object.values(rule.meta.messages)) expect(page).toContain(m.ja.split("{")[0].replace(/[|*_`[\]]/g, "").slice(0, 8));
    // the failing example shows at least one real finding of this rule, the passing one none
    expect(page).toMatch(/→ Kensa の指摘（このルールの分のみ）:\n\n\| シート \| セル \| 重大度 \| メッセージ/);
    expect(page).toContain("→ このルールの指摘はありません。");
    expect(page).not.toMatch(/テスト表に問題の(ない|ある)例がまだありません/);
  });
});
