/** BrowserHost (browser mode's WorkbookHost over a file in memory) and the surrounding-cells preview, in Node. */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { BrowserHost, annotatedName } from "../../src/browser/browser-host";
import { parseReference, surroundingCells } from "../../src/browser/preview";
import { checkWorkbook } from "../../src/core/engine";
import { isUnchecked } from "../../src/core/report/status";
import { sheetFromValues } from "../../src/core/model/workbook";
import { HostError } from "../../src/host/host";

const SAMPLE = path.resolve(__dirname, "../../samples/r7-report.xlsx");
const sample = (): Uint8Array => new Uint8Array(readFileSync(SAMPLE));

describe("BrowserHost", () => {
  it("reads, checks, previews a selection, applies a fix in memory and annotates the download", async () => {
    const host = new BrowserHost("r7-report.xlsx", sample(), "ja");
    const events: string[] = [];
    host.subscribe((e) => events.push(e));
    const wb = await host.read();
    expect(await host.read()).toBe(wb); // cached
    const result = checkWorkbook(wb, { lang: "ja" });
    await host.highlight(result);
    expect(host.result).toBe(result);
    expect(await host.fillComputed(result)).toBe(0);

    const pj5 = result.findings.find((f) => f.sheet === "PJ5" && f.rule === "sum/breakdown")!;
    await host.select(pj5.sheet, pj5.cells);
    const p = host.preview!;
    expect(p.sheet).toBe("PJ5");
    expect(p.anchor).toBe("C5");
    const flat = p.rows.flatMap((r) => r.cells);
    expect(flat.find((c) => c.address === "C5")).toMatchObject({ primary: true, selected: true, text: "20件" });
    expect(
      flat
        .filter((c) => c.selected)
        .map((c) => c.address)
        .sort(),
    ).toEqual(["C5", "G5", "G6", "G7"]);
    expect(flat.find((c) => c.address === "G6")!.text).toMatch(/^14/);

    const rollup = result.findings.find((f) => f.sheet === "全体" && f.rule === "rollup/additive" && f.cell === "G6")!;
    await host.select(rollup.sheet, rollup.cells);
    // the PJ sheets' cells with what they hold, read from the workbook
    const pj5g6 = host.preview!.elsewhere.find((c) => c.ref === "'PJ5'!G6");
    expect(pj5g6).toMatchObject({ sheet: "PJ5", cell: "G6", text: flat.find((c) => c.address === "G6")!.text });

    const subtotal = result.findings.find((f) => f.rule === "sum/subtotal" && f.cell === "D28")!;
    expect(subtotal.fix?.formula).toBe("SUM(D25:D27)");
    await host.applyFix(subtotal.fix!);
    const after = await host.read();
    expect(after).not.toBe(wb);
    const d28 = after.sheets.find((s) => s.name === "予算内訳")!.rows[27][3]!;
    expect(d28.formula).toBe("SUM(D25:D27)");
    expect(d28.value).toBeCloseTo(15.2);
    const again = checkWorkbook(after, { lang: "ja" });
    expect(again.findings.some((f) => f.rule === "sum/subtotal" && f.cell === "D28")).toBe(false);
    await host.highlight(again);
    expect(events).toEqual(expect.arrayContaining(["result", "selection", "fix"]));

    const out = await host.annotatedFile();
    expect(out.name).toBe("r7-report.kensa.xlsx");
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(out.bytes as unknown as ExcelJS.Buffer);
    const c5 = x.getWorksheet("PJ5")!.getCell("C5");
    expect((c5.fill as ExcelJS.FillPattern | undefined)?.pattern).toBe("solid");
    expect(x.getWorksheet("予算内訳")!.getCell("D28").formula).toBe("SUM(D25:D27)");
    expect(x.worksheets.some((ws) => ws.name === "検証結果")).toBe(true);
  });

  it("a download after clear highlights carries no fills", async () => {
    const host = new BrowserHost("a.xlsx", sample(), "en");
    const result = checkWorkbook(await host.read(), { lang: "en" });
    await host.highlight(result);
    await host.clearHighlights();
    const out = await host.annotatedFile();
    expect(out.name).toBe("a.kensa.xlsx");
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(out.bytes as unknown as ExcelJS.Buffer);
    expect((x.getWorksheet("PJ5")!.getCell("C5").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  });

  it("turns unreadable bytes into one clear, non-retryable message", async () => {
    const truncated = sample().slice(0, 3000);
    await expect(new BrowserHost("t.xlsx", truncated, "ja").read()).rejects.toMatchObject({
      code: "corrupt",
      retryable: false,
    });
    const text = new TextEncoder().encode("これはテキストです\n");
    const err = await new BrowserHost("t.xlsx", text, "en").read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("not-xlsx");
    expect((err as HostError).message).toMatch(/not an Excel workbook/);
  });

  it("an unrelated .xlsx reads and checks as 未検証: no sheet of a known kind, each named by an info", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("会議メモ").addRow(["出席者", "山田"]);
    wb.addWorksheet("予定").addRow(["日付", "内容"]);
    const host = new BrowserHost("memo.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()), "ja");
    const result = checkWorkbook(await host.read(), { lang: "ja" });
    await host.highlight(result);
    expect(isUnchecked(host.result!)).toBe(true);
    expect(host.result!.sheets).toEqual([
      { name: "会議メモ", kind: null },
      { name: "予定", kind: null },
    ]);
    expect(host.result!.findings.filter((f) => f.rule === "structure/unknown-sheet").map((f) => f.sheet)).toEqual([
      "会議メモ",
      "予定",
    ]);
    // the sample, by contrast, is checked
    const sampleHost = new BrowserHost("r7.xlsx", sample(), "ja");
    expect(isUnchecked(checkWorkbook(await sampleHost.read(), { lang: "ja" }))).toBe(false);
  });

  it("names the annotated copy", () => {
    expect(annotatedName("報告.XLSX", "ja")).toBe("報告.kensa.xlsx");
    expect(annotatedName("x", "en")).toBe("x.kensa.xlsx");
  });
});

describe("surroundingCells", () => {
  const wb = {
    sheets: [
      sheetFromValues("S", [
        ["a", "b", "c"],
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ],
  };
  wb.sheets[0].rows[1][1] = { value: 0.891, numFmt: "0.0%" };
  wb.sheets[0].rows[2][2] = { value: 1234.5, formula: "A3*2" };

  it("shows the cells around the selection, clipped at A1, with the selection marked", () => {
    const p = surroundingCells(wb, "S", ["B2", "$C$3"]);
    expect(p.columns).toEqual(["A", "B", "C", "D", "E"]);
    expect(p.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    const b2 = p.rows[1].cells[1];
    expect(b2).toMatchObject({ address: "B2", text: "89.1%", selected: true, primary: true });
    expect(p.rows[2].cells[2]).toMatchObject({
      address: "C3",
      selected: true,
      primary: false,
      formula: "A3*2",
      text: "1,234.5",
    });
  });

  it("keeps a large selection's window around the first cell", () => {
    const p = surroundingCells(wb, "S", ["A1:Z100"], { maxRows: 5, maxCols: 4 });
    expect(p.rows.length).toBe(5);
    expect(p.columns.length).toBe(4);
  });

  it("lists cells on other sheets and reports a missing sheet", () => {
    // a sheet the workbook lacks: listed without a value (never a blank that would read as an empty cell)
    expect(surroundingCells(wb, "S", ["A1", "'P''s'!B2"]).elsewhere).toEqual([
      { ref: "'P''s'!B2", sheet: "P's", cell: "B2" },
    ]);
    expect(surroundingCells(wb, "nope", ["A1"]).missingSheet).toBe(true);
    expect(parseReference("'P''s'!B2:C3")).toEqual({ sheet: "P's", from: { row: 1, col: 1 }, to: { row: 2, col: 2 } });
  });
});
