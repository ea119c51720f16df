/** Node file access for the reader: stat, bounded read, then the browser-safe readWorkbookBuffer. */
import { promises as fs } from "fs";
import { inflateRawSync } from "zlib";
import type { Workbook } from "../../core/model/workbook";
import { errnoKind } from "../errno";
import { WorkbookReadError } from "../exceljs/errors";
import { MAX_FILE_BYTES } from "./limits";
import { readWorkbookBytes } from "./read";
import type { InflateRaw } from "./zip";

/** Node's native inflate, stopping (RangeError) past `limit` bytes: the part's declared size. */
export const nodeInflateRaw: InflateRaw = (data, limit) =>
  inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });

/**
 * Reads a file's bytes, turning file-system failures into WorkbookReadError. Only a regular file of at most
 * MAX_FILE_BYTES is read, and never more than that even if it grows meanwhile: a FIFO would block, a device
 * such as /dev/zero never ends. (The CLI refuses special files earlier with its own message; this is the floor.)
 */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (err) {
    throw new WorkbookReadError(errnoKind(err), path, { cause: err });
  }
  if (stat.isDirectory()) throw new WorkbookReadError("directory", path);
  if (!stat.isFile()) throw new WorkbookReadError("unreadable", path);
  if (stat.size > MAX_FILE_BYTES) throw new WorkbookReadError("file-too-large", path);
  let handle;
  try {
    handle = await fs.open(path, "r");
    const buf = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) {
        // It grew since the stat: over the limit it is refused; under it, what was read is a cut workbook.
        if (n > MAX_FILE_BYTES) throw new WorkbookReadError("file-too-large", path);
        break;
      }
    }
    return buf.subarray(0, n);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError(errnoKind(err), path, { cause: err });
  } finally {
    await handle?.close();
  }
}

/** Reads an .xlsx file into the core model; throws WorkbookReadError (with `file` set) when it cannot. */
export async function readWorkbookFile(path: string): Promise<Workbook> {
  const bytes = await readFileBytes(path);
  try {
    return readWorkbookBytes(bytes, { inflateRaw: nodeInflateRaw });
  } catch (err) {
    if (err instanceof WorkbookReadError && err.file === undefined) throw err.withFile(path);
    throw err;
  }
}
