/**
 * Zip packages for the hostile corpus, written by hand where a normal zip library would refuse or take too long:
 * a deflate stream that inflates to gigabytes from a few megabytes (built in milliseconds, never inflated
 * here), sizes declared as lies, and ordinary parts deflated with Node's zlib.
 *
 * Formats: RFC 1951 (deflate, fixed Huffman codes: §3.2.6) and PKWARE APPNOTE.TXT 6.3.x (§4.3.7 local file
 * header, §4.3.12 central directory header, §4.3.16 end of central directory record).
 */
import { crc32, deflateRawSync } from "zlib";

class BitWriter {
  private chunks: Uint8Array[] = [];
  private buf = new Uint8Array(1 << 20);
  private pos = 0;
  private acc = 0;
  private n = 0;

  /** `count` bits of `value`, least significant first (deflate's order for everything but Huffman codes). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) this.byte();
    }
  }

  /** A Huffman code, most significant bit first (RFC 1951 §3.1.1). */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >>> i) & 1, 1);
  }

  private byte(): void {
    this.buf[this.pos++] = this.acc;
    this.acc = 0;
    this.n = 0;
    if (this.pos === this.buf.length) {
      this.chunks.push(this.buf);
      this.buf = new Uint8Array(1 << 20);
      this.pos = 0;
    }
  }

  /** Whole bytes as they are, the partial byte kept: for a run of bits already seen at this same bit phase. */
  raw(bytes: Uint8Array): void {
    const acc = this.acc;
    const n = this.n;
    for (const b of bytes) {
      this.acc = b;
      this.n = 8;
      this.byte();
    }
    this.acc = acc;
    this.n = n;
  }

  /** Bytes completed so far (for recording a run). */
  get written(): number {
    return this.chunks.length * (1 << 20) + this.pos;
  }

  /** The last `count` completed bytes. */
  last(count: number): Uint8Array {
    const all = Buffer.concat([...this.chunks, this.buf.subarray(0, this.pos)]);
    return all.subarray(all.length - count);
  }

  finish(): Uint8Array {
    if (this.n > 0) this.byte();
    this.chunks.push(this.buf.subarray(0, this.pos));
    return Buffer.concat(this.chunks);
  }
}

function literal(w: BitWriter, byte: number): void {
  if (byte < 144) w.code(0x30 + byte, 8);
  else w.code(0x190 + byte - 144, 9);
}

/** Distance code and extra bits for a distance 1…32768 (RFC 1951 §3.2.5). */
function distanceCode(d: number): { code: number; extra: number; value: number } {
  let base = 1;
  for (let code = 0; code < 30; code++) {
    const extra = code < 4 ? 0 : (code >> 1) - 1;
    if (d < base + (1 << extra)) return { code, extra, value: d - base };
    base += 1 << extra;
  }
  throw new RangeError(`distance ${d}`);
}

/**
 * A raw deflate stream of `prefix`, then `period` repeated until `size` bytes of it, then `suffix`: the repeats are
 * back-references of 258 bytes (13 to 26 bits each), so a gigabyte costs a few megabytes and a few hundred ms.
 * Returns the stream, the inflated size and its CRC-32 (computed per period, never holding the inflated data).
 */
export function deflateBomb(
  prefix: string,
  period: string,
  size: number,
  suffix: string,
): { data: Uint8Array; size: number; crc: number } {
  const head = Buffer.from(prefix + period, "utf8");
  const tail = Buffer.from(suffix, "utf8");
  const unit = Buffer.from(period, "utf8");
  const repeats = Math.max(0, Math.floor((size - unit.length) / 258));
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE 01: fixed Huffman codes
  for (const b of head) literal(w, b);
  const dist = distanceCode(unit.length);
  const copy = () => {
    w.code(0xc5, 8); // length code 285: 258 bytes, no extra bits
    w.code(dist.code, 5);
    w.bits(dist.value, dist.extra);
  };
  // Eight copies are a whole number of bytes (8 × (13 + extra) bits): once a group has been written at this bit
  // phase, every later group is the same bytes, copied instead of encoded bit by bit.
  const groupBytes = 13 + dist.extra;
  const groups = Math.floor(repeats / 8);
  let done = 0;
  if (groups >= 3) {
    for (let i = 0; i < 8; i++) copy();
    const before = w.written;
    for (let i = 0; i < 8; i++) copy();
    const group = Uint8Array.from(w.last(w.written - before));
    if (group.length !== groupBytes) throw new Error("deflateBomb: group not byte-aligned");
    const many = Buffer.alloc(group.length * 4096);
    for (let i = 0; i < many.length; i++) many[i] = group[i % group.length];
    let left = groups - 2;
    while (left > 0) {
      const n = Math.min(4096, left);
      w.raw(many.subarray(0, n * group.length));
      left -= n;
    }
    done = groups * 8;
  }
  for (let i = done; i < repeats; i++) copy();
  for (const b of tail) literal(w, b);
  w.code(0, 7); // end of block (256)
  // The inflated text: head, then the period continued cyclically for repeats × 258 bytes (in phase: the head
  // ends with one whole period), then tail. Its CRC is combined from the CRC of one block of whole periods,
  // by doubling, instead of running over gigabytes.
  const copied = repeats * 258;
  const block = Buffer.alloc(unit.length * Math.max(1, Math.floor((1 << 16) / unit.length)));
  for (let i = 0; i < block.length; i++) block[i] = unit[i % unit.length];
  let crc = crc32(head);
  let blocks = Math.floor(copied / block.length);
  let powCrc = crc32(block);
  let powLen = block.length;
  while (blocks > 0) {
    if (blocks % 2 === 1) crc = crc32Combine(crc, powCrc, powLen);
    powCrc = crc32Combine(powCrc, powCrc, powLen);
    powLen *= 2;
    blocks = Math.floor(blocks / 2);
  }
  crc = crc32(block.subarray(0, copied % block.length), crc);
  crc = crc32(tail, crc);
  return { data: w.finish(), size: head.length + copied + tail.length, crc };
}

function gf2Times(mat: number[], vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}

function gf2Square(square: number[], mat: number[]): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]);
}

/** CRC-32 of A followed by B from crc(A), crc(B) and B's length: zlib's crc32_combine (zlib/crc32.c). */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1;
  const even: number[] = new Array(32);
  const odd: number[] = new Array(32);
  odd[0] = 0xedb88320; // the CRC-32 polynomial, reflected
  for (let n = 1, row = 1; n < 32; n++, row = (row << 1) >>> 0) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let c = crc1 >>> 0;
  let len = len2;
  do {
    gf2Square(even, odd);
    if (len % 2 === 1) c = gf2Times(even, c);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2 === 1) c = gf2Times(odd, c);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (c ^ crc2) >>> 0;
}

export interface ZipEntry {
  name: string;
  /** Stored uncompressed, or deflated by fflate. */
  data?: Uint8Array;
  /** Already deflated (method 8) with its real size and CRC: a bomb. */
  raw?: { data: Uint8Array; size: number; crc: number };
  /** Sizes written in the headers instead of the real ones (a lie a reader must not trust). */
  declaredSize?: number;
}

/** A zip file of the entries, deflated (method 8), without zip64 (every size below 4 GiB). */
export function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = e.data ?? new Uint8Array();
    const body = e.raw ?? { data: deflateRawSync(data, { level: 1 }), size: data.length, crc: crc32(data) };
    const size = (e.declaredSize ?? body.size) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.crc >>> 0, 14);
    local.writeUInt32LE(body.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(body.data.buffer, body.data.byteOffset, body.data.byteLength));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.crc >>> 0, 16);
    central.writeUInt32LE(body.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
