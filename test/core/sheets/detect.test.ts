import { sheetFromValues, type CellValue } from "../../../src/core/model/workbook";
import { detectTable } from "../../../src/core/sheets/detect";

type Row = (CellValue | undefined)[];
const detect = (rows: Row[]) => detectTable(sheetFromValues("S", rows));
const INHOUSE = ["機関名", "所管", "全体", "健康・医療関係", "外部資金（健康・医療関係）"];

describe("sheet-kind detection by header labels", () => {
  test("the header may sit below a title block, with columns in any order and extra columns", () => {
    const rows: Row[] = [
      ["令和7年度 インハウス研究機関関係予算"],
      [],
      ["担当", "健康・医療関係", "全体", "機関名", "外部資金（健康・医療関係）"],
      ["", 5, 10, "A"],
    ];
    const t = detect(rows)!;
    expect(t.kind).toBe("inhouse-budget");
    expect(t.headerRow).toBe(2);
    expect(t.columns).toMatchObject({ name: [3], total: [2], health: [1], external: [4] });
  });

  test("labels match after NFKC and bracket normalisation, with a bracketed qualifier", () => {
    const t = detect([
      ["機関名", "全体（令和7年度当初）", "健康・医療関係(億円)"],
      ["A", 1, 1],
    ])!;
    expect(t.kind).toBe("inhouse-budget");
    expect(t.columns.total).toEqual([1]);
  });

  test("never by substring: 外部資金（健康・医療関係） is not 健康・医療関係, 指標値 is not 値", () => {
    expect(detect([["機関名", "全体", "外部資金（健康・医療関係）"]])).toBeUndefined();
    expect(detect([["番号", "アウトプット指標", "指標値", "内訳", "項目", "値の説明"]])).toBeUndefined();
  });

  test("a header below row 30 is not found", () => {
    const rows: Row[] = Array.from({ length: 30 }, () => ["…"]);
    expect(detect([...rows, INHOUSE])).toBeUndefined();
    expect(detect([...rows.slice(1), INHOUSE])?.headerRow).toBe(29);
  });

  test("metadata above the header: `label：value` in one cell, or the value in the next cell", () => {
    const t = detect([
      ["報告年度：令和7年度"],
      ["(単位：百万円)"],
      ["統合プロジェクト", "PJ5 データ利活用・ライフコースプロジェクト"],
      INHOUSE,
    ])!;
    expect(t.metadata).toEqual({
      報告年度: "令和7年度",
      単位: "百万円",
      統合プロジェクト: "PJ5 データ利活用・ライフコースプロジェクト",
    });
  });

  test("blank rows and footnotes are skipped; a data row whose 備考 comes first is kept", () => {
    const t = detect([
      ["備考", ...INHOUSE],
      ["", "A", "文", 10, 5],
      [],
      ["※ 外部資金は令和6年度"],
      ["（注）単位は億円"],
      ["※ 速報値", "B", "厚", 8, 4],
    ])!;
    expect(t.dataRows).toEqual([1, 5]);
  });
});
