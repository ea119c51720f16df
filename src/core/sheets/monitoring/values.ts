/**
 * The 値 side of a monitoring item (DOMAIN §3.4): its own value, composite parts (`12件（9件／3件）`), うち,
 * 細目 rows and the shares of a percentages item, read from the sheet's rows into the MonItem.
 */
import type { Figure, NumberValue } from "../../values/types";
import { cellText } from "../detect";
import { figureOf } from "./figures";
import { parseCell } from "../../values/parse";
import { append, Item, OfWhichCell, type Indicator, type MonitoringRows } from "./item";
import { matchShareOf, matchSub, percentFigure, sharesFromText } from "./match";
import type { MonItem, MonShare, MonSubItem } from "./types";

export { MonitoringRows } from "./item";

/** An item on row r, its value still to be read. */
export function newItem(ind: Indicator, r: number, label: string): Item {
  return new Item(ind, r, label);
}

/** Reads row r's 値 (and うち) as the item's own value: composite parts, shares, うち. */
export function setValue(rows: MonitoringRows, it: MonItem, r: number): void {
  const { col } = rows;
  let v = parseCell(rows.at(r, col.value));
  const ci = it.catalogueItem;
  if (ci?.shares && v.kind !== "shares") {
    const written = cellText(rows.at(r, col.value));
    const alt = sharesFromText(ci, written);
    if (alt) v = alt;
    // Several figures read as one labelled figure (`男89.0%・女10.5%・回答なし0.5%` → 0.5 labelled `男89.0%…`):
    // not a value to check shares with; the value rules ask for it to be rewritten.
    else if (v.kind === "number" && v.label !== undefined && /\d/.test(v.label))
      v = { kind: "not-a-number", text: written.trim(), reason: "text" };
  }
  it.value = v;
  (it as Item).valueRow = r; // every item is read into an Item
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
    const ofWhich = parseCell(rows.cells[r]?.[col.ofWhich]);
    if (ofWhich.kind !== "empty") it.ofWhichColumn = new OfWhichCell(it as Item, r, ofWhich);
    if (ofWhich.kind === "number") {
      it.ofWhich = append(it.ofWhich, {
        figure: figureOf(ofWhich),
        unitKind: ofWhich.unitKind,
        cell: rows.addr(r, col.ofWhich),
        fromColumn: true,
      });
    }
  }
}

function addCompositeShare(it: MonItem, f: Figure): void {
  const share: MonShare = { label: f.label ?? "", labelColumn: "値", cell: it.valueCell, composite: true };
  const pf = percentFigure(f);
  if (pf) share.figure = pf;
  it.shares = append(it.shares, matchShareOf(it.catalogueItem!, share));
}

/** A share on a row of its own: label in 項目, 細目 or inside the 値 (`女：11.0%`), the percentage in 値. */
export function addShareRow(
  rows: MonitoringRows,
  r: number,
  it: MonItem,
  label: string,
  column: MonShare["labelColumn"],
): void {
  const { col } = rows;
  const parsed = parseCell(rows.at(r, col.value));
  const share: MonShare = { label, labelColumn: column, cell: rows.addr(r, col.value), composite: false, parsed };
  if (column !== "値") share.labelCell = rows.addr(r, column === "項目" ? col.item : col.subItem);
  const pf = parsed.kind === "number" && !parsed.parts ? percentFigure(parsed, parsed.unitKind) : undefined;
  if (pf) share.figure = pf;
  // The item's label on a row of its own with 値 left blank: the shares below are its value.
  if (it.hasValueRow && it.value.kind === "empty") it.hasValueRow = false;
  it.shares = append(it.shares, matchShareOf(it.catalogueItem!, share));
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
      it.subItems = append(it.subItems, sub);
    });
  } else if (kind === "of-which" && parts.length === 1) {
    it.ofWhich = append(it.ofWhich, {
      figure: figureOf(parts[0]),
      unitKind: v.unitKind,
      cell: it.valueCell,
      fromColumn: false,
    });
  }
}

/** A 細目 row of the item: a part of it, or (for a percentages item) one of its shares. */
export function addSubItemRow(rows: MonitoringRows, r: number, it: MonItem, label: string): void {
  if (it.catalogueItem?.shares) {
    // 研究者の男女（その他）比率 in 項目, 男 / 女 in 細目.
    addShareRow(rows, r, it, label, "細目");
    return;
  }
  const { col } = rows;
  const parsed = parseCell(rows.cells[r]?.[col.value ?? -1]);
  const sub: MonSubItem = {
    label,
    labelCell: rows.addr(r, col.subItem),
    unitKind: parsed.kind === "number" ? parsed.unitKind : "none",
    cell: rows.addr(r, col.value),
    composite: false,
    parsed,
  };
  if (parsed.kind === "number") sub.figure = figureOf(parsed);
  const sm = it.catalogueItem ? matchSub(it.catalogueItem, label) : undefined;
  if (sm) Object.assign(sub, sm);
  it.subItems = append(it.subItems, sub);
}
