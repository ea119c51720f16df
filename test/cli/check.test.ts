import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { ReportSchema } from "../../src/core/report/schema";
import { RULES } from "../../src/core/rules/index";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { goodWorkbook, simpleWorkbook, tempDir, writeBadFiles, writeWorkbook, type BadFiles } from "../fixtures/workbooks";
import { run } from "./helpers";

let dir: string;
let good: string; // folder: errors.xlsx, warnings.xlsx, sub/clean.xlsx, plus a lock file and an annotated copy
let files: { errors: string; warnings: string; clean: string };
let badDir: string;
let bad: BadFiles;

beforeAll(async () => {
  dir = await tempDir("kensa-cli-");
  good = path.join(dir, "good");
  files = {
    errors: await writeWorkbook(simpleWorkbook([["項目", "値"], ["a", "ERR"], ["b", "WARN"]], "集計"), path.join(good, "errors.xlsx")),
    warnings: await writeWorkbook(simpleWorkbook([["WARN"], [null, "INFO"]]), path.join(good, "warnings.xlsx")),
    clean: await writeWorkbook(simpleWorkbook([["ok", 1]]), path.join(good, "sub", "clean.xlsx")),
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
    expect(out).toMatch(/期待値 12、実際 13\.5、修正案 B2 =SUM\(B1:B2\)/);
    expect(out).toMatch(/B3\s+警告\s+印 WARN/);
    expect(out).toContain("→ エラー 1件・警告 1件・情報 0件");
    expect(out).toContain(`■ ${files.clean}`);
    expect(out).toContain("問題なし");
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
    expect(r2.stderr).toContain(".xlsx ファイルが見つかりません");
  });

  test("--lang en", async () => {
    const r = await run(["check", files.errors, bad.pdf, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Sheet “集計”");
    expect(r.stdout).toMatch(/B2\s+error\s+marker ERR found \(value 12\)/);
    expect(r.stdout).toContain("expected 12, actual 13.5, fix B2 =SUM(B1:B2)");
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
    expect(Object.keys(errors).sort()).toEqual(["file", "findings", "sheets", "summary"]);
    expect(errors.sheets).toEqual([{ name: "集計", kind: null }]);
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
      sheets: [],
      findings: [],
      summary: { error: 0, warning: 0, info: 0 },
      error: { code: "encrypted", message: expect.stringContaining("パスワード") },
    });
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
    expect(doc.files[0].sheets).toEqual([
      { name: "インハウス", kind: "inhouse-budget" },
      { name: "メモ", kind: null },
    ]);
    for (const f of doc.files[0].findings) expect(RULES.map((x) => x.meta.id)).toContain(f.rule);
  });
});

test("a workbook with no sheet of a known kind says so in one line, and the run goes on", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("会議メモ").addRow(["出席者", "山田"]);
  const memo = await writeWorkbook(wb, path.join(dir, "memo", "memo.xlsx"));
  const inhouse = await writeWorkbook(goodWorkbook(), path.join(dir, "memo", "inhouse.xlsx"));
  const r = await run(["check", memo, inhouse], { deps: {} });
  expect(r.stdout.match(/検証できる様式のシートがありません/g)).toHaveLength(1);
  expect(r.stdout).toContain("シート「インハウス」（インハウス予算）");
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
    const a = await writeWorkbook(simpleWorkbook([["x"]]), path.join(dir, "same1", "book.xlsx"));
    const b = await writeWorkbook(simpleWorkbook([["y"]]), path.join(dir, "same2", "book.xlsx"));
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
    expect((await run(["check", files.errors], { stdoutTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\x1b[");
    expect((await run(["check", files.errors, "--no-color"], { stdoutTTY: true })).stdout).not.toContain("\x1b[");
  });
});
