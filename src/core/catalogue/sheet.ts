/**
 * A workbook's own catalogue: a sheet named 「Kensa_カタログ」 holding a table that ministry staff can edit in
 * Excel, read into catalogue indicators that replace the built-in ones of the same 番号 or add new ones.
 *
 * The table (header row within the first 20 rows; title rows above it are fine):
 *
 *   | 番号 | 指標 | 全体との集計 | 指標値 | 内訳 | 関係 | 項目 | うち | 細目 | 別名 | 備考 |
 *
 * read like the monitoring sheet itself: 番号 starts an indicator (指標 and 全体との集計 on the same row), 内訳
 * starts a breakdown (関係 on the same row; 内訳 left blank with a 関係 is an indicator's single unnamed
 * breakdown), 項目 adds an item to the breakdown above, 細目 a sub-item to the item above. A blank cell means
 * "the one above"; repeating the one above (filled down) is the same. 別名 gives other spellings (one per line,
 * Alt+Enter, or separated by 「；」) of the rightmost thing named on its row. Words: 全体との集計 加算・重複除外・
 * 割合の範囲; 関係 全数・一部・独立・大小・割合 (or the catalogue's English words); 指標値 blank or あり, なし
 * (the sheet writes 「—」), or the name of one of the indicator's items (indicator 6: Top1%論文数); 細目 「＊」
 * accepts any sub-item name. 備考 is ignored. Shares (indicator 7's 男・女・その他) cannot be written in the
 * table; a catalogue file can (kensa check --catalogue).
 *
 * Nothing here is lenient in silence: an unknown column, an unknown word, a row that belongs to nothing is a
 * problem naming its cell, and a sheet with any problem is not used at all.
 */
import type { Sheet, CellValue } from "../model/workbook";
import { isCellError } from "../model/workbook";
import { toA1 } from "../model/address";
import { normalizeLabel } from "../values/normalize";
import { indicatorNumberKey } from "../values/indicator-number";
import { matchKey } from "./match";
import {
  checkIndicators,
  formatIssue,
  zodIssues,
  type CataloguePath,
  type CatalogueIssue,
  CatalogueOverrideSchema,
} from "./load";
import type { Catalogue, CatalogueGroup, CatalogueIndicator, CatalogueItem } from "./schema";

/** The fixed name of the sheet (matched after NFKC, case, spaces and underscores). */
export const CATALOGUE_SHEET_NAME = "Kensa_カタログ";

function sheetNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-・]/g, "");
}

const SHEET_KEYS = new Set([sheetNameKey(CATALOGUE_SHEET_NAME), sheetNameKey("Kensa_catalogue")]);

/** The workbook's catalogue sheet (「Kensa_カタログ」, also written 「kensa カタログ」 or 「Kensa_catalogue」). */
export function isCatalogueSheet(sheet: { name: string }): boolean {
  return SHEET_KEYS.has(sheetNameKey(sheet.name));
}

/** A problem of the sheet, at a cell, in both languages. */
export interface SheetProblem {
  cell: string;
  ja: string;
  en: string;
}

export type SheetParseResult =
  | { ok: true; indicators: CatalogueIndicator[]; cellOf(path: CataloguePath): string }
  | { ok: false; problems: SheetProblem[] };

// ---------------------------------------------------------------------------------------------------------
// Columns and words

type Column =
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

