/**
 * Indicator 7 (研究環境における人的ダイバーシティ, 研究者の男女（その他）比率) in every layout the reader accepts
 * (DOMAIN §3.4): the label in 内訳, in 項目 or not written; the shares as one composite text or as rows
 * (label in 項目, in 細目 or inside the 値). Every layout gives the same MonItem: key genderRatio, its shares
 * in MonItem.shares, each pointing at the cell that holds its percentage.
 */
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { mergeCatalogue } from "../../../src/core/catalogue/load";
import type { Catalogue } from "../../../src/core/catalogue/schema";
import { createContext } from "../../../src/core/engine";
import { sheetFromValues, type Cell, type CellValue, type Sheet } from "../../../src/core/model/workbook";
import { analyzeMonitoring } from "../../../src/core/sheets/monitoring/analyze";
import { readMonitoring, type MonItem } from "../../../src/core/sheets/monitoring/read";

type Row = (CellValue | Cell | undefined)[];
const H = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
const L = "研究者の男女（その他）比率";
const IND = ["7", "研究環境における 人的ダイバーシティ", "—"];

/** A PJ1 sheet: metadata on row 1, header on row 2, the given rows from row 3 (cells G3, G4, … hold 値). */
function read(rows: Row[], catalogue: Catalogue = defaultCatalogue) {
  const all: Row[] = [["統合プロジェクト：PJ1 医薬品プロジェクト"], H, ...rows];
  const sheet: Sheet = all.some((r) => r.some((c) => c !== null && typeof c === "object" && !(c instanceof Date)))
    ? {
        name: "PJ1",
        rows: all.map((r) =>
          r.map((c) =>
            c === null || c === undefined
              ? undefined
              : typeof c === "object" && !(c instanceof Date)
                ? (c as Cell)
                : { value: c as CellValue },
          ),
        ),
      }
    : sheetFromValues("PJ1", all as (CellValue | undefined)[][]);
  const ctx = createContext({ sheets: [sheet] }, catalogue);
  const table = ctx.tablesOf("monitoring")[0];
  const m = readMonitoring(table, ctx);
  return { sheet: m, analysis: analyzeMonitoring(table, ctx), ind: m.indicators[0] };
}

function only(rows: Row[]): { item: MonItem; read: ReturnType<typeof read> } {
  const r = read(rows);
  const items = r.ind.groups.flatMap((g) => g.items);
  expect(items).toHaveLength(1);
  return { item: items[0], read: r };
}

/** [key, label as written, percentage, value cell, label cell] of each share. */
const sharesOf = (it: MonItem) => it.shares.map((s) => [s.key, s.label, s.figure?.value, s.cell, s.labelCell]);

describe("layout 1: label in 内訳, one share per row in 項目", () => {
  test("the label beside the first share", () => {
    const { item, read: r } = only([
      [...IND, L, "男", null, "89.0%"],
      [null, null, null, null, "女", null, "11.0%"],
    ]);
    expect(r.ind.groups).toHaveLength(1);
    expect(r.ind.groups[0]).toMatchObject({
      label: L,
      labelCell: "D3",
      key: "diversity",
      namesItem: true,
      match: { exact: true },
    });
    expect(item).toMatchObject({ key: "genderRatio", label: "", hasValueRow: false });
    expect(sharesOf(item)).toEqual([
      ["male", "男", 89, "G3", "E3"],
      ["female", "女", 11, "G4", "E4"],
    ]);
    expect(item.shares.every((s) => !s.composite && s.labelColumn === "項目")).toBe(true);
    expect(r.analysis.numericCells.map((c) => `${c.cell} ${c.rowLabel} ${c.required ? "req" : "opt"}`)).toEqual([
      "G3 研究者の男女（その他）比率（男） req",
      "G4 研究者の男女（その他）比率（女） req",
    ]);
  });

  test("the label on a row of its own, 男性 / 女性 / その他 as percentage-formatted numbers", () => {
    const pct = (v: number): Cell => ({ value: v, numFmt: "0.0%" });
    const { item, read: r } = only([
      [...IND, L],
      [null, null, null, null, "男性", null, pct(0.886)],
      [null, null, null, null, "女性", null, pct(0.11)],
      [null, null, null, null, "その他", null, pct(0.004)],
    ]);
    expect(sharesOf(item)).toEqual([
      ["male", "男性", 88.6, "G4", "E4"],
      ["female", "女性", 11, "G5", "E5"],
      ["other", "その他", 0.4, "G6", "E6"],
    ]);
    expect(item.shares.map((s) => s.canonical)).toEqual(["男", "女", "その他"]);
    // The label's own row has no 値 to require.
    expect(r.analysis.numericCells.map((c) => c.cell)).toEqual(["G4", "G5", "G6"]);
  });

  test("a 内訳 merged down (its text on every row it spans) names the same item once", () => {
    const { item, read: r } = only([
      [...IND, L, "男", null, "89.0%"],
      [null, null, null, L, "女", null, "11.0%"],
    ]);
    expect(r.ind.groups).toHaveLength(1);
    expect(sharesOf(item).map((s) => s[0])).toEqual(["male", "female"]);
  });

  test("bare numbers are percentages: the item is one", () => {
    const { item } = only([
      [...IND, L, "男", null, 89],
      [null, null, null, null, "女", null, 11],
    ]);
    expect(item.shares.map((s) => s.figure)).toEqual([
      { value: 89, decimals: 0, unit: "%" },
      { value: 11, decimals: 0, unit: "%" },
    ]);
  });

  test("no label at all: 男 / 女 in 項目 under a blank 内訳 are the item's shares", () => {
    const { item, read: r } = only([
      [...IND, null, "男", null, "89.0%"],
      [null, null, null, null, "女", null, "11.0%"],
    ]);
    expect(r.ind.groups[0]).toMatchObject({ label: null, key: "diversity" });
    expect(item.key).toBe("genderRatio");
    expect(item.unknown).toBeUndefined();
    expect(sharesOf(item)).toEqual([
      ["male", "男", 89, "G3", "E3"],
      ["female", "女", 11, "G4", "E4"],
    ]);
  });

  test("a label that is no share is still a share of the item (counted, reported as unknown)", () => {
    const { item } = only([
      [...IND, L, "男", null, "89.0%"],
      [null, null, null, null, "女", null, "10.5%"],
      [null, null, null, null, "無回答", null, "0.5%"],
    ]);
    expect(sharesOf(item)).toEqual([
      ["male", "男", 89, "G3", "E3"],
      ["female", "女", 10.5, "G4", "E4"],
      [undefined, "無回答", 0.5, "G5", "E5"],
    ]);
  });

  test("a typo in the 内訳 label is a near miss of the item", () => {
    const { read: r } = only([
      [...IND, "研究者の男女（その他）比", "男", null, "89.0%"],
      [null, null, null, null, "女", null, "11.0%"],
    ]);
    expect(r.ind.groups[0]).toMatchObject({ namesItem: true, match: { exact: false, suggestion: L } });
  });

  test("the label in 内訳 with nothing below it: its 値 is missing", () => {
    const { item, read: r } = only([[...IND, L]]);
    expect(item.shares).toStrictEqual([]);
    expect(r.analysis.numericCells).toMatchObject([{ cell: "G3", required: true, parsed: { kind: "empty" } }]);
  });
});

