/**
 * The table-structure layer as a table of layouts, like the rules' valid/invalid tables: each case is a
 * sheet as ministry staff lay it out (merges and hidden columns included) and what the layer must read
 * from it — or, for the invalid cases, that it must not take it for a table.
 */
import { sheetFromValues, type CellValue, type Sheet } from "../../../src/core/model/workbook";
import { detectTable, nearKind } from "../../../src/core/sheets/detect";
import type { DetectedTable } from "../../../src/core/sheets/table";

type Row = (CellValue | undefined)[];

function sheet(rows: Row[], layout: Pick<Sheet, "merges" | "hiddenColumns" | "hiddenRows"> = {}): Sheet {
  return { ...sheetFromValues("S", rows), ...layout };
}

interface Expect {
  kind: DetectedTable["kind"];
  headerTop?: number;
  headerRow?: number;
  columns?: Record<string, number[]>;
  headers?: Record<number, string>;
  metadata?: Record<string, string>;
  dataRows?: number[];
  roles?: Record<number, string>;
  hiddenDuplicates?: DetectedTable["hiddenDuplicates"];
  /** Cells readers see after attribute spans: [row, col, text]. */
  cells?: [number, number, string | null][];
}

const MON = ["番号", "アウトプット指標", "指標値", "内訳", "項目", "細目", "値", "うち", "備考"];
const OUT = ["番号", "区分", "指標", "目標値", "目標の種類", "期間", "実績", "進捗"];

