/**
 * The Office.js adapter (src/adapters/office) against FakeExcel, a test fake of the Excel JavaScript
 * API (test/fakes/fake-excel.ts) — not Excel. Each behaviour the fake models cites the document or issue
 * it follows; these tests pin the adapter's behaviour on it and the round-trip counts. The failure of
 * every sync in turn is test/adapters/office-chaos.test.ts.
 */
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { HostError } from "../../src/host/host";
import { ExcelHost } from "../../src/adapters/office";
import { STATE_MARK, STATE_SHEET } from "../../src/adapters/office/state";
import { chunkAddresses } from "../../src/adapters/office/limits";
import {
  applyTint,
  fillRecordFromJson,
  fillRecordToJson,
  isBetween,
  shiftRows,
  themePalette,
  withResolvedColours,
} from "../../src/core/apply";
import { FakeExcel, budgetSheetRows, type FakeFill } from "../fakes/fake-excel";

function hostFor(fake: FakeExcel, lang: "ja" | "en" = "ja", readBudget?: number): ExcelHost {
  return new ExcelHost({ run: fake.run, requirements: fake.requirements, lang, readBudget });
}

function result(findings: Partial<Finding>[], computed: CheckResult["computed"] = []): CheckResult {
  const full = findings.map((f): Finding => ({
    rule: "value/missing",
    severity: "error",
    sheet: "S",
    cell: "A1",
    cells: [f.cell ?? "A1"],
    message: "m",
    ...f,
  }));
  return { sheets: [], findings: full, summary: { error: full.length, warning: 0, info: 0 }, computed };
}

function sameFills(before: Map<string, string>, after: Map<string, string>): string[] {
  const diff: string[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()]))
    if ((before.get(k) ?? "") !== (after.get(k) ?? ""))
      diff.push(`${k}: ${before.get(k) ?? ""} → ${after.get(k) ?? ""}`);
  return diff;
}

/** Live rows of the state sheet (A–D with a sheet name), row 1 excluded. */
function stateRows(fake: FakeExcel): number {
  const s = fake.sheet(STATE_SHEET);
  if (!s) return 0;
  return [...s.cells.entries()].filter(([k, c]) => k.endsWith(",0") && !k.startsWith("0,") && c.value !== "").length;
}

const part = (cell: string, sheet = "S") => ({
  sheet,
  cell,
  rule: "part/exceeds-whole",
  message: `${cell} は全体を超えています`,
});

describe("read", () => {
  it("maps values, percent formats, formulas' cached values and errors (told from text by valueTypes), at the used range's position", async () => {
    const fake = new FakeExcel();
    const rows = [];
    rows[2] = [
      null,
      "名称",
      { v: 0.89, nf: "0.0%" },
      { v: 12, f: "=SUM(D1:D2)", nf: "#,##0" },
      { v: "#DIV/0!", f: "=1/0" },
    ];
    rows[4] = [null, "=not a formula", true, 3.5, "▲12"];
    rows[5] = [null, { v: "#N/A", nf: "@" }, "#N/A"]; // text that looks like an error, and a typed error
    fake.addSheet("Data", rows);
    fake.addSheet("Empty");
    const host = hostFor(fake);
    const wb = await host.read();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Data", "Empty"]);
    const s = wb.sheets[0];
    expect(s.rows[2][1]).toEqual({ value: "名称" });
    expect(s.rows[2][2]).toEqual({ value: 0.89, numFmt: "0.0%" });
    expect(s.rows[2][3]).toEqual({ value: 12, numFmt: "#,##0", formula: "SUM(D1:D2)" });
    expect(s.rows[2][4]).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
    expect(s.rows[4][1]).toEqual({ value: "=not a formula" });
    expect(s.rows[4][2]).toEqual({ value: true });
    expect(s.rows[4][4]).toEqual({ value: "▲12" });
    expect(s.rows[5][1]).toEqual({ value: "#N/A" });
    expect(s.rows[5][2]).toEqual({ value: { error: "#N/A" } });
    expect(s.rows[0]).toEqual([]);
    expect(s.rows[3]).toEqual([]);
    expect(wb.sheets[1].rows.every((r) => r.length === 0)).toBe(true);
    // sheets, used ranges, ALL cells of all sheets in one sync, and the value types of the cells that read like errors
    expect(host.lastSyncs).toBe(4);
    expect(fake.stats.syncs).toBe(4);
  });

  it("reads in 3 syncs when no cell reads like an error value", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(20, 2));
    const host = hostFor(fake);
    await host.read();
    expect(host.lastSyncs).toBe(3);
  });

  it("chunks by bytes when the workbook exceeds the payload limit, and halves on a payload error", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(2000, 3));
    const whole = await hostFor(fake).read();
    fake.resetStats();
    fake.payloadLimit = 60_000; // a much smaller "Excel on the web"
    const host = hostFor(fake, "ja", 200_000); // budget above the limit: the first tries fail, then halve
    const chunked = await host.read();
    expect(chunked).toEqual(whole);
    expect(host.lastSyncs).toBeGreaterThan(3);
  });

  it("gives up with payload-too-large when even one row does not fit", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(50));
    fake.payloadLimit = 300;
    await expect(hostFor(fake).read()).rejects.toMatchObject({ code: "payload-too-large" });
  });

  it("keeps Kensa's state sheet out of the model", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A", [["x"]]);
    fake.addSheet(STATE_SHEET, [[STATE_MARK], ["A", "A1", ""]]).visibility = "VeryHidden";
    const host = hostFor(fake);
    const wb = await host.read();
    expect(wb.sheets.map((s) => s.name)).toEqual(["A"]);
    expect(host.snapshot?.state).toEqual([{ sheet: "A", cell: "A1", fill: null, row: 2 }]);
  });
});

