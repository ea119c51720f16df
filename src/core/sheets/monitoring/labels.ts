/** Short display names for indicators, groups, items and 細目 in messages ("実施許諾", "導出形態別"). */
import type { MonGroup, MonIndicator, MonItem, MonSubItem } from "./types";

/** The shortest of a catalogue label and its aliases (ties: the first), at least two characters long. */
export function shortest(names: readonly (string | null | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const n of names) {
    if (!n || [...n].length < 2) continue;
    if (best === undefined || [...n].length < [...best].length) best = n;
  }
  return best;
}

const shortNames = new WeakMap<object, string | undefined>();

/** The shortest name of a catalogue entry, computed once per entry. */
export function shortName(entry: { label: string | null; aliases?: string[] } | undefined): string | undefined {
  if (!entry) return undefined;
  if (shortNames.has(entry)) return shortNames.get(entry);
  const s = shortest([entry.label, ...(entry.aliases ?? [])]);
  shortNames.set(entry, s);
  return s;
}

export function indicatorLabel(ind: MonIndicator): string {
  return shortName(ind.catalogue) ?? (ind.label || ind.number);
}

export function groupLabel(g: MonGroup): string {
  return shortName(g.catalogueGroup) ?? g.label ?? "内訳";
}

export function itemLabel(it: MonItem): string {
  return shortName(it.catalogueItem) ?? (it.label || "（項目名なし）");
}

export function subItemLabel(s: MonSubItem): string {
  return s.canonical ?? s.label ?? "（名称なし）";
}
