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
 * Normalised names are computed once per catalogue object (WeakMap) and results are memoised per label.
 */
import { codePoints, editDistance } from "../values/edit-distance";
import { indicatorNumberKey } from "../values/indicator-number";
import { normalizeLabel } from "../values/normalize";
import type { Catalogue, CatalogueGroup, CatalogueIndicator, CatalogueItem } from "./schema";

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
// Normalisation and distance

const BULLETS = /^[・･●○◎■□◆◇▪▫•\-*]+/;

/** The matching key of a label: normalizeLabel, Latin lower-cased, no leading bullet, no trailing colon. */
export function matchKey(label: string): string {
  return normalizeLabel(label).toLowerCase().replace(BULLETS, "").replace(/:+$/, "");
}

/** Edits tolerated against a catalogue name of `length` code points. */
export function typoThreshold(length: number): number {
  if (length <= 3) return 0;
  return Math.max(1, Math.floor(length * 0.15));
}

/** Looser bound under which a name is offered as the nearest for an unknown label. */
function nearestThreshold(length: number): number {
  return Math.max(1, Math.floor(length * 0.4));
}

// ---------------------------------------------------------------------------------------------------------
// A generic matcher over named entries

interface Name {
  key: string;
  chars: Int32Array;
  digits: string;
  /** typoThreshold and nearestThreshold of its length. */
  tol: number;
  loose: number;
}

interface Entry<T> {
  target: T;
  names: Name[];
}

interface Lookup<T> {
  hit?: { target: T; exact: boolean };
  nearest?: T;
}

function name(text: string): Name {
  const key = matchKey(text);
  const chars = codePoints(key);
  return { key, chars, digits: digitsOf(key), tol: typoThreshold(chars.length), loose: nearestThreshold(chars.length) };
}

function digitsOf(key: string): string {
  return (key.match(/\d+/g) ?? []).join(",");
}

function entry<T>(target: T, labels: readonly (string | null | undefined)[]): Entry<T> {
  const seen = new Set<string>();
  const names: Name[] = [];
  for (const l of labels) {
    if (l === null || l === undefined) continue;
    const n = name(l);
    if (!n.key || seen.has(n.key)) continue;
    seen.add(n.key);
    names.push(n);
  }
  return { target, names };
}

/** The label without one trailing bracketed qualifier: `Top1%論文数(pj1~pj8)` → `Top1%論文数`. */
function withoutQualifier(key: string): string | undefined {
  if (!key.endsWith(")")) return undefined;
  let depth = 0;
  for (let i = key.length - 1; i >= 0; i--) {
    const c = key[i];
    if (c === ")") depth++;
    else if (c === "(" && --depth === 0) return i > 0 ? key.slice(0, i) : undefined;
  }
  return undefined;
}

const exactMaps = new WeakMap<readonly Entry<unknown>[], Map<string, unknown>>();

