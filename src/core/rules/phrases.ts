/**
 * Phrases more than one rule's messages use, filled like messages ({placeholders}); a rule's own phrases are in
 * its meta.phrases. A finding names one with a `{ phrase, data }` datum (./message.ts).
 */
export const SHARED_PHRASES = {
  /** A row of the 指標 table named by its number. */
  indicator: { ja: "指標{number}", en: "indicator {number}" },
  /** A blank cell among the parts of a sum. */
  blank: { ja: "空欄", en: "blank" },
  /** Many parts of a sum, counted instead of listed. */
  sumOfRows: { ja: "{count}行の合計", en: "sum of {count} rows" },
} as const;

export type SharedPhraseId = keyof typeof SHARED_PHRASES;
