/**
 * The モニタリング sheet's typed reader (DOMAIN §3.4): indicators → groups → items, with 細目 sub-items,
 * composite values (`12件（9件／3件）`, `29件（0件）`), うち figures and the project-specific 独自 rows.
 *
 * Reading rules:
 * - an indicator starts on a row with 番号; following rows with 番号 blank continue it;
 * - 内訳 names the group; blank means the group of the row above within the same indicator, or the
 *   indicator's only unnamed group; when the catalogue cannot place a blank-内訳 row, its item decides;
 * - 細目 names a part of the 項目 on the same row (項目 repeated or blank there); a 値 written as composite
 *   text with two or more parts is the same sub-breakdown; one bracketed figure is a うち unless its label
 *   names a 細目 of the item (`1件（低分子医薬品1件）`);
 * - 番号 `独自`, or any row below a cell reading `個々の統合プロジェクトで定めるモニタリング指標` (whatever its
 *   番号), is a project-specific indicator: name in アウトプット指標, value in 指標値 (or 値), project in 内訳 (全体 sheet);
 * - an item whose catalogue entry lists shares (indicator 7's 研究者の男女（その他）比率: 男 / 女 / その他) is read in
 *   every layout the seeds and ministries use: its label in 項目 or in 内訳 (or not written at all), its value as
 *   one composite text (`男：89.0% 女：11.0%`, also `男性 89.0%／女性 11.0%`, `男89.0%・女11.0%`) or as share rows
 *   (the share's label in 項目 or 細目, or inside the 値 as `男：89.0%`, one share per row). Either way the shares
 *   end up in MonItem.shares, each pointing at its 値 cell.
 *
 * Each cell is parsed once; the result is memoised per sheet with ctx.memo.
 */
import type { Catalogue, CatalogueGroup, CatalogueIndicator, CatalogueItem } from "../../catalogue/schema";
import { findIndicator, matchGroup, matchIndicator, matchItem, matchShare, matchSubItem } from "../../catalogue/match";
import { toA1 } from "../../model/address";
import { memoKey, memoPerSheet, type CheckContext } from "../context";
import { foldWidth, parseCell, unitKindOf } from "../../values/parse";
import { indicatorNumberKey } from "../../values/indicator-number";
import { normalizeLabel } from "../../values/normalize";
import type { Figure, NumberValue, Parsed, UnitKind } from "../../values/types";
import { cellText } from "../detect";
import { column, type DetectedTable } from "../table";

// ---------------------------------------------------------------------------------------------------------
// Types

/** Which project a sheet (or a re-listed row) belongs to: PJ1…PJ8, or the whole plan (全体). */
export type ProjectId = { kind: "project"; number: number; code: string } | { kind: "overall"; code: "全体" };

/** How a label matched the catalogue: exactly (after normalisation and aliases), or as a near miss. */
export interface LabelMatch {
  exact: boolean;
  /** The catalogue label a near miss was taken for. */
  suggestion?: string;
  /** Not even a near miss: the text names something else than the catalogue entry (indicator labels only). */
  differs?: boolean;
}

export interface MonSubItem {
  /** The label as written (細目 cell or the composite part's label); undefined for unnamed parts. */
  label?: string;
  key?: string;
  /** Canonical catalogue label, when matched. */
  canonical?: string;
  match?: LabelMatch;
  /** Where the label is written (the 細目 cell); undefined for composite parts. */
  labelCell?: string;
  /** The figure; undefined when the 値 cell is not a number. */
  figure?: Figure;
  unitKind: UnitKind;
  /** The 値 cell of a 細目 row, or the composite cell. */
  cell: string;
  /** True for a part of a composite value (`12件（9件／3件）`). */
  composite: boolean;
  /** The parsed 値 of a 細目 row (undefined for composite parts). */
  parsed?: Parsed;
}

/** One share of a percentages item (indicator 7: 男 / 女 / その他). */
export interface MonShare {
  /** As written: the 項目 or 細目 text of a share row, or the label inside the value (`男：89.0%`). */
  label: string;
  /** The catalogue share key (male, female, other); undefined for a label the catalogue does not list. */
  key?: string;
  /** Canonical catalogue label (男), when matched. */
  canonical?: string;
  match?: LabelMatch;
  /** Where the label is: 項目 or 細目 of a share row, or inside the 値 cell. */
  labelColumn: "項目" | "細目" | "値";
  /** The label's own cell (項目 or 細目); undefined when the label is inside the value. */
  labelCell?: string;
  /** The percentage; undefined when the 値 is not a number (or is a count or an amount). */
  figure?: Figure;
  /** The 値 cell: the share row's, or the composite cell shared by every part. */
  cell: string;
  /** A part of the item's own 値 (`男：89.0% 女：11.0%`, or `男：89.0%` on the item's row). */
  composite: boolean;
  /** The parsed 値 of a share row of its own (undefined for composite parts). */
  parsed?: Parsed;
}

