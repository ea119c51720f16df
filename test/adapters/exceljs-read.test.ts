import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookBuffer, sniffWorkbookBytes } from "../../src/adapters/exceljs/read";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../../src/adapters/exceljs/errors";
import type { Sheet, Workbook } from "../../src/core/model/workbook";
import { compoundFile, goodWorkbook, simpleWorkbook, tempDir, writeBadFiles, writeWorkbook, type BadFiles } from "../fixtures/workbooks";

let dir: string;
let goodPath: string;
let wb: Workbook;
let bad: BadFiles;

beforeAll(async () => {
  dir = await tempDir("kensa-read-");
  goodPath = await writeWorkbook(goodWorkbook(), path.join(dir, "good.xlsx"));
  wb = await readWorkbookFile(goodPath);
  bad = await writeBadFiles(path.join(dir, "bad"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function sheet(name: string): Sheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("readWorkbookFile: cells", () => {
  test("sheets in order, rows[r][c] 0-based", () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(["インハウス", "メモ"]);
    const s = sheet("インハウス");
    expect(s.rows[0][0]).toEqual({ value: "報告年度" });
    expect(s.rows[2][3]).toEqual({ value: "健康・医療関係" });
    expect(s.rows[3][2]).toEqual({ value: 100, numFmt: "#,##0.0" });
    expect(s.rows[3][3]).toEqual({ value: 40 });
  });

  test("a formula keeps its cached result as value, its text in formula and its number format", () => {
    expect(sheet("インハウス").rows[3][5]).toEqual({ value: 0.4, numFmt: "0.0%", formula: "D4/C4" });
    expect(sheet("インハウス").rows[6][2]).toEqual({ value: 150, formula: "SUM(C4:C6)" });
    expect(sheet("メモ").rows[4][2]).toEqual({ value: "ab", formula: '"a"&"b"' });
  });

  test("shared formulas are translated for each cell", () => {
    const s = sheet("メモ");
    expect(s.rows[2][1]).toEqual({ value: 2, formula: "A3*2" });
    expect(s.rows[3][1]).toEqual({ value: 4, formula: "A4*2" });
    expect(s.rows[4][1]).toEqual({ value: 6, formula: "A5*2" });
  });

  test("error values, typed or cached, become { error }", () => {
    expect(sheet("インハウス").rows[5][2]).toEqual({ value: { error: "#REF!" }, formula: "#REF!+1" });
    expect(sheet("メモ").rows[3][2]).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
    expect(sheet("メモ").rows[1][3]).toEqual({ value: { error: "#N/A" } });
  });

  test("rich text and hyperlinks become plain text", () => {
    expect(sheet("インハウス").rows[3][6]).toEqual({ value: "備考太字" });
    expect(sheet("メモ").rows[1][2]).toEqual({ value: "リンク" });
  });

  test("dates, booleans, percent formats, placeholders and whitespace", () => {
    const s = sheet("メモ");
    expect(s.rows[1][0]?.value).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(s.rows[1][0]?.numFmt).toBe("yyyy/mm/dd");
    expect(s.rows[1][1]).toEqual({ value: true });
    expect(s.rows[2][2]).toEqual({ value: 0.891, numFmt: "0.0%" });
    expect(s.rows[4][3]).toEqual({ value: "   " });
    expect(sheet("インハウス").rows[4][4]).toEqual({ value: "—" });
  });

  test("merged ranges are listed and the covered cells are empty", () => {
    const s = sheet("メモ");
    expect(s.merges).toEqual(["A1:D1"]);
    expect(s.rows[0].length).toBe(1);
    expect(s.rows[0][0]).toEqual({ value: "タイトル（結合）" });
    expect(sheet("インハウス").merges).toBeUndefined();
  });

  test("empty cells and rows are holes; blank rows in between are empty arrays", () => {
    const s = sheet("メモ");
    expect(s.rows.length).toBe(8);
    expect(s.rows[5]).toEqual([]);
    expect(s.rows[6]).toEqual([]);
    expect(s.rows[7]).toEqual([{ value: "離れた行" }]);
    expect(sheet("インハウス").rows[6][1]).toBeUndefined();
    expect(1 in sheet("インハウス").rows[6]).toBe(true); // dense: no sparse holes
  });

  test("General number format is not stored", async () => {
    const w = simpleWorkbook([[1, "a"]]);
    w.worksheets[0].getCell("A1").numFmt = "General";
    const buf = await w.xlsx.writeBuffer();
    const read = await readWorkbookBuffer(new Uint8Array(buf as ArrayBuffer));
    expect(read.sheets[0].rows[0][0]).toEqual({ value: 1 });
  });
});

describe("readWorkbookBuffer", () => {
  test("accepts a Buffer, a Uint8Array and an ArrayBuffer alike", async () => {
    const buf = readFileSync(goodPath);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const fromBuffer = await readWorkbookBuffer(buf);
    const fromArrayBuffer = await readWorkbookBuffer(ab);
    const fromView = await readWorkbookBuffer(new Uint8Array(ab));
    expect(fromArrayBuffer).toEqual(fromBuffer);
    expect(fromView).toEqual(fromBuffer);
    expect(fromBuffer).toEqual(wb);
  });

  test("read.ts and errors.ts import nothing from Node (browser-safe)", () => {
    for (const f of ["read.ts", "errors.ts"]) {
      const src = readFileSync(path.join(__dirname, "../../src/adapters/exceljs", f), "utf8");
      const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      expect(imports.filter((m) => !m.startsWith(".") && m !== "exceljs")).toEqual([]);
    }
  });

  test("sniffs magic bytes", () => {
    expect(sniffWorkbookBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe("zip");
    expect(sniffWorkbookBytes(compoundFile(["EncryptedPackage"]))).toBe("encrypted");
    expect(sniffWorkbookBytes(compoundFile(["Workbook"]))).toBe("xls");
    expect(sniffWorkbookBytes(compoundFile(["WordDocument"]))).toBe("not-xlsx");
    expect(sniffWorkbookBytes(new Uint8Array(0))).toBe("not-xlsx");
  });
});

describe("unreadable files: WorkbookReadError with a code and one-line ja/en messages", () => {
  const cases: [keyof BadFiles, WorkbookReadErrorCode][] = [
    ["text", "not-xlsx"],
    ["csv", "not-xlsx"],
    ["pdf", "not-xlsx"],
    ["zeroBytes", "not-xlsx"],
    ["otherZip", "not-xlsx"],
    ["truncated", "corrupt"],
    ["encrypted", "encrypted"],
    ["xls", "xls"],
    ["emptyWorkbook", "empty"],
    ["noCells", "empty"],
  ];
  test.each(cases)("%s → %s", async (name, code) => {
    const err = await readWorkbookFile(bad[name]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    const e = err as WorkbookReadError;
    expect(e.code).toBe(code);
    expect(e.file).toBe(bad[name]);
    for (const lang of ["ja", "en"] as const) {
      expect(e.messageIn(lang)).not.toMatch(/\n/);
      expect(e.messageIn(lang).length).toBeGreaterThan(5);
    }
    expect(e.messageIn("ja")).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  });

  test("a missing file, a folder", async () => {
    await expect(readWorkbookFile(path.join(dir, "nope.xlsx"))).rejects.toMatchObject({ code: "not-found" });
    await expect(readWorkbookFile(dir)).rejects.toMatchObject({ code: "directory" });
  });

  test("the buffer reader throws the same errors (without a file)", async () => {
    await expect(readWorkbookBuffer(Buffer.from("a,b\n1,2\n"))).rejects.toMatchObject({ code: "not-xlsx", file: undefined });
    const good = readFileSync(goodPath);
    await expect(readWorkbookBuffer(good.subarray(0, 1000))).rejects.toMatchObject({ code: "corrupt" });
  });

  test("a zip with broken XML inside is corrupt", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require("jszip");
    const zip = await JSZip.loadAsync(readFileSync(goodPath));
    zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"");
    const broken: Buffer = await zip.generateAsync({ type: "nodebuffer" });
    await expect(readWorkbookBuffer(broken)).rejects.toMatchObject({ code: "corrupt" });
  });
});

describe("exceljs round trip of a larger sheet", () => {
  test("every value survives, in place", async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("big");
    for (let r = 1; r <= 2000; r++) ws.addRow([`row${r}`, r, r % 3 ? r / 10 : null, { formula: `B${r}*2`, result: r * 2 }]);
    const read = await readWorkbookBuffer(new Uint8Array((await w.xlsx.writeBuffer()) as ArrayBuffer));
    const rows = read.sheets[0].rows;
    expect(rows.length).toBe(2000);
    for (let r = 0; r < 2000; r++) {
      expect(rows[r][0]?.value).toBe(`row${r + 1}`);
      expect(rows[r][1]?.value).toBe(r + 1);
      expect(rows[r][2]?.value).toBe((r + 1) % 3 ? (r + 1) / 10 : undefined);
      expect(rows[r][3]).toEqual({ value: (r + 1) * 2, formula: `B${r + 1}*2` });
    }
  });
});
