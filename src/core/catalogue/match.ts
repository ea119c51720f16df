/**
 * Label matching against the monitoring-indicator catalogue (DOMAIN §3.4).
 *
 * A label matches a catalogue entry when, after normalizeLabel (plus lower-casing Latin letters and
 * dropping a leading bullet or a trailing colon), it is
 *   1. equal to the entry's label or one of its aliases (exact), or
 *   2. such a name followed by a bracketed qualifier, `Top1%論文数（PJ1～PJ8）` (exact), or
 *   3. within a small edit distance of one (a typo: `ベアリング…` for `ペアリング…`, `業事` for `薬事`):
 *      matched with exact = false and the canonical label as the suggestion.
 * Typo tolerance (optimal string alignment distance on code points) allows at most
 * max(1, ⌊15% of the name's length⌋) edits, none for names of three characters or fewer; the two
 * texts must carry the same digits (Top1% is not Top10%) and the best entry must be unambiguous.
 * A label is never matched because it contains a name (`その他の件数` is not `その他`): such labels are
 * unknown, with the contained name offered as the nearest.
 *
 * Normalised names are computed once per catalogue object (WeakMap) and results are memoised per label. The
 * matcher itself (keys, distances, one lookup among named entries) is ./match-lookup.ts.
 */
import { indicatorNumberKey } from "../values/indicator-number";
import { entry, lookup, matchKey, type Entry, type Lookup } from "./match-lookup";
import type { Catalogue, CatalogueGroup, CatalogueIndicator, CatalogueItem } from "./schema";

export { matchKey, typoThreshold } from "./match-lookup";

export type CatalogueSubItem = NonNullable<CatalogueItem["subItems"]>["items"][number];
export type CatalogueShare = NonNullable<CatalogueItem["shares"]>[number];

export interface IndicatorMatch {
  indicator: CatalogueIndicator;
  exact: boolean;
  /** The canonical label, when the match is a near miss. */
  suggestion?: string;
}

export interface GroupMatch {
  group: CatalogueGroup;
  exact: boolean;
  suggestion?: string;
}

export type ItemMatch =
  | { group: CatalogueGroup; item: CatalogueItem; exact: boolean; suggestion?: string }
  | { unknown: true; nearest?: { group: CatalogueGroup; item: CatalogueItem; label: string } };

export type SubItemMatch =
  | {
      subItem: CatalogueSubItem;
      exact: boolean;
      suggestion?: string;
      /** An unlisted label accepted by an open-ended list (医薬品 by modality); key = its normalised text. */
      open?: boolean;
    }
  | { unknown: true; nearest?: { subItem: CatalogueSubItem; label: string } };