describe("layout 2: label in 内訳, the value as one composite text", () => {
  test.each<[string, [string, string, number][]]>([
    [
      "男：89.0% 女：11.0%",
      [
        ["male", "男", 89],
        ["female", "女", 11],
      ],
    ],
    [
      "男：89.0％　女：11.0％",
      [
        ["male", "男", 89],
        ["female", "女", 11],
      ],
    ],
    [
      "男: 92.3% 女: 7.7%",
      [
        ["male", "男", 92.3],
        ["female", "女", 7.7],
      ],
    ],
    [
      "男性：89.0%、女性：11.0%",
      [
        ["male", "男性", 89],
        ["female", "女性", 11],
      ],
    ],
    [
      "男 89.0%／女 11.0%",
      [
        ["male", "男", 89],
        ["female", "女", 11],
      ],
    ],
    [
      "男性 88.0% / 女性 11.5% / その他 0.5%",
      [
        ["male", "男性", 88],
        ["female", "女性", 11.5],
        ["other", "その他", 0.5],
      ],
    ],
    [
      "男：89.0%\n女：11.0%",
      [
        ["male", "男", 89],
        ["female", "女", 11],
      ],
    ],
    [
      "男89.0%女11.0%",
      [
        ["male", "男", 89],
        ["female", "女", 11],
      ],
    ],
    [
      "男性89.0%・女性11.0%",
      [
        ["male", "男性", 89],
        ["female", "女性", 11],
      ],
    ],
    [
      "男 : 89.0 % 女 : 11.0 %",
      [
        ["male", "男", 89],
        ["female", "女", 11],
      ],
    ],
    [
      "男：89.0%（女：11.0%）",
      [
        ["male", "男", 89],
        ["female", "女", 11],
      ],
    ],
  ])("%j", (text, want) => {
    const { item, read: r } = only([[...IND, L, null, null, text]]);
    expect(r.ind.groups[0]).toMatchObject({ label: L, namesItem: true });
    expect(item).toMatchObject({ key: "genderRatio", hasValueRow: true, valueCell: "G3", value: { kind: "shares" } });
    expect(item.shares.map((s) => [s.key, s.label, s.figure?.value])).toEqual(want);
    expect(
      item.shares.every((s) => s.composite && s.cell === "G3" && s.labelColumn === "値" && s.labelCell === undefined),
    ).toBe(true);
    expect(r.analysis.numericCells.map((c) => [c.cell, c.parsed.kind])).toEqual([["G3", "shares"]]);
  });

  test("the label in both 内訳 and 項目", () => {
    const { item } = only([[...IND, L, "男女比率", null, "男：89.0% 女：11.0%"]]);
    expect(item.shares.map((s) => [s.key, s.cell])).toEqual([
      ["male", "G3"],
      ["female", "G3"],
    ]);
  });

  test("one labelled share per row in 値 (項目 blank)", () => {
    const { item } = only([
      [...IND, L, null, null, "男：89.0%"],
      [null, null, null, null, null, null, "女：11.0%"],
    ]);
    expect(item.shares.map((s) => [s.key, s.cell, s.composite])).toEqual([
      ["male", "G3", true],
      ["female", "G4", false],
    ]);
  });

  test("text that is no shares is left to the value rules", () => {
    const { item, read: r } = only([[...IND, L, null, null, "集計中"]]);
    expect(item.shares).toStrictEqual([]);
    expect(r.analysis.numericCells).toMatchObject([{ cell: "G3", parsed: { kind: "not-a-number" } }]);
  });
});