describe("highlight and clear", () => {
  function setup() {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(40, 4));
    // the user's own formatting on some cells Kensa will flag (and on others)
    fake.cell("予算", "D4")!.fill = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000" };
    fake.cell("予算", "D14")!.fill = { color: "#CCFFCC", pattern: "Gray50", patternColor: "#FF0000" };
    fake.cell("予算", "A5")!.fill = { color: "#00B0F0", pattern: "Solid", patternColor: "#000000" };
    return fake;
  }

  it("highlights the findings' cells (recording first) and clearing restores every fill exactly", async () => {
    const fake = setup();
    const host = hostFor(fake);
    const before = fake.fills();
    const res = checkWorkbook(await host.read());
    const flagged = res.findings.filter((f) => f.rule === "part/exceeds-whole").map((f) => f.cell);
    expect(flagged).toEqual(["D4", "D14", "D24", "D34"]);
    fake.resetStats();
    const report = await host.highlight(res);
    // sheets + protection + state + the flagged cells' fills and notes; the record (appended); the cells
    expect(host.lastSyncs).toBe(3);
    expect(report).toEqual({ highlighted: 4, restored: 0, protectedSheets: [], unrestorable: [], notHighlighted: [] });
    expect(fake.cell("予算", "D4")!.fill?.color).toBe("#FFC7CE");
    expect(fake.cell("予算", "D14")!.fill).toMatchObject({ color: "#FFC7CE", pattern: "Solid" });
    expect(fake.sheet(STATE_SHEET)?.visibility).toBe("VeryHidden");
    expect(stateRows(fake)).toBe(4);
    const cleared = await host.clearHighlights();
    expect(host.lastSyncs).toBe(4); // sheets and state; the given-back cells' fills and notes; the cells; forgetting their rows
    expect(cleared.restored).toBe(4);
    expect(sameFills(before, fake.fills())).toEqual([]);
    // the state sheet is reused, not deleted (deleting a sheet clears Excel's undo history): no live rows left
    expect(fake.sheet(STATE_SHEET)?.visibility).toBe("VeryHidden");
    expect(stateRows(fake)).toBe(0);
  });

  it("re-checking an unchanged workbook writes nothing at all: one sync", async () => {
    const fake = setup();
    const host = hostFor(fake);
    const res = checkWorkbook(await host.read());
    await host.highlight(res);
    const written = fake.stats.cellsWritten;
    const records = fake.undo.cleared;
    fake.resetStats();
    await host.highlight(res);
    expect(host.lastSyncs).toBe(1);
    expect(fake.stats.rangeAreas).toBe(0);
    expect(fake.stats.cellsWritten).toBe(0);
    expect(fake.undo.cleared).toBe(records); // no write: the undo history is not touched either
    void written;
  });

  it("reads and restores colour, pattern, pattern colour and both tints; tells No Fill from white (office-js#4900, #6218)", async () => {
    const fake = new FakeExcel();
    const fills: Record<string, FakeFill | null> = {
      B2: null,
      B3: { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000" },
      B4: { color: "#4472C4", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.6 },
      B5: {
        color: "#ED7D31",
        pattern: "LightDown",
        patternColor: "#1F4E78",
        tintAndShade: -0.25,
        patternTintAndShade: 0.4,
      },
    };
    const s = fake.addSheet("S", [["x"]]);
    for (const [a1, f] of Object.entries(fills)) {
      const { top, left } = { top: Number(a1.slice(1)) - 1, left: 1 };
      s.ensure(top, left).fill = f ? { ...f } : null;
    }
    const before = fake.fills();
    const host = hostFor(fake);
    await host.highlight(result(Object.keys(fills).map((c) => part(c))));
    for (const a1 of Object.keys(fills))
      expect(fake.cell("S", a1)!.fill).toMatchObject({ color: "#FFC7CE", pattern: "Solid" });
    expect(fake.cell("S", "B4")!.fill?.tintAndShade ?? 0).toBe(0); // Kensa's colour without the tint
    await host.clearHighlights();
    expect(sameFills(before, fake.fills())).toEqual([]);
    expect(fake.cell("S", "B2")!.fill).toBeNull(); // No Fill stays No Fill
    expect(fake.cell("S", "B3")!.fill).toEqual(fills.B3); // white stays white
  });

  it("never highlights a gradient (it cannot be set back) and says so", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]).ensure(1, 1).fill = {
      color: "#5B9BD5",
      pattern: "LinearGradient",
      patternColor: "#000000",
    };
    const host = hostFor(fake);
    const report = await host.highlight(result([part("B2"), part("C3")]));
    expect(report.notHighlighted).toEqual([{ sheet: "S", cell: "B2" }]);
    expect(fake.cell("S", "B2")!.fill?.pattern).toBe("LinearGradient");
    expect(fake.cell("S", "C3")!.fill?.color).toBe("#FFC7CE");
  });

  it("a fill the person chose after Kensa highlighted a cell is theirs: clearing keeps it", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    await host.highlight(result([part("B2"), part("C3")]));
    fake.cell("S", "B2")!.fill = { color: "#00FF00", pattern: "Solid", patternColor: "#000000" };
    // re-checked while still flagged: the person's new fill becomes the one to give back
    await host.highlight(result([part("B2"), part("C3")]));
    expect(fake.cell("S", "B2")!.fill?.color).toBe("#FFC7CE");
    await host.clearHighlights();
    expect(fake.cell("S", "B2")!.fill?.color).toBe("#00FF00");
    expect(fake.cell("S", "C3")!.fill).toBeNull();
    // changed while highlighted, then cleared: kept as they left it
    await host.highlight(result([part("C3")]));
    fake.cell("S", "C3")!.fill = { color: "#123456", pattern: "Solid", patternColor: "#000000" };
    await host.clearHighlights();
    expect(fake.cell("S", "C3")!.fill?.color).toBe("#123456");
  });

  it("a state written by the CLI: theme fills come back by their resolved colour; without one the cell is left alone and reported", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const pink = { color: "#FFC7CE", pattern: "Solid", patternColor: "#000000" };
    fake.sheet("S")!.ensure(1, 1).fill = { ...pink };
    fake.sheet("S")!.ensure(2, 1).fill = { ...pink };
    fake.sheet("S")!.ensure(3, 1).fill = { ...pink };
    const theme = {
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 4, tint: 0.5999938962981048 },
      bgColor: { indexed: 64 },
    };
    fake.addSheet(STATE_SHEET, [
      [STATE_MARK],
      ["S", "B2", JSON.stringify(withResolvedColours(theme, ["#FFFFFF", "#000000", "#E7E6E6", "#44546A", "#4472C4"]))],
      ["S", "B3", JSON.stringify(theme)],
      ["S", "B4", JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { indexed: 13 } })],
    ]).visibility = "VeryHidden";
    const host = hostFor(fake);
    const report = await host.clearHighlights();
    expect(fake.cell("S", "B2")!.fill).toMatchObject({
      color: applyTint("#4472C4", 0.5999938962981048),
      pattern: "Solid",
    });
    expect(fake.cell("S", "B3")!.fill).toEqual(pink); // left alone
    expect(fake.cell("S", "B4")!.fill?.color).toBe("#FFFF00"); // indexed 13: Excel's default palette
    expect(report.unrestorable).toEqual([{ sheet: "S", cell: "B3" }]);
  });

  describe("notes (ExcelApi 1.18)", () => {
    it("writes one note per flagged cell with the exceljs adapter's text, and none without 1.18", async () => {
      const fake = new FakeExcel();
      fake.addSheet("S", [["x"]]);
      const host = hostFor(fake);
      await host.read(); // as the pane does: the check's read lets the flagged cells be read in the first sync
      await host.highlight(
        result([
          part("B2"),
          part("C3"),
          { ...part("C3"), severity: "warning", rule: "value/negative", message: "負の値" },
        ]),
      );
      expect(host.lastSyncs).toBe(3);
      expect(fake.note("S", "B2")).toBe("Kensa:\n[エラー] B2 は全体を超えています (part/exceeds-whole)");
      expect(fake.note("S", "C3")).toBe(
        "Kensa:\n[エラー] C3 は全体を超えています (part/exceeds-whole)\n[警告] 負の値 (value/negative)",
      );
      expect(fake.cell(STATE_SHEET, "D2")!.value).toBe('{"kensa":"own"}');
      await host.clearHighlights();
      expect(fake.sheet("S")!.notes.size).toBe(0);

      const old = new FakeExcel();
      old.apiVersion = "1.17";
      old.addSheet("S", [["x"]]);
      const oldHost = hostFor(old);
      await oldHost.read();
      await oldHost.highlight(result([part("B2")]));
      expect(oldHost.lastSyncs).toBe(3);
      expect(old.cell("S", "B2")!.fill?.color).toBe("#FFC7CE");
      expect(old.sheet("S")!.notes.size).toBe(0);
      await oldHost.clearHighlights();
      expect(oldHost.lastSyncs).toBe(4);
    });

    it("keeps a person's note: appends after it, does not stack on a second check, and clearing gives it back exactly", async () => {
      const fake = new FakeExcel();
      fake.addSheet("S", [["x"]]);
      const mine = "担当者のメモ\n\n  末尾の空白も  ";
      fake.sheet("S")!.notes.set("B2", mine);
      const host = hostFor(fake);
      await host.read();
      await host.highlight(result([part("B2"), part("C3")]));
      const expected = `${mine}\n\nKensa:\n[エラー] B2 は全体を超えています (part/exceeds-whole)`;
      expect(fake.note("S", "B2")).toBe(expected);
      await host.highlight(result([part("B2"), part("C3")]));
      expect(host.lastSyncs).toBe(1); // nothing changed
      expect(fake.note("S", "B2")).toBe(expected);
      expect(fake.note("S", "C3")).toBe("Kensa:\n[エラー] C3 は全体を超えています (part/exceeds-whole)");
      // new messages replace Kensa's part, never the person's
      await host.highlight(result([{ ...part("B2"), message: "別の指摘" }]));
      expect(fake.note("S", "B2")).toBe(`${mine}\n\nKensa:\n[エラー] 別の指摘 (part/exceeds-whole)`);
      expect(fake.note("S", "C3")).toBeUndefined(); // no longer flagged: Kensa's own note removed
      await host.clearHighlights();
      expect(fake.note("S", "B2")).toBe(mine);
      expect([...fake.sheet("S")!.notes.keys()]).toEqual(["B2"]);
    });

    it("leaves a note alone that the person rewrote or deleted after Kensa wrote it", async () => {
      const fake = new FakeExcel();
      fake.addSheet("S", [["x"]]);
      const host = hostFor(fake);
      await host.highlight(result([part("B2"), part("C3")]));
      fake.sheet("S")!.notes.set("B2", "私の文章に書き換えた");
      fake.sheet("S")!.notes.delete("C3");
      await host.clearHighlights();
      expect(fake.note("S", "B2")).toBe("私の文章に書き換えた");
      expect(fake.note("S", "C3")).toBeUndefined();
    });
  });

  it("checking twice does not stack: the state keeps the user's fill, clear restores it", async () => {
    const fake = setup();
    const host = hostFor(fake);
    const before = fake.fills();
    const res = checkWorkbook(await host.read());
    await host.highlight(res);
    const res2 = checkWorkbook(await host.read());
    await host.highlight(res2);
    await host.highlight(res2);
    expect(stateRows(fake)).toBe(
      new Set(res2.findings.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell}`)).size,
    );
    expect(fake.cell(STATE_SHEET, "A1")!.value).toBe(STATE_MARK);
    // a cell no longer flagged is given back its own fill, and its row forgotten
    await host.highlight({ ...res2, findings: res2.findings.filter((f) => f.cell !== "D4") });
    expect(fake.cell("予算", "D4")!.fill).toEqual({ color: "#FFFF00", pattern: "Solid", patternColor: "#000000" });
    await host.clearHighlights();
    expect(sameFills(before, fake.fills())).toEqual([]);
  });

  it("records fills as exceljs Fill JSON plus the Office fill; reads the CLI's records", () => {
    expect(fillRecordToJson({ color: "#FFFF00", pattern: "Solid" })).toBe(
      '{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFFFFF00"},"office":{"color":"#FFFF00","pattern":"Solid"}}',
    );
    expect(fillRecordFromJson('{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFFFC7CE"}}')).toEqual({
      ok: true,
      fill: { color: "#FFC7CE", pattern: "Solid" },
    });
    const gray = {
      color: "#CCFFCC",
      pattern: "Gray50",
      patternColor: "#FF0000",
      tintAndShade: 0.25,
      patternTintAndShade: -0.5,
    };
    expect(fillRecordFromJson(fillRecordToJson(gray))).toEqual({ ok: true, fill: gray });
    // the CLI's pattern fill: fgColor is the pattern's colour, bgColor the cell's
    expect(
      fillRecordFromJson(
        '{"type":"pattern","pattern":"lightGrid","fgColor":{"argb":"FF000000"},"bgColor":{"argb":"FFFFFF00"}}',
      ),
    ).toEqual({
      ok: true,
      fill: { color: "#FFFF00", pattern: "Grid", patternColor: "#000000" },
    });
    expect(fillRecordFromJson("")).toEqual({ ok: true, fill: null });
    expect(fillRecordFromJson('{"type":"pattern","pattern":"none"}')).toEqual({ ok: true, fill: null });
    expect(fillRecordFromJson('{"type":"pattern","pattern":"solid","fgColor":{"theme":4}}')).toMatchObject({
      ok: false,
    });
    expect(fillRecordFromJson('{"type":"gradient","gradient":"angle"}')).toMatchObject({ ok: false });
    expect(fillRecordFromJson("not json")).toMatchObject({ ok: false });
  });

  it("resolves theme and indexed colours and tints (ECMA-376 §18.8.19) for the CLI to record", () => {
    const xml = `<a:theme><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1></a:clrScheme></a:themeElements></a:theme>`;
    const palette = themePalette(xml);
    expect(palette.slice(0, 5)).toEqual(["#FFFFFF", "#000000", "#E7E6E6", "#44546A", "#4472C4"]);
    expect(applyTint("#4472C4", -0.249977111117893)).toBe("#2F5597"); // Excel's "darker 25%"
    expect(applyTint("#FFFFFF", -0.1499984740745262)).toBe("#D9D9D9"); // Excel's "darker 15%"
    expect(
      withResolvedColours(
        { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: -0.249977111117893 } },
        palette,
      ),
    ).toMatchObject({ kensaResolved: { fg: "FF2F5597" } });
  });

  it("a fill half-written by a failed batch is still Kensa's to finish (isBetween)", () => {
    const original = { color: "#ED7D31", pattern: "LightDown", patternColor: "#1F4E78", tintAndShade: 0.4 };
    const kensa = { color: "#FFC7CE", pattern: "Solid" };
    expect(isBetween({ ...original, color: "#FFC7CE" }, original, kensa)).toBe(true);
    expect(isBetween({ color: "#FFC7CE", pattern: "Solid", tintAndShade: 0.4 }, original, kensa)).toBe(true);
    expect(isBetween({ color: "#00FF00", pattern: "Solid" }, original, kensa)).toBe(false);
  });

  it("splits address lists at 8,192 characters", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `C${i * 2 + 1}`);
    const chunks = chunkAddresses(many);
    expect(chunks.every((c) => c.length <= 8192)).toBe(true);
    expect(chunks.join(",").split(",")).toEqual(many);
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    await host.highlight(result(many.map((cell) => ({ sheet: "S", cell }))));
    expect(fake.stats.longestAddress).toBeLessThanOrEqual(8192);
    expect(fake.cell("S", "C5999")!.fill?.color).toBe("#FFC7CE");
    expect(fake.cell("S", "C6000")?.fill ?? null).toBeNull();
  });

  it("halves a write batch on a payload error, as reads do", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    const many = Array.from({ length: 400 }, (_, i) => part(`E${i + 1}`));
    fake.payloadLimit = 40_000; // the record of 400 cells does not fit one request
    await host.highlight(result(many));
    expect(fake.cell("S", "E400")!.fill?.color).toBe("#FFC7CE");
    expect(stateRows(fake)).toBe(400);
    fake.payloadLimit = 5 * 1024 * 1024;
    await host.clearHighlights();
    expect(fake.cell("S", "E400")!.fill).toBeNull();
  });

  it("reports unsupported-api on Excel without ExcelApi 1.9", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.8";
    fake.addSheet("S", [["x"]]);
    const err = await hostFor(fake)
      .highlight(result([{ sheet: "S", cell: "A1" }]))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("unsupported-api");
    expect((err as HostError).retryable).toBe(false);
  });
});

describe("protection", () => {
  it("never writes to a protected sheet; the other sheets are highlighted; the report names it", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    fake.addSheet("P", [["x"]]).protected = true;
    const host = hostFor(fake);
    const report = await host.highlight(result([part("B2"), part("B2", "P")]));
    expect(report.protectedSheets).toEqual(["P"]);
    expect(fake.cell("P", "B2")?.fill ?? null).toBeNull();
    expect(fake.note("P", "B2")).toBeUndefined();
    expect(fake.cell("S", "B2")!.fill?.color).toBe("#FFC7CE");
    // protected after Kensa highlighted it: the cell stays recorded until the sheet is unprotected
    await host.highlight(result([part("B2"), part("C3")]));
    fake.sheet("S")!.protected = true;
    const clear = await host.clearHighlights();
    expect(clear.protectedSheets).toEqual(["S"]);
    expect(fake.cell("S", "B2")!.fill?.color).toBe("#FFC7CE");
    fake.sheet("S")!.protected = false;
    await host.clearHighlights();
    expect(fake.cell("S", "B2")!.fill).toBeNull();
  });

  it("a protected workbook structure without Kensa's state sheet: nothing is written, and the report says why", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    fake.workbookProtected = true;
    const host = hostFor(fake);
    const report = await host.highlight(result([part("B2")]));
    expect(report.blocked).toBe("workbook-protected");
    expect(fake.cell("S", "B2")?.fill ?? null).toBeNull();
    expect(fake.sheet(STATE_SHEET)).toBeUndefined();
    // with the state sheet there (added before the protection), highlighting works
    fake.workbookProtected = false;
    await host.highlight(result([part("C3")]));
    fake.workbookProtected = true;
    expect((await host.highlight(result([part("B2")]))).blocked).toBeUndefined();
    expect(fake.cell("S", "B2")!.fill?.color).toBe("#FFC7CE");
  });

  it("a fix on a protected sheet is refused with Kensa's own message, not Excel's", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]).protected = true;
    await expect(hostFor(fake).applyFix({ sheet: "S", cell: "B2", value: 1 })).rejects.toMatchObject({
      code: "protected",
      message: expect.stringContaining("保護"),
    });
    expect(fake.cell("S", "B2")).toBeUndefined();
  });
});

describe("computed cells (再計算・検証 only)", () => {
  it("writes formulas only into empty cells or Kensa's own, says exactly which, skips what is already there", async () => {
    const fake = new FakeExcel();
    const rows = budgetSheetRows(5);
    rows[3][5] = 0.5; // typed ratio
    rows[4][5] = { v: 1, f: "=1" }; // a person's own formula
    rows[5][5] = { v: 0.1, f: '=if(or(D6="", C6=""),"",iferror(D6/C6,""))' }; // Kensa's own formula, written differently
    fake.addSheet("予算", rows);
    const before = fake.snapshot("予算");
    const host = hostFor(fake);
    const res = checkWorkbook(await host.read());
    fake.resetStats();
    const report = await host.fillComputed(res);
    expect(host.lastSyncs).toBe(3); // sheets, state and the target cells; the record; the cells
    expect(fake.cell("予算", "F4")!.value).toBe(0.5);
    expect(fake.cell("予算", "F4")!.formula).toBeUndefined();
    expect(fake.cell("予算", "F5")!.formula).toBe("=1");
    expect(fake.cell("予算", "F7")!.formula).toMatch(/^=.*D7.*C7/);
    expect(fake.cell("予算", "G4")!.formula).toMatch(/^=/);
    expect(report.written.map((c) => c.cell)).toEqual(
      expect.arrayContaining(["F7", "F8", "G4", "G5", "G6", "G7", "G8"]),
    );
    expect(report.written.map((c) => c.cell)).not.toContain("F4");
    expect(report.written.map((c) => c.cell)).not.toContain("F5");
    expect(report.leftAlone).toBeGreaterThanOrEqual(1);
    // a second 再計算・検証 writes nothing: it is all there
    const again = await host.fillComputed(res);
    expect(again.written).toEqual([]);
    expect(host.lastSyncs).toBe(1);
    // "remove Kensa's changes": the cells are as the person had them (Kensa's own earlier formula back in F6)
    const removed = await host.clearHighlights({ removeAll: true });
    expect(removed.removedFormulas).toBe(report.written.length);
    expect(fake.snapshot("予算")).toEqual(before);
    expect(fake.sheet(STATE_SHEET)).toBeUndefined();
  });

  it("a formula the person changed after Kensa wrote it is kept by 'remove Kensa's changes'", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(3));
    const host = hostFor(fake);
    const res = checkWorkbook(await host.read());
    await host.fillComputed(res);
    fake.cell("予算", "F4")!.formula = "=D4/C4*100";
    const removed = await host.clearHighlights({ removeAll: true });
    expect(removed.keptFormulas).toBe(1);
    expect(fake.cell("予算", "F4")!.formula).toBe("=D4/C4*100");
    expect(fake.cell("予算", "F5")?.formula).toBeUndefined();
  });

  it("records a column of formulas filled down as one row (shiftRows)", async () => {
    expect(shiftRows('=IF(OR(D4="",C4=""),"",IFERROR(D4/C4,""))', 3)).toBe('=IF(OR(D7="",C7=""),"",IFERROR(D7/C7,""))');
    expect(shiftRows("=SUM($C$4:C4)+LOG10(A4)+'予算 4'!B$4", 1)).toBe("=SUM($C$4:C5)+LOG10(A5)+'予算 4'!B$4");
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(500));
    const host = hostFor(fake);
    const report = await host.fillComputed(checkWorkbook(await host.read()));
    expect(report.written).toHaveLength(1000);
    expect(fake.cell(STATE_SHEET, "G2")!.value).toBe("F4:F503");
    expect(fake.cell(STATE_SHEET, "G3")!.value).toBe("G4:G503");
    expect(fake.cell(STATE_SHEET, "G4")).toBeUndefined();
  });

  it("does not write computed cells on a protected sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(3)).protected = true;
    const host = hostFor(fake);
    const report = await host.fillComputed(checkWorkbook(await host.read()));
    expect(report.written).toEqual([]);
    expect(report.protectedSheets).toEqual(["予算"]);
    expect(fake.cell("予算", "F4")?.formula).toBeUndefined();
  });
});

describe("undo (ExcelApi 1.20) and cell-edit mode", () => {
  it("with ExcelApi 1.20 a highlight is one undo record (mergeUndoGroup); only adding the hidden state sheet clears the history", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.20";
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    expect(host.undoRisk()).toBe("sheet-changes");
    await host.read();
    await host.highlight(result([part("B2")])); // adds the state sheet: not merged
    expect(fake.runs[fake.runs.length - 1]).toEqual({});
    expect(fake.undo.cleared).toBe(1); // Worksheet.visibility has no undo on the desktop
    const records = fake.undo.records;
    await host.highlight(result([part("B2"), part("C3"), part("D4")]));
    expect(fake.runs[fake.runs.length - 1]).toEqual({ mergeUndoGroup: true });
    expect(fake.undo.records).toBe(records + 1); // record + cells: one Ctrl+Z
    expect(fake.undo.cleared).toBe(1);
    await host.clearHighlights();
    expect(fake.undo.records).toBe(records + 2);
    expect(fake.undo.cleared).toBe(1);
    // before 1.20 every write clears it: the pane says so before the first write
    const old = new FakeExcel();
    old.addSheet("S", [["x"]]);
    expect(hostFor(old).undoRisk()).toBe("every-write");
  });

  it("withCellEditDelay: a batch waits while the person edits a cell (delayForCellEdit), instead of failing", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    fake.cellEditMode = true;
    await expect(host.read()).rejects.toMatchObject({ code: "cell-edit-mode" });
    let done = false;
    const pending = host.withCellEditDelay(() => host.highlight(result([part("B2")]))).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    expect(fake.runs[fake.runs.length - 1]).toEqual({ delayForCellEdit: true });
    fake.endCellEdit();
    await pending;
    expect(fake.cell("S", "B2")!.fill?.color).toBe("#FFC7CE");
  });
});

describe("result sheet", () => {
  it("keeps text as text (=1+1, +1, -x, @x, 2024), links with HYPERLINK, and reuses its sheet (never deleted and added again)", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.20";
    fake.addSheet("予算", [["x"]]);
    fake.addSheet("検証結果", [["my own sheet"]]);
    const host = hostFor(fake);
    const res = result([
      { sheet: "予算", cell: "C5", message: "=1+1", rule: "+1" },
      { sheet: "予算", cell: "D7", message: "-x", rule: "@x" },
      { sheet: "予算", cell: "E9", message: "2024", rule: "TRUE" },
    ]);
    await host.writeResultSheet(res);
    expect(host.lastSyncs).toBe(3);
    const name = "検証結果 (2)"; // the user's sheet of that name is kept
    expect(fake.sheet("検証結果")!.get(0, 0)!.value).toBe("my own sheet");
    const s = fake.sheet(name)!;
    const texts = [...s.cells.values()].filter(
      (c) =>
        c.value === "=1+1" ||
        c.value === "+1" ||
        c.value === "-x" ||
        c.value === "@x" ||
        c.value === "2024" ||
        c.value === "TRUE",
    );
    // each rule text twice: the ルール column (an unknown rule's name is its id) and the ルールID column
    expect(texts).toHaveLength(9);
    for (const c of texts) {
      expect(c.formula).toBeUndefined();
      expect(typeof c.value).toBe("string");
    }
    const link = [...s.cells.values()].find((c) => c.formula?.startsWith("=HYPERLINK"));
    expect(link?.formula).toBe(`=HYPERLINK("#'予算'!C5","C5")`);
    expect(String(s.get(0, 0)!.value)).toMatch(/^Kensa 検証結果/);
    // a second run reuses Kensa's sheet, never the user's, and deletes no sheet
    const cleared = fake.undo.cleared;
    await host.writeResultSheet(result([{ sheet: "予算", cell: "C5", message: "一件だけ" }]));
    expect(fake.sheets.map((x) => x.name)).toEqual(["予算", "検証結果", name]);
    expect(fake.sheet(name)).toBe(s);
    expect([...s.cells.values()].some((c) => c.value === "=1+1")).toBe(false);
    expect(fake.undo.cleared).toBe(cleared);
  });

  it("a protected workbook structure: no result sheet can be added, and the message says why", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", [["x"]]);
    fake.workbookProtected = true;
    await expect(hostFor(fake).writeResultSheet(result([]))).rejects.toMatchObject({ code: "protected" });
  });
});

describe("errors", () => {
  it("maps cell-edit mode to one Japanese (or English) message", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    fake.cellEditMode = true;
    await expect(hostFor(fake).read()).rejects.toMatchObject({
      code: "cell-edit-mode",
      message: "セルの編集を終えてから、もう一度実行してください。",
    });
    await expect(hostFor(fake, "en").read()).rejects.toMatchObject({
      code: "cell-edit-mode",
      message: "Finish editing the cell, then try again.",
    });
  });

  it("maps a vanished sheet to workbook-changed, AccessDenied to protected, and anything else to unknown with Excel's message", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    await expect(host.applyFix({ sheet: "Gone", cell: "A1", value: 1 })).rejects.toMatchObject({
      code: "workbook-changed",
    });
    fake.failNextSyncWith = "AccessDenied";
    await expect(host.read()).rejects.toMatchObject({ code: "protected" });
    fake.failNextSyncWith = "GeneralException";
    const err = (await host.read().catch((e: unknown) => e)) as HostError;
    expect(err.code).toBe("unknown");
    expect(err.message).toContain("GeneralException");
  });
});

describe("select, template, change events", () => {
  it("activates the sheet and selects one or several cells", async () => {
    const fake = new FakeExcel();
    fake.addSheet("A", [["x"]]);
    fake.addSheet("B", [["y"]]);
    const host = hostFor(fake);
    await host.select("B", ["C5"]);
    expect(fake.activeSheet).toBe("B");
    expect(fake.selection).toEqual({ sheet: "B", address: "C5" });
    await host.select("B", ["C5", "D7", "'A'!A1"]);
    expect(fake.selection).toEqual({ sheet: "B", address: "C5,D7" });
    expect(host.lastSyncs).toBe(1);
  });

  it("inserts the template with unique names in two syncs, and it reads back as checkable sheets", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const host = hostFor(fake);
    const first = await host.insertTemplate();
    expect(host.lastSyncs).toBe(2);
    const second = await host.insertTemplate();
    expect(second.every((n, i) => n !== first[i])).toBe(true);
    expect(new Set([...first, ...second]).size).toBe(8);
    const res = checkWorkbook(await host.read());
    expect(res.sheets.filter((s) => s.kind).length).toBe(8);
  });

  it("reports the person's edits, never Kensa's own writes however late they arrive (triggerSource, ExcelApi 1.14)", async () => {
    const fake = new FakeExcel();
    fake.eventDelayMs = 30; // delivered after the batch, as on Excel on the web
    fake.addSheet("予算", budgetSheetRows(3));
    const host = hostFor(fake);
    const seen: number[] = [];
    const off = await host.onChanged(() => seen.push(1));
    const res = checkWorkbook(await host.recalculateAndRead());
    await host.fillComputed(res); // values on the person's sheet and rows of the state sheet
    await host.highlight(res);
    await host.applyFix({ sheet: "予算", cell: "H4", value: "x" });
    await new Promise((r) => setTimeout(r, 80));
    expect(fake.events.length).toBeGreaterThan(0);
    expect(fake.events.every((e) => e.triggerSource === "ThisLocalAddin")).toBe(true);
    expect(seen).toHaveLength(0);
    fake.edit("予算", "C4", 150);
    await new Promise((r) => setTimeout(r, 80));
    expect(seen).toHaveLength(1);
    off();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.changeHandlers).toHaveLength(0);
  });

  it("below ExcelApi 1.14 (no triggerSource), changes on Kensa's own sheets are still told apart by worksheet id", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.13";
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    const seen: string[] = [];
    await host.onChanged(() => seen.push("change"));
    await host.read();
    await host.highlight(result([part("B2")])); // writes only the state sheet's rows (fills are not onChanged)
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.events.map((e) => fake.sheetById(e.worksheetId)?.name)).toEqual(expect.arrayContaining([STATE_SHEET]));
    expect(seen).toEqual([]);
    fake.edit("S", "A1", "y");
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(["change"]);
  });
});