const HEADERS: Record<Column, string[]> = {
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

const REQUIRED: Column[] = ["number", "label", "rollup", "relation", "item"];

/** A header's text as compared: normalised, lower-case, a bracketed qualifier (`（加算・重複除外）`) dropped. */
function headerKey(text: string): string {
  return normalizeLabel(text)
    .toLowerCase()
    .replace(/\(.*\)$/, "")
    .replace(/※\d*$/, "");
}

const HEADER_INDEX = new Map<string, Column>();
for (const [col, names] of Object.entries(HEADERS) as [Column, string[]][])
  for (const n of names) HEADER_INDEX.set(headerKey(n), col);

/** A value word as compared: like a header, so 「全数（内訳の合計＝指標値）」 from a drop-down reads as 全数. */
const wordKey = headerKey;

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

function wordOf<T extends string>(words: Record<T, string[]>, text: string): T | undefined {
  const k = wordKey(text);
  for (const [value, list] of Object.entries(words) as [T, string[]][])
    if (list.some((w) => wordKey(w) === k)) return value;
  return undefined;
}

function wordList(words: Record<string, string[]>): string {
  return Object.values(words)
    .map((l) => l[0])
    .join("・");
}

/** The same words as a Japanese message quotes them: 「加算」「重複除外」「割合の範囲」. */
function wordListJa(words: Record<string, string[]>): string {
  return Object.values(words)
    .map((l) => `「${l[0]}」`)
    .join("");
}

const NO_TOTAL = new Set(["なし", "無", "無し", "-", "—", "ー", "―", "no", "none"].map(wordKey));
const HAS_TOTAL = new Set(["あり", "有", "有り", "yes"].map(wordKey));
const OPEN_SUBS = new Set(["*", "＊", "(自由)", "(任意)", "自由", "任意"].map((s) => normalizeLabel(s)));

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

function splitAliases(text: string): string[] {
  return text
    .split(/\r?\n|[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

interface Header {
  row: number;
  cols: Partial<Record<Column, number>>;
}

function findHeader(sheet: Sheet, problems: SheetProblem[]): Header | undefined {
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
        problems.push({
          cell: toA1(r, i),
          ja: `見出し「${t}」は使えません（使える見出し: ${Object.values(COLUMN_TITLES).join("・")}・備考）`,
          en: `the header “${t}” is not a known column (known: ${Object.values(COLUMN_TITLES).join(", ")}, 備考)`,
        });
      } else if (found.get(col) !== i) {
        problems.push({ cell: toA1(r, i), ja: `見出し「${t}」が2回あります`, en: `the header “${t}” appears twice` });
      }
    });
    const missing = REQUIRED.filter((c) => !found.has(c));
    if (missing.length) {
      const names = missing.map((c) => COLUMN_TITLES[c as Exclude<Column, "note">]);
      problems.push({
        cell: toA1(r, found.get("number")!),
        ja: `見出し行に「${names.join("」「")}」の列がありません`,
        en: `the header row has no column “${names.join("”, “")}”`,
      });
    }
    return { row: r, cols: Object.fromEntries(found) };
  }
  problems.push({
    cell: "A1",
    ja: `最初の20行に見出し行（${Object.values(COLUMN_TITLES).join("・")}）が見つかりません`,
    en: `no header row (${Object.values(COLUMN_TITLES).join(", ")}) in the first 20 rows`,
  });
  return undefined;
}

