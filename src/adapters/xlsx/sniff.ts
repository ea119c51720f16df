/**
 * What the first bytes of a file say it is, before any reader is asked: a zip (an .xlsx or .xlsm), an
 * encrypted workbook or an old .xls (both OLE compound files), or something else.
 *
 * Browser-safe: no Node imports.
 */
import type { WorkbookReadErrorCode } from "../exceljs/errors";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip (end-of-central-directory record only). */
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

export function indexOfBytes(hay: Uint8Array, needle: readonly number[]): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.charCodeAt(0), 0);
  return out;
}

/**
 * An OLE/CFB compound file is either an encrypted OOXML workbook (streams EncryptionInfo and
 * EncryptedPackage) or a legacy binary workbook (.xls: stream "Workbook" or "Book"); directory entry
 * names are UTF-16LE.
 */
export function classifyCompoundFile(bytes: Uint8Array): WorkbookReadErrorCode {
  if (indexOfBytes(bytes, utf16le("EncryptedPackage")) >= 0 || indexOfBytes(bytes, utf16le("EncryptionInfo")) >= 0) {
    return "encrypted";
  }
  if (indexOfBytes(bytes, utf16le("Workbook")) >= 0 || indexOfBytes(bytes, utf16le("Book")) >= 0) return "xls";
  return "not-xlsx";
}

/** What the first bytes say. */
export function sniffWorkbookBytes(bytes: Uint8Array): WorkbookReadErrorCode | "zip" {
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, CFB_MAGIC)) return classifyCompoundFile(bytes);
  if (startsWith(bytes, ZIP_EMPTY_MAGIC)) return "not-xlsx";
  return "not-xlsx";
}

export function ascii(s: string): number[] {
  return Array.from(s, (ch) => ch.charCodeAt(0));
}