describe("layout 3: label in 項目", () => {
  test("the seeds' layout: a composite value beside the label", () => {
    const { item, read: r } = only([[...IND, null, "研究者の男女 (その他) 比率", null, "男: 89.7% 女: 10.3%"]]);
    expect(r.ind.groups[0]).toMatchObject({ label: null, key: "diversity" });
    expect(item).toMatchObject({
      key: "genderRatio",
      label: "研究者の男女 (その他) 比率",
      labelCell: "E3",
      match: { exact: true },
    });
    expect(item.shares.map((s) => [s.key, s.figure?.value, s.cell])).toEqual([
      ["male", 89.7, "G3"],
      ["female", 10.3, "G3"],
    ]);
  });

  test("the label on a row of its own, the shares on the rows below in 項目", () => {
    const { item, read: r } = only([
      [...IND, null, L],
      [null, null, null, null, "男", null, "89.0%"],
      [null, null, null, null, "女", null, "11.0%"],
    ]);
    expect(item.hasValueRow).toBe(false);
    expect(sharesOf(item)).toEqual([
      ["male", "男", 89, "G4", "E4"],
      ["female", "女", 11, "G5", "E5"],
    ]);
    expect(r.analysis.numericCells.map((c) => c.cell)).toEqual(["G4", "G5"]);
  });

  test("the shares in 細目", () => {
    const { item } = only([
      [...IND, null, L, "男性", "89.0%"],
      [null, null, null, null, null, "女性", "11.0%"],
    ]);
    expect(item.shares.map((s) => [s.key, s.labelColumn, s.labelCell, s.cell])).toEqual([
      ["male", "細目", "F3", "G3"],
      ["female", "細目", "F4", "G4"],
    ]);
    expect(item.subItems).toStrictEqual([]);
  });

  test("the label alone with an empty 値 is missing, as before", () => {
    const { read: r } = only([[...IND, null, L]]);
    expect(r.analysis.numericCells).toMatchObject([{ cell: "G3", required: true, parsed: { kind: "empty" } }]);
  });
});

describe("other indicators are read as before", () => {
  test("男 as an item of an indicator without shares stays an unknown item", () => {
    const r = read([["2", "治験に至った件数", "1件", null, "男", null, "1件"]]);
    const [it] = r.ind.groups[0].items;
    expect(it.unknown).toBeDefined();
    expect(it.shares).toStrictEqual([]);
  });

  test("the next indicator closes indicator 7's shares", () => {
    const r = read([
      [...IND, L, "男", null, "89.0%"],
      [null, null, null, null, "女", null, "11.0%"],
      ["6", "論文数", "Top1%論文数 5件", null, "Top10%論文数", null, "50件"],
    ]);
    expect(
      r.sheet.indicators.map((i) => i.groups.flatMap((g) => g.items.map((it) => [it.key, it.shares.length]))),
    ).toEqual([[["genderRatio", 2]], [["top10", 0]]]);
  });
});

describe("the shares come from the catalogue", () => {
  test("a workbook's override adds a share label; the reader takes it in every layout", () => {
    const seven = structuredClone(defaultCatalogue.indicators.find((i) => i.number === "7")!);
    seven.groups[0].items[0].shares!.find((s) => s.key === "other")!.aliases.push("回答なし");
    const cat = mergeCatalogue(defaultCatalogue, { indicators: [seven] });
    const rows = read(
      [
        [...IND, L, "男", null, "89.0%"],
        [null, null, null, null, "女", null, "10.5%"],
        [null, null, null, null, "回答なし", null, "0.5%"],
      ],
      cat,
    );
    expect(rows.ind.groups[0].items[0].shares.map((s) => s.key)).toEqual(["male", "female", "other"]);
    const composite = read([[...IND, L, null, null, "男89.0%・女10.5%・回答なし0.5%"]], cat);
    expect(composite.ind.groups[0].items[0].shares.map((s) => s.key)).toEqual(["male", "female", "other"]);
    // Without the override 回答なし is no share: the reader does not guess, and the value rules report the cell.
    const plain = read([[...IND, L, null, null, "男89.0%・女10.5%・回答なし0.5%"]]);
    expect(plain.ind.groups[0].items[0].shares).toStrictEqual([]);
    expect(plain.analysis.numericCells).toMatchObject([{ cell: "G3", parsed: { kind: "not-a-number" } }]);
  });
});
