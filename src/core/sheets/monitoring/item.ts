/**
 * The objects a モニタリング sheet is read into (issue 13, memory: 2,250 sheets of report ×250 held 77 MB).
 * An indicator and an item are each at once the reader's record and the shared rules' NumericCell of their
 * 指標値 and 値 cell, a うち column cell is its own NumericCell: what only messages need (A1 addresses, row
 * labels) is derived on demand from the row numbers and the sheet's columns. Every field is declared up front
 * so that all items (all indicators) share one object shape, and the lists most items leave empty share one
 * frozen empty array until something is added.
 */
import { toA1 } from "../../model/address";
import type { CatalogueIndicator, CatalogueItem } from "../../catalogue/schema";
import type { Cell } from "../../model/workbook";
import type { Parsed } from "../../values/types";
import type { NumericCell, RowKey } from "../analysis";
import { cellText } from "../detect";
import { column, type DetectedTable } from "../table";
import type {
  LabelMatch,
  MonGroup,
  MonIndicator,
  MonItem,
  MonOfWhich,
  MonShare,
  MonSubItem,
  ProjectId,
  ProjectSpecificRow,
} from "./types";

/** An exact match, shared: most labels match exactly, and nothing changes a match once made. */
export const EXACT: LabelMatch = Object.freeze({ exact: true });

/** The empty list every item starts with; `append` replaces it by a list of its own on the first addition. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** `list` with `x` added: a new one-element list in place of the shared empty one. */
export function append<T>(list: T[], x: T): T[] {
  if (list === NONE) return [x];
  list.push(x);
  return list;
}

const EMPTY: Parsed = Object.freeze({ kind: "empty" });

/** A monitoring table's rows and columns, by role: cells, their trimmed text and A1 addresses. */
export class MonitoringRows {
  readonly sheet: string;
  readonly cells: (Cell | undefined)[][];
  readonly col: {
    number?: number;
    indicator?: number;
    indicatorValue?: number;
    group?: number;
    item?: number;
    subItem?: number;
    value?: number;
    ofWhich?: number;
    note?: number;
  };

  constructor(table: DetectedTable) {
    this.sheet = table.sheet.name;
    this.cells = table.rows;
    this.col = {
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
  }

  at(r: number, c: number | undefined): Cell | undefined {
    return c === undefined ? undefined : this.cells[r]?.[c];
  }

  text(r: number, c: number | undefined): string {
    return cellText(this.at(r, c)).trim();
  }

  /** Whether text(r, c) is not "", without building the text of a number (most 値 and うち cells). */
  filled(r: number, c: number | undefined): boolean {
    const cell = this.at(r, c);
    if (!cell) return false;
    if (typeof cell.value === "number" && (cell.text === undefined || cell.text === "")) return true;
    return cellText(cell).trim() !== "";
  }

  addr(r: number, c: number | undefined): string {
    return toA1(r, c ?? 0);
  }
}

/** `1 論文数`: an indicator as the row label of its cells in messages. */
export function indicatorRowLabel(ind: Pick<MonIndicator, "number" | "label" | "catalogue">): string {
  return `${ind.number} ${ind.label || ind.catalogue?.label || ""}`.trim();
}

/** An indicator's row; also the NumericCell of its 指標値 (taken unless no total is expected and none is written). */
export class Indicator implements MonIndicator, NumericCell {
  readonly row: number;
  readonly number: string;
  readonly label: string;
  readonly catalogue: CatalogueIndicator | undefined;
  labelMatch: LabelMatch | undefined = undefined;
  readonly total: Parsed;
  groups: MonGroup[] = [];
  readonly rows: MonitoringRows;

  constructor(
    rows: MonitoringRows,
    row: number,
    number: string,
    label: string,
    catalogue: CatalogueIndicator | undefined,
    total: Parsed,
  ) {
    this.rows = rows;
    this.row = row;
    this.number = number;
    this.label = label;
    this.catalogue = catalogue;
    this.total = total;
  }

  get numberCell(): string {
    return this.rows.addr(this.row, this.rows.col.number);
  }
  get labelCell(): string {
    return this.rows.addr(this.row, this.rows.col.indicator);
  }
  get totalCell(): string {
    return this.rows.addr(this.row, this.rows.col.indicatorValue);
  }
  /** The item listed as the indicator's total (indicator 6's Top1%), when the catalogue names one. */
  get totalItem(): MonItem | undefined {
    const key = this.catalogue?.totalItemKey;
    if (!key) return undefined;
    for (const g of this.groups) for (const it of g.items) if (it.key === key) return it;
    return undefined;
  }
  /** No 指標値 is expected: the indicator has none (4, 5, 7), or lists its total as an item (6's Top1%). */
  get totalOptional(): boolean {
    const cat = this.catalogue;
    return !cat || cat.noTotal === true || this.totalItem !== undefined;
  }
  // NumericCell of the 指標値
  get sheet(): string {
    return this.rows.sheet;
  }
  get cell(): string {
    return this.totalCell;
  }
  get column(): string {
    return "指標値";
  }
  get rowLabel(): string {
    return indicatorRowLabel(this);
  }
  get parsed(): Parsed {
    return this.total;
  }
  get required(): boolean {
    return !this.totalOptional;
  }
  get placeholderAllowed(): boolean {
    return this.totalOptional;
  }
}

/** An indicator's 番号 as the RowKey that must be unique within its sheet; its address built only when asked. */
export class NumberKey implements RowKey {
  readonly indicator: Indicator;

  constructor(indicator: Indicator) {
    this.indicator = indicator;
  }

