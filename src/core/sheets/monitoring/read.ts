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
 * This file walks the rows and decides what each one is (indicator, group, item, 細目, share, 独自 row); the
 * project a sheet belongs to is ./project.ts, the values of an item ./values.ts, the types ./types.ts. Each cell
 * is parsed once; the result is memoised per sheet with ctx.memo.
 */
import type { Catalogue } from "../../catalogue/schema";
import { findIndicator, matchGroup, matchItem } from "../../catalogue/match";
import { indicatorNumberKey } from "../../values/indicator-number";
import { memoKey, memoPerSheet, type CheckContext } from "../context";
import { normalizeLabel } from "../../values/normalize";
import { cellText } from "../detect";
import type { DetectedTable } from "../table";
import { indicatorLabelMatch, sharesItemNamed, sharesOwner, type CatalogueItemMatch } from "./match";
import { parseProject, projectOf } from "./project";
import type { MonGroup, MonItem, MonitoringSheet, ProjectId, ProjectSpecificRow } from "./types";
import { parseCell } from "../../values/parse";
import { EXACT, Indicator, ProjectRow } from "./item";
import { addShareRow, addSubItemRow, MonitoringRows, newItem, setValue } from "./values";

// For importers outside this folder (rules, xref, the analyzer).
export type * from "./types";
export { itemFigure, itemName } from "./figures";

const MONITORING_BY_SHEET = memoKey<Map<string, MonitoringSheet>>("monitoring sheets by name");

export function readMonitoring(table: DetectedTable, ctx: CheckContext): MonitoringSheet {
  return memoPerSheet(ctx, MONITORING_BY_SHEET, table, () => new MonitoringReader(table, ctx.catalogue).read());
}

const MONITORING_SHEETS = memoKey<MonitoringSheet[]>("monitoring sheets");

/** Every monitoring sheet of the workbook, read. */
export function monitoringSheets(ctx: CheckContext): MonitoringSheet[] {
  return ctx.memo(MONITORING_SHEETS, () => ctx.tablesOf("monitoring").map((t) => readMonitoring(t, ctx)));
}

const PROJECT_SPECIFIC_HEADING = normalizeLabel("個々の統合プロジェクトで定めるモニタリング指標");
const PROJECT_SPECIFIC_NUMBER = "独自";

function sameLabel(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}

/**
 * The sheet's lists copied to their length: a list grown by push keeps room for 16 more, and the sheets are
 * held until the run ends (report ×250: 2,250 sheets).
 */
function trimLists(out: MonitoringSheet): void {
  for (const ind of out.indicators) {
    for (const g of ind.groups) {
      for (const it of g.items) {
        if (it.subItems.length > 1) it.subItems = it.subItems.slice();
        if (it.shares.length > 1) it.shares = it.shares.slice();
        if (it.ofWhich.length > 1) it.ofWhich = it.ofWhich.slice();
      }
      g.items = g.items.slice();
    }
    ind.groups = ind.groups.slice();
  }
  out.indicators = out.indicators.slice();
  if (out.projectSpecific.length > 0) out.projectSpecific = out.projectSpecific.slice();
  if (out.notes.length > 0) out.notes = out.notes.slice();
}

/** One pass over a sheet's data rows; what is open (indicator, group, item) is the reader's state. */
class MonitoringReader {
  private readonly rows: MonitoringRows;
  private readonly out: MonitoringSheet;
  private current: Indicator | undefined;
  private group: MonGroup | undefined;
  private item: MonItem | undefined;
  /** Below the `個々の統合プロジェクトで定めるモニタリング指標` heading: every row is project-specific. */
  private projectSection = false;
  /** The project of the 独自 rows above, for a blank 内訳 (全体 sheet). */
  private lastProject: { id?: ProjectId; text?: string } = {};

  constructor(
    private readonly table: DetectedTable,
    private readonly cat: Catalogue,
  ) {
    this.rows = new MonitoringRows(table);
    this.out = {
      table,
      sheet: table.sheet.name,
      ...projectOf(table),
      indicators: [],
      projectSpecific: [],
      notes: [],
    };
  }

