/** A1 addresses, payload sizes and API versions as the FAKE Excel reckons them (see test/fakes/fake-excel.ts). */
import type { FakeContext } from "./context";
import { FAKE_MAX_ADDRESS, FakeExcelError, type Rect } from "./model";

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters by 0-based column, as computed (addresses of every cell are built at scale). */
const LETTERS: string[] = [];

function colLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return (LETTERS[col] = s);
}

export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, "").replace(/^.*!/, "").trim();
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(a);
  if (!m) throw new FakeExcelError("InvalidArgument", `fake: unsupported address "${address}"`);
  const top = Number(m[2]) - 1;
  const left = colNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? colNumber(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function rectAddress(r: Rect): string {
  const tl = `${colLetters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${colLetters(r.right)}${r.bottom + 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function bytesOf(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? "null", "utf8");
}

const VERSION_LE = new Map<string, boolean>();

/** a ≤ b for API versions "1.9" and "1.18" (asked for every queued operation, of a handful of pairs). */
export function versionLE(a: string, b: string): boolean {
  const key = `${a}/${b}`;
  let le = VERSION_LE.get(key);
  if (le === undefined) {
    const [a1, a2] = a.split(".").map(Number);
    const [b1, b2] = b.split(".").map(Number);
    VERSION_LE.set(key, (le = a1 < b1 || (a1 === b1 && a2 <= b2)));
  }
  return le;
}

/** An address string over 8,192 characters fails (real Excel truncates it silently: the fake makes that loud). */
export function checkAddress(ctx: FakeContext, address: string): void {
  ctx.fake.stats.longestAddress = Math.max(ctx.fake.stats.longestAddress, address.length);
  if (address.length > FAKE_MAX_ADDRESS)
    throw new FakeExcelError(
      "InvalidArgument",
      `fake: address of ${address.length} characters (Excel truncates above ${FAKE_MAX_ADDRESS})`,
    );
}
