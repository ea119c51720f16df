/**
 * The zip container of an .xlsx: the central directory read here (a few fixed-size records), each part
 * inflated by fflate's streaming Inflate in small chunks, with every size counted as it streams.
 *
 * fflate's own unzip inflates every entry at once and trusts the sizes the headers declare; a workbook
 * needs a handful of named parts, and a hostile one lies about sizes. So: the directory (APPNOTE.TXT
 * §4.3.12, §4.3.16) gives names, methods and declared sizes; a part declared over MAX_PART_BYTES is refused
 * unread; while inflating, the bytes produced are counted against the declared size, MAX_PART_BYTES and the
 * workbook's MAX_INFLATED_BYTES, and reading stops at the first byte over.
 *
 * Browser-safe: no Node imports.
 */
import { Inflate } from "fflate";
import { WorkbookReadError } from "../exceljs/errors";
import { INFLATE_CHUNK_BYTES, MAX_INFLATED_BYTES, MAX_PART_BYTES, MAX_ZIP_ENTRIES } from "./limits";

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The signatures that open each record: end of central directory, central directory entry, local header. */
const SIGNATURE = { endOfDirectory: 0x06054b50, directoryEntry: 0x02014b50, localHeader: 0x04034b50 } as const;
/** Zip64 marks sizes and offsets it moved to extra fields this way; no workbook Kensa reads needs zip64. */
const ZIP64 = 0xffffffff;

function corrupt(why: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", undefined, { cause: new Error(why) });
}

/**
 * A native raw-deflate inflater (Node's zlib) that stops past `limit` output bytes by throwing. Where there is
 * one it replaces fflate: about 7× faster, and no cold JIT at start-up (3 ms instead of 25 ms on the sample).
 */
export type InflateRaw = (data: Uint8Array, limit: number) => Uint8Array;

/**
 * The native inflater takes a part whole, so it holds the whole inflated part at once: only parts declared
 * at most this size go to it; larger ones stream through fflate in chunks, so that memory stays bounded by
 * the chunk (the 47 MB sheet of issue 13's bomb: 227 MB peak instead of 306 MB).
 */
