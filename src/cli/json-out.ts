/**
 * `JSON.stringify(value, null, 2)`, written in pieces of 16K characters rather than built as one string (issue 13,
 * memory: the report of a 3,000-sheet check is 5.7 MB of JSON, 11 MB as a two-byte string, and building it
 * raised the run's peak by 16 MB while the check's own objects were still held; written in pieces, by 6 MB).
 *
 * Byte for byte what JSON.stringify gives (a toJSON that returns another value with a toJSON aside): arrays and
 * plain objects down to `depth` levels are walked here, each member's toJSON called with its key; deeper values
 * (each finding, a sheet summary) and anything not plain are stringified by V8 itself, a batch of array elements at a time,
 * inside as many one-element arrays as their nesting level so that V8 indents them where they stand.
 * @discoveryjs/json-ext's stringifyChunked writes the same bytes but walks every value in JavaScript: 200–300 ms
 * for this report against 15–30 ms for JSON.stringify; this costs 10–20 ms more than JSON.stringify.
 */

const INDENT = "  ";
/**
 * Array elements stringified at once, and the characters gathered before a write. Each string stays below V8's
 * large-object size (128 KB; two bytes a character once there is Japanese): a large object is a page of its own,
 * kept until the next scavenge, and writing a large report allocates too little else to cause one (256 findings
 * at a time held 11 MB of such pages at the end of report ×250).
 */
const BATCH = 32;
const CHUNK = 16 * 1024;

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/** The wrapping JSON.stringify puts around a value nested in `level` one-element arrays, before and after it. */
const wrappers: { before: number; after: number }[] = [];
function wrapping(level: number): { before: number; after: number } {
  while (wrappers.length <= level) {
    const n = wrappers.length;
    let before = 0;
    let after = 0;
    for (let i = 1; i <= n; i++) {
      before += 2 + INDENT.length * i; // "[\n" and the indent of the next level
      after += 2 + INDENT.length * (i - 1); // "\n", the indent of the level above, "]"
    }
    wrappers.push({ before, after });
  }
  return wrappers[level];
}

/** JSON.stringify(v, null, 2) as it reads at `level` of nesting: every line after the first indented to it. */
function stringifiedAt(v: unknown, level: number): string {
  let wrapped = v;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, INDENT.length) ?? "null";
  const { before, after } = wrapping(level);
  return s.slice(before, s.length - after);
}

/** A value as JSON.stringify writes it under `key`: what its toJSON gives, when it has one. */
function resolved(v: unknown, key: string): unknown {
  const toJSON = (v as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === "function" ? (toJSON as (key: string) => unknown).call(v, key) : v;
}

/** Arrays and plain objects are walked; anything else (a boxed primitive, a class) JSON.stringify writes. */
function walked(v: unknown): v is object {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `v`, already resolved (toJSON called with its key), as it reads at `level`. */
function walk(v: unknown, level: number, depth: number, write: (s: string) => void): void {
  if (level >= depth || !walked(v)) {
    write(stringifiedAt(v, level));
    return;
  }
  const pad = INDENT.repeat(level);
  if (Array.isArray(v)) {
    if (v.length === 0) return write("[]");
    if (level + 1 >= depth) {
      // "[\n<pad>  a,\n<pad>  b\n<pad>]" for each batch: its inside, batches joined by commas. Each element's
      // toJSON is called here, with its index in the whole array, not in the batch.
      write("[");
      for (let i = 0; i < v.length; i += BATCH) {
        const batch = v.slice(i, i + BATCH).map((x, j) => resolved(x, String(i + j)));
        const s = stringifiedAt(batch, level);
        write((i ? "," : "") + s.slice(1, s.length - pad.length - 2));
      }
      write(`\n${pad}]`);
      return;
    }
    for (let i = 0; i < v.length; i++) {
      write(`${i ? "," : "["}\n${pad}${INDENT}`);
      const x = resolved(v[i], String(i));
      if (omitted(x)) write("null");
      else walk(x, level + 1, depth, write);
    }
    write(`\n${pad}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(v)) {
    const x = resolved((v as Record<string, unknown>)[key], key);
    if (omitted(x)) continue;
    write(`${first ? "{" : ","}\n${pad}${INDENT}${JSON.stringify(key)}: `);
    first = false;
    walk(x, level + 1, depth, write);
  }
  write(first ? "{}" : `\n${pad}}`);
}

/**
 * Writes JSON.stringify(value, null, 2) through `write` in pieces of about 16K characters; `depth` is how many levels
 * are walked here (the report: document, files, file, findings).
 */
export function writeJson(value: unknown, write: (s: string) => void, depth = 4): void {
  let pending = "";
  walk(resolved(value, ""), 0, depth, (s) => {
    pending += s;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = "";
    }
  });
  if (pending) write(pending);
}