export interface MonOfWhich {
  figure: Figure;
  unitKind: UnitKind;
  cell: string;
  /** From the うち column (true) or a composite `29件（0件）` (false). */
  fromColumn: boolean;
}

export interface MonItem {
  row: number;
  /** As written in 項目 ("" when blank). */
  label: string;
  labelCell: string;
  key?: string;
  canonical?: string;
  catalogueItem?: CatalogueItem;
  match?: LabelMatch;
  /** The label matched nothing in the catalogue (nearest label when one is close). */
  unknown?: { nearest?: string };
  /** The 値 of the item's own row; kind "empty" when the item only appears on 細目 rows. */
  value: Parsed;
  valueCell: string;
  /** The item has a row of its own (細目 blank); false when only its 細目 rows are written. */
  hasValueRow: boolean;
  ofWhich: MonOfWhich[];
  /** The うち column of the item's row, parsed, when the column exists and the cell is not empty. */
  ofWhichColumn?: { parsed: Parsed; cell: string };
  subItems: MonSubItem[];
  /** The shares of a percentages item (composite parts and share rows, in reading order); [] for other items. */
  shares: MonShare[];
}

export interface MonGroup {
  /** As written in 内訳; null for a blank 内訳. */
  label: string | null;
  labelCell?: string;
  key?: string;
  catalogueGroup?: CatalogueGroup;
  match?: LabelMatch;
  /**
   * 内訳 names an item rather than a group (`研究者の男女（その他）比率` written in 内訳): the group is the item's
   * catalogue group, its only item is that one, and match tells how the 内訳 text matched the item.
   */
  namesItem?: boolean;
  items: MonItem[];
}

export interface MonIndicator {
  row: number;
  number: string;
  numberCell: string;
  /** アウトプット指標 as written. */
  label: string;
  labelCell: string;
  catalogue?: CatalogueIndicator;
  labelMatch?: LabelMatch;
  /** 指標値. */
  total: Parsed;
  totalCell: string;
  groups: MonGroup[];
}

export interface ProjectSpecificRow {
  row: number;
  /** On the 全体 sheet: the project named in 内訳 (inherited from the row above when blank). */
  project?: ProjectId;
  projectText?: string;
  label: string;
  labelCell: string;
  value: Parsed;
  valueCell: string;
  /** Which column the value was read from. */
  valueColumn: "指標値" | "値";
}

export interface MonitoringSheet {
  table: DetectedTable;
  sheet: string;
  /** From the 統合プロジェクト metadata, else from a title above the table; undefined when neither names one. */
  project?: ProjectId;
  projectText?: string;
  /** Where the project was read: the metadata value's cell, or the title's. */
  projectCell?: string;
  /** True when no 統合プロジェクト was written and the project was taken from a title. */
  projectFromTitle?: boolean;
  indicators: MonIndicator[];
  projectSpecific: ProjectSpecificRow[];
  /** Non-empty 備考 cells. */
  notes: { cell: string; text: string }[];
}

// ---------------------------------------------------------------------------------------------------------
// Projects

/** The eight integrated projects' names, for sheets that name a project without its number. */
export const PROJECT_NAMES: readonly string[] = [
  "医薬品",
  "医療機器・ヘルスケア",
  "再生・細胞医療・遺伝子治療",
  "感染症",
  "データ利活用・ライフコース",
  "シーズ開発・基礎研究",
  "橋渡し・臨床加速化",
  "イノベーション・エコシステム",
];

/** How many PJ sheets a roll-up needs. */
export const PROJECT_COUNT = PROJECT_NAMES.length;

const NAME_ORDER = PROJECT_NAMES.map((n, i) => ({ n: normalizeLabel(n), i })).sort((a, b) => b.n.length - a.n.length);

