/** Node file access for the reader: stat, bounded read, then the browser-safe readWorkbookBuffer. */
import * as fs from "fs";
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
 *
 * Synchronous calls behind the promise (a throw inside becomes its rejection): a check reads its files one after
 * another, and each of the five asynchronous calls this took went through libuv's thread pool, leaving the main
 * thread idle some 0.9 ms a file (5% of `kensa check --each` on 1,000 sample-sized files).
 */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = fs.statSync(path);
  } catch (err) {
    throw new WorkbookReadError(errnoKind(err), path, { cause: err });
  }
  if (stat.isDirectory()) throw new WorkbookReadError("directory", path);
  if (!stat.isFile()) throw new WorkbookReadError("unreadable", path);
  if (stat.size > MAX_FILE_BYTES) throw new WorkbookReadError("file-too-large", path);
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, "r");
    const buf = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let n = 0;
    for (;;) {
      const bytesRead = fs.readSync(fd, buf, n, buf.length - n, n);
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
    if (fd !== undefined) fs.closeSync(fd);
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
