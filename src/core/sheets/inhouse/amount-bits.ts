/**
 * The one integer field of a money-cell object (InhouseAmount, BreakdownAmount): its flags, the decimals of its
 * figure and its column's index. Kept within 2³⁰ so that V8 stores it as a small integer in the object itself: a
 * field past that (decimals × 2³², as the インハウス cell first had it) is a separate heap number per cell.
 */
export const AMOUNT_FLAG = { live: 1, innerOf: 2, figure: 4 } as const;

const DECIMALS_SHIFT = 8;
/** Decimals are offset so that a negative count (a figure in a larger unit) stays positive. */
const DECIMALS_OFFSET = 128;
const INDEX_SHIFT = 256 * DECIMALS_SHIFT;

/** Whether a figure's decimals fit the field; a cell whose do not keeps them beside its reading. */
export function decimalsFit(decimals: number): boolean {
  return decimals >= -DECIMALS_OFFSET && decimals < DECIMALS_OFFSET;
}

/** Flags, decimals (0 when the cell keeps them elsewhere) and the column's index, packed. */
export function amountBits(flags: number, decimals: number, index: number): number {
  return flags + (decimals + DECIMALS_OFFSET) * DECIMALS_SHIFT + index * INDEX_SHIFT;
}

export function bitsIndex(bits: number): number {
  return (bits / INDEX_SHIFT) | 0;
}

export function bitsDecimals(bits: number): number {
  return (((bits % INDEX_SHIFT) / DECIMALS_SHIFT) | 0) - DECIMALS_OFFSET;
}
