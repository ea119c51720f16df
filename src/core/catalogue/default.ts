/**
 * The standard monitoring indicators (DOMAIN §3.4), from indicators.json. Validated at test time, not at every
 * start (test/core/catalogue-builtin.test.ts: the zod schema accepts it and gives it back unchanged), so a
 * start-up costs no schema pass over the catalogue.
 */
import data from "./indicators.json";
import type { Catalogue } from "./schema";

export const defaultCatalogue: Catalogue = data as Catalogue;