/** Keys for new groups, items and sub-items: the built-in entry's key when the name is the same, else g1, i1, s1… */
function keyFor(
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

interface Building {
  ind: CatalogueIndicator;
  base?: CatalogueIndicator;
  groupKeys: Set<string>;
  totalCell?: string;
  totalText?: string;
  group?: CatalogueGroup;
  baseGroup?: CatalogueGroup;
  itemKeys?: Set<string>;
  item?: CatalogueItem;
  baseItem?: CatalogueItem;
  subKeys?: Set<string>;
}

/**
 * Reads the catalogue sheet. `base` is the catalogue in force: an indicator of the same 番号 lends the keys of
 * its groups and items of the same names, so that an unchanged definition reads back identical to it.
 */
export function readCatalogueSheet(sheet: Sheet, base: Catalogue): SheetParseResult {
  const problems: SheetProblem[] = [];
  const header = findHeader(sheet, problems);
  if (!header) return { ok: false, problems };
  const { cols } = header;
  const cells = new Map<string, string>();
  const pathKey = (p: CataloguePath) => p.map(String).join("\u0000");
  const mark = (p: CataloguePath, cell: string) => {
    if (!cells.has(pathKey(p))) cells.set(pathKey(p), cell);
  };
  const problem = (cell: string, ja: string, en: string) => problems.push({ cell, ja, en });
  const baseByNumber = new Map(base.indicators.map((i) => [indicatorNumberKey(i.number), i]));

  const indicators: CatalogueIndicator[] = [];
  let cur: Building | undefined;
  const at = () => ["indicators", indicators.length - 1] as (string | number)[];
  const gAt = () => [...at(), "groups", cur!.ind.groups.length - 1];
  const iAt = () => [...gAt(), "items", cur!.group!.items.length - 1];

  const finishIndicator = () => {
    if (!cur) return;
    const b = cur;
    if (b.ind.groups.length === 0) {
      problem(
        cells.get(pathKey(at())) ?? "A1",
        `指標${b.ind.number}に項目がありません（内訳・関係・項目を書いてください）`,
        `indicator ${b.ind.number} has no item (write its 内訳, 関係 and 項目)`,
      );
    }
    b.ind.groups.forEach((g, gi) => {
      if (g.items.length > 0) return;
      const name = g.label === null ? "" : `「${g.label}」`;
      problem(
        cells.get(pathKey([...at(), "groups", gi])) ?? "A1",
        `内訳${name}に項目がありません（下の行に「項目」を書いてください）`,
        `the breakdown${g.label === null ? "" : ` “${g.label}”`} has no item (write its 項目 on the rows below)`,
      );
    });
    const t = b.totalText;
    if (t && !NO_TOTAL.has(wordKey(t)) && !HAS_TOTAL.has(wordKey(t))) {
      // 指標値 names one of the indicator's items: the figure written in 指標値 (indicator 6's Top1%論文数)
      const k = matchKey(t);
      let found: CatalogueItem | undefined;
      for (const g of b.ind.groups)
        for (const it of g.items) if (!found && [it.label, ...it.aliases].some((l) => matchKey(l) === k)) found = it;
      if (found) {
        b.ind.totalItemKey = found.key;
        found.optional = true;
      } else {
        problem(
          b.totalCell!,
          `指標値「${t}」は「あり」「なし」またはこの指標の項目名のいずれかです`,
          `指標値 “${t}” must be あり (a total), なし (no total) or the name of one of the indicator's items`,
        );
      }
    }
  };

  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const get = (c: Column) => (cols[c] === undefined ? "" : cellText(row[cols[c]]?.value));
    const addr = (c: Column) => toA1(r, cols[c] ?? 0);
    const v = {
      number: get("number"),
      label: get("label"),
      rollup: get("rollup"),
      total: get("total"),
      group: get("group"),
      relation: get("relation"),
      item: get("item"),
      ofWhich: get("ofWhich"),
      sub: get("sub"),
      aliases: get("aliases"),
    };
    if (Object.values(v).every((x) => x === "")) continue;
    /** The rightmost thing named on this row: where 別名 belongs. */
    let named: { aliases: string[]; path: CataloguePath } | undefined;

    // 番号: a new indicator, or the one above repeated (filled down)
    const continues =
      cur &&
      v.number !== "" &&
      indicatorNumberKey(v.number) === indicatorNumberKey(cur.ind.number) &&
      (v.label === "" || v.label === cur.ind.label);
    if (v.number !== "" && !continues) {
      finishIndicator();
      const rollup = wordOf(ROLLUP_WORDS, v.rollup);
      if (!v.label)
        problem(
          addr("label"),
          `指標${v.number}の「指標」（名称）が空です`,
          `indicator ${v.number} has no name in 指標`,
        );
      if (!v.rollup)
        problem(
          addr("rollup"),
          `指標${v.number}の「全体との集計」が空です（${wordListJa(ROLLUP_WORDS)}のいずれか）`,
          `indicator ${v.number} has no 全体との集計 (one of ${wordList(ROLLUP_WORDS)})`,
        );
      else if (!rollup)
        problem(
          addr("rollup"),
          `全体との集計「${v.rollup}」は${wordListJa(ROLLUP_WORDS)}のいずれかです`,
          `全体との集計 “${v.rollup}” must be one of ${wordList(ROLLUP_WORDS)}`,
        );
      const ind: CatalogueIndicator = {
        number: v.number,
        label: v.label || v.number,
        aliases: [],
        rollup: rollup ?? "additive",
        noTotal: NO_TOTAL.has(wordKey(v.total)) && v.total !== "",
        groups: [],
      };
      indicators.push(ind);
      cur = { ind, base: baseByNumber.get(indicatorNumberKey(v.number)), groupKeys: new Set() };
      if (v.total) {
        cur.totalCell = addr("total");
        cur.totalText = v.total;
      }
      mark(at(), addr("number"));
      mark([...at(), "number"], addr("number"));
      mark([...at(), "label"], addr("label"));
      mark([...at(), "rollup"], addr("rollup"));
      mark([...at(), "noTotal"], addr("total"));
      mark([...at(), "totalItemKey"], addr("total"));
      mark([...at(), "groups"], addr("number"));
      named = { aliases: ind.aliases, path: [...at(), "aliases"] };
    } else {
      if (!cur) {
        const first = (Object.keys(v) as (keyof typeof v)[]).find((k) => v[k] !== "")!;
        problem(
          addr(first),
          "番号のない行です（指標の最初の行には番号を書いてください）",
          "a row with no 番号 before it (the first row of an indicator needs its 番号)",
        );
        continue;
      }
      if (v.label && v.label !== cur.ind.label)
        problem(
          addr("label"),
          `「指標」は番号のある行にだけ書けます（指標${cur.ind.number}の続きの行です）`,
          `指標 belongs on the row with the 番号 (this row continues indicator ${cur.ind.number})`,
        );
      if (v.rollup && wordOf(ROLLUP_WORDS, v.rollup) !== cur.ind.rollup)
        problem(
          addr("rollup"),
          `「全体との集計」は番号のある行にだけ書けます（指標${cur.ind.number}の続きの行です）`,
          `全体との集計 belongs on the row with the 番号 (this row continues indicator ${cur.ind.number})`,
        );
      if (v.total && v.total !== cur.totalText)
        problem(
          addr("total"),
          `「指標値」は番号のある行にだけ書けます（指標${cur.ind.number}の続きの行です）`,
          `指標値 belongs on the row with the 番号 (this row continues indicator ${cur.ind.number})`,
        );
      if (continues) named = { aliases: cur.ind.aliases, path: [...at(), "aliases"] };
    }
    const b = cur;

    // 内訳 and 関係: a new breakdown (named, or the indicator's single unnamed one), or the one above
    const relation = v.relation ? wordOf(RELATION_WORDS, v.relation) : undefined;
    if (v.relation && !relation)
      problem(
        addr("relation"),
        `関係「${v.relation}」は${wordListJa(RELATION_WORDS)}のいずれかです`,
        `関係 “${v.relation}” must be one of ${wordList(RELATION_WORDS)}`,
      );
    const sameGroup =
      b.group && v.group !== "" && b.group.label !== null && matchKey(v.group) === matchKey(b.group.label);
    const newGroup = (v.group !== "" && !sameGroup) || (v.group === "" && v.relation !== "" && !b.group);
    if (newGroup) {
      const label = v.group === "" ? null : v.group;
      if (!v.relation)
        problem(
          addr("relation"),
          `内訳「${v.group}」の「関係」が空です（${wordListJa(RELATION_WORDS)}のいずれか）`,
          `the breakdown “${v.group}” has no 関係 (one of ${wordList(RELATION_WORDS)})`,
        );
      const key = keyFor(b.base?.groups ?? [], label, b.groupKeys, "g");
      const group: CatalogueGroup = { key, label, aliases: [], relation: relation ?? "exhaustive", items: [] };
      b.ind.groups.push(group);
      b.group = group;
      b.baseGroup = b.base?.groups.find((g) => g.key === key);
      b.itemKeys = new Set();
      b.item = undefined;
      const cell = label === null ? addr("relation") : addr("group");
      mark(gAt(), cell);
      mark([...gAt(), "key"], cell);
      mark([...gAt(), "label"], cell);
      mark([...gAt(), "relation"], addr("relation"));
      mark([...gAt(), "items"], cell);
      named = { aliases: group.aliases, path: [...gAt(), "aliases"] };
    } else if (b.group) {
      if (v.relation && relation && relation !== b.group.relation) {
        problem(
          addr("relation"),
          `関係「${v.relation}」が、この行の属する内訳${b.group.label ? `「${b.group.label}」` : ""}の関係と違います（新しい内訳なら「内訳」に名前を書いてください）`,
          `関係 “${v.relation}” differs from that of the breakdown this row belongs to (name a new breakdown in 内訳)`,
        );
      }
      if (sameGroup) named = { aliases: b.group.aliases, path: [...gAt(), "aliases"] };
    }

    // 項目: a new item of the breakdown above, or the one above (with a 細目)
    const sameItem = b.item && v.item !== "" && matchKey(v.item) === matchKey(b.item.label) && v.sub !== "";
    if (v.item !== "" && !sameItem) {
      if (!b.group) {
        problem(
          addr("item"),
          `項目「${v.item}」の内訳がありません（この行か上の行に「関係」を書いてください）`,
          `the item “${v.item}” belongs to no breakdown (write a 関係 on this row or above)`,
        );
      } else {
        const key = keyFor(b.baseGroup?.items ?? [], v.item, b.itemKeys!, "i");
        const item: CatalogueItem = { key, label: v.item, aliases: [] };
        if (v.ofWhich) item.ofWhichLabel = v.ofWhich;
        b.group.items.push(item);
        b.item = item;
        b.baseItem = b.baseGroup?.items.find((it) => it.key === key);
        b.subKeys = new Set();
        mark(iAt(), addr("item"));
        mark([...iAt(), "key"], addr("item"));
        mark([...iAt(), "label"], addr("item"));
        mark([...iAt(), "ofWhichLabel"], addr("ofWhich"));
        mark([...iAt(), "subItems"], addr("item"));
        named = { aliases: item.aliases, path: [...iAt(), "aliases"] };
      }
    } else if (v.ofWhich && !(b.item && b.item.ofWhichLabel === v.ofWhich)) {
      problem(addr("ofWhich"), "「うち」は項目のある行に書いてください", "うち belongs on the row of its item");
    } else if (sameItem) {
      named = { aliases: b.item!.aliases, path: [...iAt(), "aliases"] };
    }

    // 細目: a sub-item of the item above (「＊」: any name)
    if (v.sub !== "") {
      if (!b.item) {
        problem(
          addr("sub"),
          `細目「${v.sub}」の項目がありません（この行か上の行に「項目」を書いてください）`,
          `the sub-item “${v.sub}” belongs to no item (write a 項目 on this row or above)`,
        );
      } else {
        const subs = (b.item.subItems ??= { relation: "exhaustive", items: [] });
        if (OPEN_SUBS.has(normalizeLabel(v.sub))) {
          subs.openLabels = true;
          if (v.aliases)
            problem(addr("aliases"), "「＊」（任意の細目）に別名は書けません", "＊ (any sub-item) takes no 別名");
        } else {
          const key = keyFor(b.baseItem?.subItems?.items ?? [], v.sub, b.subKeys!, "s");
          const sub = { key, label: v.sub, aliases: [] as string[] };
          subs.items.push(sub);
          const p = [...iAt(), "subItems", "items", subs.items.length - 1];
          mark(p, addr("sub"));
          named = { aliases: sub.aliases, path: [...p, "aliases"] };
        }
      }
    }

    if (v.aliases) {
      if (!named)
        problem(
          addr("aliases"),
          "別名を付けるもの（指標・内訳・項目・細目）がこの行にありません",
          "this row names nothing (指標, 内訳, 項目 or 細目) for its 別名",
        );
      else {
        named.aliases.push(...splitAliases(v.aliases));
        mark(named.path, addr("aliases"));
      }
    }
  }
  finishIndicator();

  // what the schema and the consistency checks say, at the cells the paths came from
  const cellOf = (path: CataloguePath): string => {
    for (let n = path.length; n > 0; n--) {
      const c = cells.get(pathKey(path.slice(0, n)));
      if (c) return c;
    }
    return toA1(header.row, 0);
  };
  if (problems.length === 0) {
    const parsed = CatalogueOverrideSchema.safeParse(
      { indicators: JSON.parse(JSON.stringify(indicators)) as unknown },
      { reportInput: true },
    );
    const issues: CatalogueIssue[] = parsed.success
      ? checkIndicators(parsed.data.indicators, false)
      : zodIssues(parsed.error);
    // the thing at fault is named by its column (「項目 の名称「甲」は G2 と重複しています」), another by its cell
    const titles = new Map(
      Object.entries(cols).map(([c, i]) => [i, c === "note" ? "" : COLUMN_TITLES[c as Exclude<Column, "note">]]),
    );
    const columnOf = (path: CataloguePath) => {
      const m = /^[A-Z]+/.exec(cellOf(path));
      const col = m ? [...m[0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : -1;
      return titles.get(col) || cellOf(path);
    };
    for (const issue of issues) {
      problems.push({
        cell: cellOf(issue.path),
        ja: formatIssue(issue, "ja", columnOf, cellOf),
        en: formatIssue(issue, "en", columnOf, cellOf),
      });
    }
  }
  problems.sort((a, b) => rowCol(a.cell) - rowCol(b.cell));
  return problems.length ? { ok: false, problems } : { ok: true, indicators, cellOf };
}

function rowCol(a1: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 1000 + col;
}

// ---------------------------------------------------------------------------------------------------------
// Writing (kensa catalogue --format xlsx, tests): indicators as the table's rows

/** The header row, in the columns' order. */
export const SHEET_COLUMNS: Exclude<Column, "note">[] = [
  "number",
  "label",
  "rollup",
  "total",
  "group",
  "relation",
  "item",
  "ofWhich",
  "sub",
  "aliases",
];

/** Why an indicator cannot be written as rows of the table (shares), or undefined when it can. */
export function notInTable(ind: CatalogueIndicator): string | undefined {
  for (const g of ind.groups) for (const it of g.items) if (it.shares) return "shares";
  return undefined;
}

/**
 * The rows of the table for these indicators (header first), each row a list of cell texts in SHEET_COLUMNS
 * order. Indicators the table cannot hold (notInTable) are left out.
 */
export function catalogueSheetRows(indicators: readonly CatalogueIndicator[]): string[][] {
  const rows: string[][] = [SHEET_COLUMNS.map((c) => COLUMN_TITLES[c])];
  const row = (v: Partial<Record<Exclude<Column, "note">, string>>) => SHEET_COLUMNS.map((c) => v[c] ?? "");
  const lines = (l: readonly string[]) => l.join("\n");
  for (const ind of indicators) {
    if (notInTable(ind)) continue;
    const total = ind.totalItemKey
      ? ind.groups.flatMap((g) => g.items).find((it) => it.key === ind.totalItemKey)?.label
      : ind.noTotal
        ? "なし"
        : "";
    rows.push(
      row({
        number: ind.number,
        label: ind.label,
        rollup: ROLLUP_WORDS[ind.rollup][0],
        total,
        aliases: lines(ind.aliases),
      }),
    );
    for (const g of ind.groups) {
      rows.push(row({ group: g.label ?? "", relation: RELATION_WORDS[g.relation][0], aliases: lines(g.aliases) }));
      for (const it of g.items) {
        rows.push(row({ item: it.label, ofWhich: it.ofWhichLabel ?? "", aliases: lines(it.aliases) }));
        for (const s of it.subItems?.items ?? []) rows.push(row({ sub: s.label, aliases: lines(s.aliases) }));
        if (it.subItems?.openLabels) rows.push(row({ sub: "＊" }));
      }
    }
  }
  return rows;
}