  read(): MonitoringSheet {
    const { rows, out, cat } = this;
    const { col } = rows;
    for (const r of this.table.dataRows) {
      const note = rows.text(r, col.note);
      if (note) out.notes.push({ cell: rows.addr(r, col.note), text: note });

      if (this.isHeadingRow(r)) {
        this.projectSection = true;
        this.current = undefined;
        continue;
      }

      const numberText = rows.text(r, col.number);
      const number = numberText ? indicatorNumberKey(numberText) : "";

      if (number === PROJECT_SPECIFIC_NUMBER || this.projectSection) {
        this.current = undefined;
        this.readProjectSpecific(r);
        continue;
      }

      if (number) {
        const label = rows.text(r, col.indicator);
        const catalogue = findIndicator(cat, number) ?? (label ? findIndicator(cat, label) : undefined);
        const current = new Indicator(rows, r, number, label, catalogue, parseCell(rows.at(r, col.indicatorValue)));
        if (catalogue && label) current.labelMatch = indicatorLabelMatch(cat, catalogue, label);
        out.indicators.push(current);
        this.current = current;
        this.group = undefined;
        this.item = undefined;
      }
      if (!this.current) continue;
      this.readIndicatorRow(r, this.current);
    }
    trimLists(out);
    return out;
  }

  private isHeadingRow(r: number): boolean {
    for (const cell of this.rows.cells[r] ?? []) {
      // Only a text can read 個々: a number's or a date's cellText never does, so it is not built for them.
      if (!cell || (typeof cell.value !== "string" && !cell.text)) continue;
      const t = cellText(cell);
      if (t.includes("個々") && normalizeLabel(t).startsWith(PROJECT_SPECIFIC_HEADING)) return true;
    }
    return false;
  }

  private readProjectSpecific(r: number): void {
    const { rows } = this;
    const { col } = rows;
    const label = rows.text(r, col.indicator) || rows.text(r, col.item);
    let valueCol = col.indicatorValue;
    let valueColumn: ProjectSpecificRow["valueColumn"] = "指標値";
    let value = parseCell(rows.at(r, valueCol));
    if (value.kind === "empty" && col.value !== undefined) {
      const alt = parseCell(rows.at(r, col.value));
      if (alt.kind !== "empty") {
        value = alt;
        valueCol = col.value;
        valueColumn = "値";
      }
    }
    const projectText = rows.text(r, col.group);
    if (projectText) this.lastProject = { id: parseProject(projectText), text: projectText };
    if (!label && value.kind === "empty") return;
    const labelCol = label === rows.text(r, col.indicator) ? col.indicator : col.item;
    const row = new ProjectRow(rows, r, label, labelCol, value, valueCol, valueColumn);
    if (this.lastProject.id) row.project = this.lastProject.id;
    if (this.lastProject.text) row.projectText = this.lastProject.text;
    this.out.projectSpecific.push(row);
  }

  private readIndicatorRow(r: number, ind: Indicator): void {
    const { rows } = this;
    const { col } = rows;
    const groupText = rows.text(r, col.group);
    const itemText = rows.text(r, col.item);
    const subText = rows.text(r, col.subItem);
    const hasValue = rows.filled(r, col.value);
    const hasOfWhich = rows.filled(r, col.ofWhich);
    const hasContent = itemText !== "" || subText !== "" || hasValue || hasOfWhich;

    if (groupText) this.readGroupCell(r, ind, groupText);
    if (!hasContent) return;

    // A 細目 row: a part of the 項目 on the same row (or of the item above when 項目 is blank).
    if (subText) {
      if (itemText && !(this.item && this.sameItem(this.item, itemText))) {
        // The 項目 repeated on its 細目 rows, possibly after other items: the item already read, else a new one.
        const earlier = this.group?.items.find((it) => this.sameItem(it, itemText));
        if (earlier) this.item = earlier;
        else this.startItem(r, ind, itemText, false);
      } else if (!this.item) this.startItem(r, ind, "", false);
      addSubItemRow(rows, r, this.item!, subText);
      return;
    }
    // A share row of the percentages item being read (男 / 女 / その他 in 項目, or `女：11.0%` in 値).
    if (this.item && this.takeShareRow(r, ind, this.item, itemText, hasValue)) return;
    // A share label with no percentages item open yet (内訳 and the item's label left blank): that item's share.
    if (itemText && ind.catalogue) {
      const owner = sharesOwner(ind.catalogue, itemText);
      if (owner) {
        const found = ind.groups
          .flatMap((g) => g.items)
          .find((it) => it.key === owner.item.key && it.catalogueItem?.shares);
        if (found) {
          this.item = found;
          this.group = ind.groups.find((g) => g.items.includes(found));
        } else this.startItem(r, ind, "", false, owner);
        addShareRow(rows, r, this.item!, itemText, "項目");
        return;
      }
    }
    if (itemText || hasValue || hasOfWhich) this.startItem(r, ind, itemText, true);
  }

