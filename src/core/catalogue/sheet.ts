/**
 * A workbook's own catalogue: a sheet named 「Kensa_指標一覧」 (formerly 「Kensa_カタログ」, still read) holding a
 * table that ministry staff can edit in Excel, read into catalogue indicators that replace the built-in ones of
 * the same 番号 or add new ones.
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
import type { Sheet } from "../model/workbook";
import { toA1 } from "../model/address";
import { normalizeLabel } from "../values/normalize";
import { indicatorNumberKey } from "../values/indicator-number";
import { matchKey } from "./match";
import type { CataloguePath } from "./load";
import { WORDS, type CatalogueData, type SheetProblemId } from "./messages";
import type { Catalogue, CatalogueGroup, CatalogueIndicator, CatalogueItem } from "./schema";
import {
  cellText,
  findHeader,
  HAS_TOTAL,
  keyFor,
  NO_TOTAL,
  OPEN_SUBS,
  RELATION_WORDS,
  ROLLUP_WORDS,
  rowCol,
  schemaProblems,
  splitAliases,
  wordKey,
  wordOf,
  type Column,
  type SheetProblem,
} from "./sheet-columns";

export {
  CATALOGUE_SHEET_NAME,
  CATALOGUE_SHEET_NAMES,
  COLUMN_TITLES,
  isCatalogueSheet,
  RELATION_WORDS,
  ROLLUP_WORDS,
  type SheetProblem,
} from "./sheet-columns";
export { catalogueSheetRows, notInTable, SHEET_COLUMNS } from "./sheet-rows";

export type SheetParseResult =
  | { ok: true; indicators: CatalogueIndicator[]; cellOf(path: CataloguePath): string }
  | { ok: false; problems: SheetProblem[] };

// ---------------------------------------------------------------------------------------------------------
// Reading

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
  const problem = (cell: string, id: SheetProblemId, data?: CatalogueData) =>
    problems.push(data ? { cell, id, data } : { cell, id });
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
      problem(cells.get(pathKey(at())) ?? "A1", "indicatorNoItems", { number: b.ind.number });
    }
    b.ind.groups.forEach((g, gi) => {
      if (g.items.length > 0) return;
      const cell = cells.get(pathKey([...at(), "groups", gi])) ?? "A1";
      if (g.label === null) problem(cell, "groupNoItems");
      else problem(cell, "namedGroupNoItems", { group: g.label });
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
        problem(b.totalCell!, "badTotal", { total: t });
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
      if (!v.label) problem(addr("label"), "noLabel", { number: v.number });
      if (!v.rollup) problem(addr("rollup"), "noRollup", { number: v.number, rollupWords: WORDS.rollupWords });
      else if (!rollup) problem(addr("rollup"), "badRollup", { rollup: v.rollup, rollupWords: WORDS.rollupWords });
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
        problem(addr(first), "noNumber");
        continue;
      }
      if (v.label && v.label !== cur.ind.label) problem(addr("label"), "labelContinues", { number: cur.ind.number });
      if (v.rollup && wordOf(ROLLUP_WORDS, v.rollup) !== cur.ind.rollup)
        problem(addr("rollup"), "rollupContinues", { number: cur.ind.number });
      if (v.total && v.total !== cur.totalText) problem(addr("total"), "totalContinues", { number: cur.ind.number });
      if (continues) named = { aliases: cur.ind.aliases, path: [...at(), "aliases"] };
    }
    const b = cur;

    // 内訳 and 関係: a new breakdown (named, or the indicator's single unnamed one), or the one above
    const relation = v.relation ? wordOf(RELATION_WORDS, v.relation) : undefined;
    if (v.relation && !relation)
      problem(addr("relation"), "badRelation", { relation: v.relation, relationWords: WORDS.relationWords });
    const sameGroup =
      b.group && v.group !== "" && b.group.label !== null && matchKey(v.group) === matchKey(b.group.label);
    const newGroup = (v.group !== "" && !sameGroup) || (v.group === "" && v.relation !== "" && !b.group);
    if (newGroup) {
      const label = v.group === "" ? null : v.group;
      if (!v.relation)
        problem(addr("relation"), "groupNoRelation", { group: v.group, relationWords: WORDS.relationWords });
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
        if (b.group.label)
          problem(addr("relation"), "namedRelationDiffers", { relation: v.relation, group: b.group.label });
        else problem(addr("relation"), "relationDiffers", { relation: v.relation });
      }
      if (sameGroup) named = { aliases: b.group.aliases, path: [...gAt(), "aliases"] };
    }

    // 項目: a new item of the breakdown above, or the one above (with a 細目)
    const sameItem = b.item && v.item !== "" && matchKey(v.item) === matchKey(b.item.label) && v.sub !== "";
    if (v.item !== "" && !sameItem) {
      if (!b.group) {
        problem(addr("item"), "itemNoGroup", { item: v.item });
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
      problem(addr("ofWhich"), "ofWhichNoItem");
    } else if (sameItem) {
      named = { aliases: b.item!.aliases, path: [...iAt(), "aliases"] };
    }

    // 細目: a sub-item of the item above (「＊」: any name)
    if (v.sub !== "") {
      if (!b.item) {
        problem(addr("sub"), "subNoItem", { sub: v.sub });
      } else {
        const subs = (b.item.subItems ??= { relation: "exhaustive", items: [] });
        if (OPEN_SUBS.has(normalizeLabel(v.sub))) {
          subs.openLabels = true;
          if (v.aliases) problem(addr("aliases"), "openSubAliases");
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
      if (!named) problem(addr("aliases"), "aliasesNoTarget");
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
  if (problems.length === 0) problems.push(...schemaProblems(indicators, cols, cellOf));
  problems.sort((a, b) => rowCol(a.cell) - rowCol(b.cell));
  return problems.length ? { ok: false, problems } : { ok: true, indicators, cellOf };
}
