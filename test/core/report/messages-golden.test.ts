/**
 * The message goldens (test/core/report/messages.golden.md): every message id of every rule rendered once in Japanese
 * and English from its rule's own table, compared with the committed file by scripts/docs-rule-messages.ts --check
 * (a child process: collecting the tables loads the rules' test files outside Jest). Regenerate with
 * `npx tsx scripts/docs-rule-messages.ts --update` and read the diff.
 *
 * The golden is also read here as text a reviewer reads: Japanese without spaces around particles, years without
 * separators, and the English slips the messages once had.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { RULES } from "../../../src/core/rules/index";

const ROOT = path.resolve(__dirname, "../../..");
const golden = readFileSync(path.join(ROOT, "test/core/report/messages.golden.md"), "utf8");
const lines = (prefix: string) =>
  golden
    .split("\n")
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length));
const ja = lines("- ja: ");
const en = lines("- en: ");

/** The text with every 「…」 and “…” quotation (user data: labels, sheet titles) taken out. */
function unquoted(s: string): string {
  let prev = "";
  let t = s;
  while (t !== prev) {
    prev = t;
    t = t.replace(/「[^「」]*」/g, "「」").replace(/“[^“”]*”/g, "“”");
  }
  return t;
}

test("the golden file is what the rules say today, with an example for every message id", async () => {
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const r = await new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      [tsx, "scripts/docs-rule-messages.ts", "--check"],
      { cwd: ROOT, timeout: 120_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
  if (r.code !== 0) throw new Error(r.out);
  expect(r.out).toMatch(/up to date/);
}, 120_000);

test("every rule and message id is in the golden, in both languages", () => {
  const ids = RULES.flatMap((r) => Object.keys(r.meta.messages).map((m) => `${r.meta.id} ${m}`));
  const headings: string[] = [];
  let rule = "";
  for (const l of golden.split("\n")) {
    if (l.startsWith("## ")) rule = l.slice(3);
    if (l.startsWith("### ")) headings.push(`${rule} ${l.slice(4)}`);
  }
  expect(headings).toEqual(ids);
  expect(ja).toHaveLength(ids.length);
  expect(en).toHaveLength(ids.length);
});

test("Japanese: no space around a particle, names quoted, no placeholder left", () => {
  for (const m of ja) {
    const t = unquoted(m);
    // a half-width space next to a particle between Japanese words: 「機構 の 健康・医療関係 が空欄」
    expect({
      m,
      bad: / [のがはをとにで](?=[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}「])|[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}」] [のがはをとにで]/u.test(
        t,
      ),
    }).toEqual({ m, bad: false });
    expect(m).not.toMatch(/\{\w+\}/);
    expect(m).not.toMatch(/カタログ/);
    expect(m).toMatch(/。$/);
  }
  expect(ja).toContain("「国立健康危機管理研究機構」の「健康・医療関係」が空欄です。");
});

test("years are written without separators", () => {
  for (const m of [...ja, ...en]) expect(m).not.toMatch(/[12],\d{3}年/);
  const era = [...ja, ...en].filter((m) => /令和|平成|昭和/.test(m) && /年/.test(m));
  expect(era.length).toBeGreaterThan(0);
  for (const m of era) expect(m).not.toMatch(/\d,\d{3}(年|\b)/);
});

test("English: the slips once shipped are gone, and each message is a sentence", () => {
  for (const m of en) {
    expect(m).not.toMatch(/\bevery \w+s is\b/);
    expect(m).not.toMatch(/\d[^\s]* are not classified/);
    expect(m).not.toMatch(/\{\w+\}/);
    expect(m).toMatch(/^([A-Z“]|[^:]+: [a-z])/); // a sentence, or a label then a sentence (“指標3 発展・継続支援: the overall …”)
    expect(m).toMatch(/[.)]$/);
  }
  expect(en.some((m) => m.includes("every item is blank"))).toBe(true);
});
