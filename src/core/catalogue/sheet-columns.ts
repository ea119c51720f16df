/**
 * The catalogue sheet's vocabulary (./sheet.ts reads the sheet, ./sheet-rows.ts writes it): the sheet's name,
 * its columns and their headers, the words of 全体との集計 and 関係; and the parts of reading that stand apart
 * from the walk down the rows: the header row, the keys lent by the catalogue in force, and what the schema
 * says about the indicators read, placed at their cells.
 */
import type { Sheet, CellValue } from "../model/workbook";
import { isCellError } from "../model/workbook";
import { toA1 } from "../model/address";
import { normalizeLabel } from "../values/normalize";
import { checkIndicators, CatalogueOverrideSchema, zodIssues, type CataloguePath } from "./load";
import type { CatalogueData, CatalogueDatum, SheetProblemId } from "./messages";
import { matchKey } from "./match";
import type { CatalogueGroup, CatalogueIndicator } from "./schema";

/**
 * The name written for the sheet (`kensa catalogue --format xlsx`). A sheet is found by any of
 * CATALOGUE_SHEET_NAMES, matched after NFKC, case, spaces and underscores.
 */
export const CATALOGUE_SHEET_NAME = "Kensa_指標一覧";

/** Every name the sheet is recognised by: the one written, its first name (「Kensa_カタログ」) and the English one. */
export const CATALOGUE_SHEET_NAMES: readonly string[] = [CATALOGUE_SHEET_NAME, "Kensa_カタログ", "Kensa_catalogue"];

function sheetNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-・]/g, "");
}

const SHEET_KEYS = new Set(CATALOGUE_SHEET_NAMES.map(sheetNameKey));

/** The workbook's catalogue sheet: 「Kensa_指標一覧」, 「Kensa_カタログ」 or 「Kensa_catalogue」, also 「kensa 指標一覧」. */
export function isCatalogueSheet(sheet: { name: string }): boolean {
  return SHEET_KEYS.has(sheetNameKey(sheet.name));
}

/** A problem of the sheet, at a cell: a message id of ./messages.ts's SHEET_MESSAGES and its data. */
export interface SheetProblem {
  cell: string;
  id: SheetProblemId;
  data?: CatalogueData;
}

// ---------------------------------------------------------------------------------------------------------
// Columns and words

export type Column =
  "number" | "label" | "rollup" | "total" | "group" | "relation" | "item" | "ofWhich" | "sub" | "aliases" | "note";

/** The header of each column, as written by `kensa catalogue --format xlsx` and in the documentation. */
export const COLUMN_TITLES: Record<Exclude<Column, "note">, string> = {
  number: "番号",
  label: "指標",
  rollup: "全体との集計",
  total: "指標値",
  group: "内訳",
  relation: "関係",
  item: "項目",
  ofWhich: "うち",
  sub: "細目",
  aliases: "別名",
};

export const HEADERS: Record<Column, string[]> = {
  number: ["番号", "no", "no.", "指標番号"],
  label: ["指標", "指標名", "アウトプット指標", "モニタリング指標"],
  rollup: ["全体との集計", "集計", "全体への集計", "集計方法"],
  total: ["指標値"],
  group: ["内訳", "内訳名"],
  relation: ["関係", "内訳の関係"],
  item: ["項目", "項目名"],
  ofWhich: ["うち"],
  sub: ["細目"],
  aliases: ["別名", "別表記", "別の書き方"],
  note: ["備考", "説明", "メモ", "注"],
};

export const REQUIRED: Column[] = ["number", "label", "rollup", "relation", "item"];

/** A header's text as compared: normalised, lower-case, a bracketed qualifier (`（加算・重複除外）`) dropped. */
export function headerKey(text: string): string {
  return normalizeLabel(text)
    .toLowerCase()
    .replace(/\(.*\)$/, "")
    .replace(/※\d*$/, "");
}

export const HEADER_INDEX = new Map<string, Column>();
for (const [col, names] of Object.entries(HEADERS) as [Column, string[]][])
  for (const n of names) HEADER_INDEX.set(headerKey(n), col);

/** A value word as compared: like a header, so 「全数（内訳の合計＝指標値）」 from a drop-down reads as 全数. */
export const wordKey = headerKey;

export const ROLLUP_WORDS: Record<CatalogueIndicator["rollup"], string[]> = {
  additive: ["加算", "additive"],
  deduplicated: ["重複除外", "重複を除く", "deduplicated"],
  "share-bounds": ["割合の範囲", "share-bounds"],
};

export const RELATION_WORDS: Record<CatalogueGroup["relation"], string[]> = {
  exhaustive: ["全数", "exhaustive"],
  partial: ["一部", "partial"],
  independent: ["独立", "independent"],
  ordered: ["大小", "ordered"],
  percentages: ["割合", "percentages"],
};

export function wordOf<T extends string>(words: Record<T, string[]>, text: string): T | undefined {
  const k = wordKey(text);
  for (const [value, list] of Object.entries(words) as [T, string[]][])
    if (list.some((w) => wordKey(w) === k)) return value;
  return undefined;
}

