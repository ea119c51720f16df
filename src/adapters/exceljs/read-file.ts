/** Node file access for the reader: stat, read, then the browser-safe readWorkbookBuffer. */
import { promises as fs } from "fs";
import type { Workbook } from "../../core/model/workbook";
import { WorkbookReadError } from "./errors";
import { readWorkbookBuffer } from "./read";

function codeOf(err: unknown): string | undefined {
  return err && typeof err === "object" && "code" in err ? String((err as { code: unknown }).code) : undefined;
}

/** Reads a file's bytes, turning file-system failures into WorkbookReadError. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (err) {
    const code = codeOf(err);
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable", path, { cause: err });
  }
  if (stat.isDirectory()) throw new WorkbookReadError("directory", path);
  try {
    return await fs.readFile(path);
  } catch (err) {
    throw new WorkbookReadError(codeOf(err) === "EISDIR" ? "directory" : "unreadable", path, { cause: err });
  }
}

/** Reads an .xlsx file into the core model; throws WorkbookReadError (with `file` set) when it cannot. */
export async function readWorkbookFile(path: string): Promise<Workbook> {
  const bytes = await readFileBytes(path);
  try {
    return await readWorkbookBuffer(bytes);
  } catch (err) {
    if (err instanceof WorkbookReadError && err.file === undefined) {
      throw new WorkbookReadError(err.code, path, { cause: (err as { cause?: unknown }).cause });
    }
    throw err;
  }
}
