import type { Cell } from "../../../src/core/model/workbook";
import {
  analyzeFormat,
  foldWidth,
  parseCell,
  parseText,
  shortestDecimals,
  unitKindOf,
} from "../../../src/core/values/parse";
import type { Parsed } from "../../../src/core/values/types";

describe("parseText — plain numbers and units (DOMAIN §2.1 row 1)", () => {
  it.each<[string, number, number, string | undefined, string]>([
    ["158", 158, 0, undefined, "none"],
    ["1,443", 1443, 0, undefined, "none"],
    ["１，４４３", 1443, 0, undefined, "none"],
    ["１,２３２", 1232, 0, undefined, "none"],
    ["46.5", 46.5, 1, undefined, "none"],
    ["59.9", 59.9, 1, undefined, "none"],
    ["16.31", 16.31, 2, undefined, "none"],
    ["158件", 158, 0, "件", "count"],
    ["46.5件", 46.5, 1, "件", "count"],
    ["1,228人", 1228, 0, "人", "count"],
    ["3名", 3, 0, "名", "count"],
    ["40社", 40, 0, "社", "count"],
    ["16施設", 16, 0, "施設", "count"],
    ["5拠点", 5, 0, "拠点", "count"],
    ["7試験", 7, 0, "試験", "count"],
    ["1,113編", 1113, 0, "編", "count"],
    ["306億円", 306, 0, "億円", "amount"],
    ["15.2億円", 15.2, 1, "億円", "amount"],
    ["1,500百万円", 1500, 0, "百万円", "amount"],
    ["250千円", 250, 0, "千円", "amount"],
    ["1,000円", 1000, 0, "円", "amount"],
    ["89.0%", 89, 1, "%", "percent"],
    ["８９．０％", 89, 1, "%", "percent"],
    ["145.7万件", 1457000, -3, "件", "count"],
    ["5万人", 50000, -4, "人", "count"],
    ["12万", 120000, -4, undefined, "none"],
    ["  158件 ", 158, 0, "件", "count"],
    ["0", 0, 0, undefined, "none"],
    ["1,234,567", 1234567, 0, undefined, "none"],
    ["51件*", 51, 0, "件", "count"],
    // A space before the unit (seed 002: `４６７．３ 億円`).
    ["４６７．３ 億円", 467.3, 1, "億円", "amount"],
    ["158 件", 158, 0, "件", "count"],
    ["１５８　件", 158, 0, "件", "count"],
    ["89.0 %", 89, 1, "%", "percent"],
    ["145.7 万件", 1457000, -3, "件", "count"],
    ["5万 人", 50000, -4, "人", "count"],
  ])("%s → %d (decimals %d, unit %s, %s)", (text, value, decimals, unit, unitKind) => {
    const p = parseText(text);
    expect(p).toMatchObject({ kind: "number", value, decimals, unitKind });
    if (p.kind === "number") expect(p.unit).toBe(unit);
  });

  it("has no float noise", () => {
    expect((parseText("1,443") as { value: number }).value).toBe(1443);
    expect((parseText("145.7万件") as { value: number }).value).toBe(1457000);
    expect((parseText("0.1") as { value: number }).value).toBe(0.1);
  });
});

describe("parseText — negatives, placeholders, empty", () => {
  it.each([
    ["▲12", -12],
    ["△12", -12],
    ["-12", -12],
    ["−12", -12],
    ["－１２", -12],
    ["▲ 1.5億円", -1.5],
    ["▲0", 0],
    ["+3", 3],
  ])("%s → %d", (text, value) => {
    const p = parseText(text);
    expect(p).toMatchObject({ kind: "number", value });
    if (p.kind === "number") expect(Object.is(p.value, -0)).toBe(false);
  });

  it.each(["—", "-", "－", "―", "‐", "ー", "−", " — ", "――"])("%j is a placeholder", (text) => {
    expect(parseText(text)).toEqual({ kind: "placeholder", text: text.trim() });
  });

  it.each(["", " ", "　", "\n\t"])("%j is empty", (text) => {
    expect(parseText(text)).toEqual({ kind: "empty" });
  });
});

