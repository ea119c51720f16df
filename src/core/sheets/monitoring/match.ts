/**
 * The monitoring reader's questions to the catalogue: which percentages item a 内訳 or 項目 text names, a share's
 * or 細目's catalogue entry, how an アウトプット指標 text matches its indicator, and shares written in one text.
 */
import type { Catalogue, CatalogueGroup, CatalogueIndicator, CatalogueItem } from "../../catalogue/schema";
import { matchIndicator, matchItem, matchShare, matchSubItem } from "../../catalogue/match";
import { foldWidth, unitKindOf } from "../../values/parse";
import type { Figure, Parsed, UnitKind } from "../../values/types";
import { EXACT } from "./item";
import type { LabelMatch, MonShare, MonSubItem } from "./types";

export type CatalogueItemMatch = { group: CatalogueGroup; item: CatalogueItem; exact: boolean; suggestion?: string };

/** A percentages item (one listing shares) that `label` names, exactly or as a near miss. */
export function sharesItemNamed(cat: CatalogueIndicator, label: string): CatalogueItemMatch | undefined {
  const m = matchItem(cat, undefined, label);
  return "item" in m && m.item.shares ? m : undefined;
}

/** The percentages item of which `label` names a share (男 → 研究者の男女（その他）比率), when it names no item. */
export function sharesOwner(cat: CatalogueIndicator, label: string): CatalogueItemMatch | undefined {
  if ("item" in matchItem(cat, undefined, label)) return undefined;
  for (const group of cat.groups) {
    for (const item of group.items) {
      if (item.shares && matchShare(item, label)) return { group, item, exact: true };
    }
  }
  return undefined;
}

/** The share's catalogue key and canonical label, when its label names one. */
export function matchShareOf(item: CatalogueItem, share: MonShare): MonShare {
  const m = share.label ? matchShare(item, share.label) : undefined;
  if (m) {
    share.key = m.share.key;
    share.canonical = m.share.label;
    share.match = m.exact ? EXACT : { exact: false, suggestion: m.suggestion ?? m.share.label };
  }
  return share;
}

/**
 * A share as a percentage: `89.0%`, a cell formatted as a percentage, or a bare `89.0` (the item is a
 * percentage by definition). Undefined for a count or an amount.
 */
export function percentFigure(
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
export function sharesFromText(item: CatalogueItem, text: string): Parsed | undefined {
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

export function matchSub(
  item: CatalogueItem,
  label: string,
): Pick<MonSubItem, "key" | "canonical" | "match"> | undefined {
  const m = matchSubItem(item, label);
  if (!("subItem" in m)) return undefined;
  return {
    key: m.subItem.key,
    canonical: m.subItem.label,
    match: m.exact ? EXACT : { exact: false, suggestion: m.suggestion ?? m.subItem.label },
  };
}

/** The アウトプット指標 text against the indicator its 番号 names: exact, a near miss (業事 → 薬事), or different. */
export function indicatorLabelMatch(catalogue: Catalogue, cat: CatalogueIndicator, label: string): LabelMatch {
  const m = matchIndicator(catalogue, label);
  if (m && m.indicator === cat) return m.exact ? EXACT : { exact: false, suggestion: cat.label };
  return { exact: false, suggestion: cat.label, differs: true };
}
