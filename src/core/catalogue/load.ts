/**
 * Loading and merging catalogues: zod validation with messages that name the path inside the document
 * (./issues.ts), plus the consistency checks zod cannot express. Each problem is a CatalogueIssue (path, message
 * id of ./messages.ts and its data, rendered in either language by the report); whoever read the document turns
 * the path into a place the user can find: a line of a YAML/JSON file (src/cli/catalogue-file.ts) or a cell of a
 * workbook's Kensa_指標一覧 sheet (./sheet.ts).
 *
 * Browser-safe and pure: the YAML parser is the CLI's business.
 */
import {
  CatalogueFileSchema,
  CatalogueOverrideSchema,
  CatalogueSchema,
  type Catalogue,
  type CatalogueIndicator,
  type CatalogueMode,
  type CatalogueOverride,
} from "./schema";
import { indicatorNumberKey } from "../values/indicator-number";
import { formatPath, zodIssues, type CatalogueIssue, type CataloguePath } from "./issues";
import type { CatalogueData } from "./messages";
import { matchKey } from "./match";

export { formatPath, zodIssues, type CatalogueIssue, type CataloguePath } from "./issues";
export { CatalogueFileSchema, CatalogueOverrideSchema, type CatalogueMode, type CatalogueOverride } from "./schema";

export type ParseResult = { ok: true; catalogue: Catalogue } | { ok: false; issues: CatalogueIssue[] };

export type OverrideParseResult = { ok: true; override: CatalogueOverride } | { ok: false; issues: CatalogueIssue[] };

const PARSE = { reportInput: true } as const;

function failure(issues: CatalogueIssue[]): { ok: false; issues: CatalogueIssue[] } {
  return { ok: false, issues };
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

/** Parses and checks a catalogue (e.g. the JSON of indicators.json). */
export function parseCatalogue(json: unknown): ParseResult {
  const r = CatalogueSchema.safeParse(json, PARSE);
  if (!r.success) return failure(zodIssues(r.error));
  const issues = checkIndicators(r.data.indicators, true);
  return issues.length > 0 ? failure(issues) : { ok: true, catalogue: r.data };
}

/** Parses an override: like a catalogue, with version optional and possibly no indicators. */
export function parseCatalogueOverride(json: unknown): OverrideParseResult {
  const r = CatalogueOverrideSchema.safeParse(json, PARSE);
  if (!r.success) return failure(zodIssues(r.error));
  const issues = checkIndicators(r.data.indicators, false);
  return issues.length > 0 ? failure(issues) : { ok: true, override: r.data };
}

/** What a catalogue file or sheet changed in the catalogue it was applied to, by 番号. */
export interface CatalogueChanges {
  added: string[];
  replaced: string[];
  /** Given again exactly as they were (nothing changed). */
  unchanged: string[];
  /** mode: replace: the indicators of the catalogue in force that are no longer there. */
  removed: string[];
}

export type DocumentParseResult =
  | { ok: true; catalogue: Catalogue; mode: CatalogueMode; changes: CatalogueChanges }
  | { ok: false; issues: CatalogueIssue[] };

/**
 * A catalogue document (the data of a YAML or JSON file): `{ mode?, version?, indicators }`, applied to `base`
 * (the built-in catalogue): extended (the default) or replaced.
 */
export function parseCatalogueDocument(json: unknown, base: Catalogue): DocumentParseResult {
  const r = CatalogueFileSchema.safeParse(json, PARSE);
  if (!r.success) return failure(zodIssues(r.error));
  const { mode, version, indicators } = r.data;
  const issues = checkIndicators(indicators, mode === "replace");
  if (issues.length > 0) return failure(issues);
  if (mode === "replace") {
    const catalogue: Catalogue = { version: version ?? "custom", indicators };
    const changes = changesOf(base, indicators);
    const kept = new Set(indicators.map((i) => indicatorNumberKey(i.number)));
    changes.removed = base.indicators.filter((i) => !kept.has(indicatorNumberKey(i.number))).map((i) => i.number);
    return { ok: true, catalogue, mode, changes };
  }
  return {
    ok: true,
    catalogue: mergeCatalogue(base, { version, indicators }),
    mode,
    changes: changesOf(base, indicators),
  };
}

/** Which of `indicators` add to `base`, replace one of its indicators, or repeat one unchanged. */
export function changesOf(base: Catalogue, indicators: readonly CatalogueIndicator[]): CatalogueChanges {
  const byNumber = new Map(base.indicators.map((i) => [indicatorNumberKey(i.number), i]));
  const out: CatalogueChanges = { added: [], replaced: [], unchanged: [], removed: [] };
  for (const ind of indicators) {
    const old = byNumber.get(indicatorNumberKey(ind.number));
    if (!old) out.added.push(ind.number);
    else if (sameIndicator(old, ind)) out.unchanged.push(ind.number);
    else out.replaced.push(ind.number);
  }
  return out;
}

/** Two indicators define the same thing (deep equality of their data). */
export function sameIndicator(a: CatalogueIndicator, b: CatalogueIndicator): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .filter(([, y]) => y !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : x,
  );
}

/**
 * The base catalogue with the override's indicators replacing those of the same 番号 (in place) and the
 * others appended. Neither input is modified; untouched indicators are shared (their match indexes too).
 */
