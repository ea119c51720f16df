import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { ReportSchema } from "../../src/core/report/schema";
import { RULES } from "../../src/core/rules/index";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import {
  goodWorkbook,
  simpleWorkbook,
  tempDir,
  writeBadFiles,
  writeWorkbook,
  type BadFiles,
} from "../fixtures/workbooks";
import { markerRule, run, unrelatedWorkbook, withKnownSheet } from "./helpers";

let dir: string;
let good: string; // folder: errors.xlsx, warnings.xlsx, sub/clean.xlsx, plus a lock file and an annotated copy
let files: { errors: string; warnings: string; clean: string };
let badDir: string;
let bad: BadFiles;

beforeAll(async () => {
  dir = await tempDir("kensa-cli-");
  good = path.join(dir, "good");
  // each has a sheet of a known kind besides the marker sheet: a workbook without one is 未検証 (see below)
  files = {
    errors: await writeWorkbook(
      withKnownSheet(
        simpleWorkbook(
          [
            ["項目", "値"],
            ["a", "ERR"],
            ["b", "WARN"],
          ],
          "集計",
        ),
      ),
      path.join(good, "errors.xlsx"),
    ),
    warnings: await writeWorkbook(
      withKnownSheet(simpleWorkbook([["WARN"], [null, "INFO"]])),
      path.join(good, "warnings.xlsx"),
    ),
    clean: await writeWorkbook(withKnownSheet(simpleWorkbook([["ok", 1]])), path.join(good, "sub", "clean.xlsx")),
  };
  await fs.writeFile(path.join(good, "~$errors.xlsx"), "lock");
  await writeWorkbook(simpleWorkbook([["ERR"]]), path.join(good, "errors.kensa.xlsx"));
  await fs.writeFile(path.join(good, "notes.txt"), "not a workbook");
  badDir = path.join(dir, "bad");
  bad = await writeBadFiles(badDir);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("kensa check (text)", () => {
  test("groups findings by file and sheet with cell, severity and numbers; exit 1 on an error", async () => {
    const r = await run(["check", good]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const out = r.stdout;
    expect(out).toContain(`■ ${files.errors}`);
    expect(out).toContain("シート「集計」");
    expect(out).toMatch(/B2\s+エラー\s+印 ERR があります（値 12） \[test\/marker\]/);
    expect(out).toMatch(/記入値 13\.5、計算値 12、修正案 B2 =SUM\(B1:B2\)/);
    expect(out).toMatch(/B3\s+警告\s+印 WARN/);
    expect(out).toContain("→ エラー 1件・警告 1件・情報 0件");
    expect(out).toContain(`■ ${files.clean}`);
    // a sheet of a known kind without findings has no problems; a sheet of no kind was not checked at all
    expect(out).toContain("  シート「インハウス」（インハウス予算） 問題なし\n");
    expect(out).toContain("  シート「Sheet1」（様式外） 検証対象外\n");
    expect(out).not.toContain("未検証");
    expect(out).toMatch(/合計 3ファイル: エラー 1件・警告 2件・情報 1件\n$/);
    // lock files, annotated copies and other files are skipped
    expect(out).not.toContain("~$");
    expect(out).not.toContain("errors.kensa.xlsx");
    expect(out).not.toContain("notes.txt");
    // files are in path order (by name within a folder, a sub folder where its name sorts)
    expect(out.indexOf("errors.xlsx")).toBeLessThan(out.indexOf("clean.xlsx"));
    expect(out.indexOf("clean.xlsx")).toBeLessThan(out.indexOf("warnings.xlsx"));
  });

  test("exit 0 when there are only warnings and infos", async () => {
    const r = await run(["check", files.warnings, files.clean]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("警告 1件・情報 1件");
  });

  test("every bad file gets exactly one line and the others are still checked", async () => {
    const missing = path.join(dir, "missing.xlsx");
    const r = await run(["check", files.warnings, badDir, missing, files.clean]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split("\n");
    const badPaths = [...Object.values(bad), missing];
    expect(lines).toHaveLength(badPaths.length);
    for (const p of badPaths) expect(lines.filter((l) => l.includes(p))).toHaveLength(1);
    expect(r.stderr).toContain(`${bad.encrypted}: パスワードで保護されているため読めません`);
    expect(r.stderr).toContain(`${bad.xls}: 旧形式の .xls ファイルです`);
    expect(r.stderr).toContain(`${bad.truncated}: ファイルが壊れているか途中で切れています`);
    expect(r.stderr).toContain(`${missing}: ファイルが見つかりません`);
    expect(r.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(r.stdout).toContain(`■ ${files.warnings}`);
    expect(r.stdout).toContain(`■ ${files.clean}`);
    expect(r.stdout).toContain(`読めなかったファイル ${badPaths.length}件`);
  });

  test("exit 2 when no file could be read, or none was found", async () => {
    const r = await run(["check", bad.text, bad.truncated]);
    expect(r.code).toBe(2);
    const empty = path.join(dir, "empty-folder");
    await fs.mkdir(empty, { recursive: true });
    const r2 = await run(["check", empty]);
    expect(r2.code).toBe(2);
    expect(r2.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r2.stderr).toContain(".xlsx・.xlsm ファイルが見つかりません");
  });

  test("--lang en", async () => {
    const r = await run(["check", files.errors, bad.pdf, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Sheet “集計”");
    expect(r.stdout).toMatch(/B2\s+error\s+marker ERR found \(value 12\)/);
    expect(r.stdout).toContain("entered 13.5, computed 12, fix B2 =SUM(B1:B2)");
    expect(r.stdout).toContain("→ 1 error, 1 warning, 0 info");
    expect(r.stdout).toContain("Total 2 files (1 could not be read): 1 error, 1 warning, 0 info");
    expect(r.stderr).toContain(`${bad.pdf}: not an Excel workbook (.xlsx)`);
  });

  test("--severity error lists only errors; the exit code still counts them", async () => {
    const r = await run(["check", good, "--severity", "error"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("警告  ");
    expect(r.stdout).toContain("エラー 1件・警告 0件・情報 0件");
  });

  test("--quiet prints one line per file and the total", async () => {
    const r = await run(["check", good, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(4);
  });
});

describe("kensa check --format json", () => {
  test("prints exactly DOMAIN §4's shape; unreadable files carry an error and no findings", async () => {
    const r = await run(["check", files.errors, bad.encrypted, files.clean, "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const parsed = ReportSchema.safeParse(doc);
    expect(parsed.success).toBe(true);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([files.errors, bad.encrypted, files.clean]);
    const [errors, encrypted, clean] = doc.files;
    expect(Object.keys(errors)).toEqual(["file", "status", "sheets", "findings", "summary"]);
    expect(errors.status).toBe("checked");
    expect(errors.sheets).toEqual([
      { name: "集計", kind: null },
      { name: "インハウス", kind: "inhouse-budget" },
    ]);
    expect(errors.summary).toEqual({ error: 1, warning: 1, info: 0 });
    expect(errors.findings[0]).toEqual({
      rule: "test/marker",
      severity: "error",
      sheet: "集計",
      cell: "B2",
      cells: ["B2"],
      message: "印 ERR があります（値 12）",
      expected: 12,
      actual: 13.5,
      fix: { sheet: "集計", cell: "B2", formula: "SUM(B1:B2)" },
    });
    expect(encrypted).toEqual({
      file: bad.encrypted,
      status: "unreadable",
      sheets: [],
      findings: [],
      summary: { error: 0, warning: 0, info: 0 },
      error: { code: "encrypted", message: expect.stringContaining("パスワード") },
    });
    expect(clean.status).toBe("checked");
    expect(clean.findings).toEqual([]);
    // the bad file still gets its line on stderr; stdout is only JSON
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  test("--lang en messages in JSON", async () => {
    const r = await run(["check", files.errors, "--format", "json", "--lang", "en"]);
    const doc = ReportSchema.parse(JSON.parse(r.stdout));
    expect(doc.files[0].findings[0].message).toBe("marker ERR found (value 12)");
  });

  test("with the real rules, a real workbook gives a valid report", async () => {
    const file = await writeWorkbook(goodWorkbook(), path.join(dir, "real", "inhouse.xlsx"));
    const r = await run(["check", file, "--format", "json"], { deps: {} });
    expect([0, 1]).toContain(r.code);
    const doc = ReportSchema.parse(JSON.parse(r.stdout));
    expect(doc.files[0].status).toBe("checked");
    expect(doc.files[0].sheets).toEqual([
      { name: "インハウス", kind: "inhouse-budget" },
      { name: "メモ", kind: null },
    ]);
    for (const f of doc.files[0].findings) expect(RULES.map((x) => x.meta.id)).toContain(f.rule);
  });
});

describe("a workbook with no sheet of a known kind is 未検証, never 「問題なし」 (real rules)", () => {
  let folder: string;
  let memo: string;
  let inhouse: string;
  const UNCHECKED_JA =
    "  未検証：様式の見出しが見つからないため、どのシートも検証していません（どのシートの最初の30行にも、インハウス予算・予算内訳・アウトプット指標・モニタリングの見出し行がありません）。\n";

  beforeAll(async () => {
    folder = path.join(dir, "mixed");
    inhouse = await writeWorkbook(withKnownSheet(new ExcelJS.Workbook()), path.join(folder, "a-inhouse.xlsx"));
    memo = await writeWorkbook(unrelatedWorkbook(), path.join(folder, "b-memo.xlsx"));
  });

  /** The lines of one file's section in the text output. */
  const section = (out: string, file: string) => out.slice(out.indexOf(`■ ${file}\n`)).split("\n\n")[0];

  test("the checked file alone exits 0 (the control for the tests below)", async () => {
    const r = await run(["check", inhouse], { deps: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `■ ${inhouse}\n  シート「インハウス」（インハウス予算） 問題なし\n  → エラー 0件・警告 0件・情報 0件\n\n合計 1ファイル: エラー 0件・警告 0件・情報 0件\n`,
    );
  });

  test("text: one 未検証 line, every sheet with the reason, 「→ 未検証」, counted apart in the total; exit 1", async () => {
    const r = await run(["check", folder], { deps: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const memoSection = section(r.stdout, memo);
    expect(memoSection.split("\n")).toEqual([
      `■ ${memo}`,
      UNCHECKED_JA.trimEnd(),
      "  シート「会議メモ」（様式外）",
      expect.stringMatching(
        /^ {4}A1\s+情報\s+シート「会議メモ」は見出し行が見つからないため検証していません.*\[structure\/unknown-sheet\]$/,
      ),
      "  シート「予定」（様式外）",
      expect.stringMatching(/^ {4}A1\s+情報\s+シート「予定」は見出し行が見つからないため検証していません/),
      "  → 未検証（情報 2件）",
    ]);
    expect(memoSection).not.toContain("問題");
    expect(memoSection).not.toContain("エラー 0件");
    expect(section(r.stdout, inhouse)).toContain("問題なし");
    expect(r.stdout.match(/未検証：/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/\n合計 2ファイル（未検証 1件）: エラー 0件・警告 0件・情報 2件\n$/);
  });

  test("--severity error hides the infos but still says 未検証 and lists the sheets as not checked", async () => {
    const r = await run(["check", memo, "--severity", "error"], { deps: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `■ ${memo}\n${UNCHECKED_JA}  シート「会議メモ」（様式外） 検証対象外\n  シート「予定」（様式外） 検証対象外\n  → 未検証（--severity error のため、情報 2件は表示していません）\n\n` +
        "合計 1ファイル（未検証 1件）: エラー 0件・警告 0件・情報 0件\n" +
        "表示していない指摘: 情報 2件（--severity error より低い重要度。すべて表示するには --severity info）\n",
    );
  });

  test("--quiet: 未検証 on the file's line", async () => {
    const r = await run(["check", folder, "--quiet"], { deps: {} });
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")).toEqual([
      `${inhouse}: エラー 0件・警告 0件・情報 0件`,
      `${memo}: 未検証（情報 2件）`,
      "合計 2ファイル（未検証 1件）: エラー 0件・警告 0件・情報 2件",
      "",
    ]);
  });

  test("--lang en", async () => {
    const r = await run(["check", folder, "--lang", "en"], { deps: {} });
    expect(r.code).toBe(1);
    expect(section(r.stdout, memo)).toContain(
      "\n  Not checked: no sheet matches a Kensa template, so nothing was checked (none has a header row of the in-house budget, budget breakdown, output indicators or monitoring template in its first 30 rows).\n",
    );
    expect(section(r.stdout, memo)).toMatch(/\n {2}→ not checked \(2 info\)$/);
    expect(r.stdout).toMatch(/\nTotal 2 files \(1 not checked\): 0 errors, 0 warnings, 2 info\n$/);
  });

  test("colours: the 未検証 line and the total are never green", async () => {
    const r = await run(["check", memo], { deps: {}, stdoutTTY: true });
    expect(r.stdout).toContain(`\x1b[33m${UNCHECKED_JA.trim()}\x1b[39m`);
    expect(r.stdout).toContain("\x1b[31m合計 1ファイル（未検証 1件）");
    expect(r.stdout).not.toContain("\x1b[32m");
  });

  test("json: status checked / unchecked, the infos naming each sheet, one line on stderr; exit 1", async () => {
    const r = await run(["check", folder, "--format", "json"], { deps: {} });
    expect(r.code).toBe(1);
    const doc = ReportSchema.parse(JSON.parse(r.stdout));
    expect(doc.files.map((f) => [f.file, f.status])).toEqual([
      [inhouse, "checked"],
      [memo, "unchecked"],
    ]);
    const unchecked = doc.files[1];
    expect(Object.keys(unchecked)).toEqual(["file", "status", "sheets", "findings", "summary"]);
    expect(unchecked.sheets).toEqual([
      { name: "会議メモ", kind: null },
      { name: "予定", kind: null },
    ]);
    expect(unchecked.findings.map((f) => [f.rule, f.sheet])).toEqual([
      ["structure/unknown-sheet", "会議メモ"],
      ["structure/unknown-sheet", "予定"],
    ]);
    expect(unchecked.summary).toEqual({ error: 0, warning: 0, info: 2 });
    expect(r.stderr).toBe(`! ${memo}: 未検証（様式の見出しが見つからないため、どのシートも検証していません）\n`);
  });

  test("the exit code is the one of a file that could not be read: 1 next to a checked file, 1 alone (it was read)", async () => {
    const unreadable = await run(["check", inhouse, bad.text], { deps: {} });
    const unchecked = await run(["check", inhouse, memo], { deps: {} });
    expect(unreadable.code).toBe(1);
    expect(unchecked.code).toBe(unreadable.code);
    expect((await run(["check", memo], { deps: {} })).code).toBe(1);
    expect((await run(["check", memo, "--format", "json"], { deps: {} })).code).toBe(1);
    // both at once: counted apart
    const both = await run(["check", inhouse, memo, bad.text], { deps: {} });
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/\n合計 3ファイル（未検証 1件・読めなかったファイル 1件）: /);
    const json = ReportSchema.parse(
      JSON.parse((await run(["check", inhouse, memo, bad.text, "--format", "json"], { deps: {} })).stdout),
    );
    expect(json.files.map((f) => f.status)).toEqual(["checked", "unchecked", "unreadable"]);
  });

  test("--help lists the exit codes", async () => {
    const ja = await run(["check", "--help"]);
    expect(ja.stdout).toMatch(/終了コード:\n {2}0 .*\n {2}1 .*未検証/);
    const en = await run(["check", "--help", "--lang", "en"]);
    expect(en.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*not checked/);
  });
});

test("an unexpected failure inside Kensa is status failed with code internal, apart from unreadable files", async () => {
  const broken = {
    ...markerRule,
    check: () => {
      throw new Error("boom");
    },
  };
  const r = await run(["check", files.clean, "--format", "json"], { deps: { rules: [broken] } });
  expect(r.code).toBe(2);
  const doc = ReportSchema.parse(JSON.parse(r.stdout));
  expect(doc.files[0]).toMatchObject({
    status: "failed",
    error: { code: "internal", message: expect.stringContaining("boom") },
  });
});

describe("ReportSchema", () => {
  const base = { file: "a.xlsx", findings: [], summary: { error: 0, warning: 0, info: 0 } };
  const known = [{ name: "インハウス", kind: "inhouse-budget" }];
  const unknown = [{ name: "メモ", kind: null }];
  const error = { code: "corrupt", message: "壊れています" };

  test.each([
    ["checked", known, undefined, true],
    ["unchecked", unknown, undefined, true],
    ["unchecked", [], undefined, true],
    ["unreadable", [], error, true],
    ["failed", [], { code: "internal", message: "x" }, true],
    ["checked", unknown, undefined, false], // a file with no known sheet is never "checked"
    ["unchecked", known, undefined, false],
    ["unreadable", [], undefined, false], // an unreadable file says why
    ["checked", known, error, false],
    ["ok", known, undefined, false],
  ])("status %s, sheets %j, error %j → valid %s", (status, sheets, err, valid) => {
    expect(
      ReportSchema.safeParse({ files: [{ ...base, status, sheets, ...(err ? { error: err } : {}) }] }).success,
    ).toBe(valid);
  });
});

describe("kensa check --annotate", () => {
  test("writes <name>.kensa.xlsx per input into DIR and never modifies the input", async () => {
    const out = path.join(dir, "annotated");
    const before = [sha(files.errors), sha(files.clean)];
    const r = await run(["check", files.errors, files.clean, bad.text, "--annotate", out]);
    expect(r.code).toBe(1);
    expect([sha(files.errors), sha(files.clean)]).toEqual(before);
    expect((await fs.readdir(out)).sort()).toEqual(["clean.kensa.xlsx", "errors.kensa.xlsx"]);
    expect(r.stdout).toContain(`注釈付きのコピー: ${path.join(out, "errors.kensa.xlsx")}`);
    const annotated = await readWorkbookFile(path.join(out, "errors.kensa.xlsx"));
    expect(annotated.sheets.map((s) => s.name)).toContain("集計");
  });

  test("two inputs of the same name get distinct copies", async () => {
    const a = await writeWorkbook(withKnownSheet(simpleWorkbook([["x"]])), path.join(dir, "same1", "book.xlsx"));
    const b = await writeWorkbook(withKnownSheet(simpleWorkbook([["y"]])), path.join(dir, "same2", "book.xlsx"));
    const out = path.join(dir, "annotated-same");
    const r = await run(["check", a, b, "--annotate", out, "--format", "json"]);
    expect(r.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(["book-2.kensa.xlsx", "book.kensa.xlsx"]);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe("terminal behaviour", () => {
  test("progress on stderr only when stderr is a TTY and there are several files", async () => {
    const tty = await run(["check", files.warnings, files.clean], { stderrTTY: true });
    expect(tty.stderr).toContain("[1/2] ");
    expect(tty.stderr).toContain("[2/2] ");
    expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect(tty.stdout).not.toContain("[1/2]");
    const notTTY = await run(["check", files.warnings, files.clean]);
    expect(notTTY.stderr).toBe("");
    const one = await run(["check", files.warnings], { stderrTTY: true });
    expect(one.stderr).toBe("");
  });

  test("colours only on a TTY, and never with NO_COLOR or --no-color", async () => {
    expect((await run(["check", files.errors], { stdoutTTY: true })).stdout).toContain("\x1b[31m");
    expect((await run(["check", files.errors])).stdout).not.toContain("\x1b[");
    expect((await run(["check", files.errors], { stdoutTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(
      "\x1b[",
    );
    expect((await run(["check", files.errors, "--no-color"], { stdoutTTY: true })).stdout).not.toContain("\x1b[");
  });
});
