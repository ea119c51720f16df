import { promises as fs } from "fs";
import * as path from "path";
import { RULES } from "../../src/core/rules/index";
import { catalogueSheetRule } from "../../src/core/rules/shared/catalogue-sheet";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { tempDir } from "../fixtures/workbooks";
import { run } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("kensa-cmd-");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("usage", () => {
  test("--help and --version exit 0 on stdout", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check/);
    expect(help.stdout).toMatch(/template/);
    expect(help.stdout).toMatch(/rules/);
    const checkHelp = await run(["check", "--help", "--lang", "en"]);
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toContain("--annotate <dir>");
    expect(checkHelp.stdout).toContain("inputs are never modified");
    const version = await run(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test.each([
    [["check", "x.xlsx", "--bogus"]],
    [["--bogus"]],
    [["chekc", "x.xlsx"]],
    [["check"]],
    [["check", "x.xlsx", "--lang", "fr"]],
    [["check", "x.xlsx", "--format", "xml"]],
    [["template"]],
  ])("%j → exit 2 with one line", async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^kensa: /);
  });

  test("no arguments → help on stderr, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/使い方: kensa/);
    expect(r.stderr).toMatch(/コマンド:/);
    const en = await run([], { env: { KENSA_LANG: "en" } });
    expect(en.stderr).toMatch(/Usage: kensa/);
  });
});

describe("kensa rules", () => {
  test("lists every rule id with severity and description", async () => {
    const r = await run(["rules"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    // the rules, then catalogue/sheet (the workbook's own catalogue: reported by the engine itself), then the
    // accepted findings' record (src/core/accept)
    expect(lines).toHaveLength(RULES.length + 4);
    expect(lines[RULES.length]).toMatch(/^catalogue\/sheet\s+エラー\s+\S/);
    expect(lines[RULES.length]).toContain(catalogueSheetRule.meta.description.ja);
    expect(lines.slice(RULES.length + 1).map((l) => l.split(/\s+/)[0])).toEqual([
      "accepted/lapsed",
      "accepted/unused",
      "accepted/store",
    ]);
    for (const rule of RULES) {
      const line = lines.find((l) => l.startsWith(rule.meta.id + " "));
      expect(line).toBeDefined();
      expect(line).toContain(rule.meta.description.ja);
      expect(line).toContain({ error: "エラー", warning: "警告", info: "情報" }[rule.meta.severity]);
    }
    const en = await run(["rules", "--lang", "en", "--format", "json"]);
    const doc = JSON.parse(en.stdout) as { rules: { id: string; severity: string; description: string }[] };
    expect(doc.rules.map((x) => x.id)).toEqual([
      ...RULES.map((x) => x.meta.id),
      "catalogue/sheet",
      "accepted/lapsed",
      "accepted/unused",
      "accepted/store",
    ]);
    expect(doc.rules[0].description).toBe(RULES[0].meta.description.en);
  });
});

describe("kensa template", () => {
  test("writes the template; refuses to overwrite without --force", async () => {
    const out = path.join(dir, "template.xlsx");
    const r = await run(["template", "--out", out]);
    expect(r.code).toBe(0);
    const wb = await readWorkbookFile(out);
    expect(wb.sheets.length).toBeGreaterThan(0);
    const again = await run(["template", "--out", out, "--lang", "en"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");
    const forced = await run(["template", "--out", out, "--force", "--lang", "en"]);
    expect(forced.code).toBe(0);
  });

  test("a template sent back blank is 未入力, never a pass: exit 1, counted apart, status unfilled in JSON", async () => {
    const blank = path.join(dir, "blank.xlsx");
    expect((await run(["template", "--out", blank])).code).toBe(0);
    const rules = { rules: RULES };

    const text = await run(["check", blank], { deps: rules });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("  → 未入力\n");
    expect(text.stdout).toContain("合計 1ファイル（未入力 1件）");

    const quiet = await run(["check", blank, "--quiet", "--severity", "error"], { deps: rules });
    expect(quiet.stdout).toMatch(/blank\.xlsx: 未入力（--severity error のため、情報 4件は表示していません）\n/);

    const json = await run(["check", blank, "--format", "json", "--lang", "en"], { deps: rules });
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { files: { status: string }[] }).files[0].status).toBe("unfilled");
    expect(json.stderr).toContain("not filled in");
  });
});
