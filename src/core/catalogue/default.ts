/** The standard monitoring indicators (DOMAIN §3.4), from indicators.json, validated at module load. */
import data from "./indicators.json";
import { parseCatalogue } from "./load";
import type { Catalogue } from "./schema";

function load(): Catalogue {
  const r = parseCatalogue(data);
  if (!r.ok) throw new Error(`組み込みカタログ indicators.json が不正です:\n${r.errors.join("\n")}`);
  return r.catalogue;
}

export const defaultCatalogue: Catalogue = load();