  /** A written 内訳: a new group, the group being read again (merged down), or a percentages item it names. */
  private readGroupCell(r: number, ind: Indicator, groupText: string): void {
    const m = ind.catalogue ? matchGroup(ind.catalogue, groupText) : undefined;
    const named = !m && ind.catalogue ? sharesItemNamed(ind.catalogue, groupText) : undefined;
    const { group, item } = this;
    if (named) {
      // 内訳 names a percentages item (研究者の男女（その他）比率); a 内訳 merged down over its rows names it again.
      const same =
        group?.namesItem === true && item !== undefined && group.items.includes(item) && item.key === named.item.key;
      if (!same) this.openNamedItem(r, ind, groupText, named);
      return;
    }
    const sameAsCurrent =
      group &&
      !group.namesItem &&
      (m
        ? group.key === m.group.key
        : group.key === undefined && group.label !== null && sameLabel(group.label, groupText));
    if (sameAsCurrent) return;
    const labelCell = this.rows.addr(r, this.rows.col.group);
    // Made whole at once (no field added later, which would cost the object a second block).
    const opened: MonGroup = m
      ? {
          label: groupText,
          labelCell,
          items: [],
          key: m.group.key,
          catalogueGroup: m.group,
          match: m.exact ? EXACT : { exact: false, suggestion: m.group.label ?? undefined },
        }
      : { label: groupText, labelCell, items: [] };
    ind.groups.push(opened);
    this.group = opened;
    this.item = undefined;
  }

  private sameItem(it: MonItem, label: string): boolean {
    if (sameLabel(it.label, label)) return true;
    if (!it.key || !this.current?.catalogue) return false;
    const m = matchItem(this.current.catalogue, this.group?.catalogueGroup, label);
    return "item" in m && m.item.key === it.key;
  }

  /** 内訳 names a percentages item: a group of its own holding that item, its value and shares to follow. */
  private openNamedItem(r: number, ind: Indicator, groupText: string, m: CatalogueItemMatch): void {
    const group: MonGroup = {
      label: groupText,
      labelCell: this.rows.addr(r, this.rows.col.group),
      key: m.group.key,
      catalogueGroup: m.group,
      match: m.exact ? EXACT : { exact: false, suggestion: m.item.label },
      namesItem: true,
      items: [],
    };
    ind.groups.push(group);
    const it = newItem(ind, r, "");
    it.catalogueItem = m.item;
    group.items.push(it);
    this.group = group;
    this.item = it;
  }

  /**
   * A row continuing a percentages item: a share in 項目 (known or not, unless it names another item), the
   * item's own label again with its value (内訳 and 項目 both naming it), `女：11.0%` in 値 with 項目 blank, or
   * the value of an item opened from 内訳. False when the row is something else (a new item).
   */
  private takeShareRow(r: number, ind: Indicator, it: MonItem, itemText: string, hasValue: boolean): boolean {
    const { rows } = this;
    if (!it.catalogueItem?.shares || !ind.catalogue) return false;
    if (itemText) {
      const m = matchItem(ind.catalogue, undefined, itemText);
      if ("item" in m) {
        if (m.item.key !== it.key || it.hasValueRow || it.shares.length > 0) return false;
        setValue(rows, it, r);
        return true;
      }
      addShareRow(rows, r, it, itemText, "項目");
      return true;
    }
    if (!hasValue) return false;
    const parsed = parseCell(rows.at(r, rows.col.value));
    if (
      parsed.kind === "number" &&
      parsed.label !== undefined &&
      !/\d/.test(parsed.label) &&
      !parsed.parts &&
      (it.hasValueRow || it.shares.length > 0)
    ) {
      addShareRow(rows, r, it, parsed.label, "値");
      return true;
    }
    if (it.hasValueRow || it.shares.length > 0) return false;
    setValue(rows, it, r);
    return true;
  }

  /**
   * Places a new item in the current group, or in the group the catalogue finds for it when 内訳 is blank.
   * `owner`: the percentages item a share label belongs to (the item's own label is not written).
   */
  private startItem(r: number, ind: Indicator, label: string, hasValueRow: boolean, owner?: CatalogueItemMatch) {
    const cat = ind.catalogue;
    let target = this.group;
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
    this.group = target;

    const it = newItem(ind, r, label);
    if (m && "item" in m && m.item) {
      it.catalogueItem = m.item;
      if (label) it.match = m.exact ? EXACT : { exact: false, suggestion: m.suggestion ?? m.item.label };
    } else if (m && "unknown" in m) {
      it.unknown = m.nearest !== undefined ? { nearest: m.nearest.label } : {};
    } else if (!label && target.catalogueGroup && target.catalogueGroup.items.length === 1) {
      // An unlabelled value in a one-item group (indicator 7's 男女比率) is that item.
      const only = target.catalogueGroup.items[0];
      it.catalogueItem = only;
    }
    target.items.push(it);
    this.item = it;
    if (hasValueRow) setValue(this.rows, it, r);
  }
}