describe("parseText — composite values", () => {
  it.each<[string, Partial<Parsed> & Record<string, unknown>]>([
    ["1,113編(臨床医学・R3~R5 平均)", { kind: "number", value: 1113, unit: "編", remark: "臨床医学・R3~R5 平均" }],
    [
      "51件* (22件/29件)",
      {
        kind: "number",
        value: 51,
        partsKind: "cumulative",
        parts: [
          { value: 22, decimals: 0, unit: "件" },
          { value: 29, decimals: 0, unit: "件" },
        ],
      },
    ],
    [
      "2件* (2件/0件)",
      {
        kind: "number",
        value: 2,
        partsKind: "cumulative",
        parts: [
          { value: 2, decimals: 0, unit: "件" },
          { value: 0, decimals: 0, unit: "件" },
        ],
      },
    ],
    [
      "平均3件 (4件/2件)",
      {
        kind: "number",
        value: 3,
        label: "平均",
        partsKind: "average",
        parts: [
          { value: 4, decimals: 0, unit: "件" },
          { value: 2, decimals: 0, unit: "件" },
        ],
      },
    ],
    [
      "12件（9件／3件）",
      {
        kind: "number",
        value: 12,
        partsKind: "breakdown",
        parts: [
          { value: 9, decimals: 0, unit: "件" },
          { value: 3, decimals: 0, unit: "件" },
        ],
      },
    ],
    [
      "5件（低分子医薬品2件／高分子医薬品－抗体3件）",
      {
        kind: "number",
        value: 5,
        partsKind: "breakdown",
        parts: [
          { value: 2, decimals: 0, unit: "件", label: "低分子医薬品" },
          { value: 3, decimals: 0, unit: "件", label: "高分子医薬品－抗体" },
        ],
      },
    ],
    [
      "16件 (治療用10件/診断用6件)",
      {
        kind: "number",
        value: 16,
        partsKind: "breakdown",
        parts: [
          { value: 10, decimals: 0, unit: "件", label: "治療用" },
          { value: 6, decimals: 0, unit: "件", label: "診断用" },
        ],
      },
    ],
    [
      "29件（0件）",
      { kind: "number", value: 29, partsKind: "of-which", parts: [{ value: 0, decimals: 0, unit: "件" }] },
    ],
    [
      "77件 (3件)",
      { kind: "number", value: 77, partsKind: "of-which", parts: [{ value: 3, decimals: 0, unit: "件" }] },
    ],
    ["16件(1件)", { kind: "number", value: 16, partsKind: "of-which", parts: [{ value: 1, decimals: 0, unit: "件" }] }],
    [
      "16件（うち国際共同1件）",
      {
        kind: "number",
        value: 16,
        partsKind: "of-which",
        parts: [{ value: 1, decimals: 0, unit: "件", label: "うち国際共同" }],
      },
    ],
    [
      "採択件数：43件 (採択企業数：40社)",
      {
        kind: "number",
        value: 43,
        unit: "件",
        label: "採択件数",
        secondary: { value: 40, decimals: 0, unit: "社", label: "採択企業数" },
      },
    ],
    ["Top1%論文数 40件", { kind: "number", value: 40, unit: "件", unitKind: "count", label: "Top1%論文数" }],
    [
      "Top10%論文数 1,113編(臨床 医学・R3~R5 平均)",
      { kind: "number", value: 1113, unit: "編", label: "Top10%論文数", remark: "臨床 医学・R3~R5 平均" },
    ],
    ["がん：20件", { kind: "number", value: 20, unit: "件", label: "がん" }],
    ["がん: 20件", { kind: "number", value: 20, unit: "件", label: "がん" }],
    ["12件（速報値）", { kind: "number", value: 12, remark: "速報値" }],
  ])("%s", (text, expected) => {
    expect(parseText(text)).toMatchObject(expected);
  });

  it("keeps no parts when the bracket is a remark, and no remark when it holds parts", () => {
    const remark = parseText("1,113編(臨床医学・R3~R5 平均)");
    expect(remark).not.toHaveProperty("parts");
    const parts = parseText("12件（9件／3件）");
    expect(parts).not.toHaveProperty("remark");
  });

  it.each<[string, { label: string; value: number; decimals: number }[]]>([
    [
      "男：89.0% 女：11.0%",
      [
        { label: "男", value: 89, decimals: 1 },
        { label: "女", value: 11, decimals: 1 },
      ],
    ],
    [
      "男: 92.3% 女: 7.7%",
      [
        { label: "男", value: 92.3, decimals: 1 },
        { label: "女", value: 7.7, decimals: 1 },
      ],
    ],
    [
      "男:89.2% 女:10.8%",
      [
        { label: "男", value: 89.2, decimals: 1 },
        { label: "女", value: 10.8, decimals: 1 },
      ],
    ],
    [
      "男：86.6％　女：13.4％",
      [
        { label: "男", value: 86.6, decimals: 1 },
        { label: "女", value: 13.4, decimals: 1 },
      ],
    ],
    [
      "男：89.0% 女：10.0% その他：1.0%",
      [
        { label: "男", value: 89, decimals: 1 },
        { label: "女", value: 10, decimals: 1 },
        { label: "その他", value: 1, decimals: 1 },
      ],
    ],
  ])("%s → shares", (text, shares) => {
    const p = parseText(text);
    expect(p.kind).toBe("shares");
    if (p.kind === "shares") expect(p.shares).toEqual(shares.map((s) => ({ ...s, unit: "%" })));
  });
});

