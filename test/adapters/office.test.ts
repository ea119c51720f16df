/**
 * The Office.js adapter (src/adapters/office) against FakeExcel, a test fake of the Excel JavaScript
 * API (test/fakes/fake-excel.ts) — not Excel. What only real Excel can confirm is listed in the
 * adapter's README notes; these tests pin the behaviour and the round-trip counts.
 */
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { HostError } from "../../src/host/host";
import { ExcelHost } from "../../src/adapters/office";
import { STATE_MARK, STATE_SHEET, fillFromJson, fillToJson } from "../../src/adapters/office/state";
import { chunkAddresses } from "../../src/adapters/office/limits";
import { FakeExcel, budgetSheetRows } from "../fakes/fake-excel";

function hostFor(fake: FakeExcel, lang: "ja" | "en" = "ja", readBudget?: number): ExcelHost {
  return new ExcelHost({ run: fake.run, requirements: fake.requirements, lang, readBudget });
}

function result(findings: Partial<Finding>[], computed: CheckResult["computed"] = []): CheckResult {
  const full = findings.map((f) => ({ rule: "value/missing", severity: "error", sheet: "S", cell: "A1", cells: [f.cell ?? "A1"], message: "m", ...f }) as Finding);
  return { sheets: [], findings: full, summary: { error: full.length, warning: 0, info: 0 }, computed };
}

function sameFills(before: Map<string, string>, after: Map<string, string>): string[] {
  const diff: string[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) if ((before.get(k) ?? "") !== (after.get(k) ?? "")) diff.push(`${k}: ${before.get(k) ?? ""} → ${after.get(k) ?? ""}`);
  return diff;
}

