/** The sheet kinds (DOMAIN §3): what every layer names a recognised sheet by. */

export type SheetKind = "inhouse-budget" | "budget-breakdown" | "output-indicators" | "monitoring";

export const SHEET_KINDS: readonly SheetKind[] = [
  "inhouse-budget",
  "budget-breakdown",
  "output-indicators",
  "monitoring",
];

/** Display names users see (Japanese first). */
export const KIND_TITLES: Record<SheetKind, { ja: string; en: string }> = {
  "inhouse-budget": { ja: "インハウス予算", en: "In-house budget" },
  "budget-breakdown": { ja: "予算内訳", en: "Budget breakdown" },
  "output-indicators": { ja: "アウトプット指標", en: "Output indicators" },
  monitoring: { ja: "モニタリング", en: "Monitoring" },
};
