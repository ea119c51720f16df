/** The Kensa_指標一覧 sheet (formerly Kensa_カタログ): a table staff edit in Excel, read into catalogue indicators (src/core/catalogue/sheet.ts). */
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { sameIndicator } from "../../../src/core/catalogue/load";
import {
  CATALOGUE_SHEET_NAME,
  catalogueSheetRows,
  isCatalogueSheet,
  notInTable,
  readCatalogueSheet,
  type SheetProblem,
} from "../../../src/core/catalogue/sheet";
import { CATALOGUE_PHRASES, SHEET_MESSAGES } from "../../../src/core/catalogue/messages";
import { sheetFromValues, type CellValue } from "../../../src/core/model/workbook";
import { renderMessage } from "../../../src/core/rules/message";
import type { Lang } from "../../../src/core/values/format";
import { EIGHT_SHEET } from "../../fixtures/catalogue-eight";

type Row = (CellValue | undefined)[];
const HEADER: Row = ["番号", "指標", "全体との集計", "指標値", "内訳", "関係", "項目", "うち", "細目", "別名"];

function read(rows: Row[]) {
  return readCatalogueSheet(sheetFromValues("Kensa_カタログ", rows), defaultCatalogue);
}

/** A problem as the report renders it, in each language. */
function rendered(p: SheetProblem): { cell: string; ja: string; en: string } {
  const text = (lang: Lang) => renderMessage(SHEET_MESSAGES[p.id], p.data ?? {}, lang, CATALOGUE_PHRASES);
  return { cell: p.cell, ja: text("ja"), en: text("en") };
}

function problems(rows: Row[]): { cell: string; ja: string; en: string }[] {
  const r = read(rows);
  if (r.ok) throw new Error("expected problems");
  return r.problems.map(rendered);
}

describe("the sheet's name", () => {
  test("is written 「Kensa_指標一覧」; the first name 「Kensa_カタログ」 is still read", () => {
    expect(CATALOGUE_SHEET_NAME).toBe("Kensa_指標一覧");
    expect(isCatalogueSheet({ name: CATALOGUE_SHEET_NAME })).toBe(true);
    expect(isCatalogueSheet({ name: "Kensa_カタログ" })).toBe(true);
  });
  test.each([
    "Kensa_指標一覧",
    "kensa 指標一覧",
    "ＫＥＮＳＡ＿指標一覧",
    "Kensa_カタログ",
    "kensa_カタログ",
    "Kensa カタログ",
    "ＫＥＮＳＡ＿カタログ",
    "Kensa_catalogue",
  ])("%s", (name) => {
    expect(isCatalogueSheet({ name })).toBe(true);
  });
  test.each(["カタログ", "指標一覧", "Kensa", "指標カタログ", "Kensa_指標", "検証結果"])("not %s", (name) => {
    expect(isCatalogueSheet({ name })).toBe(false);
  });
});

describe("reading the table", () => {
  test("indicator 8 of the fixture: two breakdowns, aliases, a title row above, 備考 ignored", () => {
    const r = read(EIGHT_SHEET);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.indicators).toEqual([
      {
        number: "8",
        label: "研究開発基盤の利用件数",
        aliases: [],
        rollup: "additive",
        noTotal: false,
        groups: [
          {
            key: "g1",
            label: "利用者別",
            aliases: [],
            relation: "exhaustive",
            items: [
              { key: "i1", label: "大学等", aliases: ["大学・研究機関"] },
              { key: "i2", label: "企業", aliases: ["民間企業"] },
              { key: "i3", label: "その他", aliases: [] },
            ],
          },
          {
            key: "g2",
            label: "利用目的別",
            aliases: [],
            relation: "partial",
            items: [
              { key: "i1", label: "臨床研究", aliases: [] },
              { key: "i2", label: "創薬研究", aliases: [] },
            ],
          },
        ],
      },
    ]);
    expect(r.cellOf(["indicators", 0, "groups", 1, "relation"])).toBe("F6");
    expect(r.cellOf(["indicators", 0, "groups", 0, "items", 1, "aliases"])).toBe("J4");
  });

  test("the built-in indicators 1–6 written as the table read back identical (keys included); 7's shares cannot be written", () => {
    const rows = catalogueSheetRows(defaultCatalogue.indicators);
    const r = read(rows);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.indicators.map((i) => i.number)).toEqual(["1", "2", "3", "4", "5", "6"]);
    r.indicators.forEach((ind, i) => expect(sameIndicator(ind, defaultCatalogue.indicators[i])).toBe(true));
    expect(notInTable(defaultCatalogue.indicators[6])).toBe("shares");
    // indicator 6: 指標値 names the item it holds; indicator 4: なし; 医薬品's open list of modalities: ＊
    expect(rows.find((r) => r[0] === "6")?.[3]).toBe("Top1%論文数");
    expect(rows.find((r) => r[0] === "4")?.[3]).toBe("なし");
    expect(rows.some((r) => r[8] === "＊")).toBe(true);
  });

  test("filled-down cells (番号, 内訳 and 関係 repeated on every row) read as the one above; aliases by line or ；", () => {
    const r = read([
      HEADER,
      ["9", "指標九", "重複除外", "なし", "種類", "全数", "甲", null, null, "こう；コウ"],
      ["9", "指標九", "重複除外", "なし", "種類", "全数", "乙", null, null, "おつ\nオツ"],
      ["9", null, null, null, "種類", null, "乙", null, "乙の一", null],
      ["9", null, null, null, "種類", null, "乙", null, "乙の二", null],
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.indicators).toHaveLength(1);
    const ind = r.indicators[0];
    expect(ind).toMatchObject({ number: "9", rollup: "deduplicated", noTotal: true });
    expect(ind.groups).toHaveLength(1);
    expect(ind.groups[0].items.map((i) => [i.label, i.aliases])).toEqual([
      ["甲", ["こう", "コウ"]],
      ["乙", ["おつ", "オツ"]],
    ]);
    expect(ind.groups[0].items[1].subItems).toEqual({
      relation: "exhaustive",
      items: [
        { key: "s1", label: "乙の一", aliases: [] },
        { key: "s2", label: "乙の二", aliases: [] },
      ],
    });
  });

  test("an unnamed single breakdown: 関係 with 内訳 left blank; English words are accepted too", () => {
    const r = read([
      HEADER,
      ["10", "指標十", "additive", null, null, "partial", "甲"],
      [null, null, null, null, null, null, "乙"],
    ]);
    expect(r.ok && r.indicators[0].groups).toEqual([
      {
        key: "g1",
        label: null,
        aliases: [],
        relation: "partial",
        items: [
          { key: "i1", label: "甲", aliases: [] },
          { key: "i2", label: "乙", aliases: [] },
        ],
      },
    ]);
  });
});