function lookup<T>(entries: readonly Entry<T>[], label: string, options: { typos?: boolean } = {}): Lookup<T> {
  const key = matchKey(label);
  if (!key) return {};

  // 1. Equal to a name (the first entry wins, in catalogue order).
  let exact = exactMaps.get(entries) as Map<string, T> | undefined;
  if (!exact) {
    exact = new Map();
    for (const e of entries) for (const n of e.names) if (!exact.has(n.key)) exact.set(n.key, e.target);
    exactMaps.set(entries, exact);
  }
  const equal = exact.get(key);
  if (equal !== undefined) return { hit: { target: equal, exact: true } };

  // 2. A name followed by a bracketed qualifier: the longest such name wins.
  let best: { target: T; len: number } | undefined;
  for (const e of entries) {
    for (const n of e.names) {
      if (
        key.length > n.key.length + 2 &&
        key.startsWith(n.key + "(") &&
        key.endsWith(")") &&
        (!best || n.key.length > best.len)
      ) {
        best = { target: e.target, len: n.key.length };
      }
    }
  }
  if (best) return { hit: { target: best.target, exact: true } };

  // 3. Near misses, on the label and on the label without its qualifier.
  const probes = [key];
  const base = withoutQualifier(key);
  if (base) probes.push(base);
  const probeChars = probes.map((p) => ({ chars: codePoints(p), digits: digitsOf(p), key: p }));
  const typos = options.typos !== false;

  let bestD = Infinity;
  let bestTargets: T[] = [];
  let near: { target: T; score: number } | undefined;
  for (const e of entries) {
    let eBest = Infinity;
    let eNear = Infinity;
    for (const n of e.names) {
      const tol = typos ? n.tol : 0;
      const loose = n.loose;
      for (const p of probeChars) {
        const d = editDistance(p.chars, n.chars, tol > loose ? tol : loose);
        if (tol > 0 && d <= tol && p.digits === n.digits && d < eBest) eBest = d;
        if (d <= loose && d < eNear) eNear = d;
        // Containment is a hint for the nearest, never a match.
        if (n.chars.length >= 2 && p.key.includes(n.key))
          eNear = Math.min(eNear, d <= loose ? d : 100 + p.chars.length - n.chars.length);
        else if (p.chars.length >= 2 && n.key.includes(p.key))
          eNear = Math.min(eNear, d <= loose ? d : 100 + n.chars.length - p.chars.length);
      }
    }
    if (eBest < bestD) {
      bestD = eBest;
      bestTargets = [e.target];
    } else if (eBest === bestD && eBest !== Infinity && !bestTargets.includes(e.target)) {
      bestTargets.push(e.target);
    }
    if (eNear !== Infinity && (!near || eNear < near.score)) near = { target: e.target, score: eNear };
  }
  if (bestTargets.length === 1) return { hit: { target: bestTargets[0], exact: false } };
  if (bestTargets.length > 1) return { nearest: bestTargets[0] };
  return near ? { nearest: near.target } : {};
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
  itemMemo: Map<string, ItemMatch>;
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

function catalogueIndex(cat: Catalogue): CatalogueIndex {
  let idx = catalogueIndexes.get(cat);
  if (!idx) {
    const byNumber = new Map<string, CatalogueIndicator>();
    for (const ind of cat.indicators) {
      const n = indicatorNumberKey(ind.number);
      if (!byNumber.has(n)) byNumber.set(n, ind);
    }
    idx = {
      indicators: cat.indicators.map((ind) => entry(ind, [ind.label, ...ind.aliases])),
      byNumber,
      memo: new Map(),
    };
    catalogueIndexes.set(cat, idx);
  }
  return idx;
}

function indicatorIndex(ind: CatalogueIndicator): IndicatorIndex {
  let idx = indicatorIndexes.get(ind);
  if (!idx) {
    const itemsByGroup = new Map<CatalogueGroup, Entry<ItemTarget>[]>();
    const items: Entry<ItemTarget>[] = [];
    for (const group of ind.groups) {
      const list = group.items.map((item) => entry({ group, item }, [item.label, ...item.aliases]));
      itemsByGroup.set(group, list);
      items.push(...list);
    }
    idx = {
      groups: ind.groups.map((g) => entry(g, [g.label, ...g.aliases])),
      items,
      itemsByGroup,
      groupMemo: new Map(),
      itemMemo: new Map(),
    };
    indicatorIndexes.set(ind, idx);
  }
  return idx;
}

function itemIndex(item: CatalogueItem): ItemIndex {
  let idx = itemIndexes.get(item);
  if (!idx) {
    idx = {
      subItems: (item.subItems?.items ?? []).map((s) => entry(s, [s.label, ...s.aliases])),
      shares: (item.shares ?? []).map((s) => entry(s, [s.label, ...s.aliases])),
      subMemo: new Map(),
      shareMemo: new Map(),
    };
    itemIndexes.set(item, idx);
  }
  return idx;
}

// ---------------------------------------------------------------------------------------------------------
// Public API

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
  if (idx.memo.has(label)) return idx.memo.get(label);
  const r = lookup(idx.indicators, label);
  const out: IndicatorMatch | undefined = r.hit
    ? r.hit.exact
      ? { indicator: r.hit.target, exact: true }
      : { indicator: r.hit.target, exact: false, suggestion: r.hit.target.label }
    : undefined;
  idx.memo.set(label, out);
  return out;
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
  if (idx.groupMemo.has(label)) return idx.groupMemo.get(label);
  const r = lookup(idx.groups, label);
  let out: GroupMatch | undefined;
  if (r.hit) {
    out = { group: r.hit.target, exact: r.hit.exact };
    if (!r.hit.exact) out.suggestion = r.hit.target.label ?? r.hit.target.aliases[0];
  }
  idx.groupMemo.set(label, out);
  return out;
}

/**
 * The item (項目) a label names, within `group` or, when group is undefined, within any group of the
 * indicator. Unknown labels come with the nearest catalogue item when one is close (from any group).
 */
export function matchItem(indicator: CatalogueIndicator, group: CatalogueGroup | undefined, label: string): ItemMatch {
  const idx = indicatorIndex(indicator);
  const groupEntries = group ? (idx.itemsByGroup.get(group) ?? groupByKey(idx, group.key)) : idx.items;
  const memoKey = `${group ? group.key : ""}\u0000${label}`;
  const cached = idx.itemMemo.get(memoKey);
  if (cached) return cached;

  let out: ItemMatch;
  const r = lookup(groupEntries ?? [], label);
  if (r.hit) {
    const { group: g, item } = r.hit.target;
    out = r.hit.exact ? { group: g, item, exact: true } : { group: g, item, exact: false, suggestion: item.label };
  } else {
    // Nearest across the whole indicator: an exact name in another group is the best hint.
    const all = group ? lookup(idx.items, label) : r;
    const t = all.hit?.target ?? r.nearest ?? all.nearest;
    out = t ? { unknown: true, nearest: { group: t.group, item: t.item, label: t.item.label } } : { unknown: true };
  }
  idx.itemMemo.set(memoKey, out);
  return out;
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
  const cached = idx.subMemo.get(label);
  if (cached) return cached;
  let out: SubItemMatch;
  const open = item.subItems?.openLabels === true;
  // Open lists take any label, so a near miss may be a different modality (中分子 vs 低分子): exact only.
  const r = lookup(idx.subItems, label, { typos: !open });
  if (r.hit) {
    out = r.hit.exact
      ? { subItem: r.hit.target, exact: true }
      : { subItem: r.hit.target, exact: false, suggestion: r.hit.target.label };
  } else if (open && matchKey(label) !== "") {
    const written = label.trim();
    out = { subItem: { key: matchKey(label), label: written, aliases: [] }, exact: true, open: true };
  } else {
    out = r.nearest ? { unknown: true, nearest: { subItem: r.nearest, label: r.nearest.label } } : { unknown: true };
  }
  idx.subMemo.set(label, out);
  return out;
}

/** A share label of a percentages item (`男`, `女性`, `その他`); undefined when it is not one. */
export function matchShare(item: CatalogueItem, label: string): ShareMatch | undefined {
  const idx = itemIndex(item);
  if (idx.shareMemo.has(label)) return idx.shareMemo.get(label);
  const r = lookup(idx.shares, label);
  const out: ShareMatch | undefined = r.hit
    ? r.hit.exact
      ? { share: r.hit.target, exact: true }
      : { share: r.hit.target, exact: false, suggestion: r.hit.target.label }
    : undefined;
  idx.shareMemo.set(label, out);
  return out;
}
