/**
 * Loading and merging catalogues: zod validation with Japanese messages that name the path
 * (「indicators[2].groups[0].relation: …」), plus the consistency checks zod cannot express.
 */
import { z } from "zod";
import { CatalogueSchema, IndicatorSchema, type Catalogue, type CatalogueIndicator } from "./schema";
import { matchKey, normalizeNumber } from "./match";

export type ParseResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: string[] };

/** A workbook's override: indicators to replace (same 番号) or add; version optional. */
export const CatalogueOverrideSchema = z.object({
  version: z.string().optional(),
  indicators: z.array(IndicatorSchema),
});
export type CatalogueOverride = z.infer<typeof CatalogueOverrideSchema>;
export type OverrideParseResult = { ok: true; override: CatalogueOverride } | { ok: false; errors: string[] };

const jaLocale = z.locales.ja();

/** zod error map: plain Japanese for the common cases, zod's Japanese locale for the rest. */
const jaError = (issue: Parameters<NonNullable<typeof jaLocale.localeError>>[0]): string | undefined => {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined) return "必須の項目がありません";
  if (issue.code === "invalid_type" && issue.input === null && issue.expected !== "null") return "null は使えません";
  const r = jaLocale.localeError(issue);
  return typeof r === "string" ? r : r?.message;
};

/** `indicators[2].groups[0].relation` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += (out ? "." : "") + String(p);
  }
  return out || "（ルート）";
}

function zodErrors(error: z.ZodError): string[] {
  return error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** Parses and checks a catalogue (e.g. the JSON of indicators.json or of a workbook's override). */
export function parseCatalogue(json: unknown): ParseResult {
  const r = CatalogueSchema.safeParse(json, { error: jaError });
  if (!r.success) return { ok: false, errors: zodErrors(r.error) };
  const errors = checkIndicators(r.data.indicators, true);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalogue: r.data };
}

/** Parses an override: like a catalogue, with version optional and possibly no indicators. */
export function parseCatalogueOverride(json: unknown): OverrideParseResult {
  const r = CatalogueOverrideSchema.safeParse(json, { error: jaError });
  if (!r.success) return { ok: false, errors: zodErrors(r.error) };
  const errors = checkIndicators(r.data.indicators, false);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, override: r.data };
}

/**
 * The base catalogue with the override's indicators replacing those of the same 番号 (in place) and the
 * others appended. Neither input is modified; untouched indicators are shared (their match indexes too).
 */
export function mergeCatalogue(base: Catalogue, override: CatalogueOverride | Catalogue): Catalogue {
  const replacements = new Map<string, CatalogueIndicator>();
  for (const ind of override.indicators) replacements.set(normalizeNumber(ind.number), ind);
  const used = new Set<string>();
  const indicators = base.indicators.map((ind) => {
    const n = normalizeNumber(ind.number);
    const r = replacements.get(n);
    if (!r) return ind;
    used.add(n);
    return r;
  });
  for (const [n, ind] of replacements) if (!used.has(n)) indicators.push(ind);
  return { version: override.version ?? base.version, indicators };
}