export function wordList(words: Record<string, string[]>): string {
  return Object.values(words)
    .map((l) => l[0])
    .join("・");
}

/** The same words as a Japanese message quotes them: 「加算」「重複除外」「割合の範囲」. */
export function wordListJa(words: Record<string, string[]>): string {
  return Object.values(words)
    .map((l) => `「${l[0]}」`)
    .join("");
}

export const NO_TOTAL = new Set(["なし", "無", "無し", "-", "—", "ー", "―", "no", "none"].map(wordKey));
export const HAS_TOTAL = new Set(["あり", "有", "有り", "yes"].map(wordKey));
export const OPEN_SUBS = new Set(["*", "＊", "(自由)", "(任意)", "自由", "任意"].map((s) => normalizeLabel(s)));

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

export function splitAliases(text: string): string[] {
  return text
    .split(/\r?\n|[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------
// The header row

export interface Header {
  row: number;
  cols: Partial<Record<Column, number>>;
}

/** Every column title, as the header messages list them: 番号・指標・… / 番号, 指標, … */
function titleList(): CatalogueDatum {
  return { list: Object.values(COLUMN_TITLES), style: "and" };
}

export function findHeader(sheet: Sheet, problems: SheetProblem[]): Header | undefined {
  const last = Math.min(sheet.rows.length, 20);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r] ?? [];
    const found = new Map<Column, number>();
    row.forEach((c, i) => {
      const t = cellText(c?.value);
      const col = t ? HEADER_INDEX.get(headerKey(t)) : undefined;
      if (col && !found.has(col)) found.set(col, i);
    });
    if (!found.has("number") || !found.has("item")) continue;
    // the header row: every other non-empty cell must be a known column
    row.forEach((c, i) => {
      const t = cellText(c?.value);
      if (!t) return;
      const col = HEADER_INDEX.get(headerKey(t));
      if (!col) {
        problems.push({ cell: toA1(r, i), id: "unknownHeader", data: { header: t, titles: titleList() } });
      } else if (found.get(col) !== i) {
        problems.push({ cell: toA1(r, i), id: "headerTwice", data: { header: t } });
      }
    });
    const missing = REQUIRED.filter((c) => !found.has(c));
    if (missing.length) {
      const names = missing.map((c) => COLUMN_TITLES[c as Exclude<Column, "note">]);
      problems.push({
        cell: toA1(r, found.get("number")!),
        id: "missingColumns",
        data: { names: { list: names, style: "quoted" } },
      });
    }
    return { row: r, cols: Object.fromEntries(found) };
  }
  problems.push({ cell: "A1", id: "noHeader", data: { titles: titleList() } });
  return undefined;
}

/** A1 as a number that sorts cells by row, then column. */
export function rowCol(a1: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 1000 + col;
}

// ---------------------------------------------------------------------------------------------------------
// Keys and the schema

/** Keys for new groups, items and sub-items: the built-in entry's key when the name is the same, else g1, i1, s1… */
export function keyFor(
  existing: { key: string; label: string | null; aliases: string[] }[],
  label: string | null,
  taken: Set<string>,
  prefix: string,
): string {
  if (label !== null) {
    const k = matchKey(label);
    const same = existing.find((e) => [e.label, ...e.aliases].some((l) => l !== null && matchKey(l) === k));
    if (same && !taken.has(same.key)) {
      taken.add(same.key);
      return same.key;
    }
  } else {
    const unnamed = existing.find((e) => e.label === null);
    if (unnamed && !taken.has(unnamed.key)) {
      taken.add(unnamed.key);
      return unnamed.key;
    }
  }
  for (let n = 1; ; n++) {
    const key = `${prefix}${n}`;
    if (!taken.has(key) && !existing.some((e) => e.key === key)) {
      taken.add(key);
      return key;
    }
  }
}

/**
 * What the schema and the consistency checks say of the indicators read, at the cells their paths came from:
 * the thing at fault named by its column (「項目 の名称「甲」は G2 と重複しています」), another by its cell.
 */
export function schemaProblems(
  indicators: readonly CatalogueIndicator[],
  cols: Header["cols"],
  cellOf: (path: CataloguePath) => string,
): SheetProblem[] {
  const parsed = CatalogueOverrideSchema.safeParse(
    { indicators: JSON.parse(JSON.stringify(indicators)) as unknown },
    { reportInput: true },
  );
  const issues = parsed.success ? checkIndicators(parsed.data.indicators, false) : zodIssues(parsed.error);
  const titles = new Map(
    Object.entries(cols).map(([c, i]) => [i, c === "note" ? "" : COLUMN_TITLES[c as Exclude<Column, "note">]]),
  );
  const columnOf = (path: CataloguePath) => {
    const m = /^[A-Z]+/.exec(cellOf(path));
    const col = m ? [...m[0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : -1;
    return titles.get(col) || cellOf(path);
  };
  return issues.map((issue) => ({
    cell: cellOf(issue.path),
    id: "schema",
    data: {
      place: columnOf(issue.path),
      issue: { phrase: issue.id, data: { ...issue.data, ...(issue.other ? { other: cellOf(issue.other) } : {}) } },
    },
  }));
}
