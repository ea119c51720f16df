/**
 * Writing the acceptance store into an .xlsx (src/adapters/exceljs/accept.ts): only the store's part changes,
 * everything else of the package is kept byte for byte; the sheet is very hidden; the result reads back.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  readStoreFromPackage,
  storeSheetXml,
  StoreWriteError,
  writeStoreToPackage,
} from "../../src/adapters/exceljs/accept";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { annotateBuffer } from "../../src/adapters/exceljs/annotate";
import {
  acceptanceIn,
  ACCEPT_MARK,
  ACCEPT_SHEET,
  readAcceptanceStore,
  storeGrid,
  withAcceptance,
  type Acceptance,
} from "../../src/core/accept";
import { checkWorkbook } from "../../src/core/engine";
import { goodWorkbook } from "../fixtures/workbooks";

const SAMPLE = path.join(__dirname, "../../samples/r7-report.xlsx");

async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("uint8array"));
  return out;
}

function same(a: Uint8Array, b: Uint8Array | undefined): boolean {
  return !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}

async function goodBytes(): Promise<Uint8Array> {
  return new Uint8Array(await goodWorkbook().xlsx.writeBuffer());
}

async function indicator8(bytes: Uint8Array): Promise<Acceptance> {
  const wb = await readWorkbookBuffer(bytes);
  const f = checkWorkbook(wb).findings.find((x) => x.rule === "grade/below-pace" && x.cell === "J15")!;
  return acceptanceIn(wb, f, '指標8は令和8年度からの事業のため <&> "引用"', {
    by: "山田",
    at: "2025-12-02T10:15:00+09:00",
  });
}

describe("writeStoreToPackage", () => {
  let sample: Uint8Array;
  let entry: Acceptance;
  let written: Uint8Array;

  beforeAll(async () => {
    sample = new Uint8Array(readFileSync(SAMPLE));
    entry = await indicator8(sample);
    written = await writeStoreToPackage(sample, storeGrid([entry]));
  });

  test("adds one very hidden sheet and changes no other part", async () => {
    const before = await parts(sample);
    const after = await parts(written);
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added).toEqual(["xl/worksheets/sheet13.xml"]);
    const changed = [...before.keys()].filter((n) => !same(before.get(n)!, after.get(n)));
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
    const workbookXml = new TextDecoder().decode(after.get("xl/workbook.xml"));
    expect(workbookXml).toMatch(
      /<sheet name="Kensa_accepted" sheetId="\d+" state="veryHidden" r:id="rId\d+"\/><\/sheets>/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => [w.name, w.state]).slice(-1)).toEqual([[ACCEPT_SHEET, "veryHidden"]]);
  });

  test("the workbook reads back with its store, and the finding is accepted", async () => {
    const model = await readWorkbookBuffer(written);
    expect(readAcceptanceStore(model)).toEqual({ sheet: ACCEPT_SHEET, entries: [{ ...entry, row: 3 }], problems: [] });
    expect(await readStoreFromPackage(written)).toEqual({
      sheet: ACCEPT_SHEET,
      entries: [{ ...entry, row: 3 }],
      problems: [],
    });
    const r = checkWorkbook(model);
    expect(r.findings.filter((f) => f.accepted).map((f) => f.accepted)).toEqual([
      { reason: entry.reason, by: "山田", at: "2025-12-02T10:15:00+09:00" },
    ]);
  });

  test("writing again replaces the sheet's content in place; an empty store keeps the sheet with its headers", async () => {
    const twice = await writeStoreToPackage(
      written,
      storeGrid(withAcceptance([entry], { ...entry, reason: "別の理由" })),
    );
    const a = await parts(written);
    const b = await parts(twice);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a.keys()].filter((n) => !same(a.get(n)!, b.get(n)))).toEqual(["xl/worksheets/sheet13.xml"]);
    expect((await readStoreFromPackage(twice)).entries.map((e) => e.reason)).toEqual(["別の理由"]);
    const empty = await writeStoreToPackage(twice, storeGrid([]));
    expect(await readStoreFromPackage(empty)).toEqual({ sheet: ACCEPT_SHEET, entries: [], problems: [] });
    expect((await readWorkbookBuffer(empty)).sheets.find((s) => s.name === ACCEPT_SHEET)!.rows[0][0]!.value).toBe(
      ACCEPT_MARK,
    );
  });

  test("values, styles, formulas, merges, hyperlinks and other sheets survive (read through exceljs)", async () => {
    const bytes = await goodBytes();
    const out = await writeStoreToPackage(
      bytes,
      storeGrid([{ ...entry, sheet: "メモ", cell: "A1", cells: ["A1"], values: ["x"] }]),
    );
    const load = async (b: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(b as unknown as ExcelJS.Buffer);
      return wb;
    };
    const [x, y] = await Promise.all([load(bytes), load(out)]);
    expect(y.worksheets.map((w) => w.name)).toEqual([...x.worksheets.map((w) => w.name), ACCEPT_SHEET]);
    for (const ws of x.worksheets) {
      const other = y.getWorksheet(ws.name)!;
      expect(other.model.merges).toEqual(ws.model.merges);
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const o = other.getRow(r).getCell(c);
          expect([cell.address, o.value]).toEqual([cell.address, cell.value]);
          expect(o.numFmt).toEqual(cell.numFmt);
          expect(o.style).toEqual(cell.style);
        }),
      );
    }
    // the reader's model of the other sheets is the same
    const a = await readWorkbookBuffer(bytes);
    const b = await readWorkbookBuffer(out);
    expect(b.sheets.filter((s) => s.name !== ACCEPT_SHEET)).toEqual(a.sheets);
  });

  test("parts exceljs does not know (a macro project, a custom part) are kept byte for byte", async () => {
    const zip = await JSZip.loadAsync(sample);
    const vba = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
    zip.file("xl/vbaProject.bin", vba);
    zip.file("customXml/item1.xml", "<root>keep me</root>");
    const withExtras = await zip.generateAsync({ type: "uint8array" });
    const out = await writeStoreToPackage(withExtras, storeGrid([entry]));
    const p = await parts(out);
    expect(same(vba, p.get("xl/vbaProject.bin"))).toBe(true);
    expect(new TextDecoder().decode(p.get("customXml/item1.xml"))).toBe("<root>keep me</root>");
  });

  test("the annotated copy (an exceljs round trip) keeps the store", async () => {
    const model = await readWorkbookBuffer(written);
    const annotated = await annotateBuffer(written, checkWorkbook(model), "ja");
    const again = checkWorkbook(await readWorkbookBuffer(annotated));
    expect(again.summary.accepted).toBe(1);
  });

  test("a workbook.xml written with a namespace prefix gets a prefixed sheet entry", async () => {
    const zip = await JSZip.loadAsync(await goodBytes());
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const prefixed = xml
      .replace(/<(\/?)([A-Za-z]+)(?=[\s>/])/g, (m, slash: string, name: string) =>
        m.startsWith("<?") ? m : `<${slash}x:${name}`,
      )
      .replace(
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
      );
    expect(prefixed).toContain("<x:sheets>");
    zip.file("xl/workbook.xml", prefixed);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const out = await writeStoreToPackage(bytes, storeGrid([entry]));
    const after = await (await JSZip.loadAsync(out)).file("xl/workbook.xml")!.async("string");
    expect(after).toMatch(
      /<x:sheet name="Kensa_accepted" sheetId="\d+" state="veryHidden" r:id="rId\d+"\/><\/x:sheets>/,
    );
    expect((await readStoreFromPackage(out)).entries).toHaveLength(1);
  });

  test("a sheet named Kensa_accepted that is not Kensa's record is not overwritten (unless forced)", async () => {
    const wb = goodWorkbook();
    wb.addWorksheet("kensa_accepted").getCell("A1").value = "私のメモ";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(writeStoreToPackage(bytes, storeGrid([entry]))).rejects.toMatchObject({ code: "not-ours" });
    await expect(writeStoreToPackage(bytes, storeGrid([entry]))).rejects.toBeInstanceOf(StoreWriteError);
    const forced = await writeStoreToPackage(bytes, storeGrid([entry]), { force: true });
    expect((await readStoreFromPackage(forced)).entries).toHaveLength(1);
    // its existing entry in workbook.xml is made very hidden
    expect(await (await JSZip.loadAsync(forced)).file("xl/workbook.xml")!.async("string")).toMatch(
      /name="kensa_accepted"[^>]*state="veryHidden"/,
    );
  });

  test("what is not an .xlsx package is refused with a clear error", async () => {
    await expect(writeStoreToPackage(new TextEncoder().encode("not a zip"), storeGrid([]))).rejects.toMatchObject({
      code: "not-xlsx",
    });
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    await expect(
      writeStoreToPackage(await zip.generateAsync({ type: "uint8array" }), storeGrid([])),
    ).rejects.toMatchObject({ code: "no-workbook" });
  });

  test("a reason that looks like a formula stays text, in the record and in the check", async () => {
    const out = await writeStoreToPackage(
      sample,
      storeGrid([{ ...entry, reason: '=HYPERLINK("http://evil.example","x")' }]),
    );
    const xml = await (await JSZip.loadAsync(out)).file("xl/worksheets/sheet13.xml")!.async("string");
    expect(xml).not.toContain("<f>");
    const r = checkWorkbook(await readWorkbookBuffer(out));
    expect(r.findings.find((f) => f.accepted)!.accepted!.reason).toBe('=HYPERLINK("http://evil.example","x")');
  });

  test("text is escaped: markup in a reason stays text", () => {
    const xml = storeSheetXml([["<b>&amp;\"'</b>"]]);
    expect(xml).toContain('<t xml:space="preserve">&lt;b&gt;&amp;amp;&quot;\'&lt;/b&gt;</t>');
  });
});