/** Checks beyond the schema: unique numbers and keys, totalItemKey present, no label naming two items. */
function checkIndicators(indicators: readonly CatalogueIndicator[], requireOne: boolean): string[] {
  const errors: string[] = [];
  if (requireOne && indicators.length === 0) errors.push("indicators: 指標が1つもありません");
  const numbers = new Map<string, number>();
  indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`;
    const n = normalizeNumber(ind.number);
    const prev = numbers.get(n);
    if (prev !== undefined) errors.push(`${at}.number: 番号「${ind.number}」が indicators[${prev}] と重複しています`);
    else numbers.set(n, i);

    const groupKeys = new Map<string, number>();
    const unnamed = ind.groups.filter((g) => g.label === null).length;
    if (unnamed > 0 && ind.groups.length > 1) {
      errors.push(`${at}.groups: 名前のない内訳（label: null）は、内訳が1つだけの指標にしか使えません`);
    }
    const groupNames = new Map<string, string>();
    const itemNames = new Map<string, string>();
    let hasTotalItem = false;
    ind.groups.forEach((g, gi) => {
      const gat = `${at}.groups[${gi}]`;
      const pg = groupKeys.get(g.key);
      if (pg !== undefined) errors.push(`${gat}.key: キー「${g.key}」が groups[${pg}] と重複しています`);
      else groupKeys.set(g.key, gi);
      for (const l of [g.label, ...g.aliases]) {
        if (l === null) continue;
        const k = matchKey(l);
        const other = groupNames.get(k);
        if (other !== undefined && other !== gat) errors.push(`${gat}: 名称「${l}」が ${other} と重複しています`);
        else groupNames.set(k, gat);
      }
      const itemKeys = new Map<string, number>();
      g.items.forEach((it, ii) => {
        const iat = `${gat}.items[${ii}]`;
        const pi = itemKeys.get(it.key);
        if (pi !== undefined) errors.push(`${iat}.key: キー「${it.key}」が items[${pi}] と重複しています`);
        else itemKeys.set(it.key, ii);
        if (it.key === ind.totalItemKey) hasTotalItem = true;
        // Within a group two items must not share a name; across groups they may (each group is matched alone).
        for (const l of [it.label, ...it.aliases]) {
          const k = `${g.key}\u0000${matchKey(l)}`;
          const other = itemNames.get(k);
          if (other !== undefined && other !== iat) errors.push(`${iat}: 名称「${l}」が ${other} と重複しています`);
          else itemNames.set(k, iat);
        }
        const subs = it.subItems?.items ?? [];
        const subKeys = new Set<string>();
        subs.forEach((s, si) => {
          if (!s.key) errors.push(`${iat}.subItems.items[${si}].key: 空のキーは使えません`);
          else if (subKeys.has(s.key)) errors.push(`${iat}.subItems.items[${si}].key: キー「${s.key}」が重複しています`);
          subKeys.add(s.key);
          if (!s.label.trim()) errors.push(`${iat}.subItems.items[${si}].label: 名称が空です`);
        });
        if (it.subItems && subs.length === 0 && !it.subItems.openLabels) {
          errors.push(`${iat}.subItems.items: 細目がありません（任意の名称を認める場合は openLabels: true）`);
        }
        // Shares (男 / 女 / その他): checked for summing to 100 in a percentages group only; keys and names unique.
        if (it.shares) {
          if (g.relation !== "percentages") errors.push(`${iat}.shares: 割合の区分は relation が "percentages" の内訳の項目にしか使えません`);
          const shareKeys = new Set<string>();
          const shareNames = new Map<string, string>();
          it.shares.forEach((sh, si) => {
            const sat = `${iat}.shares[${si}]`;
            if (shareKeys.has(sh.key)) errors.push(`${sat}.key: キー「${sh.key}」が重複しています`);
            shareKeys.add(sh.key);
            for (const l of [sh.label, ...sh.aliases]) {
              const k = matchKey(l);
              const other = shareNames.get(k);
              if (other !== undefined && other !== sat) errors.push(`${sat}: 名称「${l}」が ${other} と重複しています`);
              else shareNames.set(k, sat);
            }
          });
        }
      });
    });
    // A share's name must not name an item of the indicator too: a 項目 with that text is read as the item.
    const itemKeys = new Set(ind.groups.flatMap((g) => g.items.flatMap((it) => [it.label, ...it.aliases].map(matchKey))));
    ind.groups.forEach((g, gi) =>
      g.items.forEach((it, ii) =>
        it.shares?.forEach((sh, si) => {
          for (const l of [sh.label, ...sh.aliases]) {
            if (itemKeys.has(matchKey(l))) errors.push(`${at}.groups[${gi}].items[${ii}].shares[${si}]: 名称「${l}」がこの指標の項目名と同じです`);
          }
        }),
      ),
    );
    if (ind.totalItemKey !== undefined && !hasTotalItem) {
      errors.push(`${at}.totalItemKey: 項目「${ind.totalItemKey}」がこの指標にありません`);
    }
  });
  return errors;
}
