/**
 * What the add-in writes for a person to print and fill, against FakeExcel (a test fake of the Excel JavaScript
 * API, not Excel): the 検証結果 sheet's print setup (Worksheet.pageLayout, ExcelApi 1.9), the template's data
 * validation (Range.dataValidation, ExcelApi 1.8) and print setup, and the 修正履歴 log of every figure Kensa
 * changes (a fix with its rule, the computed cells of 再計算・検証). Below the requirement sets the same sheets
 * are written without what needs them.
 */
import { ExcelHost } from "../../src/adapters/office";
import { planResultSheet, FIX_LOG_HEADER_ROW } from "../../src/core/apply";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { buildTemplate } from "../../src/core/template";
import { FakeExcel, budgetSheetRows, type FakeSheet } from "../fakes/fake-excel";

function hostFor(fake: FakeExcel): ExcelHost {
  return new ExcelHost({ run: fake.run, requirements: fake.requirements, lang: "ja" });
}

function finding(cell: string, message: string, severity: Finding["severity"] = "error"): Finding {
  return { rule: "value/missing", severity, sheet: "予算", cell, cells: [cell], message };
}

function resultOf(findings: Finding[]): CheckResult {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return {
    sheets: [{ name: "予算", kind: null }],
    findings,
    summary: { error: count("error"), warning: count("warning"), info: count("info") },
    computed: [],
  };
}

/** The rows of a sheet's column as text, from `from` (0-based) down to the last non-empty. */
function column(s: FakeSheet, col: number, from = 0): string[] {
  const out: string[] = [];
  for (let r = from; s.get(r, col) && s.get(r, col)!.value !== ""; r++) out.push(String(s.get(r, col)!.value));
  return out;
}

const LONG = "「国立健康危機管理研究機構」の「健康・医療関係」が空欄です。".repeat(6);

describe("the 検証結果 sheet prints as the CLI's copy does", () => {
  it("A4 landscape, one page wide, the header row on every page, wrapped messages, merged summary, tall rows", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", [["x"]]);
    const res = resultOf([finding("C5", LONG), finding("D7", "短い", "info")]);
    await hostFor(fake).writeResultSheet(res);
    const plan = planResultSheet(res, "ja", [{ name: "予算", kensa: false }]);
    const s = fake.sheet(plan.name)!;
    expect(s.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: `${plan.headerRow + 1}:${plan.headerRow + 1}`,
    });
    expect(s.pageLayout.zoom?.verticalFitToPages).toBeUndefined();
    expect(s.pageLayout.headersFooters).toEqual({ centerFooter: "&P / &N" });
    expect(s.pageLayout.margins).toEqual({
      left: 28.8,
      right: 28.8,
      top: 36,
      bottom: 43.2,
      header: 21.6,
      footer: 21.6,
    });
    // the summary texts across their columns, the long message's row as tall as its wrapped lines
    expect(plan.merges.length).toBeGreaterThan(0);
    expect(s.merges).toHaveLength(plan.merges.length);
    const longRow = plan.rows.findIndex((r) => r[4]?.type === "text" && r[4].text === LONG);
    expect(plan.lines[longRow]).toBeGreaterThan(1);
    // every row as tall as the plan reckons from its font, as the CLI's copy has it
    expect(s.rowHeights.get(longRow)).toBe(plan.heights[longRow]);
    expect(plan.heights[longRow]).toBeGreaterThan(plan.heights[longRow + 1]);
    expect(s.rowHeights.get(longRow + 1)).toBe(plan.heights[longRow + 1]);
    expect(s.frozenRows).toBe(plan.headerRow + 1);
    // errors first: the info comes after the error
    expect(column(s, 0, plan.headerRow + 1)).toEqual(["エラー", "情報"]);
  });

  it("rewritten over its earlier self: merges and print setup are those of the new plan", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", [["x"]]);
    const host = hostFor(fake);
    await host.writeResultSheet(resultOf([finding("C5", "一件目"), finding("C6", LONG), finding("C7", LONG)]));
    const res = resultOf([finding("C5", LONG)]);
    await host.writeResultSheet(res);
    expect(fake.sheets.map((x) => x.name)).toEqual(["予算", "検証結果"]);
    const plan = planResultSheet(res, "ja", [{ name: "予算", kensa: false }]);
    const s = fake.sheet("検証結果")!;
    expect(s.merges).toHaveLength(plan.merges.length);
    // the heights are the new plan's, row by row, none left from the earlier sheet
    expect(plan.heights.map((_, r) => s.rowHeights.get(r))).toEqual(plan.heights);
    expect([...s.rowHeights.keys()].every((r) => r < plan.heights.length)).toBe(true);
    expect(s.pageLayout.printTitleRows).toBe(`${plan.headerRow + 1}:${plan.headerRow + 1}`);
  });

  it("without ExcelApi 1.9 the sheet is still written, without print setup (and formatted range by range)", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.8";
    fake.addSheet("予算", [["x"]]);
    await hostFor(fake).writeResultSheet(resultOf([finding("C5", "空欄です")]));
    const s = fake.sheet("検証結果")!;
    expect(String(s.get(0, 0)!.value)).toMatch(/^Kensa 検証結果/);
    expect(s.pageLayout).toEqual({});
    expect(s.autoFilter).toBeUndefined();
    expect([...s.cells.values()].some((c) => c.bold)).toBe(true);
  });
});

