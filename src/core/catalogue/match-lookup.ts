/**
 * The matcher behind ./match.ts: a label's matching key, and one lookup of a label among named entries (equal,
 * a name with a bracketed qualifier, or a near miss within the typo tolerance), as ./match.ts documents it.
 */
import { codePoints, editDistance } from "../values/edit-distance";
import { normalizeLabel } from "../values/normalize";

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

export interface Entry<T> {
  target: T;
  names: Name[];
}

export interface Lookup<T> {
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

export function entry<T>(target: T, labels: readonly (string | null | undefined)[]): Entry<T> {
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

export function lookup<T>(entries: readonly Entry<T>[], label: string, options: { typos?: boolean } = {}): Lookup<T> {
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
