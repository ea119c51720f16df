import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { annotateBuffer } from "../../src/adapters/exceljs/annotate";
import { annotateFile, writeFileAtomic } from "../../src/adapters/exceljs/files";
import { SEVERITY_FILL } from "../../src/core/apply";
import type { CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { RESULT_SHEET_MARKER } from "../../src/core/apply/result-sheet";

const HOSTILE = ["=1+1", '=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)"];

async function inputWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("予算");
  ws.getCell("A5").value = "機関名";
  ws.getCell("C5").value = "全体";
  ws.getCell("C6").value = 100;
  ws.getCell("C6").style = {
    font: { bold: true, color: { argb: "FF112233" } },
    border: { top: { style: "thin" }, bottom: { style: "double" } },
    numFmt: "#,##0.0",
  };
  // C7 shares nothing but has its own fill; it gets a finding too.
  ws.getCell("C7").value = 50;
  ws.getCell("C7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
  ws.getCell("C8").value = 7;
  ws.getCell("C8").note = "担当者のメモ";
  ws.getCell("D6").value = 40;
  ws.getCell("F7").value = 0.41; // typed by a person
  ws.getCell("F8").value = { formula: "D8/C8*100", result: 3 }; // a person's formula
  // A user's own sheet called 検証結果 (no Kensa marker): must survive.
  const mine = wb.addWorksheet("検証結果");
  mine.getCell("A1").value = "私のメモ";
  // A sheet whose name tries to break out of the link formula.
  wb.addWorksheet(`x"),HYPERLINK("evil`).getCell("A1").value = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function finding(p: Partial<Finding> & { cell: string }): Finding {
  return { rule: "value/missing", severity: "error", sheet: "予算", cells: [p.cell], message: "m", ...p };
}

function checkResult(): CheckResult {
  const findings: Finding[] = [
    finding({
      cell: "C6",
      severity: "error",
      message: "全体が合計と一致しません",
      expected: 101,
      actual: 100,
      fix: { sheet: "予算", cell: "C6", value: 101 },
    }),
    finding({ cell: "C7", severity: "warning", rule: "grade/below-pace", message: "進捗が遅れています" }),
    finding({ cell: "C8", severity: "info", rule: "value/placeholder", message: "情報です" }),
    ...HOSTILE.map((m, i) =>
      finding({
        cell: `D${10 + i}`,
        message: m,
        rule: "ratio/mismatch",
        fix: { sheet: "予算", cell: `D${10 + i}`, value: m },
      }),
    ),
    finding({
      cell: "A1",
      sheet: `x"),HYPERLINK("evil`,
      severity: "info",
      rule: "structure/unknown-sheet",
      message: "対象外",
    }),
  ];
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return {
    sheets: [{ name: "予算", kind: "inhouse-budget" }],
    findings,
    summary,
    computed: [
      { sheet: "予算", cell: "F6", value: 0.4, decimals: 3, formula: "D6/C6", numFmt: "0.0%", label: "健康・医療比率" },
      { sheet: "予算", cell: "F7", value: 0.5, formula: "D7/C7", numFmt: "0.0%", label: "健康・医療比率" },
      { sheet: "予算", cell: "F8", value: 0.5, formula: "D8/C8", numFmt: "0.0%", label: "健康・医療比率" },
      { sheet: "予算", cell: "G6", value: "A", label: "判定" },
      { sheet: "予算", cell: "H6", value: 0, formula: "C6-C6", label: "ゼロ" },
    ],
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === "pattern" ? f.fgColor?.argb : undefined;
}

/** The 1-based row of the result sheet's column headers. */
function headerRow(rs: ExcelJS.Worksheet, label = "重要度"): number {
  for (let r = 1; r <= rs.rowCount; r++) if (rs.getCell(`A${r}`).value === label) return r;
  throw new Error("no header row");
}

function noteOf(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (!n) return "";
  if (typeof n === "string") return n;
  return ((n as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}

describe("annotateBuffer", () => {
  let input: Uint8Array;
  let inputCopy: Uint8Array;
  let out: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await inputWorkbook();
    inputCopy = input.slice();
    out = await load(await annotateBuffer(input, checkResult(), "ja"));
  });

  it("does not modify the input bytes", () => {
    expect(Buffer.compare(Buffer.from(input), Buffer.from(inputCopy))).toBe(0);
  });

  it("highlights flagged cells by severity and keeps their font, border and number format", () => {
    const ws = out.getWorksheet("予算")!;
    expect(fillOf(ws.getCell("C6"))).toBe(SEVERITY_FILL.error);
    expect(fillOf(ws.getCell("C7"))).toBe(SEVERITY_FILL.warning);
    expect(fillOf(ws.getCell("C8"))).toBe(SEVERITY_FILL.info);
    const c6 = ws.getCell("C6");
    expect(c6.font?.bold).toBe(true);
    expect(c6.font?.color?.argb).toBe("FF112233");
    expect(c6.border?.bottom?.style).toBe("double");
    expect(c6.numFmt).toBe("#,##0.0");
    expect(c6.value).toBe(100);
    // Cells without findings keep their look.
    expect(fillOf(ws.getCell("D6"))).toBeUndefined();
    expect(ws.getCell("D6").value).toBe(40);
  });

  it("adds a note with the messages and keeps a person's note", () => {
    const ws = out.getWorksheet("予算")!;
    expect(noteOf(ws.getCell("C6"))).toBe("Kensa:\n[エラー] 全体が合計と一致しません (value/missing)");
    expect(noteOf(ws.getCell("C8"))).toBe("担当者のメモ\n\nKensa:\n[情報] 情報です (value/placeholder)");
  });

  it("fills empty computed cells with a formula, its cached result and number format; never typed cells", () => {
    const ws = out.getWorksheet("予算")!;
    const f6 = ws.getCell("F6");
    expect(f6.formula).toBe("D6/C6");
    expect(f6.result).toBe(0.4);
    expect(f6.numFmt).toBe("0.0%");
    expect(ws.getCell("F7").value).toBe(0.41);
    expect(ws.getCell("F8").formula).toBe("D8/C8*100");
    expect(ws.getCell("G6").value).toBe("A");
    expect(ws.getCell("H6").formula).toBe("C6-C6");
    expect(ws.getCell("H6").result).toBe(0);
  });

  it("keeps a user's sheet named 検証結果 and writes its own result sheet beside it", () => {
    expect(out.getWorksheet("検証結果")!.getCell("A1").value).toBe("私のメモ");
    const rs = out.getWorksheet("検証結果 (2)")!;
    expect(rs).toBeDefined();
    expect(rs.getCell("A1").value).toBe(RESULT_SHEET_MARKER);
    const h = headerRow(rs);
    expect(rs.views[0]).toMatchObject({ state: "frozen", ySplit: h });
    expect(rs.autoFilter).toBe(`A${h}:K${h + 9}`);
    expect(rs.getCell(`A${h + 1}`).value).toBe("エラー");
    // 記入値 (the figure in the workbook), 計算値, the fix; with thousands separators
    expect(rs.getCell(`F${h + 1}`).value).toBe(100);
    expect(rs.getCell(`G${h + 1}`).value).toBe(101);
    expect(rs.getCell(`G${h + 1}`).numFmt).toBe("#,##0");
    expect(rs.getCell(`H${h + 1}`).value).toBe(101);
  });

  it("lists errors first, then warnings, then infos, with the rule's Japanese name and its id", () => {
    const rs = out.getWorksheet("検証結果 (2)")!;
    const h = headerRow(rs);
    const severities = Array.from({ length: 9 }, (_, i) => rs.getCell(`A${h + 1 + i}`).value);
    expect(severities).toEqual(["エラー", "エラー", "エラー", "エラー", "エラー", "エラー", "警告", "情報", "情報"]);
    expect(rs.getCell(`B${h + 7}`).value).toBe("進捗ペース未達");
    expect(rs.getCell(`K${h + 7}`).value).toBe("grade/below-pace");
    expect(fillOf(rs.getCell(`A${h + 1}`))).toBe(SEVERITY_FILL.error);
  });

  it("prints A4 landscape, one page wide, the header row on every page, messages wrapped", () => {
    const rs = out.getWorksheet("検証結果 (2)")!;
    const h = headerRow(rs);
    expect(rs.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${h}:${h}`,
    });
    expect(rs.getCell(`E${h + 1}`).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    // a row is as tall as its wrapped text
    expect(rs.getRow(h + 1).height).toBeGreaterThanOrEqual(15);
  });

  it("links each finding to its cell with an escaped HYPERLINK formula", () => {
    const rs = out.getWorksheet("検証結果 (2)")!;
    const h = headerRow(rs);
    expect(rs.getCell(`D${h + 1}`).formula).toBe(`HYPERLINK("#'予算'!C6","C6")`);
    expect(rs.getCell(`D${h + 1}`).result).toBe("C6");
    const evil = rs.getCell(`D${h + 9}`);
    expect(evil.formula).toBe(`HYPERLINK("#'x""),HYPERLINK(""evil'!A1","A1")`);
  });

  it("writes hostile text as string values, never as formulas", () => {
    const rs = out.getWorksheet("検証結果 (2)")!;
    const h = headerRow(rs);
    HOSTILE.forEach((m, i) => {
      for (const col of ["E", "H"]) {
        const cell = rs.getCell(`${col}${h + 2 + i}`);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(m);
        expect(cell.formula).toBeUndefined();
      }
    });
  });

  it("replaces its own result sheet and note on a second run instead of stacking them", async () => {
    const again = await load(
      await annotateBuffer(await out.xlsx.writeBuffer().then((b) => new Uint8Array(b)), checkResult(), "ja"),
    );
    const names = again.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("検証結果"))).toEqual(["検証結果", "検証結果 (2)"]);
    expect(noteOf(again.getWorksheet("予算")!.getCell("C8"))).toBe(
      "担当者のメモ\n\nKensa:\n[情報] 情報です (value/placeholder)",
    );
    // The computed cell Kensa wrote is Kensa's formula: refreshed, not treated as typed.
    expect(again.getWorksheet("予算")!.getCell("F6").formula).toBe("D6/C6");
  });

  it("restores the cells it highlighted when a later run no longer flags them", async () => {
    const first = new Uint8Array(await out.xlsx.writeBuffer());
    const fixed = checkResult();
    fixed.findings = fixed.findings.filter((f) => f.cell === "C6");
    const again = await load(await annotateBuffer(first, fixed, "ja"));
    const ws = again.getWorksheet("予算")!;
    expect(fillOf(ws.getCell("C6"))).toBe(SEVERITY_FILL.error);
    expect(fillOf(ws.getCell("C7"))).toBe("FF00FF00");
    expect(fillOf(ws.getCell("C8"))).toBeUndefined();
    expect(noteOf(ws.getCell("C7"))).toBe("");
    expect(noteOf(ws.getCell("C8"))).toBe("担当者のメモ");
    expect(ws.getCell("C6").font?.bold).toBe(true);
    // Kensa's bookkeeping sheet is very hidden and marked so the engine never checks it.
    const state = again.getWorksheet("Kensa_state")!;
    expect(state.state).toBe("veryHidden");
    expect(String(state.getCell("A1").value).startsWith(RESULT_SHEET_MARKER)).toBe(true);
    expect(again.worksheets.filter((w) => w.name === "Kensa_state")).toHaveLength(1);
  });

  it("records a theme fill with the colour it stands for, so the add-in can restore it, and restores the theme fill itself", async () => {
    const wb = await load(input);
    wb.getWorksheet("予算")!.getCell("C7").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 4, tint: 0.4 } as unknown as ExcelJS.Color,
    };
    const themed = new Uint8Array(await wb.xlsx.writeBuffer());
    const annotated = await load(await annotateBuffer(themed, checkResult(), "ja"));
    const state = annotated.getWorksheet("Kensa_state")!;
    let recorded: { fgColor?: { theme?: number }; kensaResolved?: { fg?: string } } | undefined;
    state.eachRow((row) => {
      if (row.getCell(1).value === "予算" && row.getCell(2).value === "C7")
        recorded = JSON.parse(String(row.getCell(3).value));
    });
    expect(recorded?.fgColor?.theme).toBe(4);
    // Office's default theme: accent1 #4472C4 (or the theme exceljs writes), lightened by 40%: some RGB, never absent.
    expect(recorded?.kensaResolved?.fg).toMatch(/^(FF)?#?[0-9A-F]{6}$/i);
    const fixed = checkResult();
    fixed.findings = [];
    const cleared = await load(await annotateBuffer(new Uint8Array(await annotated.xlsx.writeBuffer()), fixed, "ja"));
    const fill = cleared.getWorksheet("予算")!.getCell("C7").fill as ExcelJS.FillPattern & { kensaResolved?: unknown };
    expect(fill.fgColor).toMatchObject({ theme: 4 });
    expect(fill.kensaResolved).toBeUndefined();
  });

  it("prints a sheet without a page setup of its own A4 landscape in the copy, and keeps a sheet's own setup", async () => {
    const wb = await load(input);
    wb.getWorksheet("検証結果")!.pageSetup = {
      ...wb.getWorksheet("検証結果")!.pageSetup,
      paperSize: 8 as ExcelJS.PaperSize,
      orientation: "portrait",
    };
    const copy = await load(await annotateBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), checkResult(), "ja"));
    expect(copy.getWorksheet("予算")!.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(copy.getWorksheet("検証結果")!.pageSetup).toMatchObject({ paperSize: 8, orientation: "portrait" });
    // and the input is untouched
    expect((await load(input)).getWorksheet("予算")!.pageSetup.orientation).toBe("portrait");
  });

  it("names the result sheet in English with lang en", async () => {
    const en = await load(await annotateBuffer(input, checkResult(), "en"));
    const rs = en.getWorksheet("Kensa results")!;
    expect(rs.getCell(`A${headerRow(rs, "Severity")}`).value).toBe("Severity");
    expect(String(rs.getCell("A1").value).startsWith(RESULT_SHEET_MARKER)).toBe(true);
  });
});

describe("annotateFile", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kensa-annotate-"));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes the copy atomically and leaves the input untouched", async () => {
    const inPath = path.join(dir, "in.xlsx");
    const input = await inputWorkbook();
    await fs.writeFile(inPath, input);
    const outPath = path.join(dir, "in.kensa.xlsx");
    await annotateFile(inPath, checkResult(), outPath, "ja");
    expect(Buffer.compare(await fs.readFile(inPath), Buffer.from(input))).toBe(0);
    expect((await load(new Uint8Array(await fs.readFile(outPath)))).getWorksheet("検証結果 (2)")).toBeDefined();
    expect((await fs.readdir(dir)).sort()).toEqual(["in.kensa.xlsx", "in.xlsx"]);
  });

  it("refuses to overwrite its input", async () => {
    const inPath = path.join(dir, "in.xlsx");
    await fs.writeFile(inPath, await inputWorkbook());
    await expect(annotateFile(inPath, checkResult(), path.join(dir, ".", "in.xlsx"), "en")).rejects.toThrow(
      /over its input/,
    );
  });

  it("leaves no partial file when writing fails", async () => {
    await expect(
      writeFileAtomic(path.join(dir, "missing-dir", "out.xlsx"), new Uint8Array([1, 2, 3])),
    ).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual([]);
    // An existing output is replaced whole, never truncated in place.
    const target = path.join(dir, "out.xlsx");
    await fs.writeFile(target, "old");
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
  });
});
