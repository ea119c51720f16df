import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { fromExcelJS, readWorkbookBuffer as readWithExcelJS } from "../../src/adapters/exceljs/read";
import { readWorkbookBuffer, sniffWorkbookBytes } from "../../src/adapters/xlsx/read";
import { readWorkbookFile } from "../../src/adapters/xlsx/read-file";
import { WorkbookReadError, type WorkbookReadErrorCode } from "../../src/adapters/exceljs/errors";
import type { Sheet, Workbook } from "../../src/core/model/workbook";
import {
  compoundFile,
  goodWorkbook,
  simpleWorkbook,
  tempDir,
  writeBadFiles,
  writeWorkbook,
  type BadFiles,
} from "../fixtures/workbooks";

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
    const read = await readWorkbookBuffer(new Uint8Array(buf));
    expect(read.sheets[0].rows[0][0]).toEqual({ value: 1 });
  });
});

describe("readWorkbookBuffer", () => {
  test("accepts a Buffer, a Uint8Array and an ArrayBuffer alike", async () => {
    const buf = readFileSync(goodPath);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const fromBuffer = await readWorkbookBuffer(buf);
    expect(await readWithExcelJS(buf)).toEqual(fromBuffer);
    const fromArrayBuffer = await readWorkbookBuffer(ab);
    const fromView = await readWorkbookBuffer(new Uint8Array(ab));
    expect(fromArrayBuffer).toEqual(fromBuffer);
    expect(fromView).toEqual(fromBuffer);
    expect(fromBuffer).toEqual(wb);
  });

  test("the readers import nothing from Node (browser-safe); the new one not exceljs either", () => {
    const files: [string, string[]][] = [
      ["exceljs/read.ts", ["exceljs"]],
      ["exceljs/errors.ts", []],
      ...["read.ts", "zip.ts", "xml.ts", "formats.ts", "sniff.ts", "limits.ts"].map((f): [string, string[]] => [
        `xlsx/${f}`,
        ["fflate", "saxes"],
      ]),
    ];
    for (const [f, allowed] of files) {
      const src = readFileSync(path.join(__dirname, "../../src/adapters", f), "utf8");
      const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      expect(imports.filter((m) => !m.startsWith(".") && !allowed.includes(m))).toEqual([]);
      if (f.startsWith("xlsx/"))
        expect(imports.filter((m) => m.includes("exceljs") && !m.endsWith("/errors"))).toEqual([]);
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
    await expect(readWorkbookBuffer(Buffer.from("a,b\n1,2\n"))).rejects.toMatchObject({
      code: "not-xlsx",
      file: undefined,
    });
    const good = readFileSync(goodPath);
    await expect(readWorkbookBuffer(good.subarray(0, 1000))).rejects.toMatchObject({ code: "corrupt" });
  });

  test("a zip with broken XML inside is corrupt", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require("jszip");
    const zip = await JSZip.loadAsync(readFileSync(goodPath));
    zip.file("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"');
    const broken: Buffer = await zip.generateAsync({ type: "nodebuffer" });
    await expect(readWorkbookBuffer(broken)).rejects.toMatchObject({ code: "corrupt" });
  });
});

describe("exceljs round trip of a larger sheet", () => {
  test("every value survives, in place", async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("big");
    for (let r = 1; r <= 2000; r++)
      ws.addRow([`row${r}`, r, r % 3 ? r / 10 : null, { formula: `B${r}*2`, result: r * 2 }]);
    const read = await readWorkbookBuffer(new Uint8Array(await w.xlsx.writeBuffer()));
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

describe("layout: merged ranges, hidden rows and hidden columns", () => {
  async function read(w: ExcelJS.Workbook | Buffer): Promise<Workbook> {
    const bytes = Buffer.isBuffer(w) ? w : Buffer.from(await w.xlsx.writeBuffer());
    return readWorkbookBuffer(bytes);
  }

  /** A two-row header (予算額 merged over 全体 / 健康・医療関係, 機関名 merged down), six data rows. */
  function layoutWorkbook(): ExcelJS.Workbook {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("予算");
    ws.getCell("A1").value = "機関名";
    ws.getCell("B1").value = "予算額（億円）";
    ws.getCell("B2").value = "全体";
    ws.getCell("C2").value = "健康・医療関係";
    ws.getCell("D1").value = "健康・医療関係（百万円）";
    ws.getCell("E1").value = "備考";
    ws.mergeCells("A1:A2");
    ws.mergeCells("B1:C1");
    for (let r = 3; r <= 8; r++) ws.getRow(r).values = [`機関${r - 2}`, r * 10, r, r * 100, null];
    ws.mergeCells("E3:E5");
    ws.getCell("E3").value = "3機関共通";
    ws.getColumn(4).hidden = true; // a hidden working column
    ws.getRow(6).hidden = true;
    return w;
  }

  test("hidden rows and columns are listed 0-based; merges as A1 rectangles; covered cells are empty", async () => {
    const s = (await read(layoutWorkbook())).sheets[0];
    expect(s.merges).toEqual(["A1:A2", "B1:C1", "E3:E5"]);
    expect(s.hiddenRows).toEqual([5]);
    expect(s.hiddenColumns).toEqual([3]);
    expect(s.layoutUnknown).toBeUndefined();
    expect(s.rows[0][2]).toBeUndefined(); // C1, under B1:C1
    expect(s.rows[1][0]).toBeUndefined(); // A2, under A1:A2
    expect(s.rows[3][4]).toBeUndefined(); // E4, under E3:E5
    expect(s.rows[2][4]).toEqual({ value: "3機関共通" });
    expect(s.rows[5][0]).toEqual({ value: "機関4" }); // a hidden row is still data
    expect(s.rows[4][3]).toEqual({ value: 500 }); // and so is a hidden column
  });

  test("a sheet with none has no merges, hiddenRows or hiddenColumns at all", async () => {
    const s = (
      await read(
        simpleWorkbook([
          ["a", 1],
          ["b", 2],
        ]),
      )
    ).sheets[0];
    expect(Object.keys(s).sort()).toEqual(["name", "rows"]);
  });

  test("rows and columns of a collapsed outline group are hidden (Excel writes hidden on each)", async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("PJ");
    for (let r = 1; r <= 8; r++) ws.getRow(r).values = [`行${r}`, r, r * 2, r * 3, r * 4];
    for (const r of [3, 4, 5]) {
      ws.getRow(r).outlineLevel = 1;
      ws.getRow(r).hidden = true;
    }
    for (const c of [3, 4]) {
      ws.getColumn(c).outlineLevel = 1;
      ws.getColumn(c).hidden = true;
    }
    const s = (await read(w)).sheets[0];
    expect(s.hiddenRows).toEqual([2, 3, 4]);
    expect(s.hiddenColumns).toEqual([2, 3]);
  });

  test("the layout is cut to the used box, as the Office.js reader's", async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("S");
    ws.getCell("B3").value = "見出し";
    ws.mergeCells("B3:H3"); // beyond the last used column (D): cut to B3:D3
    ws.getCell("B4").value = 1;
    ws.getCell("D5").value = 2;
    ws.mergeCells("C5:C9"); // top-left inside (empty, as it may be): cut to C5:C6 at the last used row
    ws.mergeCells("F10:G11"); // wholly outside: dropped
    ws.getCell("B6").value = "x";
    ws.mergeCells("B6:B8"); // top-left inside, bottom below the last used row (6): cut to B6:B6, dropped
    ws.getRow(1).hidden = true; // above the box
    ws.getRow(1).height = 15;
    ws.getRow(4).hidden = true;
    ws.getRow(12).hidden = true; // below the box
    ws.getRow(12).height = 15;
    ws.getColumn(1).hidden = true; // left of the box
    ws.getColumn(3).hidden = true;
    ws.getColumn(9).hidden = true; // right of the box
    const s = (await read(w)).sheets[0];
    expect(s.merges).toEqual(["B3:D3", "C5:C6"]);
    expect(s.hiddenRows).toEqual([3]);
    expect(s.hiddenColumns).toEqual([2]);
  });

  /** Rewrites the <cols> of every worksheet of a workbook (as Excel or LibreOffice would have written them). */
  async function withCols(w: ExcelJS.Workbook, cols: string): Promise<Buffer> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require("jszip");
    const zip = await JSZip.loadAsync(Buffer.from(await w.xlsx.writeBuffer()));
    for (const name of Object.keys(zip.files).filter((n: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml: string = await zip.file(name).async("string");
      zip.file(name, xml.replace(/<cols>[\s\S]*?<\/cols>/, "").replace("<sheetData", `<cols>${cols}</cols><sheetData`));
    }
    return zip.generateAsync({ type: "nodebuffer" });
  }

  test('<col min max hidden> runs: all columns right of the table hidden (Excel), hidden="true" (LibreOffice)', async () => {
    const w = new ExcelJS.Workbook();
    const ws = w.addWorksheet("S");
    for (let r = 1; r <= 4; r++) ws.getRow(r).values = ["a", 1, 2, 3, 4, 5];
    const excelStyle = await withCols(
      w,
      '<col min="2" max="3" width="0" hidden="1" customWidth="1"/><col min="7" max="16384" hidden="1"/>',
    );
    expect((await read(excelStyle)).sheets[0].hiddenColumns).toEqual([1, 2]);
    const libreOffice = await withCols(
      w,
      '<col collapsed="false" customWidth="true" hidden="true" max="5" min="5" style="0" width="0"/><col collapsed="false" customWidth="false" hidden="false" max="1024" min="6" style="0" width="11.52"/>',
    );
    expect((await read(libreOffice)).sheets[0].hiddenColumns).toEqual([4]);
  });

  test("fromExcelJS (the annotate path, columns already built by exceljs) gives the same layout", async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(Buffer.from(await layoutWorkbook().xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const viaBuffer = await read(layoutWorkbook());
    expect(fromExcelJS(w)).toEqual(viaBuffer);
  });
});
