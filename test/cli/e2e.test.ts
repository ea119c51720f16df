/** End to end: build the CLI into lib/ (npm run build:cli) and run `node bin/kensa.js` as a user would. */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { ReportSchema } from "../../src/core/report/schema";
import { tempDir, writeBadFiles, writeWorkbook } from "../fixtures/workbooks";
import { unrelatedWorkbook, withKnownSheet } from "./helpers";

const root = path.join(__dirname, "..", "..");
let dir: string;

beforeAll(async () => {
  // tsc emits even when another module has a type error; the run below is what is tested.
  spawnSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, encoding: "utf8", timeout: 240_000 });
  dir = await tempDir("kensa-e2e-");
}, 300_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function kensa(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, "bin", "kensa.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
}

test("lib/cli/main.js was built", () => {
  expect(existsSync(path.join(root, "lib", "cli", "main.js"))).toBe(true);
});

test("node bin/kensa.js check: exit codes, one line per bad file, JSON on stdout", async () => {
  const ok = await writeWorkbook(withKnownSheet(new ExcelJS.Workbook()), path.join(dir, "ok.xlsx"));
  const unrelated = await writeWorkbook(unrelatedWorkbook(), path.join(dir, "memo.xlsx"));
  const bad = await writeBadFiles(path.join(dir, "bad"));

  const clean = kensa(["check", ok]);
  expect(clean.stderr).toBe("");
  expect(clean.status).toBe(0);
  expect(clean.stdout).toContain("■ ");
  expect(clean.stdout).toContain("シート「インハウス」（インハウス予算） 問題なし");

  // a workbook with no sheet of a known kind is 未検証, exits 1, never 「問題なし」
  const memo = kensa(["check", unrelated]);
  expect(memo.status).toBe(1);
  expect(memo.stdout).toContain("未検証：様式の見出しが見つからないため、どのシートも検証していません");
  expect(memo.stdout).not.toContain("問題なし");
  const memoJson = kensa(["check", ok, unrelated, "--format", "json"]);
  expect(memoJson.status).toBe(1);
  expect(ReportSchema.parse(JSON.parse(memoJson.stdout)).files.map((f) => f.status)).toEqual(["checked", "unchecked"]);

  const mixed = kensa(["check", ok, bad.truncated, bad.encrypted, "--format", "json", "--lang", "en"]);
  expect(mixed.status).toBe(1);
  expect(mixed.stderr.trimEnd().split("\n")).toHaveLength(2);
  const report = ReportSchema.parse(JSON.parse(mixed.stdout));
  expect(report.files.map((f) => f.error?.code ?? "ok")).toEqual(["ok", "corrupt", "encrypted"]);
  expect(report.files.map((f) => f.status)).toEqual(["checked", "unreadable", "unreadable"]);

  const none = kensa(["check", bad.text]);
  expect(none.status).toBe(2);
  expect(none.stderr.trimEnd().split("\n")).toHaveLength(1);
});

test("node bin/kensa.js usage: --version, unknown option", () => {
  const v = kensa(["--version"]);
  expect(v.status).toBe(0);
  expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  const u = kensa(["check", "x.xlsx", "--nope"]);
  expect(u.status).toBe(2);
  expect(u.stderr).toBe("kensa: 不明なオプション --nope です\n");
});
