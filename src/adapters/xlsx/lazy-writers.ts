/**
 * The exceljs writers, loaded on first use: `kensa check` without --out/--annotate, and every read, never load
 * exceljs (about 0.4 s of CPU at start-up, issue 13). Same signatures as the modules they stand for.
 */
import type { findingsWorkbookBuffer as FindingsWorkbookBuffer } from "../exceljs/findings";

export async function findingsWorkbookBuffer(
  ...args: Parameters<typeof FindingsWorkbookBuffer>
): ReturnType<typeof FindingsWorkbookBuffer> {
  return (await import("../exceljs/findings")).findingsWorkbookBuffer(...args);
}