  get sheet(): string {
    return this.indicator.rows.sheet;
  }
  get cell(): string {
    return this.indicator.numberCell;
  }
  get key(): string {
    return this.indicator.number;
  }
  get label(): string {
    return "番号";
  }
}

/** An item; also the NumericCell of its 値 (its own row's, or the missing one of an item named in 内訳). */
export class Item implements MonItem, NumericCell {
  readonly row: number;
  readonly label: string;
  catalogueItem: CatalogueItem | undefined = undefined;
  match: LabelMatch | undefined = undefined;
  value: Parsed = EMPTY;
  /** The row whose 値 is the item's own (the item's first row until one is read). */
  valueRow: number;
  hasValueRow = false;
  /** What few items have (うち, 細目, shares, an unknown label), in an object of its own made on first use. */
  private more: ItemMore | undefined = undefined;
  readonly indicator: Indicator;

  constructor(indicator: Indicator, row: number, label: string) {
    this.indicator = indicator;
    this.row = row;
    this.valueRow = row;
    this.label = label;
  }

  private get extra(): ItemMore {
    return (this.more ??= new ItemMore());
  }
  get unknown(): { nearest?: string } | undefined {
    return this.more?.unknown;
  }
  set unknown(u: { nearest?: string } | undefined) {
    this.extra.unknown = u;
  }
  get ofWhich(): MonOfWhich[] {
    return this.more?.ofWhich ?? NONE;
  }
  set ofWhich(list: MonOfWhich[]) {
    this.extra.ofWhich = list;
  }
  get ofWhichColumn(): OfWhichCell | undefined {
    return this.more?.ofWhichColumn;
  }
  set ofWhichColumn(c: OfWhichCell | undefined) {
    this.extra.ofWhichColumn = c;
  }
  get subItems(): MonSubItem[] {
    return this.more?.subItems ?? NONE;
  }
  set subItems(list: MonSubItem[]) {
    this.extra.subItems = list;
  }
  get shares(): MonShare[] {
    return this.more?.shares ?? NONE;
  }
  set shares(list: MonShare[]) {
    this.extra.shares = list;
  }

  /** The catalogue item's key and label: an item is keyed by the catalogue only. */
  get key(): string | undefined {
    return this.catalogueItem?.key;
  }
  get canonical(): string | undefined {
    return this.catalogueItem?.label;
  }
  get labelCell(): string {
    const rows = this.indicator.rows;
    return rows.addr(this.row, rows.col.item);
  }
  get valueCell(): string {
    const rows = this.indicator.rows;
    return rows.addr(this.valueRow, rows.col.value);
  }
  // NumericCell of the 値
  get sheet(): string {
    return this.indicator.rows.sheet;
  }
  get cell(): string {
    return this.valueCell;
  }
  get column(): string {
    return "値";
  }
  /** The item's name in messages: its catalogue label, as written, else its indicator's. */
  get rowLabel(): string {
    return (this.canonical ?? this.label) || indicatorRowLabel(this.indicator);
  }
  get parsed(): Parsed {
    return this.value;
  }
  get required(): boolean {
    return true;
  }
  get placeholderAllowed(): boolean {
    return false;
  }
}

/** An item's rarer parts (./item.ts Item.more). */
class ItemMore {
  unknown: { nearest?: string } | undefined = undefined;
  ofWhich: MonOfWhich[] = NONE;
  ofWhichColumn: OfWhichCell | undefined = undefined;
  subItems: MonSubItem[] = NONE;
  shares: MonShare[] = NONE;
}

/** The うち column of an item's row, not empty: the NumericCell of that cell (a `—` there means none). */
export class OfWhichCell implements NumericCell {
  readonly item: Item;
  readonly row: number;
  readonly parsed: Parsed;

  constructor(item: Item, row: number, parsed: Parsed) {
    this.item = item;
    this.row = row;
    this.parsed = parsed;
  }

  get cell(): string {
    const rows = this.item.indicator.rows;
    return rows.addr(this.row, rows.col.ofWhich);
  }
  get sheet(): string {
    return this.item.indicator.rows.sheet;
  }
  get column(): string {
    return "うち";
  }
  get rowLabel(): string {
    return this.item.rowLabel;
  }
  get required(): boolean {
    return false;
  }
  get placeholderAllowed(): boolean {
    return true;
  }
}

/** A project-specific (独自) row; also the NumericCell of its value. */
export class ProjectRow implements ProjectSpecificRow, NumericCell {
  readonly row: number;
  project: ProjectId | undefined = undefined;
  projectText: string | undefined = undefined;
  readonly label: string;
  readonly value: Parsed;
  readonly valueColumn: "指標値" | "値";
  private readonly labelCol: number | undefined;
  private readonly valueCol: number | undefined;
  private readonly rows: MonitoringRows;

  constructor(
    rows: MonitoringRows,
    row: number,
    label: string,
    labelCol: number | undefined,
    value: Parsed,
    valueCol: number | undefined,
    valueColumn: "指標値" | "値",
  ) {
    this.rows = rows;
    this.row = row;
    this.label = label;
    this.labelCol = labelCol;
    this.value = value;
    this.valueCol = valueCol;
    this.valueColumn = valueColumn;
  }

  get labelCell(): string {
    return this.rows.addr(this.row, this.labelCol);
  }
  get valueCell(): string {
    return this.rows.addr(this.row, this.valueCol);
  }
  get sheet(): string {
    return this.rows.sheet;
  }
  get cell(): string {
    return this.valueCell;
  }
  get column(): string {
    return this.valueColumn;
  }
  get rowLabel(): string {
    return this.label;
  }
  get parsed(): Parsed {
    return this.value;
  }
  get required(): boolean {
    return true;
  }
  get placeholderAllowed(): boolean {
    return false;
  }
}