const NATIVE_INFLATE_MAX_BYTES = 16 * 1024 * 1024;

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly lowerNames = new Map<string, string>();
  /** Bytes inflated so far, all parts together. */
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly inflateRaw?: InflateRaw,
  ) {}

  /** Reads the central directory; throws WorkbookReadError (corrupt, too-many-parts). */
  static open(bytes: Uint8Array, inflateRaw?: InflateRaw): ZipArchive {
    const zip = new ZipArchive(bytes, inflateRaw);
    zip.readDirectory();
    return zip;
  }

  private readDirectory(): void {
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // The end record is the last 22 bytes, followed by a comment of at most 65,535 bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === SIGNATURE.endOfDirectory) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt("no end of central directory");
    const count = view.getUint16(eocd + 10, true);
    const dirSize = view.getUint32(eocd + 12, true);
    const dirOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || dirOffset === ZIP64 || dirSize === ZIP64) throw corrupt("zip64");
    if (count > MAX_ZIP_ENTRIES) throw new WorkbookReadError("too-many-parts");
    if (dirOffset + dirSize > eocd) throw corrupt("central directory out of bounds");
    const names = new TextDecoder("utf-8");
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== SIGNATURE.directoryEntry)
        throw corrupt("bad central directory entry");
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const entry: Entry = {
        flags: view.getUint16(p + 8, true),
        method: view.getUint16(p + 10, true),
        compressedSize: view.getUint32(p + 20, true),
        size: view.getUint32(p + 24, true),
        localOffset: view.getUint32(p + 42, true),
        // Part names are ASCII in practice; UTF-8 (flag bit 11) decodes ASCII alike.
        name: names.decode(b.subarray(p + 46, p + 46 + nameLen)).replace(/^\/+/, ""),
      };
      p += 46 + nameLen + extraLen + commentLen;
      if (entry.name.endsWith("/")) continue;
      this.entries.set(entry.name, entry);
      // Part names are compared case-insensitively (ECMA-376 Part 2, §6.2.2.3).
      this.lowerNames.set(entry.name.toLowerCase(), entry.name);
    }
  }

  /** The stored name of a part, matched case-insensitively; undefined when absent. */
  find(name: string): string | undefined {
    const n = name.replace(/^\/+/, "");
    return this.entries.has(n) ? n : this.lowerNames.get(n.toLowerCase());
  }

  /** The declared inflated size of a part (0 when absent): what the directory says, before any byte is read. */
  declaredSize(name: string): number {
    return this.entries.get(name)?.size ?? 0;
  }

  /** A part's entry and where its data lies, checked against the limits that need no inflating. */
  private locate(name: string): { entry: Entry; start: number; end: number } {
    const entry = this.entries.get(name);
    if (!entry) throw corrupt(`no part ${name}`);
    if (entry.size > MAX_PART_BYTES)
      throw new WorkbookReadError("part-too-large", undefined, { detail: { part: name } });
    if (entry.flags & 1) throw new WorkbookReadError("encrypted");
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== SIGNATURE.localHeader)
      throw corrupt(`bad local header for ${name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(`${name} is cut short`);
    return { entry, start, end };
  }

  /**
   * The last `n` bytes of a part, inflated by the native inflater in one go and nothing else kept (the whole
   * part is held only for that moment): a look at where a sheet ends before it is parsed. Undefined when
   * there is no native inflater (deflate cannot start mid-stream, and a full pass of fflate costs as much
   * as the parse saves) or the part does not inflate as declared (then read() says why). Not counted against
   * MAX_INFLATED_BYTES: read() counts the part when it reads it.
   */
  peekTail(name: string, n: number): Uint8Array | undefined {
    const { entry, start, end } = this.locate(name);
    if (entry.method === 0) return this.bytes.slice(Math.max(start, end - n), end);
    if (entry.method !== 8 || !this.inflateRaw) return undefined;
    try {
      const out = this.inflateRaw(this.bytes.subarray(start, end), entry.size);
      return out.slice(Math.max(0, out.length - n));
    } catch {
      return undefined;
    }
  }

  /**
   * Streams a part's bytes to `sink` in chunks, inflating as it goes. Throws WorkbookReadError:
   * part-too-large, workbook-too-large, or corrupt (bad data, sizes that disagree with the directory).
   */
  read(name: string, sink: (chunk: Uint8Array) => void): void {
    const { entry, start, end } = this.locate(name);
    const part = { part: name };
    let produced = 0;
    const count = (chunk: Uint8Array): void => {
      produced += chunk.length;
      this.inflated += chunk.length;
      if (produced > MAX_PART_BYTES) throw new WorkbookReadError("part-too-large", undefined, { detail: part });
      if (this.inflated > MAX_INFLATED_BYTES)
        throw new WorkbookReadError("workbook-too-large", undefined, { detail: part });
      if (produced > entry.size) throw corrupt(`${name} inflates beyond its declared size`);
      sink(chunk);
    };
    if (entry.method === 0) {
      for (let p = start; p < end; p += INFLATE_CHUNK_BYTES)
        count(this.bytes.subarray(p, Math.min(end, p + INFLATE_CHUNK_BYTES)));
    } else if (entry.method === 8 && this.inflateRaw && entry.size <= NATIVE_INFLATE_MAX_BYTES) {
      // The whole part at once (at most its declared size, itself at most MAX_PART_BYTES), handed on in chunks.
      if (this.inflated + entry.size > MAX_INFLATED_BYTES)
        throw new WorkbookReadError("workbook-too-large", undefined, { detail: part });
      let out: Uint8Array;
      try {
        out = this.inflateRaw(this.bytes.subarray(start, end), entry.size);
      } catch (err) {
        throw new WorkbookReadError("corrupt", undefined, { cause: err, detail: part });
      }
      for (let p = 0; p < out.length; p += 64 * 1024) count(out.subarray(p, Math.min(out.length, p + 64 * 1024)));
    } else if (entry.method === 8) {
      const inflate = new Inflate((chunk) => {
        if (chunk.length) count(chunk);
      });
      try {
        for (let p = start; p < end; p += INFLATE_CHUNK_BYTES) {
          const q = Math.min(end, p + INFLATE_CHUNK_BYTES);
          inflate.push(this.bytes.subarray(p, q), q === end);
        }
        if (end === start) inflate.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof WorkbookReadError) throw err;
        throw new WorkbookReadError("corrupt", undefined, { cause: err });
      }
    } else {
      throw corrupt(`${name}: compression method ${entry.method}`);
    }
    if (produced !== entry.size) throw corrupt(`${name} is shorter than its declared size`);
  }
}