describe("parseText — approximate figures (DOMAIN §2.1: not numbers to compute with)", () => {
  // [written, qualifier as written, approximate figure as written (the whole text when omitted)]
  const rows: [string, string, string?][] = [
    ["約70", "約"],
    ["約７０件", "約"],
    ["約 70 件", "約"],
    ["約　１，２００人", "約"],
    ["約▲12億円", "約"],
    ["約5万人", "約"],
    ["概ね70", "概ね"],
    ["おおむね70件", "おおむね"],
    ["およそ70", "およそ"],
    ["おおよそ70社", "おおよそ"],
    ["ほぼ100%", "ほぼ"],
    ["~70", "~"],
    ["～70件", "～"],
    ["〜70", "〜"],
    ["≒70", "≒"],
    ["70程度", "程度"],
    ["70件程度", "程度"],
    ["７０件 程度", "程度"],
    ["70前後", "前後"],
    ["70件前後", "前後"],
    ["70強", "強"],
    ["7.5億円弱", "弱"],
    ["70余", "余"],
    ["70余件", "余"],
    ["70件余り", "余り"],
    ["70有余名", "有余"],
    ["20数件", "数"],
    ["70くらい", "くらい"],
    ["70ぐらい", "ぐらい"],
    ["70件ほど", "ほど"],
    ["70内外", "内外"],
    // Labelled, composite and bracketed: the approximate figure is named.
    ["合計約70件", "約", "約70件"],
    ["Top1%論文数 約40件", "約", "約40件"],
    ["採択件数：約43件 (採択企業数：40社)", "約", "約43件"],
    ["採択件数：43件 (採択企業数：約40社)", "約", "約40社"],
    ["約12件（9件／3件）", "約", "約12件"],
    ["12件（約9件／3件）", "約", "約9件"],
    ["12件（9件／3件程度）", "程度", "3件程度"],
    ["16件 (治療用約10件/診断用6件)", "約", "約10件"],
    ["16件（うち約1件）", "約", "約1件"],
    ["平均約3件 (4件/2件)", "約", "約3件"],
    ["51件* (約22件/29件)", "約", "約22件"],
    ["男：約89.0% 女：約11.0%", "約", "約89.0%"],
    ["男：89.0% 女：11.0%程度", "程度", "11.0%程度"],
    ["契約約70件", "約", "約70件"],
    // A remark that says the figure is approximate.
    ["70件（概数）", "概数"],
    ["70件(概算)", "概算"],
  ];
  it.each(rows.map(([text, qualifier, figure]) => [text, qualifier, figure ?? text] as const))(
    "%s is approximate (%s in %s)",
    (text, qualifier, figure) => {
      expect(parseText(text)).toEqual({
        kind: "not-a-number",
        text,
        reason: "approximate",
        approximate: { qualifier, figure },
      });
    },
  );

  it("parseCell reads a typed approximate figure the same way", () => {
    expect(parseCell({ value: "約70件" })).toMatchObject({
      kind: "not-a-number",
      reason: "approximate",
      approximate: { qualifier: "約" },
    });
  });

  // Not approximate: words ending in 約, bounds (a target reader's thresholds), ranks, 概算要求, ranges,
  // provisional remarks, and qualifiers in prose or in a remark that is not a list of figures.
  it.each<[string, Record<string, unknown>]>([
    ["契約70件", { kind: "number", value: 70, label: "契約" }],
    ["成約 12件", { kind: "number", value: 12, label: "成約" }],
    ["集約3拠点", { kind: "number", value: 3, label: "集約" }],
    ["約束件数 5件", { kind: "number", value: 5, label: "約束件数" }],
    ["概算要求 70億円", { kind: "number", value: 70, label: "概算要求" }],
    ["数値 70件", { kind: "number", value: 70, label: "数値" }],
    ["Top1%論文数 40件", { kind: "number", value: 40, label: "Top1%論文数" }],
    ["1,113編(臨床医学・R3~R5 平均)", { kind: "number", value: 1113, remark: "臨床医学・R3~R5 平均" }],
    ["70件（約半数が企業）", { kind: "number", value: 70, remark: "約半数が企業" }],
    ["3件（R3~5）", { kind: "number", value: 3, remark: "R3~5" }],
    ["12件（見込み）", { kind: "number", value: 12, remark: "見込み" }],
    ["12件（速報値）", { kind: "number", value: 12, remark: "速報値" }],
    ["▲12", { kind: "number", value: -12 }],
    ["70超", { kind: "not-a-number", reason: "text" }],
    ["70件以上", { kind: "not-a-number", reason: "text" }],
    ["70未満", { kind: "not-a-number", reason: "text" }],
    ["70以下", { kind: "not-a-number", reason: "text" }],
    ["70位", { kind: "not-a-number", reason: "text" }],
    ["第1位", { kind: "not-a-number", reason: "text" }],
    ["70~80件", { kind: "not-a-number", reason: "text" }],
    ["R3~5件", { kind: "not-a-number", reason: "text" }],
    ["前年比約2割増", { kind: "not-a-number", reason: "text" }],
    ["約70件を予定", { kind: "not-a-number", reason: "text" }],
    ["5強化", { kind: "not-a-number", reason: "text" }],
    ["十数件", { kind: "not-a-number", reason: "text" }],
  ])("%s is not approximate", (text, expected) => {
    const p = parseText(text);
    expect(p).toMatchObject(expected);
    expect(p).not.toHaveProperty("approximate");
  });
});

