import { runRuleTests, findingsOf } from "../../../../test/support/rule-tester";
import { INHOUSE_HEADER, inhouse, inhouseUnder, OUTPUT_LEAD } from "../../../../test/support/sheets";
import { sheetFromValues, type CellValue } from "../../model/workbook";
import { rule } from "./era-mismatch";

type Row = (CellValue | undefined)[];

/**
 * A finding at `cell`, by message id and data: the pair as written (`match`), its era half (era, year), its Western
 * half, the Western year the era half stands for, and the era year the Western half stands for.
 */
const at = (
  cell: string,
  messageId: "eraInBrackets" | "westernInBrackets",
  match: string,
  era: string,
  eraYear: string,
  western: string,
  expected: string,
  westernEra: string,
) => ({ cell, messageId, data: { match, era, eraYear, expected, western, westernEra } });

// インハウス予算: A1 報告年度, A2 (単位：億円), row 3 the header (A 機関名 … H 備考), data from row 4.
const note = (text: string): Row => ["理研", "文", 100, 50, null, null, null, text];
/** The inhouse header with 備考 (column H) written another way. */
const withNoteHeader = (label: string, ...rows: Row[]): Row[] =>
  inhouseUnder([...INHOUSE_HEADER.slice(0, 7), label], ...rows);

// アウトプット指標: row 1 報告年度, row 2 the header (A 番号 … L 進捗の詳細, M 備考), data from row 3.
const OUTPUT_HEADER = [...OUTPUT_LEAD, "年度目標", "実績", "達成率", "進捗", "判定"];
const output = (detailHeader: string, noteHeader: string, ...rows: Row[]): Row[] => [
  ["報告年度", "令和7年度"],
  [...OUTPUT_HEADER, detailHeader, noteHeader],
  ...rows,
];
const indicator = (detail: string | null, remark: string | null = null): Row => [
  "1",
  "全体目標",
  "導出件数",
  650,
  "期間累計",
  "R7-R11",
  null,
  158,
  null,
  "A",
  null,
  detail,
  remark,
];

