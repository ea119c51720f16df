/**
 * Matching a header block's columns against a kind's column labels (DOMAIN §2), with each label and header text
 * normalised once: header detection tries some ninety blocks per sheet against every kind.
 */
import { normalizeLabel } from "../../values/normalize";
import type { ColumnSpec, KindSpec } from "../kinds";

export interface HeaderColumn {
  col: number;
  /** Labels from the top of the block down, consecutive repeats (vertical merges) removed. */
  path: string[];
  /** Texts to match, most specific reading first (shared between columns with the same label: read only). */
  candidates: readonly string[];
  hidden: boolean;
}

export interface HeaderBlock {
  top: number;
  bottom: number;
  columns: HeaderColumn[];
}

export interface KindMatch {
  spec: KindSpec;
  /** Key → chosen columns (visible before hidden; one unless the key repeats). */
  columns: Record<string, number[]>;
  /** The text that matched, per chosen column. */
  labels: Map<number, string>;
  /** Hidden columns whose label repeats a visible column's: working columns, not read. */
  hiddenDuplicates: { key: string; hidden: number; visible: number }[];
  /** Required labels the block lacks (empty for a full match). */
  missing: string[];
  /** Required labels found. */
  requiredFound: number;
  score: number;
}

/** Each spec's labels, normalised once (matchesLabel would normalise them on every comparison). */
const SPEC_LABELS = new WeakMap<ColumnSpec, string[]>();

/** matchesLabel(text, l) for some label l of the spec, on the text already normalised. */
function specMatches(spec: ColumnSpec, normalized: string): boolean {
  if (spec.matches) return spec.matches(normalized);
  let labels = SPEC_LABELS.get(spec);
  if (!labels) SPEC_LABELS.set(spec, (labels = spec.labels.map(normalizeLabel)));
  for (const want of labels) {
    if (normalized === want) return true;
    // the label with a bracketed qualifier: `予算額(億円)`
    if (normalized.endsWith(")") && normalized.startsWith(want) && normalized.charCodeAt(want.length) === 40)
      return true;
  }
  return false;
}

/** Per kind: the column spec each normalised header text matches (null: none). Header texts repeat across blocks. */
const SPEC_OF_TEXT = new WeakMap<KindSpec, Map<string, ColumnSpec | null>>();

export function columnSpecOf(spec: KindSpec, normalized: string): ColumnSpec | undefined {
  let known = SPEC_OF_TEXT.get(spec);
  if (!known) SPEC_OF_TEXT.set(spec, (known = new Map<string, ColumnSpec | null>()));
  let found = known.get(normalized);
  if (found === undefined) {
    if (known.size >= 4096) known.clear(); // bounded across a batch of files
    found = spec.columns.find((cs) => specMatches(cs, normalized)) ?? null;
    known.set(normalized, found);
  }
  return found ?? undefined;
}

/** A label without its bracketed qualifiers, to tell a hidden working copy (`健康・医療関係（百万円）`) of a column. */
function bareLabel(text: string): string {
  return normalizeLabel(text).replace(/\([^()]*\)/g, "");
}

/**
 * How directly a column carries a label, for a key several columns match: its own label (0), the parent
 * with the child as a qualifier (1), or a parent over per-year children (2: under 「実績」 over R6 / R7 / 累計,
 * 累計 is the 実績 column, the years are per-year columns).
 */
function readingRank(column: HeaderColumn, index: number): number {
  if (index === 0 || column.path.length === 1) return 0;
  return /\d/.test(column.path[column.path.length - 1].normalize("NFKC")) ? 2 : 1;
}

/** Every column a match chose, for any key (a loop: Array.prototype.flat is slow for this many small arrays). */
export function matchedColumns(match: Pick<KindMatch, "columns">): Set<number> {
  const out = new Set<number>();
  for (const key in match.columns) for (const col of match.columns[key]) out.add(col);
  return out;
}

/** A column whose label matches a key, with how directly (readingRank). */
interface Found {
  col: number;
  text: string;
  hidden: boolean;
  rank: number;
}

/** How well a block carries a kind's labels. */
export function matchKind(block: HeaderBlock, spec: KindSpec): KindMatch {
  const byKey = new Map<string, Found[]>();
  for (const column of block.columns) {
    let hit: { key: string; text: string; rank: number } | undefined;
    for (let i = 0; i < column.candidates.length && !hit; i++) {
      const text = column.candidates[i];
      const s = columnSpecOf(spec, normalizeLabel(text));
      if (s) hit = { key: s.key, text, rank: readingRank(column, i) };
    }
    if (!hit) continue;
    let list = byKey.get(hit.key);
    if (!list) byKey.set(hit.key, (list = []));
    list.push({ col: column.col, text: hit.text, hidden: column.hidden, rank: hit.rank });
  }
  const columns: Record<string, number[]> = {};
  const labels = new Map<number, string>();
  const hiddenDuplicates: KindMatch["hiddenDuplicates"] = [];
  const missing: string[] = [];
  let requiredFound = 0;
  for (const cs of spec.columns) {
    const found = byKey.get(cs.key);
    if (found === undefined) {
      // Most of a kind's keys are not in a block tried for it: nothing to choose.
      if (cs.required) missing.push(cs.title ?? cs.labels[0] ?? cs.key);
      continue;
    }
    // The common case first: one visible column, which the key takes whatever its rank.
    const chosen = found.length === 1 && !found[0].hidden ? found : choose(cs, found, hiddenDuplicates);
    if (chosen.length) {
      columns[cs.key] = chosen.map((f) => f.col);
      for (const f of chosen) labels.set(f.col, f.text);
      if (cs.required) requiredFound++;
    } else if (cs.required) {
      missing.push(cs.title ?? cs.labels[0] ?? cs.key);
    }
  }
  return { spec, columns, labels, hiddenDuplicates, missing, requiredFound, score: Object.keys(columns).length };
}

/** The columns a key takes among those whose label it matches: visible before hidden, a hidden twin set aside. */
function choose(cs: ColumnSpec, found: Found[], hiddenDuplicates: KindMatch["hiddenDuplicates"]): Found[] {
  let chosen: Found[];
  const visible = found.filter((f) => !f.hidden);
  const hidden = found.filter((f) => f.hidden);
  if (cs.repeated) {
    const seen = new Map(visible.map((v) => [bareLabel(v.text), v.col]));
    chosen = [...visible];
    for (const h of hidden) {
      const twin = seen.get(bareLabel(h.text));
      if (twin !== undefined) hiddenDuplicates.push({ key: cs.key, hidden: h.col, visible: twin });
      else chosen.push(h);
    }
    chosen.sort((a, b) => a.col - b.col);
  } else {
    const best = (list: Found[]) =>
      list.reduce<Found | undefined>((a, b) => (!a || b.rank < a.rank ? b : a), undefined);
    const pick = best(visible) ?? best(hidden);
    chosen = pick ? [pick] : [];
    if (visible.length && pick)
      for (const h of hidden) hiddenDuplicates.push({ key: cs.key, hidden: h.col, visible: pick.col });
  }
  return chosen;
}