describe("parseText — not a number", () => {
  it.each([
    "1,2,3",
    "12.3.4",
    "abc",
    "=1+1",
    "=SUM(A1:A3)",
    "R5",
    "PJ-3",
    "12件 3件",
    "令和7年度",
    "2025年",
    "1-2",
    "5件以上",
    "(12)",
    "12件 (a) (b)",
    "1234,567",
    "1e5",
    "順調に進捗している",
  ])("%j stays text", (text) => {
    expect(parseText(text)).toEqual({ kind: "not-a-number", text: text.trim(), reason: "text" });
  });

  it("flags absurd magnitudes as too-large", () => {
    expect(parseText("10000000000000000")).toMatchObject({ kind: "not-a-number", reason: "too-large" });
  });

  it.each(["#REF!", "#DIV/0!", "#N/A", "#value!"])("%s typed as text is an error value", (text) => {
    expect(parseText(text)).toEqual({ kind: "error", code: text.toUpperCase() });
  });

  it("never throws on arbitrary strings", () => {
    // Deterministic PRNG (mulberry32).
    let seed = 0x5eed;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = [
      ..."0123456789０１２３４５６７８９.,，．%％万件人名社円億百千施設拠点試験編()（）/／:：*＊ 　▲△-－—―‐ーー−=#+~abcRTop男女平均うち約程度前後強弱余数〜≒\n\t",
      "\uD83D\uDE00",
      "\uD800",
    ];
    const kinds = new Set(["number", "shares", "placeholder", "empty", "error", "not-a-number"]);
    for (let i = 0; i < 500; i++) {
      const len = Math.floor(rnd() * 24);
      let s = "";
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(() => parseText(s)).not.toThrow();
      const p = parseText(s);
      expect(kinds.has(p.kind)).toBe(true);
      if (p.kind === "not-a-number" && p.reason === "approximate") {
        expect(s).toContain(p.approximate!.qualifier);
        expect(s).toContain(p.approximate!.figure);
      }
      if (p.kind === "number") {
        expect(Number.isFinite(p.value)).toBe(true);
        expect(Number.isInteger(p.decimals)).toBe(true);
      }
    }
    expect(() => parseText("1".repeat(5000))).not.toThrow();
    expect(() => parseText("(".repeat(300) + "1" + ")".repeat(300))).not.toThrow();
  });
});

