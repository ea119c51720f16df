/**
 * Excel's limits the Office.js adapter plans around (office-addin-ecosystem.md §4, §7):
 * - Excel on the web rejects a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded); we plan batches for a smaller budget and halve on that error;
 * - a get operation is limited to five million cells (and may silently return null above it);
 * - address strings given to getRange/getRanges over 8,192 characters are silently truncated.
 */

/** Excel on the web's request/response limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one batch is planned for: well under the limit, because our byte counts are estimates. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/** Cells per get operation (and per read batch). */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Characters in one address string of getRange/getRanges. */
export const MAX_ADDRESS_CHARS = 8192;
/** Cells given to one getRanges call: Office's guidance avoids large RangeAreas of single cells. */
export const MAX_AREAS_PER_RANGE_AREAS = 1000;

/** UTF-8 bytes of a string as it travels in the JSON of a request (quotes included). */
export function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1;
    else if (c < 0x800) n += 2;
    else n += 3;
  }
  return n;
}

/** JSON bytes of one cell value in a 2D array (with its separating comma). */
export function valueBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "string") return stringBytes(v) + 1;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return 6;
  return JSON.stringify(v).length + 1;
}

/** Bytes of a 2D array as JSON. */
export function gridBytes(grid: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of grid) {
    n += 3;
    for (const v of row) n += valueBytes(v);
  }
  return n;
}

/**
 * Joins A1 ranges into comma-separated address lists, each at most `max` characters and at most
 * `maxAreas` ranges (so no address is ever truncated by Excel).
 */
export function chunkAddresses(
  ranges: readonly string[],
  max = MAX_ADDRESS_CHARS,
  maxAreas = MAX_AREAS_PER_RANGE_AREAS,
): string[] {
  const out: string[] = [];
  let cur = "";
  let count = 0;
  for (const r of ranges) {
    if (r.length > max) throw new Error(`address longer than ${max} characters: ${r.slice(0, 40)}…`);
    if (cur && (cur.length + 1 + r.length > max || count >= maxAreas)) {
      out.push(cur);
      cur = "";
      count = 0;
    }
    cur = cur ? `${cur},${r}` : r;
    count++;
  }
  if (cur) out.push(cur);
  return out;
}

/** Groups items into batches whose estimated bytes stay under the budget (an item over it is alone). */
export function batchByBytes<T>(items: readonly T[], bytes: (t: T) => number, budget = PAYLOAD_BUDGET_BYTES): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const it of items) {
    const b = bytes(it);
    if (cur.length && size + b > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(it);
    size += b;
  }
  if (cur.length) out.push(cur);
  return out;
}