runRuleTests(rule, {
  valid: [
    {
      name: "consistent pairs in every written form",
      sheets: {
        予算: inhouse(
          note("2025（令和7）年度に拡充"),
          note("令和7（2025）年度に拡充、2026年（令和8年）に完了"),
          note("２０２５（令和７）年度"),
          note("R7(2025)・2019(R元)・H30（2018）"),
          note("令和元年（2019年）、平成31年（2019年）、昭和64年（1989年）"),
          note("2025年度（令和7年度）"),
        ),
      },
    },
    {
      name: "brackets that go on after the year, and letters that are no era",
      sheets: {
        予算: inhouse(
          note("「全ゲノム解析等実行計画2022」(令和4年9月策定)"),
          note("PJR8(2025)・H1(2025)・S1(2025)"),
          note("令和7年度、2025年"),
        ),
      },
    },
    {
      name: "a sheet of no known kind is not scanned",
      sheets: { メモ: [["第14回：2025（令和8）年2月開催"]] },
    },
    {
      name: "numbers and dates are not text",
      sheets: { 予算: inhouse(["理研", "文", 2025, 8, null, null, null, new Date(Date.UTC(2025, 1, 1))]) },
    },
  ],
  invalid: [
    {
      name: "the seed's mistake in 備考, with the message",
      sheets: { 予算: inhouse(note("第14回：2025（令和8）年2月開催")) },
      findings: [
        {
          rule: "date/era-mismatch",
          severity: "error",
          sheet: "予算",
          ...at("H4", "eraInBrackets", "2025（令和8）年", "令和", "8", "2025", "2026", "令和7"),
        },
      ],
    },
    {
      name: "備考 headed 「備考\\n出典・留意事項等」",
      sheets: { 予算: withNoteHeader("備考\n出典・留意事項等", note("2025（令和8）年度に拡充")) },
      findings: [at("H4", "eraInBrackets", "2025（令和8）年度", "令和", "8", "2025", "2026", "令和7")],
    },
    {
      name: "備考 headed 「備考欄（特筆すべき事項等）」",
      sheets: { 予算: withNoteHeader("備考欄（特筆すべき事項等）", note("令和7年（2024年）開始")) },
      findings: [at("H4", "westernInBrackets", "令和7年（2024年）", "令和", "7", "2024", "2025", "令和6")],
    },
    {
      name: "a column no reader knows, and its header",
      sheets: {
        予算: inhouseUnder(
          [...INHOUSE_HEADER, "2025（令和8）年度見込"],
          ["理研", "文", 100, 50, null, null, null, null, "令和8（2025）年度に増額"],
        ),
      },
      findings: [
        at("I3", "eraInBrackets", "2025（令和8）年度", "令和", "8", "2025", "2026", "令和7"),
        at("I4", "westernInBrackets", "令和8（2025）年度", "令和", "8", "2025", "2026", "令和7"),
      ],
    },
    {
      name: "a title above the header and a footnote below the table",
      sheets: {
        予算: [
          ["令和7年度（2024年度）インハウス予算"],
          ["報告年度", "令和7年度"],
          ["(単位：億円)"],
          INHOUSE_HEADER,
          ["理研", "文", 100, 50],
          ["※ 2025（令和8）年3月31日時点"],
        ],
      },
      findings: [
        at("A1", "westernInBrackets", "令和7年度（2024年度）", "令和", "7", "2024", "2025", "令和6"),
        at("A6", "eraInBrackets", "2025（令和8）年", "令和", "8", "2025", "2026", "令和7"),
      ],
    },
    {
      name: "進捗の詳細 headed 「進捗の詳細（含む成果と要因分析）\\n※…」, and 備考 of the same sheet",
      sheets: {
        アウトプット指標: output(
          "進捗の詳細（含む成果と要因分析）\n※定量的な成果を記載",
          "備考\n出典・留意事項等",
          indicator("第14回：2025（令和8）年2月開催", "R8(2025)の速報値"),
        ),
      },
      findings: [
        {
          sheet: "アウトプット指標",
          ...at("L3", "eraInBrackets", "2025（令和8）年", "令和", "8", "2025", "2026", "令和7"),
        },
        {
          sheet: "アウトプット指標",
          ...at("M3", "westernInBrackets", "R8(2025)", "令和", "8", "2025", "2026", "令和7"),
        },
      ],
    },
    {
      name: "every written form of a wrong pair",
      sheets: {
        予算: inhouse(
          note("2025（令和8）年"),
          note("2025(令和8年)"),
          note("2025年（令和8年）"),
          note("2024年度（令和7年度）"),
          note("令和8（2025）年度"),
          note("令和8年（2025年）"),
          note("令和元年（2020年）"),
          note("２０２５（令和８）年"),
          note("2025　（　令和　8　）　年"),
          note("R8(2025)"),
          note("2025(R8)"),
          note("Ｒ８（２０２５）"),
          note("H30（2019）"),
          note("平成30年（2019年）"),
          note("昭和64年（1990年）"),
        ),
      },
      findings: [
        at("H4", "eraInBrackets", "2025（令和8）年", "令和", "8", "2025", "2026", "令和7"),
        at("H5", "eraInBrackets", "2025(令和8年)", "令和", "8", "2025", "2026", "令和7"),
        at("H6", "eraInBrackets", "2025年（令和8年）", "令和", "8", "2025", "2026", "令和7"),
        at("H7", "eraInBrackets", "2024年度（令和7年度）", "令和", "7", "2024", "2025", "令和6"),
        at("H8", "westernInBrackets", "令和8（2025）年度", "令和", "8", "2025", "2026", "令和7"),
        at("H9", "westernInBrackets", "令和8年（2025年）", "令和", "8", "2025", "2026", "令和7"),
        at("H10", "westernInBrackets", "令和元年（2020年）", "令和", "元", "2020", "2019", "令和2"),
        at("H11", "eraInBrackets", "２０２５（令和８）年", "令和", "8", "2025", "2026", "令和7"),
        at("H12", "eraInBrackets", "2025　（　令和　8　）", "令和", "8", "2025", "2026", "令和7"),
        at("H13", "westernInBrackets", "R8(2025)", "令和", "8", "2025", "2026", "令和7"),
        at("H14", "eraInBrackets", "2025(R8)", "令和", "8", "2025", "2026", "令和7"),
        at("H15", "westernInBrackets", "Ｒ８（２０２５）", "令和", "8", "2025", "2026", "令和7"),
        at("H16", "westernInBrackets", "H30（2019）", "平成", "30", "2019", "2018", "令和元"),
        at("H17", "westernInBrackets", "平成30年（2019年）", "平成", "30", "2019", "2018", "令和元"),
        at("H18", "westernInBrackets", "昭和64年（1990年）", "昭和", "64", "1990", "1989", "平成2"),
      ],
    },
    {
      name: "two mistakes in one cell are two findings at that cell",
      sheets: { 予算: inhouse(note("第14回：2025（令和8）年2月、第15回：2026（令和9）年3月")) },
      findings: [
        at("H4", "eraInBrackets", "2025（令和8）年", "令和", "8", "2025", "2026", "令和7"),
        at("H4", "eraInBrackets", "2026（令和9）年", "令和", "9", "2026", "2027", "令和8"),
      ],
    },
    {
      name: "every recognised sheet is scanned",
      sheets: {
        予算: inhouse(note("2025（令和8）年度")),
        アウトプット指標: output("進捗の詳細", "備考", indicator(null, "2025（令和8）年度")),
      },
      findings: [
        { sheet: "予算", cell: "H4" },
        { sheet: "アウトプット指標", cell: "M3" },
      ],
    },
  ],
});