describe("parseCell", () => {
  const c = (value: Cell["value"], extra: Partial<Cell> = {}): Cell => ({ value, ...extra });

  it.each<[string, Cell | undefined, Record<string, unknown>]>([
    ["undefined cell", undefined, { kind: "empty" }],
    ["null", c(null), { kind: "empty" }],
    ["blank string", c("  "), { kind: "empty" }],
    ["integer", c(158), { kind: "number", value: 158, decimals: 0, unitKind: "none" }],
    ["decimal", c(59.9), { kind: "number", value: 59.9, decimals: 1 }],
    ["float noise", c(10.4 + 2.2 + 2.6), { kind: "number", decimals: 1 }],
    ["1/3 capped at 6", c(1 / 3), { kind: "number", decimals: 6 }],
    ["0.0 format", c(16, { numFmt: "0.0" }), { kind: "number", value: 16, decimals: 1 }],
    ["#,##0.00 format", c(16.3, { numFmt: "#,##0.00" }), { kind: "number", decimals: 2 }],
    ["#,##0 format", c(1443.6, { numFmt: "#,##0" }), { kind: "number", value: 1443.6, decimals: 0 }],
    ["0.0# format", c(16.31, { numFmt: "0.0#" }), { kind: "number", decimals: 2 }],
    ["thousands-scaled format", c(1443600, { numFmt: "#,##0," }), { kind: "number", value: 1443600, decimals: -3 }],
    [
      "percent format",
      c(0.89, { numFmt: "0.0%" }),
      { kind: "number", value: 89, decimals: 1, unit: "%", unitKind: "percent" },
    ],
    ["percent format, 0%", c(0.5, { numFmt: "0%" }), { kind: "number", value: 50, decimals: 0, unitKind: "percent" }],
    [
      "percent from displayed text",
      c(0.89, { text: "89.0%" }),
      { kind: "number", value: 89, decimals: 1, unitKind: "percent" },
    ],
    [
      "text decides decimals",
      c(0.8904, { numFmt: "0.0%", text: "89.0%" }),
      { kind: "number", value: 89.04, decimals: 1 },
    ],
    ["General with text", c(16, { numFmt: "General", text: "16" }), { kind: "number", decimals: 0 }],
    [
      "text ignored when it shows another value",
      c(16.25, { numFmt: "0.00", text: "99" }),
      { kind: "number", decimals: 2 },
    ],
    ["negative format", c(-12, { numFmt: "#,##0;▲#,##0", text: "▲12" }), { kind: "number", value: -12, decimals: 0 }],
    ["unit literal in format", c(12, { numFmt: '#,##0"件"' }), { kind: "number", unit: "件", unitKind: "count" }],
    [
      "amount literal in format",
      c(15.2, { numFmt: '0.0"億円"' }),
      { kind: "number", unit: "億円", unitKind: "amount", decimals: 1 },
    ],
    ["scientific", c(150000, { numFmt: "0.00E+00" }), { kind: "number", value: 150000, decimals: -3 }],
    ["formula cached value", c(98, { formula: "SUM(B2:B5)" }), { kind: "number", value: 98 }],
    ["formula error", c({ error: "#REF!" }, { formula: "A1/0" }), { kind: "error", code: "#REF!" }],
    ["#DIV/0!", c({ error: "#DIV/0!" }), { kind: "error", code: "#DIV/0!" }],
    ["date value", c(new Date(2025, 3, 1)), { kind: "not-a-number", reason: "date", text: "2025-04-01" }],
    ["date-formatted serial", c(45748, { numFmt: "yyyy/m/d" }), { kind: "not-a-number", reason: "date" }],
    ["era date format", c(45748, { numFmt: '[$-411]ggge"年"m"月"d"日"' }), { kind: "not-a-number", reason: "date" }],
    ["boolean", c(true), { kind: "not-a-number", reason: "boolean", text: "TRUE" }],
    ["too large", c(1e16), { kind: "not-a-number", reason: "too-large" }],
    ["NaN", c(NaN), { kind: "not-a-number", reason: "too-large" }],
    ["Infinity", c(Infinity), { kind: "not-a-number", reason: "too-large" }],
    ["string number", c("1,228人"), { kind: "number", value: 1228, unit: "人" }],
    ["string formula text", c("=1+1"), { kind: "not-a-number", reason: "text" }],
    ["string placeholder", c("—"), { kind: "placeholder" }],
  ])("%s", (_name, cell, expected) => {
    expect(parseCell(cell)).toMatchObject(expected);
  });
});