describe("FakeExcel's page layout and validation follow the reference", () => {
  async function attempt(apiVersion: string, write: (ws: Excel.Worksheet) => void): Promise<string | undefined> {
    const fake = new FakeExcel();
    fake.apiVersion = apiVersion;
    fake.addSheet("S", [["x"]]);
    try {
      await fake.run(async (ctx) => {
        write(ctx.workbook.worksheets.getItem("S"));
        await ctx.sync();
      });
      return undefined;
    } catch (err) {
      return (err as { code?: string }).code;
    }
  }

  it("refuses values the reference does not allow, and everything below ExcelApi 1.9", async () => {
    expect(await attempt("1.9", (ws) => (ws.pageLayout.zoom = { scale: 5 }))).toBe("InvalidArgument");
    expect(await attempt("1.9", (ws) => (ws.pageLayout.zoom = { scale: 80 }))).toBeUndefined();
    expect(await attempt("1.9", (ws) => (ws.pageLayout.orientation = "Sideways" as Excel.PageOrientation))).toBe(
      "InvalidArgument",
    );
    expect(await attempt("1.9", (ws) => (ws.pageLayout.paperSize = "B5"))).toBeUndefined();
    expect(await attempt("1.9", (ws) => ws.pageLayout.setPrintTitleRows("A1:B2"))).toBe("InvalidArgument");
    expect(await attempt("1.8", (ws) => (ws.pageLayout.orientation = "Landscape"))).toBe("ApiNotFound");
  });

  it("a validation rule holds one kind of criteria; ExcelApi 1.8", async () => {
    const two = { list: { inCellDropDown: true, source: "A,B" }, decimal: { formula1: 0, operator: "GreaterThan" } };
    expect(
      await attempt("1.8", (ws) => (ws.getRange("A1").dataValidation.rule = two as Excel.DataValidationRule)),
    ).toBe("InvalidArgument");
    const list = { list: { inCellDropDown: true, source: "A,B" } };
    expect(await attempt("1.8", (ws) => (ws.getRange("A1").dataValidation.rule = list))).toBeUndefined();
    expect(await attempt("1.7", (ws) => (ws.getRange("A1").dataValidation.rule = list))).toBe("ApiNotFound");
  });
});

describe("the template inserted by the add-in", () => {
  it("has the CLI template's validation (Japanese prompts and errors, lists, amounts ≥ 0, halves) and print setup", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const host = hostFor(fake);
    const names = await host.insertTemplate();
    expect(host.lastSyncs).toBe(2);
    const spec = buildTemplate("ja");
    expect(names).toEqual(spec.sheets.map((s) => s.name));
    for (const sheet of spec.sheets) {
      const s = fake.sheet(sheet.name)!;
      const [top, bottom] = sheet.print.titleRows;
      expect(s.pageLayout).toMatchObject({
        paperSize: "A4",
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1 },
        printTitleRows: `${top + 1}:${bottom + 1}`,
        centerHorizontally: true,
        headersFooters: { leftHeader: "&A", centerFooter: "&P / &N" },
      });
      expect(s.merges).toHaveLength(sheet.merges.length);
      for (const [row, height] of Object.entries(sheet.rowHeights)) expect(s.rowHeights.get(Number(row))).toBe(height);
      for (const v of sheet.validations) {
        const dv = s.validations.get(v.range)!;
        expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: v.list.join(",") } });
        expect(dv.errorAlert).toMatchObject({ showAlert: true, style: v.strict ? "Stop" : "Warning" });
        if (v.prompt) expect(dv.prompt).toMatchObject({ showPrompt: true, title: v.prompt.title });
        if (v.error) expect(dv.errorAlert?.message).toBe(v.error.message);
      }
      for (const rule of sheet.inputRules) {
        const dv = s.validations.get(rule.range)!;
        expect(dv.prompt).toMatchObject({ showPrompt: true, title: rule.prompt.title });
        if (rule.type === "decimal")
          expect(dv.rule).toEqual({ decimal: { formula1: rule.min ?? 0, operator: "GreaterThanOrEqualTo" } });
        else if (rule.type === "half") expect(Object.keys(dv.rule!)).toEqual(["custom"]);
        else expect(dv.rule).toBeUndefined();
      }
      // every cell in the Japanese font, upright
      const written = [...s.cells.values()].filter((c) => c.value !== "");
      expect(written.every((c) => c.font?.name === "游ゴシック" && c.font.italic === false)).toBe(true);
    }
    // validations with Japanese messages exist on every sheet
    expect(spec.sheets.every((sheet) => fake.sheet(sheet.name)!.validations.size > 0)).toBe(true);
    const messages = spec.sheets.flatMap((sheet) => [...fake.sheet(sheet.name)!.validations.values()]);
    expect(messages.some((v) => /[ぁ-んァ-ン一-龥]/.test(v.prompt?.message ?? ""))).toBe(true);
  });

  it("without ExcelApi 1.8 (1.9) the sheets are inserted without their validation (print setup)", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.8";
    fake.addSheet("Sheet1");
    const names = await hostFor(fake).insertTemplate();
    expect(names.every((n) => fake.sheet(n)!.validations.size > 0)).toBe(true);
    expect(names.every((n) => Object.keys(fake.sheet(n)!.pageLayout).length === 0)).toBe(true);
    const older = new FakeExcel();
    older.apiVersion = "1.7";
    older.addSheet("Sheet1");
    const again = await hostFor(older).insertTemplate();
    expect(again.every((n) => older.sheet(n)!.validations.size === 0)).toBe(true);
    const res = checkWorkbook(await hostFor(older).read());
    expect(res.sheets.filter((s) => s.kind).length).toBe(again.length);
  });
});