describe("problems name their cell, in Japanese and English", () => {
  test("no header row", () => {
    expect(problems([["指標の追加"], ["何か"]])).toEqual([
      {
        cell: "A1",
        ja: "最初の20行に見出し行（番号・指標・全体との集計・指標値・内訳・関係・項目・うち・細目・別名）が見つかりません",
        en: "no header row (番号, 指標, 全体との集計, 指標値, 内訳, 関係, 項目, うち, 細目, 別名) in the first 20 rows",
      },
    ]);
  });

  test("an unknown or missing column", () => {
    expect(problems([["番号", "指標", "集計方法", "区分", "項目", "別名"]]).map((p) => [p.cell, p.ja])).toEqual([
      ["A1", "見出し行に「関係」の列がありません"],
      [
        "D1",
        "見出し「区分」は使えません（使える見出し: 番号・指標・全体との集計・指標値・内訳・関係・項目・うち・細目・別名・備考）",
      ],
    ]);
  });

  test("unknown words, missing values, rows that belong to nothing", () => {
    const p = problems([
      HEADER,
      [null, null, null, null, null, null, "宙に浮いた項目"],
      ["8", null, "足し算", null, "種類", "全部", "甲"],
      [null, null, null, null, null, null, null, null, null, "別名だけ"],
      ["9", "指標九", "加算", "時々", null, null, "乙"],
    ]);
    expect(p.map((x) => `${x.cell}: ${x.ja}`)).toEqual([
      "G2: 番号のない行です（指標の最初の行には番号を書いてください）",
      "B3: 指標8の「指標」（名称）が空です",
      "C3: 全体との集計「足し算」は「加算」「重複除外」「割合の範囲」のいずれかです",
      "F3: 関係「全部」は「全数」「一部」「独立」「大小」「割合」のいずれかです",
      "J4: 別名を付けるもの（指標・内訳・項目・細目）がこの行にありません",
      "A5: 指標9に項目がありません（内訳・関係・項目を書いてください）",
      "D5: 指標値「時々」は「あり」「なし」またはこの指標の項目名のいずれかです",
      "G5: 項目「乙」の内訳がありません（この行か上の行に「関係」を書いてください）",
    ]);
    expect(p.find((x) => x.cell === "F3")?.en).toBe("関係 “全部” must be one of 全数・一部・独立・大小・割合");
  });

  test("a breakdown with no item", () => {
    expect(
      problems([
        HEADER,
        ["8", "指標八", "加算", null, "種類", "全数"],
        [null, null, null, null, "地域", "一部", "国内"],
      ]).map((x) => `${x.cell}: ${x.ja}`),
    ).toEqual(["E2: 内訳「種類」に項目がありません（下の行に「項目」を書いてください）"]);
  });

  test("the consistency checks (the same 番号 twice, two items of one name) point at both cells", () => {
    const p = problems([
      HEADER,
      ["8", "指標八", "加算", null, "種類", "全数", "甲"],
      [null, null, null, null, null, null, "甲"],
      ["8", "別の指標八", "加算", null, "種類", "全数", "乙"],
    ]);
    expect(p.map((x) => `${x.cell}: ${x.ja}`)).toEqual([
      "G3: 項目 の名称「甲」は G2 と重複しています",
      "A4: 番号 の番号「8」は A2 と重複しています",
    ]);
    expect(p[1].en).toBe("番号 repeats the number “8” of A2");
  });
});
