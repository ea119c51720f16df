/**
 * Message data of a total checked against its parts (sum/subtotal, total/row): which total, the figure it states,
 * and the sum of its parts, each part written 「name value」 (a blank part as blank).
 */
export const statedTotal = (row: string, column: string, stated: string, sum: object = {}) => ({
  row,
  column,
  stated,
  what: { phrase: "what" },
  ...sum,
});

export const summedParts = (sum: string, ...parts: [string, string | null][]) => ({
  sum,
  parts: {
    list: parts.map(([name, value]) => ({ list: [name, value ?? { phrase: "blank" }], style: "space" })),
    style: "plus",
  },
});

/** The sum of the parts that could be read, with how many could not (`missing`) of all the parts listed. */
export const partialSum = (sum: string, missing: number, ...parts: [string, string | null][]) => ({
  ...summedParts(sum, ...parts),
  missing,
  count: parts.length,
});

/** What a total's data names when every part is blank: nothing to sum, only what one part would be. */
export const ALL_BLANK = { whatOne: { phrase: "whatOne" } };