/** `PJ1 医薬品プロジェクト`, `PJ１`, `医薬品プロジェクト (PJ1)`, `医薬品プロジェクト`, `全体` → a project id. */
export function parseProject(text: string | undefined): ProjectId | undefined {
  if (!text) return undefined;
  const t = normalizeLabel(text);
  if (!t) return undefined;
  // `全体（PJ1～PJ8）` is the whole plan, not PJ1.
  if (/^(全体|合計|全PJ|計画全体)/i.test(t)) return { kind: "overall", code: "全体" };
  const pj = /PJ-?(\d{1,2})(?!\d)/i.exec(t);
  if (pj) {
    const n = Number(pj[1]);
    if (n >= 1) return { kind: "project", number: n, code: `PJ${n}` };
  }
  for (const { n, i } of NAME_ORDER) {
    if (t.startsWith(n) || t.includes(n + "プロジェクト"))
      return { kind: "project", number: i + 1, code: `PJ${i + 1}` };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

const PROJECT_SPECIFIC_HEADING = normalizeLabel("個々の統合プロジェクトで定めるモニタリング指標");
const PROJECT_SPECIFIC_NUMBER = "独自";

const EMPTY: Parsed = { kind: "empty" };

function figureOf(p: NumberValue | Figure): Figure {
  const f: Figure = { value: p.value, decimals: p.decimals };
  if (p.unit !== undefined) f.unit = p.unit;
  if (p.label !== undefined) f.label = p.label;
  return f;
}

function sameLabel(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}

/** A project named in a title: `PJ1`, or a project's name followed by プロジェクト, or 全体 in brackets. */
function projectInTitle(text: string): ProjectId | undefined {
  const t = normalizeLabel(text);
  if (/\((全体|計画全体)\)|^全体$/.test(t)) return { kind: "overall", code: "全体" };
  if (!/PJ-?\d|プロジェクト/i.test(t)) return undefined;
  const p = parseProject(t.replace(/^.*?(?=PJ-?\d)/i, ""));
  if (p) return p;
  for (const { n, i } of NAME_ORDER)
    if (t.includes(n + "プロジェクト")) return { kind: "project", number: i + 1, code: `PJ${i + 1}` };
  return undefined;
}

/** The sheet's project: the 統合プロジェクト metadata; where none is written, a title above the table naming one. */
function projectOf(
  table: DetectedTable,
): Pick<MonitoringSheet, "project" | "projectText" | "projectCell" | "projectFromTitle"> {
  const text = table.metadata["統合プロジェクト"];
  if (text !== undefined)
    return { project: parseProject(text), projectText: text, projectCell: table.metadataCells["統合プロジェクト"] };
  for (const title of table.titles) {
    const project = projectInTitle(title.text);
    if (project) return { project, projectText: title.text, projectCell: title.cell, projectFromTitle: true };
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------------
// Reader

const MONITORING_BY_SHEET = memoKey<Map<string, MonitoringSheet>>("monitoring sheets by name");

export function readMonitoring(table: DetectedTable, ctx: CheckContext): MonitoringSheet {
  return memoPerSheet(ctx, MONITORING_BY_SHEET, table, () => read(table, ctx));
}

const MONITORING_SHEETS = memoKey<MonitoringSheet[]>("monitoring sheets");

/** Every monitoring sheet of the workbook, read. */
export function monitoringSheets(ctx: CheckContext): MonitoringSheet[] {
  return ctx.memo(MONITORING_SHEETS, () => ctx.tablesOf("monitoring").map((t) => readMonitoring(t, ctx)));
}

function read(table: DetectedTable, ctx: CheckContext): MonitoringSheet {
  const sheetName = table.sheet.name;
  const cat = ctx.catalogue;
  const out: MonitoringSheet = {
    table,
    sheet: sheetName,
    ...projectOf(table),
    indicators: [],
    projectSpecific: [],
    notes: [],
  };

  const col = {
    number: column(table, "number"),
    indicator: column(table, "indicator"),
    indicatorValue: column(table, "indicatorValue"),
    group: column(table, "group"),
    item: column(table, "item"),
    subItem: column(table, "subItem"),
    value: column(table, "value"),
    ofWhich: column(table, "ofWhich"),
    note: column(table, "note"),
  };
  const rows = table.rows;
  const at = (r: number, c: number | undefined) => (c === undefined ? undefined : rows[r]?.[c]);
  const text = (r: number, c: number | undefined) => cellText(at(r, c)).trim();
  const addr = (r: number, c: number | undefined) => toA1(r, c ?? 0);

  let current: MonIndicator | undefined;
  let group: MonGroup | undefined;
  let item: MonItem | undefined;
  let projectSection = false;
  let lastProject: { id?: ProjectId; text?: string } = {};

  const isHeadingRow = (r: number): boolean => {
    for (const cell of rows[r] ?? []) {
      const t = cellText(cell);
      if (t && t.includes("個々") && normalizeLabel(t).startsWith(PROJECT_SPECIFIC_HEADING)) return true;
    }
    return false;
  };

  for (const r of table.dataRows) {
    const note = text(r, col.note);
    if (note) out.notes.push({ cell: addr(r, col.note), text: note });

    if (isHeadingRow(r)) {
      projectSection = true;
      current = undefined;
      continue;
    }

    const numberText = text(r, col.number);
    const number = numberText ? indicatorNumberKey(numberText) : "";

    if (number === PROJECT_SPECIFIC_NUMBER || projectSection) {
      current = undefined;
      readProjectSpecific(r);
      continue;
    }

    if (number) {
      const catalogue =
        findIndicator(cat, number) ?? (text(r, col.indicator) ? findIndicator(cat, text(r, col.indicator)) : undefined);
      const label = text(r, col.indicator);
      current = {
        row: r,
        number,
        numberCell: addr(r, col.number),
        label,
        labelCell: addr(r, col.indicator),
        catalogue,
        total: parseCell(at(r, col.indicatorValue)),
        totalCell: addr(r, col.indicatorValue),
        groups: [],
      };
      if (catalogue && label) current.labelMatch = indicatorLabelMatch(cat, catalogue, label);
      out.indicators.push(current);
      group = undefined;
      item = undefined;
    }
    if (!current) continue;
    readIndicatorRow(r, current);
  }
  return out;

  function readProjectSpecific(r: number): void {
    const label = text(r, col.indicator) || text(r, col.item);
    let valueCol = col.indicatorValue;
    let valueColumn: ProjectSpecificRow["valueColumn"] = "指標値";
    let value = parseCell(at(r, valueCol));
    if (value.kind === "empty" && col.value !== undefined) {
      const alt = parseCell(at(r, col.value));
      if (alt.kind !== "empty") {
        value = alt;
        valueCol = col.value;
        valueColumn = "値";
      }
    }
    const projectText = text(r, col.group);
    if (projectText) lastProject = { id: parseProject(projectText), text: projectText };
    if (!label && value.kind === "empty") return;
    const row: ProjectSpecificRow = {
      row: r,
      label,
      labelCell: addr(r, label === text(r, col.indicator) ? col.indicator : col.item),
      value,
      valueCell: addr(r, valueCol),
      valueColumn,
    };
    if (lastProject.id) row.project = lastProject.id;
    if (lastProject.text) row.projectText = lastProject.text;
    out.projectSpecific.push(row);
  }

  function readIndicatorRow(r: number, ind: MonIndicator): void {
    const groupText = text(r, col.group);
    const itemText = text(r, col.item);
    const subText = text(r, col.subItem);
    const valueCellRef = at(r, col.value);
    const ofWhichRef = at(r, col.ofWhich);
    const hasValue = cellText(valueCellRef).trim() !== "";
    const hasOfWhich = cellText(ofWhichRef).trim() !== "";
    const hasContent = itemText !== "" || subText !== "" || hasValue || hasOfWhich;

    if (groupText) {
      const m = ind.catalogue ? matchGroup(ind.catalogue, groupText) : undefined;
      const named = !m && ind.catalogue ? sharesItemNamed(ind.catalogue, groupText) : undefined;
      if (named) {
        // 内訳 names a percentages item (研究者の男女（その他）比率); a 内訳 merged down over its rows names it again.
        const same =
          group?.namesItem === true && item !== undefined && group.items.includes(item) && item.key === named.item.key;
        if (!same) openNamedItem(r, ind, groupText, named);
      } else {
        const sameAsCurrent =
          group &&
          !group.namesItem &&
          (m
            ? group.key === m.group.key
            : group.key === undefined && group.label !== null && sameLabel(group.label, groupText));
        if (!sameAsCurrent) {
          group = { label: groupText, labelCell: addr(r, col.group), items: [] };
          if (m) {
            group.key = m.group.key;
            group.catalogueGroup = m.group;
            group.match = m.exact ? { exact: true } : { exact: false, suggestion: m.group.label ?? undefined };
          }
          ind.groups.push(group);
          item = undefined;
        }
      }
    }
    if (!hasContent) return;

    // A 細目 row: a part of the 項目 on the same row (or of the item above when 項目 is blank).
    if (subText) {
      if (itemText && !(item && sameItem(item, itemText))) {
        // The 項目 repeated on its 細目 rows, possibly after other items: the item already read, else a new one.
        const earlier = group?.items.find((it) => sameItem(it, itemText));
        if (earlier) item = earlier;
        else startItem(r, ind, itemText, false);
      } else if (!item) startItem(r, ind, "", false);
      addSubItemRow(r, item!, subText);
      return;
    }
    // A share row of the percentages item being read (男 / 女 / その他 in 項目, or `女：11.0%` in 値).
    if (item && takeShareRow(r, ind, item, itemText, hasValue)) return;
    // A share label with no percentages item open yet (内訳 and the item's label left blank): that item's share.
    if (itemText && ind.catalogue) {
      const owner = sharesOwner(ind.catalogue, itemText);
      if (owner) {
        const found = ind.groups
          .flatMap((g) => g.items)
          .find((it) => it.key === owner.item.key && it.catalogueItem?.shares);
        if (found) {
          item = found;
          group = ind.groups.find((g) => g.items.includes(found));
        } else startItem(r, ind, "", false, owner);
        addShareRow(r, item!, itemText, "項目");
        return;
      }
    }
    if (itemText || hasValue || hasOfWhich) startItem(r, ind, itemText, true);
  }

  function sameItem(it: MonItem, label: string): boolean {
    if (sameLabel(it.label, label)) return true;
    if (!it.key || !current?.catalogue) return false;
    const m = matchItem(current.catalogue, group?.catalogueGroup, label);
    return "item" in m && m.item.key === it.key;
  }

  function newItem(r: number, label: string): MonItem {
    return {
      row: r,
      label,
      labelCell: addr(r, col.item),
      value: EMPTY,
      valueCell: addr(r, col.value),
      hasValueRow: false,
      ofWhich: [],
      subItems: [],
      shares: [],
    };
  }

  /** 内訳 names a percentages item: a group of its own holding that item, its value and shares to follow. */
  function openNamedItem(r: number, ind: MonIndicator, groupText: string, m: CatalogueItemMatch): void {
    group = {
      label: groupText,
      labelCell: addr(r, col.group),
      key: m.group.key,
      catalogueGroup: m.group,
      match: m.exact ? { exact: true } : { exact: false, suggestion: m.item.label },
      namesItem: true,
      items: [],
    };
    ind.groups.push(group);
    const it = newItem(r, "");
    it.key = m.item.key;
    it.canonical = m.item.label;
    it.catalogueItem = m.item;
    group.items.push(it);
    item = it;
  }

  /**
   * A row continuing a percentages item: a share in 項目 (known or not, unless it names another item), the
   * item's own label again with its value (内訳 and 項目 both naming it), `女：11.0%` in 値 with 項目 blank, or
   * the value of an item opened from 内訳. False when the row is something else (a new item).
   */
  function takeShareRow(r: number, ind: MonIndicator, it: MonItem, itemText: string, hasValue: boolean): boolean {
    if (!it.catalogueItem?.shares || !ind.catalogue) return false;
    if (itemText) {
      const m = matchItem(ind.catalogue, undefined, itemText);
      if ("item" in m) {
        if (m.item.key !== it.key || it.hasValueRow || it.shares.length > 0) return false;
        setValue(it, r);
        return true;
      }
      addShareRow(r, it, itemText, "項目");
      return true;
    }
    if (!hasValue) return false;
    const parsed = parseCell(at(r, col.value));
    if (
      parsed.kind === "number" &&
      parsed.label !== undefined &&
      !/\d/.test(parsed.label) &&
      !parsed.parts &&
      (it.hasValueRow || it.shares.length > 0)
    ) {
      addShareRow(r, it, parsed.label, "値");
      return true;
    }
    if (it.hasValueRow || it.shares.length > 0) return false;
    setValue(it, r);
    return true;
  }

  /**
   * Places a new item in the current group, or in the group the catalogue finds for it when 内訳 is blank.
   * `owner`: the percentages item a share label belongs to (the item's own label is not written).
   */
  function startItem(
    r: number,
    ind: MonIndicator,
    label: string,
    hasValueRow: boolean,
    owner?: CatalogueItemMatch,
  ): void {
    const cat = ind.catalogue;
    let target = group;
    let m: ReturnType<typeof matchItem> | undefined = owner;
    if (cat && (label || owner)) {
      // Under a blank 内訳 the item may belong to any group: it decides which.
      // (So may it after a 内訳 naming an item, which holds that item alone.)
      const implicit = !target || target.label === null || target.namesItem === true;
      m ??= matchItem(cat, implicit ? undefined : target!.catalogueGroup, label);
      if (implicit && "item" in m) {
        const mg = m.group;
        if (
          target &&
          !target.namesItem &&
          (target.key === mg.key || (!target.catalogueGroup && target.items.length === 0))
        ) {
          target.key = mg.key;
          target.catalogueGroup = mg;
        } else {
          const found = ind.groups.find((g) => g.key === mg.key && g.label === null);
          if (found) target = found;
          else {
            target = { label: null, key: mg.key, catalogueGroup: mg, items: [] };
            ind.groups.push(target);
          }
        }
      }
    }
    if (!target || target.namesItem) {
      // Blank 内訳 on the indicator's first content row: its only unnamed group, when the catalogue has one.
      const g = cat ? matchGroup(cat, null) : undefined;
      target = { label: null, items: [] };
      if (g) {
        target.key = g.group.key;
        target.catalogueGroup = g.group;
      }
      ind.groups.push(target);
    }
    group = target;

    const it = newItem(r, label);
    if (m && "item" in m && m.item) {
      it.key = m.item.key;
      it.canonical = m.item.label;
      it.catalogueItem = m.item;
      if (label) it.match = m.exact ? { exact: true } : { exact: false, suggestion: m.suggestion ?? m.item.label };
    } else if (m && "unknown" in m) {
      it.unknown = m.nearest !== undefined ? { nearest: m.nearest.label } : {};
    } else if (!label && target.catalogueGroup && target.catalogueGroup.items.length === 1) {
      // An unlabelled value in a one-item group (indicator 7's 男女比率) is that item.
      const only = target.catalogueGroup.items[0];
      it.key = only.key;
      it.canonical = only.label;
      it.catalogueItem = only;
    }
    target.items.push(it);
    item = it;
    if (hasValueRow) setValue(it, r);
  }

  /** Reads row r's 値 (and うち) as the item's own value: composite parts, shares, うち. */
  function setValue(it: MonItem, r: number): void {
    let v = parseCell(at(r, col.value));
    const ci = it.catalogueItem;
    if (ci?.shares && v.kind !== "shares") {
      const written = cellText(at(r, col.value));
      const alt = sharesFromText(ci, written);
      if (alt) v = alt;
      // Several figures read as one labelled figure (`男89.0%・女10.5%・回答なし0.5%` → 0.5 labelled `男89.0%…`):
      // not a value to check shares with; the value rules ask for it to be rewritten.
      else if (v.kind === "number" && v.label !== undefined && /\d/.test(v.label))
        v = { kind: "not-a-number", text: written.trim(), reason: "text" };
    }
    it.value = v;
    it.valueCell = addr(r, col.value);
    it.hasValueRow = true;
    if (ci?.shares) {
      if (v.kind === "shares") for (const f of v.shares) addCompositeShare(it, f);
      // `男：89.0%` on the item's own row: its first share, the others on the rows below.
      else if (v.kind === "number" && v.label !== undefined && !v.parts) addCompositeShare(it, v);
    }
    if (v.kind === "number" && v.parts && v.parts.length > 0) {
      addCompositeParts(it, v);
    }
    if (col.ofWhich !== undefined) {
      const ofWhich = parseCell(rows[r]?.[col.ofWhich]);
      if (ofWhich.kind !== "empty") it.ofWhichColumn = { parsed: ofWhich, cell: addr(r, col.ofWhich) };
      if (ofWhich.kind === "number") {
        it.ofWhich.push({
          figure: figureOf(ofWhich),
          unitKind: ofWhich.unitKind,
          cell: addr(r, col.ofWhich),
          fromColumn: true,
        });
      }
    }
  }

  function addCompositeShare(it: MonItem, f: Figure): void {
    const share: MonShare = { label: f.label ?? "", labelColumn: "値", cell: it.valueCell, composite: true };
    const pf = percentFigure(f);
    if (pf) share.figure = pf;
    it.shares.push(matchShareOf(it.catalogueItem!, share));
  }

  /** A share on a row of its own: label in 項目, 細目 or inside the 値 (`女：11.0%`), the percentage in 値. */
  function addShareRow(r: number, it: MonItem, label: string, column: MonShare["labelColumn"]): void {
    const parsed = parseCell(at(r, col.value));
    const share: MonShare = { label, labelColumn: column, cell: addr(r, col.value), composite: false, parsed };
    if (column !== "値") share.labelCell = addr(r, column === "項目" ? col.item : col.subItem);
    const pf = parsed.kind === "number" && !parsed.parts ? percentFigure(parsed, parsed.unitKind) : undefined;
    if (pf) share.figure = pf;
    // The item's label on a row of its own with 値 left blank: the shares below are its value.
    if (it.hasValueRow && it.value.kind === "empty") it.hasValueRow = false;
    it.shares.push(matchShareOf(it.catalogueItem!, share));
  }

  function addCompositeParts(it: MonItem, v: NumberValue): void {
    const parts = v.parts!;
    const kind = v.partsKind;
    const subs = it.catalogueItem?.subItems?.items;
    if (
      kind === "breakdown" ||
      (kind === "of-which" &&
        parts.length === 1 &&
        parts[0].label &&
        it.catalogueItem &&
        matchSub(it.catalogueItem, parts[0].label))
    ) {
      // Unnamed parts stand for the listed 細目 in order (医療機器: 治療用／診断用), unless the list is open.
      const positional =
        subs && !it.catalogueItem?.subItems?.openLabels && parts.every((p) => !p.label) && subs.length === parts.length;
      parts.forEach((p, i) => {
        const sub: MonSubItem = { figure: figureOf(p), unitKind: v.unitKind, cell: it.valueCell, composite: true };
        if (p.label) {
          sub.label = p.label;
          const sm = it.catalogueItem ? matchSub(it.catalogueItem, p.label) : undefined;
          if (sm) Object.assign(sub, sm);
        } else if (positional) {
          sub.key = subs[i].key;
          sub.canonical = subs[i].label;
        }
        it.subItems.push(sub);
      });
    } else if (kind === "of-which" && parts.length === 1) {
      it.ofWhich.push({ figure: figureOf(parts[0]), unitKind: v.unitKind, cell: it.valueCell, fromColumn: false });
    }
  }

  function addSubItemRow(r: number, it: MonItem, label: string): void {
    if (it.catalogueItem?.shares) {
      // 研究者の男女（その他）比率 in 項目, 男 / 女 in 細目.
      addShareRow(r, it, label, "細目");
      return;
    }
    const parsed = parseCell(rows[r]?.[col.value ?? -1]);
    const sub: MonSubItem = {
      label,
      labelCell: addr(r, col.subItem),
      unitKind: parsed.kind === "number" ? parsed.unitKind : "none",
      cell: addr(r, col.value),
      composite: false,
      parsed,
    };
    if (parsed.kind === "number") sub.figure = figureOf(parsed);
    const sm = it.catalogueItem ? matchSub(it.catalogueItem, label) : undefined;
    if (sm) Object.assign(sub, sm);
    it.subItems.push(sub);
  }
}

type CatalogueItemMatch = { group: CatalogueGroup; item: CatalogueItem; exact: boolean; suggestion?: string };

/** A percentages item (one listing shares) that `label` names, exactly or as a near miss. */
function sharesItemNamed(cat: CatalogueIndicator, label: string): CatalogueItemMatch | undefined {
  const m = matchItem(cat, undefined, label);
  return "item" in m && m.item.shares ? m : undefined;
}

/** The percentages item of which `label` names a share (男 → 研究者の男女（その他）比率), when it names no item. */
function sharesOwner(cat: CatalogueIndicator, label: string): CatalogueItemMatch | undefined {
  if ("item" in matchItem(cat, undefined, label)) return undefined;
  for (const group of cat.groups) {
    for (const item of group.items) {
      if (item.shares && matchShare(item, label)) return { group, item, exact: true };
    }
  }
  return undefined;
}

/** The share's catalogue key and canonical label, when its label names one. */
function matchShareOf(item: CatalogueItem, share: MonShare): MonShare {
  const m = share.label ? matchShare(item, share.label) : undefined;
  if (m) {
    share.key = m.share.key;
    share.canonical = m.share.label;
    share.match = m.exact ? { exact: true } : { exact: false, suggestion: m.suggestion ?? m.share.label };
  }
  return share;
}

/**
 * A share as a percentage: `89.0%`, a cell formatted as a percentage, or a bare `89.0` (the item is a
 * percentage by definition). Undefined for a count or an amount.
 */
function percentFigure(
  f: Figure,
  unitKind: UnitKind = f.unit === undefined ? "none" : unitKindOf(f.unit),
): Figure | undefined {
  if (unitKind !== "percent" && unitKind !== "none") return undefined;
  return { value: f.value, decimals: f.decimals, unit: "%" };
}

/**
 * One share written as `label[:=] figure[%]`, after separators (space, 、 , ; / | ・ and brackets). Read on the width-folded
 * text, so 「男：89.0％／女：11.0％」 reads like `男:89.0%/女:11.0%`.
 */
const SHARE_PIECE_RE =
  /[\s、,;/|・()]*(?<label>[^\s\d:=()|/、,;・%.]+?)\s*[:=]?\s*\(?\s*(?<int>\d+)(?:\.(?<frac>\d+))?\s*(?<pct>%)?\s*\)?/y;
const SHARE_TAIL_RE = /^[\s、,;/|・()]*$/;

/**
 * The shares of a composite value the general parser does not read as shares: no separator between them
 * (`男89.0%女11.0%`, `男89.0%・女11.0%`), a space before % (`男 : 89.0 %`), or one share in brackets
 * (`男：89.0%（女：11.0%）`). Only when every label names a share of the item, and there are two or more.
 */
function sharesFromText(item: CatalogueItem, text: string): Parsed | undefined {
  const s = foldWidth(text).trim();
  if (!s || s.length > 200) return undefined;
  const shares: Figure[] = [];
  let pos = 0;
  while (pos < s.length && !SHARE_TAIL_RE.test(s.slice(pos))) {
    SHARE_PIECE_RE.lastIndex = pos;
    const m = SHARE_PIECE_RE.exec(s);
    if (!m || !m.groups) return undefined;
    const label = m.groups.label;
    if (!matchShare(item, label)) return undefined;
    const frac = m.groups.frac ?? "";
    shares.push({
      value: Number(frac ? `${m.groups.int}.${frac}` : m.groups.int),
      decimals: frac.length,
      unit: "%",
      label,
    });
    pos = SHARE_PIECE_RE.lastIndex;
  }
  return shares.length >= 2 ? { kind: "shares", shares } : undefined;
}

function matchSub(item: CatalogueItem, label: string): Pick<MonSubItem, "key" | "canonical" | "match"> | undefined {
  const m = matchSubItem(item, label);
  if (!("subItem" in m)) return undefined;
  return {
    key: m.subItem.key,
    canonical: m.subItem.label,
    match: m.exact ? { exact: true } : { exact: false, suggestion: m.suggestion ?? m.subItem.label },
  };
}

/** The アウトプット指標 text against the indicator its 番号 names: exact, a near miss (業事 → 薬事), or different. */
function indicatorLabelMatch(catalogue: Catalogue, cat: CatalogueIndicator, label: string): LabelMatch {
  const m = matchIndicator(catalogue, label);
  if (m && m.indicator === cat) return m.exact ? { exact: true } : { exact: false, suggestion: cat.label };
  return { exact: false, suggestion: cat.label, differs: true };
}

// ---------------------------------------------------------------------------------------------------------
// Figures the rules work with

export interface ItemFigure {
  figure: Figure;
  unitKind: UnitKind;
  /** The cell holding it (the item's 値 cell). */
  cell: string;
  /** True when the item has no value row and the figure is the sum of its 細目. */
  derived: boolean;
  /** Cells of a derived figure's parts. */
  cells: string[];
}

/** The item's value as a figure: its 値, or the sum of its 細目 rows when it has no row of its own. */
export function itemFigure(it: MonItem): ItemFigure | undefined {
  if (it.hasValueRow) {
    if (it.value.kind !== "number") return undefined;
    return {
      figure: figureOf(it.value),
      unitKind: it.value.unitKind,
      cell: it.valueCell,
      derived: false,
      cells: [it.valueCell],
    };
  }
  if (it.subItems.length === 0 || it.subItems.some((s) => !s.figure)) return undefined;
  let value = 0;
  let decimals = 0;
  for (const s of it.subItems) {
    value += s.figure!.value;
    decimals = Math.max(decimals, s.figure!.decimals);
  }
  const unit = it.subItems[0].figure!.unit;
  const figure: Figure = { value: Number(value.toPrecision(15)), decimals };
  if (unit !== undefined) figure.unit = unit;
  return {
    figure,
    unitKind: it.subItems[0].unitKind,
    cell: it.subItems[0].cell,
    derived: true,
    cells: it.subItems.map((s) => s.cell),
  };
}

/** The indicator total (指標値) as a figure, when it is a number. */
export function totalFigure(ind: MonIndicator): { figure: Figure; unitKind: UnitKind } | undefined {
  if (ind.total.kind !== "number") return undefined;
  return { figure: figureOf(ind.total), unitKind: ind.total.unitKind };
}

/** A display label for a catalogue or written label: the catalogue's canonical label when known. */
export function itemName(it: Pick<MonItem, "label" | "canonical">): string {
  return it.canonical ?? it.label;
}

export function groupName(g: MonGroup): string {
  return g.catalogueGroup?.label ?? g.label ?? "";
}

export { figureOf };
