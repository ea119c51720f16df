/**
 * The monitoring-indicator catalogue (DOMAIN §3.4) as data, validated by zod. Objects are strict: a key the
 * schema does not know (`alias:` for `aliases:`) is an error, never silently dropped, because catalogues also
 * come from users (kensa check --catalogue FILE, a workbook's Kensa_指標一覧 sheet).
 *
 * Every schema of Kensa is built on first use (lazySchema), and `z` is touched only then: the CLI bundle
 * (esbuild.cli.mjs) loads zod by the first such touch. Loading zod and building the schemas cost some 40 ms of a
 * `kensa check` that, on most workbooks, validates nothing (issue 13). The static import stays for the browser
 * build, which keeps only the parts of zod used.
 */
import { z } from "zod";

/**
 * A schema built by its first use. The value stands for the schema (a Proxy forwarding to it once built), so
 * importers use it as the schema itself: `.safeParse`, `.optional()`, `z.infer<typeof …>`.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const target = (): T => (schema ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key) as unknown,
    has: (_, key) => Reflect.has(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      return d && { ...d, configurable: true }; // the empty stand-in holds none of them: a Proxy's invariant
    },
  });
}

/** Schemas that nest, built together by the first use of any of them: `export const { A, B } = lazySchemas(…)`. */
export function lazySchemas<S extends Record<string, object>>(build: () => S): S {
  let built: S | undefined;
  return new Proxy({} as S, {
    get: (_, key) => lazySchema(() => (built ??= build())[key as keyof S]),
  });
}

/** The catalogue's schemas. */
function catalogueSchemas() {
  /** A label or key: a string; YAML's `8` or `2025` (a number) is read as its text. */
  const text = () => z.union([z.string(), z.number()]).transform(String);

  const ItemSchema = z.strictObject({
    /** Stable key, e.g. "licence". */
    key: z.string().min(1),
    /** Canonical label as the seeds print it. */
    label: z.string().min(1),
    /** Other accepted spellings (short forms, older wording). Typos are not listed: matching tolerates them. */
    aliases: z.array(z.string()).default([]),
    /** The item carries a うち (of which) figure: "医師主導治験…（うち国際共同治験数）". */
    ofWhichLabel: z.string().optional(),
    /** Named sub-items (細目) that must sum to the item: 医療機器 → 治療用 / 診断用. */
    subItems: z
      .strictObject({
        relation: z.literal("exhaustive"),
        /**
         * The list is open-ended (医薬品 by modality): any 細目 label is accepted, the listed ones are only the
         * known spellings. Unlisted labels match as themselves (key = the normalised label).
         */
        openLabels: z.boolean().optional(),
        items: z.array(
          z.strictObject({ key: z.string(), label: z.string(), aliases: z.array(z.string()).default([]) }),
        ),
      })
      .optional(),
    /** The item may be left out of a sheet (indicator 6's Top1%論文数, usually written in 指標値 instead). */
    optional: z.boolean().optional(),
    /** The item's value is a list of labelled percentage shares (indicator 7: 男 / 女 / その他). */
    shares: z
      .array(
        z.strictObject({ key: z.string().min(1), label: z.string().min(1), aliases: z.array(z.string()).default([]) }),
      )
      .optional(),
  });

  const GroupSchema = z.strictObject({
    key: z.string().min(1),
    /** Group label as written in 内訳; null for an indicator's single unnamed group. */
    label: z.string().nullable(),
    aliases: z.array(z.string()).default([]),
    relation: z.enum(["exhaustive", "partial", "independent", "ordered", "percentages"]),
    items: z.array(ItemSchema).min(1),
  });

  const IndicatorSchema = z.strictObject({
    /** 番号 on the monitoring sheets: "1" … "7" (a number in a YAML file is taken as its text). */
    number: text().pipe(z.string().min(1)),
    label: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    /** How 全体 relates to the PJ sheets, per item (DOMAIN §3.4). */
    rollup: z.enum(["additive", "deduplicated", "share-bounds"]),
    /** 指標値 is `—` and the groups are compared with each other instead (indicators 4, 5, 7). */
    noTotal: z.boolean().default(false),
    /** Indicator 6: 指標値 holds this labelled figure ("Top1%論文数"); an item with this key must equal it. */
    totalItemKey: z.string().optional(),
    groups: z.array(GroupSchema).min(1),
  });

  const CatalogueSchema = z.strictObject({
    version: z.string(),
    indicators: z.array(IndicatorSchema).min(1),
  });

  /** A workbook's or a file's override: indicators to replace (same 番号) or add; version optional. */
  const CatalogueOverrideSchema = z.strictObject({
    version: z.string().optional(),
    indicators: z.array(IndicatorSchema),
  });

  /**
   * A catalogue file (kensa check --catalogue FILE): `mode: extend` (the default) replaces the indicators of the
   * same 番号 and adds the others to the catalogue in force; `mode: replace` is a whole catalogue on its own.
   */
  const CatalogueFileSchema = z.strictObject({
    mode: z.enum(["extend", "replace"]).default("extend"),
    version: z.string().optional(),
    indicators: z.array(IndicatorSchema),
  });
  return { ItemSchema, GroupSchema, IndicatorSchema, CatalogueSchema, CatalogueOverrideSchema, CatalogueFileSchema };
}

export const { CatalogueSchema, CatalogueOverrideSchema, CatalogueFileSchema } = lazySchemas(catalogueSchemas);

type Built = ReturnType<typeof catalogueSchemas>;
export type CatalogueItem = z.infer<Built["ItemSchema"]>;
export type CatalogueGroup = z.infer<Built["GroupSchema"]>;
export type CatalogueIndicator = z.infer<Built["IndicatorSchema"]>;
export type Catalogue = z.infer<typeof CatalogueSchema>;
export type CatalogueOverride = z.infer<typeof CatalogueOverrideSchema>;
export type CatalogueMode = "extend" | "replace";
