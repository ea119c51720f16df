/** Turns the paths on the command line into the list of workbooks to check. */
import { promises as fs } from "fs";
import * as path from "path";

/**
 * Office's lock files (~$book.xlsx, ~$book.xlsm: Excel writes one beside every workbook it has open), hidden
 * files and Kensa's own annotated copies (book.kensa.xlsx) are never checked in a folder.
 */
export function isSkippedName(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".") || /\.kensa\.xls[xm]$/i.test(name);
}

/** A macro-enabled workbook (.xlsm): read like an .xlsx; its annotated copy is an .xlsx without the macros. */
export function isMacroWorkbook(file: string): boolean {
  return /\.xlsm$/i.test(file);
}

/** The workbooks a folder scan takes: .xlsx and .xlsm (and old .xls, to be explained rather than ignored). */
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/**
 * Folders are searched recursively for .xlsx and .xlsm files (and old .xls files, so that each gets its one-line
 * explanation instead of being silently ignored, and so are special files and dangling links with such names);
 * hidden entries, lock files and annotated copies are skipped. Files named explicitly are always taken, whatever their name, so a bad one gets its error.
 * The order is the command line's, and within a folder by path; duplicates are dropped.
 */
export async function collectInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (stat?.isDirectory()) {
      for (const f of await walk(p)) add(f);
    } else {
      add(p);
    }
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const e of entries) {
    if (isSkippedName(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules") continue;
      files.push(...(await walk(full)));
    } else if (WORKBOOK.test(e.name)) {
      // A symlink to a folder is not followed (no loops). Anything else named like a workbook is taken, so that
      // a FIFO, a device or a dangling link gets its one line (refused before it is opened) rather than silence.
      if (e.isSymbolicLink() && (await fs.stat(full).catch(() => undefined))?.isDirectory()) continue;
      files.push(full);
    }
  }
  return files;
}

/** The annotated copy's path: DIR/<name>.kensa.xlsx, with -2, -3… when two inputs share a name. */
export function annotatedPath(dir: string, input: string, taken: Set<string>): string {
  const base = path.basename(input).replace(/\.xls[xm]?$/i, "");
  let candidate = path.join(dir, `${base}.kensa.xlsx`);
  for (let n = 2; taken.has(path.resolve(candidate)); n++) candidate = path.join(dir, `${base}-${n}.kensa.xlsx`);
  taken.add(path.resolve(candidate));
  return candidate;
}