describe("read", () => {
  it("maps values, percent formats, formulas' cached values and errors, at the used range's position", async () => {
    const fake = new FakeExcel();
    const rows = [];
    rows[2] = [null, "名称", { v: 0.89, nf: "0.0%" }, { v: 12, f: "=SUM(D1:D2)", nf: "#,##0" }, { v: "#DIV/0!", f: "=1/0" }];
    rows[4] = [null, "=not a formula", true, 3.5, "▲12"];
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
    expect(s.rows[0]).toEqual([]);
    expect(s.rows[3]).toEqual([]);
    expect(wb.sheets[1].rows.every((r) => r.length === 0)).toBe(true);
    // sheets, used ranges, then ALL cells of all sheets in one sync
    expect(host.lastSyncs).toBe(3);
    expect(fake.stats.syncs).toBe(3);
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
    expect(host.snapshot?.state).toEqual([{ sheet: "A", cell: "A1", fill: null }]);
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

  it("highlights the findings' cells and clearing restores every fill exactly", async () => {
    const fake = setup();
    const host = hostFor(fake);
    const before = fake.fills();
    const res = checkWorkbook(await host.read());
    const flagged = res.findings.filter((f) => f.rule === "part/exceeds-whole").map((f) => f.cell);
    expect(flagged).toEqual(["D4", "D14", "D24", "D34"]);
    fake.resetStats();
    await host.highlight(res);
    expect(host.lastSyncs).toBe(3);
    expect(fake.cell("予算", "D4")!.fill?.color).toBe("#FFC7CE");
    expect(fake.cell("予算", "D14")!.fill?.color).toBe("#FFC7CE");
    expect(fake.sheet(STATE_SHEET)?.visibility).toBe("VeryHidden");
    await host.clearHighlights();
    expect(host.lastSyncs).toBe(4); // with notes: + 1 to probe the notes of the cells given back
    expect(sameFills(before, fake.fills())).toEqual([]);
    expect(fake.sheet(STATE_SHEET)).toBeUndefined();
  });

  describe("notes (ExcelApi 1.18)", () => {
    const part = (cell: string) => ({ sheet: "S", cell, rule: "part/exceeds-whole", message: `${cell} は全体を超えています` });

    it("writes one note per flagged cell with the exceljs adapter's text, and none without 1.18", async () => {
      const fake = new FakeExcel();
      fake.addSheet("S", [["x"]]);
      const host = hostFor(fake);
      await host.highlight(result([part("B2"), part("C3"), { ...part("C3"), severity: "warning", rule: "value/negative", message: "負の値" }]));
      expect(host.lastSyncs).toBe(3);
      expect(fake.note("S", "B2")).toBe("Kensa:\n[エラー] B2 は全体を超えています (part/exceeds-whole)");
      expect(fake.note("S", "C3")).toBe("Kensa:\n[エラー] C3 は全体を超えています (part/exceeds-whole)\n[警告] 負の値 (value/negative)");
      expect(fake.cell(STATE_SHEET, "D2")!.value).toBe('{"kensa":"own"}');
      await host.clearHighlights();
      expect(fake.sheet("S")!.notes.size).toBe(0);

      const old = new FakeExcel();
      old.apiVersion = "1.17";
      old.addSheet("S", [["x"]]);
      const oldHost = hostFor(old);
      await oldHost.highlight(result([part("B2")]));
      expect(oldHost.lastSyncs).toBe(3);
      expect(old.cell("S", "B2")!.fill?.color).toBe("#FFC7CE");
      expect(old.sheet("S")!.notes.size).toBe(0);
      await oldHost.clearHighlights();
      expect(oldHost.lastSyncs).toBe(3);
    });

    it("keeps a person's note: appends after it, does not stack on a second check, and clearing gives it back exactly", async () => {
      const fake = new FakeExcel();
      fake.addSheet("S", [["x"]]);
      const mine = "担当者のメモ\n\n  末尾の空白も  ";
      fake.sheet("S")!.notes.set("B2", mine);
      const host = hostFor(fake);
      await host.highlight(result([part("B2"), part("C3")]));
      const expected = `${mine}\n\nKensa:\n[エラー] B2 は全体を超えています (part/exceeds-whole)`;
      expect(fake.note("S", "B2")).toBe(expected);
      await host.highlight(result([part("B2"), part("C3")]));
      expect(host.lastSyncs).toBe(3);
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
    const state = fake.sheet(STATE_SHEET)!;
    const rows = [...state.cells.entries()].filter(([k]) => k.endsWith(",1")).length;
    expect(rows).toBe(1 + new Set(res2.findings.map((f) => `${f.sheet}!${f.cell}`)).size);
    expect(fake.cell(STATE_SHEET, "A1")!.value).toBe(STATE_MARK);
    // a cell no longer flagged is given back its own fill
    await host.highlight({ ...res2, findings: res2.findings.filter((f) => f.cell !== "D4") });
    expect(fake.cell("予算", "D4")!.fill).toEqual({ color: "#FFFF00", pattern: "Solid", patternColor: "#000000" });
    await host.clearHighlights();
    expect(sameFills(before, fake.fills())).toEqual([]);
  });

  it("writes the state in the exceljs adapter's layout (exceljs Fill JSON)", () => {
    expect(fillToJson({ color: "#FFFF00", pattern: "Solid" })).toBe('{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFFFFF00"}}');
    expect(fillFromJson('{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFFFC7CE"}}')).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    const gray = { color: "#CCFFCC", pattern: "Gray50", patternColor: "#FF0000" };
    expect(fillFromJson(fillToJson(gray))).toEqual(gray);
    expect(fillFromJson("")).toBeNull();
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

  it("reports unsupported-api on Excel without ExcelApi 1.9", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.8";
    fake.addSheet("S", [["x"]]);
    const err = await hostFor(fake).highlight(result([{ sheet: "S", cell: "A1" }])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("unsupported-api");
    expect((err as HostError).retryable).toBe(false);
  });
});

describe("computed cells", () => {
  it("writes formulas only into empty cells or Kensa's own, never over what a person typed", async () => {
    const fake = new FakeExcel();
    const rows = budgetSheetRows(5);
    rows[3][5] = 0.5; // typed ratio
    rows[4][5] = { v: 1, f: "=1" }; // a person's own formula
    rows[5][5] = { v: 0.1, f: '=if(or(D6="", C6=""),"",iferror(D6/C6,""))' }; // Kensa's own formula, written differently
    fake.addSheet("予算", rows);
    const host = hostFor(fake);
    const res = checkWorkbook(await host.read());
    fake.resetStats();
    const written = await host.fillComputed(res);
    expect(host.lastSyncs).toBe(3);
    expect(fake.cell("予算", "F4")!.value).toBe(0.5);
    expect(fake.cell("予算", "F4")!.formula).toBeUndefined();
    expect(fake.cell("予算", "F5")!.formula).toBe("=1");
    expect(fake.cell("予算", "F6")!.formula!.replace(/\s/g, "").toUpperCase()).toBe('=IF(OR(D6="",C6=""),"",IFERROR(D6/C6,""))'); // Kensa's own: kept or refreshed
    expect(fake.cell("予算", "F7")!.formula).toMatch(/^=.*D7.*C7/);
    expect(fake.cell("予算", "G4")!.formula).toMatch(/^=/);
    expect(written).toBeGreaterThanOrEqual(7); // 10 computed cells less the typed value, the person's formula (and F6 when the engine counts it as entered)
    expect(host.lastComputed.skipped).toBeGreaterThanOrEqual(2);
  });
});

describe("result sheet", () => {
  it("keeps text as text (=1+1, +1, -x, @x, 2024) and links with HYPERLINK", async () => {
    const fake = new FakeExcel();
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
    const texts = [...s.cells.values()].filter((c) => c.value === "=1+1" || c.value === "+1" || c.value === "-x" || c.value === "@x" || c.value === "2024" || c.value === "TRUE");
    expect(texts).toHaveLength(6);
    for (const c of texts) {
      expect(c.formula).toBeUndefined();
      expect(typeof c.value).toBe("string");
    }
    const link = [...s.cells.values()].find((c) => c.formula?.startsWith("=HYPERLINK"));
    expect(link?.formula).toBe(`=HYPERLINK("#'予算'!C5","C5")`);
    expect(String(s.get(0, 0)!.value)).toMatch(/^Kensa 検証結果/);
    // a second run replaces Kensa's sheet, never the user's
    await host.writeResultSheet(res);
    expect(fake.sheets.map((x) => x.name)).toEqual(["予算", "検証結果", name]);
  });
});

describe("errors", () => {
  it("maps cell-edit mode to one Japanese (or English) message", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    fake.cellEditMode = true;
    await expect(hostFor(fake).read()).rejects.toMatchObject({ code: "cell-edit-mode", message: "セルの編集を終えてから、もう一度実行してください。" });
    await expect(hostFor(fake, "en").read()).rejects.toMatchObject({ code: "cell-edit-mode", message: "Finish editing the cell, then try again." });
  });

  it("maps a vanished sheet to workbook-changed and anything else to unknown with Excel's message", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    await expect(host.applyFix({ sheet: "Gone", cell: "A1", value: 1 })).rejects.toMatchObject({ code: "workbook-changed" });
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

  it("reports the user's edits, not Kensa's own writes, until unsubscribed", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", [["x"]]);
    const host = hostFor(fake);
    const seen: number[] = [];
    const off = await host.onChanged(() => seen.push(1));
    fake.fireChange();
    expect(seen).toHaveLength(1);
    await host.applyFix({ sheet: "S", cell: "B1", value: 2 });
    fake.fireChange(); // arrives right after Kensa's write: its own
    expect(seen).toHaveLength(1);
    off();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.changeHandlers).toHaveLength(0);
  });
});
