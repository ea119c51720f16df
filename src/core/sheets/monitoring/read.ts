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
 *   番号), is a project-specific indicator: name in アウトプット指標, value in 指標値 (or 値), project in 内訳 (全体 sheet).
 *
 * Each cell is parsed once; the result is memoised per sheet with ctx.memo.
 */
import type { Catalogue, CatalogueGroup, CatalogueIndicator, CatalogueItem } from "../../catalogue/schema";
import { findIndicator, matchGroup, matchIndicator, matchItem, matchSubItem } from "../../catalogue/match";
import { toA1 } from "../../model/address";
import type { CheckContext } from "../../rules/context";
import { parseCell } from "../../values/parse";
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
}

export interface MonGroup {
  /** As written in 内訳; null for a blank 内訳. */
  label: string | null;
  labelCell?: string;
  key?: string;
  catalogueGroup?: CatalogueGroup;
  match?: LabelMatch;
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
  /** From the 統合プロジェクト metadata; undefined when absent or unreadable. */
  project?: ProjectId;
  projectText?: string;
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
    if (t.startsWith(n) || t.includes(n + "プロジェクト")) return { kind: "project", number: i + 1, code: `PJ${i + 1}` };
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

/** The 番号 as a key: NFKC, whitespace removed, `1)` `1.` `（1）` `①` → "1". */
export function normalizeNumber(text: string): string {
  let t = normalizeLabel(text);
  const circled = "①②③④⑤⑥⑦⑧⑨⑩".indexOf(text.trim());
  if (circled >= 0) return String(circled + 1);
  t = t.replace(/^\((.*)\)$/, "$1").replace(/[).．.。]$/, "");
  return t;
}

function sameLabel(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}

// ---------------------------------------------------------------------------------------------------------
// Reader

export function readMonitoring(table: DetectedTable, ctx: CheckContext): MonitoringSheet {
  return ctx.memo(`monitoring:read:${table.sheet.name}`, () => read(table, ctx));
}

/** Every monitoring sheet of the workbook, read. */
export function monitoringSheets(ctx: CheckContext): MonitoringSheet[] {
  return ctx.memo("monitoring:sheets", () => ctx.tablesOf("monitoring").map((t) => readMonitoring(t, ctx)));
}

function read(table: DetectedTable, ctx: CheckContext): MonitoringSheet {
  const sheetName = table.sheet.name;
  const cat = ctx.catalogue;
  const projectText = table.metadata["統合プロジェクト"];
  const out: MonitoringSheet = {
    table,
    sheet: sheetName,
    project: parseProject(projectText),
    projectText,
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
    const number = numberText ? normalizeNumber(numberText) : "";

    if (number === PROJECT_SPECIFIC_NUMBER || projectSection) {
      current = undefined;
      readProjectSpecific(r);
      continue;
    }

    if (number) {
      const catalogue = findIndicator(cat, number) ?? (text(r, col.indicator) ? findIndicator(cat, text(r, col.indicator)) : undefined);
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
      const sameAsCurrent =
        group && (m ? group.key === m.group.key : group.key === undefined && group.label !== null && sameLabel(group.label, groupText));
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
    if (itemText || hasValue || hasOfWhich) startItem(r, ind, itemText, true);
  }

  function sameItem(it: MonItem, label: string): boolean {
    if (sameLabel(it.label, label)) return true;
    if (!it.key || !current?.catalogue) return false;
    const m = matchItem(current.catalogue, group?.catalogueGroup, label);
    return "item" in m && m.item.key === it.key;
  }

  /** Places a new item in the current group, or in the group the catalogue finds for it when 内訳 is blank. */
  function startItem(r: number, ind: MonIndicator, label: string, hasValueRow: boolean): void {
    const cat = ind.catalogue;
    let target = group;
    let m: ReturnType<typeof matchItem> | undefined;
    if (cat && label) {
      // Under a blank 内訳 the item may belong to any group: it decides which.
      const implicit = !target || target.label === null;
      m = matchItem(cat, implicit ? undefined : target!.catalogueGroup, label);
      if (implicit && "item" in m) {
        const mg = m.group;
        if (target && (target.key === mg.key || (!target.catalogueGroup && target.items.length === 0))) {
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
    if (!target) {
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

    const valueParsed = hasValueRow ? parseCell(rows[r]?.[col.value ?? -1]) : EMPTY;
    const it: MonItem = {
      row: r,
      label,
      labelCell: addr(r, col.item),
      value: valueParsed,
      valueCell: addr(r, col.value),
      hasValueRow,
      ofWhich: [],
      subItems: [],
    };
    if (m && "item" in m && m.item) {
      it.key = m.item.key;
      it.canonical = m.item.label;
      it.catalogueItem = m.item;
      it.match = m.exact ? { exact: true } : { exact: false, suggestion: m.suggestion ?? m.item.label };
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

    if (!hasValueRow) return;
    if (valueParsed.kind === "number" && valueParsed.parts && valueParsed.parts.length > 0) {
      addCompositeParts(it, valueParsed);
    }
    if (col.ofWhich !== undefined) {
      const ofWhich = parseCell(rows[r]?.[col.ofWhich]);
      if (ofWhich.kind !== "empty") it.ofWhichColumn = { parsed: ofWhich, cell: addr(r, col.ofWhich) };
      if (ofWhich.kind === "number") {
        it.ofWhich.push({ figure: figureOf(ofWhich), unitKind: ofWhich.unitKind, cell: addr(r, col.ofWhich), fromColumn: true });
      }
    }
  }

  function addCompositeParts(it: MonItem, v: NumberValue): void {
    const parts = v.parts!;
    const kind = v.partsKind;
    const subs = it.catalogueItem?.subItems?.items;
    if (kind === "breakdown" || (kind === "of-which" && parts.length === 1 && parts[0].label && it.catalogueItem && matchSub(it.catalogueItem, parts[0].label))) {
      // Unnamed parts stand for the listed 細目 in order (医療機器: 治療用／診断用), unless the list is open.
      const positional = subs && !it.catalogueItem?.subItems?.openLabels && parts.every((p) => !p.label) && subs.length === parts.length;
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
    return { figure: figureOf(it.value), unitKind: it.value.unitKind, cell: it.valueCell, derived: false, cells: [it.valueCell] };
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
  return { figure, unitKind: it.subItems[0].unitKind, cell: it.subItems[0].cell, derived: true, cells: it.subItems.map((s) => s.cell) };
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