describe("helpers", () => {
  it("foldWidth keeps length and indices", () => {
    const s = "高分子医薬品－抗体３件（１／２）　ー";
    expect(foldWidth(s)).toHaveLength(s.length);
    expect(foldWidth(s)).toBe("高分子医薬品-抗体3件(1/2) ー");
  });

  it.each([
    [0.1 + 0.2, 1],
    [15.200000000000001, 1],
    [16.31, 2],
    [16, 0],
    [-0.25, 2],
    [1e-9, 6],
  ])("shortestDecimals(%d) = %d", (v, d) => expect(shortestDecimals(v)).toBe(d));

  it.each([
    ["件", "count"],
    ["億円", "amount"],
    ["%", "percent"],
    ["個", "none"],
    [undefined, "none"],
  ])("unitKindOf(%s) = %s", (u, k) => expect(unitKindOf(u)).toBe(k));

  it("analyzeFormat reads decimals, percent and sections", () => {
    expect(analyzeFormat("0.0%")).toMatchObject({ percent: true, minDecimals: 1, maxDecimals: 1 });
    expect(analyzeFormat("#,##0.0_ ;[Red]\\-#,##0.0\\ ")).toMatchObject({
      percent: false,
      minDecimals: 1,
      date: false,
    });
    expect(analyzeFormat("General")).toMatchObject({ general: true });
    expect(analyzeFormat("yyyy/mm/dd")).toMatchObject({ date: true });
    expect(analyzeFormat('"件"0')).toMatchObject({ unit: "件" });
  });
});

describe("parseText — results remembered per text", () => {
  it("gives the same frozen result for the same text, parts and shares frozen too", () => {
    for (const text of ["12件（9件／3件）", "男：89.0% 女：11.0%", "約70件", "12"]) {
      const a = parseText(text);
      expect(parseText(`${text} `.trimEnd())).toBe(a);
      expect(Object.isFrozen(a)).toBe(true);
      if (a.kind === "number" && a.parts) expect(a.parts.every((f) => Object.isFrozen(f))).toBe(true);
      if (a.kind === "shares") expect(Object.isFrozen(a.shares) && Object.isFrozen(a.shares[0])).toBe(true);
      if (a.kind === "not-a-number" && a.approximate) expect(Object.isFrozen(a.approximate)).toBe(true);
    }
  });

  it("reads long text afresh (prose is not kept)", () => {
    const prose = "論文数は前年度より増加した。".repeat(8);
    expect(parseText(prose)).not.toBe(parseText(prose));
    expect(parseText(prose)).toEqual(parseText(prose));
  });
});
