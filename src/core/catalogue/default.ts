// PLACEHOLDER until the catalogue data lands.
import { CatalogueSchema, type Catalogue } from "./schema";

export const defaultCatalogue: Catalogue = CatalogueSchema.parse({
  version: "placeholder",
  indicators: [{ number: "0", label: "placeholder", rollup: "additive", groups: [{ key: "g", label: null, relation: "partial", items: [{ key: "i", label: "i" }] }] }],
});