describe("修正履歴: every figure Kensa changes in the open workbook", () => {
  /** Entry rows of the log (after its head). */
  function logRows(fake: FakeExcel): string[][] {
    const s = fake.sheet("修正履歴");
    if (!s) return [];
    const out: string[][] = [];
    for (let r = FIX_LOG_HEADER_ROW; s.get(r, 0) && s.get(r, 0)!.value !== ""; r++)
      out.push(Array.from({ length: 8 }, (_, c) => String(s.get(r, c)?.value ?? "")));
    return out;
  }

  it("a fix is logged with its rule (given, or that of the finding that proposed it), old → new, when", async () => {
    const fake = new FakeExcel();
    const rows = budgetSheetRows(4);
    rows.push(["合計", null, 10, 5, 1]); // a 合計 row that does not add up: total/row proposes =SUM(…)
    fake.addSheet("予算", rows);
    const host = hostFor(fake);
    const res = checkWorkbook(await host.read());
    await host.highlight(res);
    const withFix = res.findings.find((f) => f.fix && f.rule === "total/row");
    expect(withFix).toBeDefined();
    const old = String(fake.cell("予算", withFix!.fix!.cell)!.value);
    await host.applyFix(withFix!.fix!);
    await host.applyFix({ sheet: "予算", cell: "H5", value: "確認済み" }, "value/missing");
    const log = logRows(fake);
    expect(log).toHaveLength(2);
    expect(log[0][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(log[0].slice(1, 4)).toEqual(["予算", withFix!.fix!.cell, "修正の適用"]);
    expect(log[0].slice(5)).toEqual([old, `=${withFix!.fix!.formula}`, "total/row"]);
    expect(log[1].slice(5)).toEqual(["（空欄）", "確認済み", "value/missing"]);
  });

  it("再計算・検証 logs the cells it wrote in the same syncs, never touches a typed figure, and removing Kensa's changes takes the log with them", async () => {
    const fake = new FakeExcel();
    const rows = budgetSheetRows(4);
    rows[3][5] = 0.5; // a ratio a person typed
    fake.addSheet("予算", rows);
    const before = fake.snapshot("予算");
    const host = hostFor(fake);
    const res = checkWorkbook(await host.read());
    const report = await host.fillComputed(res);
    expect(host.lastSyncs).toBe(3); // sheets, state, cells and the log's candidates; the record and the log; the cells
    expect(fake.cell("予算", "F4")!.value).toBe(0.5);
    const log = logRows(fake);
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((r) => r[3] === "計算セルの記入" && r[5] === "（空欄）" && r[6].startsWith("="))).toBe(true);
    expect(log.some((r) => r[2].startsWith("F4"))).toBe(false);
    // one row per column run, as the state records it
    const cells = log.map((r) => r[2]);
    expect(cells.some((c) => /^G4:G7$/.test(c))).toBe(true);
    expect(report.written.length).toBeGreaterThan(log.length);
    // the same 再計算・検証 again changes nothing and logs nothing (the log's sheet is read in the first sync)
    await host.read();
    await host.fillComputed(res);
    expect(logRows(fake)).toEqual(log);
    // removing Kensa's changes: the cells as the person had them, and the log of them gone with them
    await host.clearHighlights({ removeAll: true });
    expect(fake.snapshot("予算")).toEqual(before);
    expect(fake.sheet("修正履歴")).toBeUndefined();
  });

  it("a log holding a fix applied stays when Kensa's changes are removed", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(3));
    const host = hostFor(fake);
    const res = checkWorkbook(await host.read());
    await host.fillComputed(res);
    await host.applyFix({ sheet: "予算", cell: "H4", value: "修正" }, "value/missing");
    await host.clearHighlights({ removeAll: true });
    expect(logRows(fake).some((r) => r[3] === "修正の適用")).toBe(true);
  });
});