export function mergeCatalogue(base: Catalogue, override: CatalogueOverride | Catalogue): Catalogue {
  const replacements = new Map<string, CatalogueIndicator>();
  for (const ind of override.indicators) replacements.set(indicatorNumberKey(ind.number), ind);
  const used = new Set<string>();
  const indicators = base.indicators.map((ind) => {
    const n = indicatorNumberKey(ind.number);
    const r = replacements.get(n);
    if (!r) return ind;
    used.add(n);
    return r;
  });
  for (const [n, ind] of replacements) if (!used.has(n)) indicators.push(ind);
  return { version: override.version ?? base.version, indicators };
}

// ---------------------------------------------------------------------------------------------------------
// Consistency

/** Checks beyond the schema: unique numbers and keys, totalItemKey present, no label naming two items. */
export function checkIndicators(indicators: readonly CatalogueIndicator[], requireOne: boolean): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const add = (path: CataloguePath, id: CatalogueIssue["id"], data?: CatalogueData, other?: CataloguePath) =>
    issues.push({ path, id, ...(data ? { data } : {}), ...(other ? { other } : {}) });
  if (requireOne && indicators.length === 0) add(["indicators"], "noIndicators");
  const numbers = new Map<string, number>();
  indicators.forEach((ind, i) => {
    const at = ["indicators", i];
    const n = indicatorNumberKey(ind.number);
    const prev = numbers.get(n);
    if (prev !== undefined) add([...at, "number"], "duplicateNumber", { number: ind.number }, ["indicators", prev]);
    else numbers.set(n, i);

    const groupKeys = new Map<string, number>();
    const unnamed = ind.groups.filter((g) => g.label === null).length;
    if (unnamed > 0 && ind.groups.length > 1) {
      add([...at, "groups"], "unnamedGroup");
    }
    const groupNames = new Map<string, CataloguePath>();
    const itemNames = new Map<string, CataloguePath>();
    let hasTotalItem = false;
    ind.groups.forEach((g, gi) => {
      const gat = [...at, "groups", gi];
      const pg = groupKeys.get(g.key);
      if (pg !== undefined) add([...gat, "key"], "duplicateKey", { key: g.key }, [...at, "groups", pg]);
      else groupKeys.set(g.key, gi);
      for (const l of [g.label, ...g.aliases]) {
        if (l === null) continue;
        const k = matchKey(l);
        const other = groupNames.get(k);
        if (other !== undefined && formatPath(other) !== formatPath(gat)) add(gat, "duplicateName", { name: l }, other);
        else groupNames.set(k, gat);
      }
      const itemKeys = new Map<string, number>();
      g.items.forEach((it, ii) => {
        const iat = [...gat, "items", ii];
        const pi = itemKeys.get(it.key);
        if (pi !== undefined) add([...iat, "key"], "duplicateKey", { key: it.key }, [...gat, "items", pi]);
        else itemKeys.set(it.key, ii);
        if (it.key === ind.totalItemKey) hasTotalItem = true;
        // Within a group two items must not share a name; across groups they may (each group is matched alone).
        for (const l of [it.label, ...it.aliases]) {
          const k = `${g.key}\u0000${matchKey(l)}`;
          const other = itemNames.get(k);
          if (other !== undefined && formatPath(other) !== formatPath(iat))
            add(iat, "duplicateName", { name: l }, other);
          else itemNames.set(k, iat);
        }
        const subs = it.subItems?.items ?? [];
        const subKeys = new Set<string>();
        subs.forEach((s, si) => {
          const sat = [...iat, "subItems", "items", si];
          if (!s.key) add([...sat, "key"], "empty");
          else if (subKeys.has(s.key)) add([...sat, "key"], "keyTwice", { key: s.key });
          subKeys.add(s.key);
          if (!s.label.trim()) add([...sat, "label"], "empty");
        });
        if (it.subItems && subs.length === 0 && !it.subItems.openLabels) {
          add([...iat, "subItems", "items"], "noSubItems");
        }
        // Shares (男 / 女 / その他): checked for summing to 100 in a percentages group only; keys and names unique.
        if (it.shares) {
          if (g.relation !== "percentages") add([...iat, "shares"], "sharesOutsidePercentages");
          const shareKeys = new Set<string>();
          const shareNames = new Map<string, CataloguePath>();
          it.shares.forEach((sh, si) => {
            const sat = [...iat, "shares", si];
            if (shareKeys.has(sh.key)) add([...sat, "key"], "keyTwice", { key: sh.key });
            shareKeys.add(sh.key);
            for (const l of [sh.label, ...sh.aliases]) {
              const k = matchKey(l);
              const other = shareNames.get(k);
              if (other !== undefined && formatPath(other) !== formatPath(sat))
                add(sat, "duplicateName", { name: l }, other);
              else shareNames.set(k, sat);
            }
          });
        }
      });
    });
    // A share's name must not name an item of the indicator too: a 項目 with that text is read as the item.
    const itemKeys = new Set(
      ind.groups.flatMap((g) => g.items.flatMap((it) => [it.label, ...it.aliases].map(matchKey))),
    );
    ind.groups.forEach((g, gi) =>
      g.items.forEach((it, ii) =>
        it.shares?.forEach((sh, si) => {
          for (const l of [sh.label, ...sh.aliases]) {
            if (itemKeys.has(matchKey(l)))
              add([...at, "groups", gi, "items", ii, "shares", si], "shareNamesItem", { name: l });
          }
        }),
      ),
    );
    if (ind.totalItemKey !== undefined && !hasTotalItem) {
      add([...at, "totalItemKey"], "totalItemMissing", { item: ind.totalItemKey });
    }
  });
  return issues;
}