const valid: { name: string; sheet: Sheet; expect: Expect }[] = [
  {
    name: "two-row header: a parent merged over 全体 / 健康・医療関係, other labels merged down",
    sheet: sheet(
      [
        ["機関名", "所管", "予算額（億円）", null, "外部資金（健康・医療関係）", "備考"],
        [null, null, "全体", "健康・医療関係", null, null],
        ["国立がん研究センター", "厚", 100, 50, 10, null],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2"] },
    ),
    expect: {
      kind: "inhouse-budget",
      headerTop: 0,
      headerRow: 1,
      columns: { name: [0], ministry: [1], total: [2], health: [3], external: [4], note: [5] },
      headers: { 2: "全体", 3: "健康・医療関係" },
      dataRows: [2],
    },
  },
  {
    name: "two-row header with the parent written once, not merged, and the other labels only in the top row",
    sheet: sheet([
      ["機関名", "所管", "予算額（百万円）", null, "外部資金"],
      [null, null, "全体", "健康・医療関係", null],
      ["A研究所", "文", 100, 50, 10],
    ]),
    expect: {
      kind: "inhouse-budget",
      headerTop: 0,
      headerRow: 1,
      columns: { total: [2], health: [3], external: [4] },
      dataRows: [2],
    },
  },
  {
    name: "a one-column parent is the label and its child the qualifier: 外部資金 over （健康・医療関係）",
    sheet: sheet(
      [
        ["機関名", "全体", "健康・医療関係", "外部資金"],
        [null, null, null, "（健康・医療関係）"],
        ["A研究所", 100, 50, 10],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2"] },
    ),
    expect: {
      kind: "inhouse-budget",
      headerTop: 0,
      headerRow: 1,
      columns: { total: [1], health: [2], external: [3] },
      dataRows: [2],
    },
  },
  {
    name: "three-row header: a group over a parent over per-year children",
    sheet: sheet(
      [
        ["区分", "名称", "予算額", null, null, "備考"],
        [null, null, "（億円）", null, "増減額", null],
        [null, null, "令和6年度", "令和7年度", null, null],
        ["明細", "A事業", 10, 12, 2, null],
      ],
      { merges: ["A1:A3", "B1:B3", "C1:E1", "C2:D2", "E2:E3", "F1:F3"] },
    ),
    expect: {
      kind: "budget-breakdown",
      headerTop: 0,
      headerRow: 2,
      columns: { category: [0], name: [1], amount: [2, 3], change: [4] },
      dataRows: [3],
    },
  },
  {
    name: "metadata merged over several columns, the value further right after an empty cell",
    sheet: sheet(
      [
        ["統合プロジェクト", null, null, "PJ1 医薬品プロジェクト", null, null],
        ["報告年度", null, "令和7年度"],
        MON,
        ["1", "企業導出件数", "20件", "導出形態別", "権利譲渡契約件数", null, "0件"],
      ],
      { merges: ["A1:B1", "D1:F1", "A2:B2"] },
    ),
    expect: {
      kind: "monitoring",
      headerRow: 2,
      metadata: { 統合プロジェクト: "PJ1 医薬品プロジェクト", 報告年度: "令和7年度" },
      dataRows: [3],
    },
  },
  {
    name: "metadata in the two-row form: the label above its value",
    sheet: sheet([["統合プロジェクト", "報告年度"], ["PJ3", "令和7年度"], [], MON, ["1", "企業導出件数", "20件"]]),
    expect: { kind: "monitoring", headerRow: 3, metadata: { 統合プロジェクト: "PJ3", 報告年度: "令和7年度" } },
  },
  {
    name: "annex rows: a unit row and a column-number row are neither header nor data; the unit is the sheet's",
    sheet: sheet([
      ["機関名", "全体", "健康・医療関係", "健康・医療比率"],
      ["（単位：百万円）"],
      [null, "(A)", "(B)", "(B)/(A)"],
      ["A研究所", 100, 50, null],
    ]),
    expect: {
      kind: "inhouse-budget",
      headerRow: 0,
      dataRows: [3],
      roles: { 1: "annex", 2: "annex" },
      metadata: { 単位: "百万円" },
    },
  },
  {
    name: "annex rows: circled column numbers with a formula, and per-column units",
    sheet: sheet([
      OUT,
      ["①", null, null, "②", null, null, "③", null],
      [null, null, null, "件", null, null, "件", null],
      ["1", "全体目標", "企業導出件数", 650, "期間累計", "R7-R11", 158, "A"],
    ]),
    expect: { kind: "output-indicators", dataRows: [3], roles: { 1: "annex", 2: "annex" } },
  },
  {
    name: "column numbers written as the numbers 1, 2, 3… across the table",
    sheet: sheet([
      ["機関名", "全体", "健康・医療関係"],
      [1, 2, 3],
      ["A研究所", 100, 50],
    ]),
    expect: { kind: "inhouse-budget", dataRows: [2], roles: { 1: "annex" } },
  },
  {
    name: "sources, notes and legends under and inside a table are not data",
    sheet: sheet(
      [
        ["機関名", "全体", "健康・医療関係"],
        ["A研究所", 100, 50],
        ["出典：内閣府調べ"],
        ["資料 文部科学省"],
        ["注1）外部資金は令和6年度"],
        ["参考：前年度は別表"],
        ["備考：速報値"],
        ["【進捗】 A：順調に進捗している　B：進捗が不十分"],
        ["注射薬研究所", 10, 5],
      ],
      { merges: ["A3:C3"] },
    ),
    expect: {
      kind: "inhouse-budget",
      dataRows: [1, 8],
      roles: { 2: "footnote", 3: "footnote", 4: "footnote", 5: "footnote", 6: "footnote", 7: "legend" },
    },
  },
  {
    name: "a section heading merged across an in-house table is not an institute",
    sheet: sheet([["機関名", "所管", "全体", "健康・医療関係"], ["文部科学省所管"], ["A研究所", "文", 100, 50]], {
      merges: ["A2:D2"],
    }),
    expect: { kind: "inhouse-budget", dataRows: [2], roles: { 1: "section" } },
  },
  {
    name: "the output reader still sees its section headings (they set 区分)",
    sheet: sheet(
      [OUT, ["アウトプット指標 ＜全体目標＞"], ["1", null, "企業導出件数", 650, "期間累計", "R7-R11", 158, "A"]],
      { merges: ["A2:H2"] },
    ),
    expect: { kind: "output-indicators", dataRows: [1, 2], roles: { 1: "section" } },
  },
  {
    name: "attributes merged down apply to every row they span; identities merged down stay in their top row",
    sheet: sheet(
      [
        OUT,
        ["1", "全体目標", "企業導出件数", 650, "期間累計", "R7-R11", 158, "A"],
        ["2", null, "治験に至った件数", 300, null, null, 111, "A"],
        ["3", null, "シーズ支援件数", 600, null, null, 166, "A"],
      ],
      { merges: ["B2:B4", "E2:E4", "F2:F3"] },
    ),
    expect: {
      kind: "output-indicators",
      cells: [
        [2, 1, "全体目標"],
        [3, 4, "期間累計"],
        [2, 5, "R7-R11"],
        [3, 5, null],
      ],
    },
  },
  {
    name: "monitoring: 内訳 merged down is each item's group; 番号 and 指標値 merged down are one indicator",
    sheet: sheet(
      [
        MON,
        ["1", "企業導出件数", "20件", "導出形態別", "権利譲渡契約件数", null, "0件"],
        [null, null, null, null, "実施許諾契約件数", null, "14件"],
      ],
      { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:D3"] },
    ),
    expect: {
      kind: "monitoring",
      cells: [
        [2, 3, "導出形態別"],
        [2, 0, null],
        [2, 2, null],
      ],
    },
  },
  {
    name: "a hidden working column repeating a visible label: the visible one is read",
    sheet: sheet(
      [
        ["機関名", "全体", "健康・医療関係（百万円）", "健康・医療関係（億円）"],
        ["A研究所", 100, 5000, 50],
      ],
      { hiddenColumns: [2] },
    ),
    expect: {
      kind: "inhouse-budget",
      columns: { health: [3] },
      hiddenDuplicates: [{ key: "health", hidden: 2, visible: 3 }],
    },
  },
  {
    name: "hidden rows are data",
    sheet: sheet(
      [
        ["機関名", "全体", "健康・医療関係"],
        ["A研究所", 100, 50],
        ["B研究所", 80, 40],
      ],
      { hiddenRows: [1] },
    ),
    expect: { kind: "inhouse-budget", dataRows: [1, 2] },
  },
  {
    name: "labels with a qualifier after a line break, spaced to justify, and 備考欄",
    sheet: sheet([
      [
        "番　号",
        "区分",
        "指 標",
        "目標値",
        "実績",
        "進捗",
        "進捗の詳細（含む成果と要因分析）\n※定量的に記載",
        "備考欄（特筆すべき事項等）",
      ],
      ["1", "全体目標", "企業導出件数", 650, 158, "A", "順調", "なし"],
    ]),
    expect: { kind: "output-indicators", columns: { number: [0], indicator: [2], detail: [6], note: [7] } },
  },
  {
    name: "備考 with its qualifier on a second line",
    sheet: sheet([
      ["機関名", "全体", "健康・医療関係", "備考\n出典・留意事項等"],
      ["A研究所", 100, 50, "2025（令和7）年度"],
    ]),
    expect: { kind: "inhouse-budget", columns: { note: [3] } },
  },
  {
    name: "a header repeated inside the table (pasted print pages) is neither data nor a new table",
    sheet: sheet([
      ["機関名", "全体", "健康・医療関係"],
      ["A研究所", 100, 50],
      ["機関名", "全体", "健康・医療関係"],
      ["B研究所", 80, 40],
    ]),
    expect: { kind: "inhouse-budget", dataRows: [1, 3], roles: { 2: "header" } },
  },
  {
    name: "footnote marks after header labels: 全体※1, 実績＊, 健康・医療関係 注2",
    sheet: sheet([
      ["機関名", "全体※1", "健康・医療関係 注2", "外部資金（健康・医療関係）※"],
      ["A研究所", 100, 50, 10],
    ]),
    expect: { kind: "inhouse-budget", columns: { total: [1], health: [2], external: [3] } },
  },
  {
    name: "labels as tables often word them: No., 事業名, 指標名, 研究機関名",
    sheet: sheet([
      ["No.", "区分", "指標名", "目標値", "実績", "進捗"],
      ["1", "全体目標", "企業導出件数", 650, 158, "A"],
    ]),
    expect: { kind: "output-indicators", columns: { number: [0], indicator: [2] } },
  },
  {
    name: "a title merged across the whole table above the header is not a parent",
    sheet: sheet(
      [["令和7年度 インハウス研究機関関係予算"], ["機関名", "全体", "健康・医療関係"], ["A研究所", 100, 50]],
      { merges: ["A1:C1"] },
    ),
    expect: { kind: "inhouse-budget", headerTop: 1, headerRow: 1, dataRows: [2] },
  },
  {
    name: "a metadata value right of its label is not a parent of the header below",
    sheet: sheet([
      ["報告年度", "令和7年度"],
      OUT,
      ["1", "全体目標", "企業導出件数", 650, "期間累計", "R7-R11", 158, "A"],
    ]),
    expect: { kind: "output-indicators", headerTop: 1, metadata: { 報告年度: "令和7年度" } },
  },
];

const invalid: { name: string; sheet: Sheet; near?: { kind: string; missing: string[] } }[] = [
  { name: "meeting minutes", sheet: sheet([["議事録"], ["日時", "令和7年4月1日"], ["出席者", "山田、佐藤"]]) },
  {
    name: "a price list with 番号 / 品名 / 金額",
    sheet: sheet([
      ["番号", "品名", "金額"],
      [1, "鉛筆", 100],
    ]),
  },
  {
    name: "a monitoring sheet missing 項目 and 値 is named as nearly monitoring",
    sheet: sheet([
      ["番号", "アウトプット指標", "指標値", "内訳", "品目", "数量"],
      ["1", "企業導出件数", "20件"],
    ]),
    near: { kind: "monitoring", missing: ["項目", "値"] },
  },
  {
    name: "a breakdown without amount columns names them in words",
    sheet: sheet([
      ["区分", "名称", "担当課"],
      ["明細", "A事業", "総務課"],
    ]),
    near: { kind: "budget-breakdown", missing: ["金額（予算額・要求額・令和7年度 など）"] },
  },
  {
    name: "a label split over two rows without a merge is not guessed into place",
    sheet: sheet([
      ["機関", "全体", "健康・医療関係"],
      ["名", null, null],
      ["A研究所", 100, 50],
    ]),
    near: { kind: "inhouse-budget", missing: ["機関名"] },
  },
];

describe("table structure: layouts it must read", () => {
  test.each(valid)("$name", ({ sheet: s, expect: want }) => {
    const t = detectTable(s);
    expect(t).toBeDefined();
    const table = t!;
    expect(table.kind).toBe(want.kind);
    if (want.headerTop !== undefined) expect(table.headerTop).toBe(want.headerTop);
    if (want.headerRow !== undefined) expect(table.headerRow).toBe(want.headerRow);
    if (want.columns) expect(table.columns).toMatchObject(want.columns);
    for (const [col, text] of Object.entries(want.headers ?? {})) expect(table.headers.get(Number(col))).toBe(text);
    if (want.metadata) expect(table.metadata).toMatchObject(want.metadata);
    if (want.dataRows) expect(table.dataRows).toEqual(want.dataRows);
    if (want.roles) expect(Object.fromEntries([...table.roles].filter(([, r]) => r !== "blank"))).toEqual(want.roles);
    if (want.hiddenDuplicates) expect(table.hiddenDuplicates).toEqual(want.hiddenDuplicates);
    for (const [r, c, text] of want.cells ?? []) expect(table.rows[r]?.[c]?.value ?? null).toBe(text);
  });
});

describe("table structure: sheets it must not take for a table", () => {
  test.each(invalid)("$name", ({ sheet: s, near }) => {
    expect(detectTable(s)).toBeUndefined();
    const got = nearKind(s);
    if (near) expect({ kind: got?.spec.kind, missing: got?.missing }).toEqual(near);
    else expect(got).toBeUndefined();
  });
});

test("the sheet's own rows are not changed by attribute spans", () => {
  const s = sheet(
    [
      OUT,
      ["1", "全体目標", "企業導出件数", 650, "期間累計", "R7-R11", 158, "A"],
      ["2", null, "治験", 300, null, null, 111, "A"],
    ],
    {
      merges: ["B2:B3"],
    },
  );
  const t = detectTable(s)!;
  expect(t.rows[2][1]?.value).toBe("全体目標");
  expect(s.rows[2][1]).toBeUndefined();
});

test("sheets of one template share their columns, headers and paths; another template has its own", () => {
  const pj = (n: number) => sheet([["統合プロジェクト", `PJ${n}`], MON, ["1", "企業導出件数", "20件"]]);
  const a = detectTable(pj(1))!;
  const b = detectTable(pj(2))!;
  expect(b.headers).toBe(a.headers);
  expect(b.headerPaths).toBe(a.headerPaths);
  expect(b.columns).toBe(a.columns);
  expect(b.metadata).not.toBe(a.metadata);
  const other = detectTable(sheet([MON.slice(0, -1), ["1", "企業導出件数", "20件"]]));
  if (other) expect(other.headers).not.toBe(a.headers);
});