export interface ShareMatch {
  share: CatalogueShare;
  exact: boolean;
  suggestion?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Indexes, built once per catalogue object

interface CatalogueIndex {
  indicators: Entry<CatalogueIndicator>[];
  byNumber: Map<string, CatalogueIndicator>;
  memo: Map<string, IndicatorMatch | undefined>;
}

interface ItemTarget {
  group: CatalogueGroup;
  item: CatalogueItem;
}

interface IndicatorIndex {
  groups: Entry<CatalogueGroup>[];
  items: Entry<ItemTarget>[];
  itemsByGroup: Map<CatalogueGroup, Entry<ItemTarget>[]>;
  groupMemo: Map<string, GroupMatch | undefined>;
  /** By group key ("" for any group), then label: no key is built per call (the labels are the sheet's strings). */
  itemMemo: Map<string, Map<string, ItemMatch>>;
}

interface ItemIndex {
  subItems: Entry<CatalogueSubItem>[];
  shares: Entry<CatalogueShare>[];
  subMemo: Map<string, SubItemMatch>;
  shareMemo: Map<string, ShareMatch | undefined>;
}

const catalogueIndexes = new WeakMap<Catalogue, CatalogueIndex>();
const indicatorIndexes = new WeakMap<CatalogueIndicator, IndicatorIndex>();
const itemIndexes = new WeakMap<CatalogueItem, ItemIndex>();

const LABEL_MEMO_MAX = 4096;

/** An index per catalogue object, built the first time it is asked for. */
function memoIndex<K extends object, R>(memo: WeakMap<K, R>, key: K, compute: () => R): R {
  let out = memo.get(key);
  if (out === undefined) memo.set(key, (out = compute()));
  return out;
}

/**
 * The match for a label, computed the first time. Apart from memoIndex: each call site then sees one kind of
 * map, not a WeakMap here and a Map there.
 */
function memoised<R>(memo: Map<string, R>, key: string, compute: () => R): R {
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known!;
  const out = compute();
  // Labels come from every file a process checks: bounded, as a batch brings new ones without end.
  if (memo.size >= LABEL_MEMO_MAX) memo.clear();
  memo.set(key, out);
  return out;
}

function catalogueIndex(cat: Catalogue): CatalogueIndex {
  return memoIndex(catalogueIndexes, cat, () => {
    const byNumber = new Map<string, CatalogueIndicator>();
    for (const ind of cat.indicators) {
      const n = indicatorNumberKey(ind.number);
      if (!byNumber.has(n)) byNumber.set(n, ind);
    }
    return {
      indicators: cat.indicators.map((ind) => entry(ind, [ind.label, ...ind.aliases])),
      byNumber,
      memo: new Map(),
    };
  });
}

function indicatorIndex(ind: CatalogueIndicator): IndicatorIndex {
  return memoIndex(indicatorIndexes, ind, () => {
    const itemsByGroup = new Map<CatalogueGroup, Entry<ItemTarget>[]>();
    const items: Entry<ItemTarget>[] = [];
    for (const group of ind.groups) {
      const list = group.items.map((item) => entry({ group, item }, [item.label, ...item.aliases]));
      itemsByGroup.set(group, list);
      items.push(...list);
    }
    return {
      groups: ind.groups.map((g) => entry(g, [g.label, ...g.aliases])),
      items,
      itemsByGroup,
      groupMemo: new Map(),
      itemMemo: new Map(),
    };
  });
}

function itemIndex(item: CatalogueItem): ItemIndex {
  return memoIndex(itemIndexes, item, () => ({
    subItems: (item.subItems?.items ?? []).map((s) => entry(s, [s.label, ...s.aliases])),
    shares: (item.shares ?? []).map((s) => entry(s, [s.label, ...s.aliases])),
    subMemo: new Map(),
    shareMemo: new Map(),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Public API

/**
 * A lookup's hit as a match: the entry under `name`, whether it was exact, and for a near miss the entry's
 * canonical label as the suggestion.
 */
function matchOf<T, N extends string>(
  name: N,
  r: Lookup<T>,
  canonical: (target: T) => string | undefined,
): (Record<N, T> & { exact: boolean; suggestion?: string }) | undefined {
  if (!r.hit) return undefined;
  const { target, exact } = r.hit;
  const match = { [name]: target, exact } as Record<N, T> & { exact: boolean; suggestion?: string };
  if (!exact) match.suggestion = canonical(target);
  return match;
}

/** An indicator by its 番号 (`1`, `１`, `No.1`) or by its label (exact, alias, qualifier or near miss). */
export function findIndicator(cat: Catalogue, numberOrLabel: string): CatalogueIndicator | undefined {
  const idx = catalogueIndex(cat);
  const byNumber = idx.byNumber.get(indicatorNumberKey(numberOrLabel));
  if (byNumber) return byNumber;
  return matchIndicator(cat, numberOrLabel)?.indicator;
}

/** An indicator by its label, telling whether the label was exact or a near miss. */
export function matchIndicator(cat: Catalogue, label: string): IndicatorMatch | undefined {
  const idx = catalogueIndex(cat);
  return memoised(idx.memo, label, () => {
    return matchOf("indicator", lookup(idx.indicators, label), (t) => t.label);
  });
}

/**
 * The breakdown group (内訳) a label names. Null or blank: the indicator's only group when it has exactly
 * one, else undefined.
 */
export function matchGroup(indicator: CatalogueIndicator, label: string | null | undefined): GroupMatch | undefined {
  if (label === null || label === undefined || matchKey(label) === "") {
    return indicator.groups.length === 1 ? { group: indicator.groups[0], exact: true } : undefined;
  }
  const idx = indicatorIndex(indicator);
  return memoised(idx.groupMemo, label, () => {
    return matchOf("group", lookup(idx.groups, label), (t) => t.label ?? t.aliases[0]);
  });
}

/**
 * The item (項目) a label names, within `group` or, when group is undefined, within any group of the
 * indicator. Unknown labels come with the nearest catalogue item when one is close (from any group).
 */
export function matchItem(indicator: CatalogueIndicator, group: CatalogueGroup | undefined, label: string): ItemMatch {
  const idx = indicatorIndex(indicator);
  const groupKey = group ? group.key : "";
  let memo = idx.itemMemo.get(groupKey);
  if (!memo) idx.itemMemo.set(groupKey, (memo = new Map<string, ItemMatch>()));
  return memoised(memo, label, (): ItemMatch => {
    const groupEntries = group ? (idx.itemsByGroup.get(group) ?? groupByKey(idx, group.key)) : idx.items;
    const r = lookup(groupEntries ?? [], label);
    const hit = matchOf("target", r, (t) => t.item.label);
    if (hit) {
      const { target, ...how } = hit;
      return { group: target.group, item: target.item, ...how };
    }
    // Nearest across the whole indicator: an exact name in another group is the best hint.
    const all = group ? lookup(idx.items, label) : r;
    const t = all.hit?.target ?? r.nearest ?? all.nearest;
    return t ? { unknown: true, nearest: { group: t.group, item: t.item, label: t.item.label } } : { unknown: true };
  });
}

function groupByKey(idx: IndicatorIndex, key: string): Entry<ItemTarget>[] | undefined {
  for (const [g, list] of idx.itemsByGroup) if (g.key === key) return list;
  return undefined;
}

/**
 * The 細目 (sub-item) of `item` a label names. For an open-ended list (openLabels) an unlisted label is
 * accepted as itself: { subItem: { key: its normalised text, label: as written }, exact: true, open: true }.
 */
export function matchSubItem(item: CatalogueItem, label: string): SubItemMatch {
  const idx = itemIndex(item);
  return memoised(idx.subMemo, label, (): SubItemMatch => {
    const open = item.subItems?.openLabels === true;
    // Open lists take any label, so a near miss may be a different modality (中分子 vs 低分子): exact only.
    const r = lookup(idx.subItems, label, { typos: !open });
    const hit = matchOf("subItem", r, (t) => t.label);
    if (hit) return hit;
    if (open && matchKey(label) !== "")
      return { subItem: { key: matchKey(label), label: label.trim(), aliases: [] }, exact: true, open: true };
    return r.nearest ? { unknown: true, nearest: { subItem: r.nearest, label: r.nearest.label } } : { unknown: true };
  });
}

/** A share label of a percentages item (`男`, `女性`, `その他`); undefined when it is not one. */
export function matchShare(item: CatalogueItem, label: string): ShareMatch | undefined {
  const idx = itemIndex(item);
  return memoised(idx.shareMemo, label, () => {
    return matchOf("share", lookup(idx.shares, label), (t) => t.label);
  });
}