describe("date/era-mismatch: once per cell", () => {
  test("a 備考 the reader also collects is reported once", () => {
    const found = findingsOf(rule, { 予算: inhouse(note("2025（令和8）年度に拡充")) });
    expect(found.map((f) => f.cell)).toEqual(["H4"]);
  });

  test("an 指標 merged down over two rows is reported at its cell, once", () => {
    const sheet = sheetFromValues(
      "アウトプット指標",
      output(
        "進捗の詳細",
        "備考",
        ["1", "全体目標", "2025（令和8）年度までの導出件数", 650, "期間累計", "R7-R11", null, 158, null, "A"],
        [null, null, null, null, null, null, null, 10],
      ),
    );
    sheet.merges = ["A3:A4", "C3:C4"];
    const found = findingsOf(rule, [sheet]);
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([["アウトプット指標", "C3"]]);
  });
});

describe("date/era-mismatch: the half in brackets is named, years without separators", () => {
  test("Japanese: the era in brackets, or the Western year in brackets; 令和元年", () => {
    const found = findingsOf(rule, { 予算: inhouse(note("令和8（2025）年度"), note("2020（令和元）年")) });
    expect(found.map((f) => f.message)).toEqual([
      "「令和8（2025）年度」の括弧内の西暦2025年が、和暦令和8年と合っていません（令和8年は2026年、2025年は令和7年です）。",
      "「2020（令和元）年」の括弧内の和暦令和元年が、西暦2020年と合っていません（2020年は令和2年、令和元年は2019年です）。",
    ]);
  });

  test("English", () => {
    const found = findingsOf(rule, { 予算: inhouse(note("2025（令和8）年")) }, "en");
    expect(found[0].message).toBe(
      "“2025（令和8）年”: the era year in brackets, 令和8, does not match 2025 (2025 is 令和7; 令和8 is 2026).",
    );
    expect(found[0].message).not.toMatch(/\d,\d{3}/);
    // years are no figures: no expected / actual for the faces to show as 「2,026」
    expect(found[0]).not.toHaveProperty("expected");
    expect(found[0]).not.toHaveProperty("actual");
  });
});
