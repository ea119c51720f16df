/** The CLI's plumbing shared by its commands: where it writes, and failures said in one line. */
import type { Rule } from "../core/rules/rule";
import { catalogueSheetRule } from "../core/rules/shared/catalogue-sheet";
import type { Lang } from "../core/values/format";
import {
  assertRegularFile,
  assertWritableDestination,
  NotRegularFileError,
  removeTempFiles,
} from "../adapters/exceljs/files";
import { escapeControls as safe } from "./terminal";

export interface OutStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Where the CLI writes; tests pass fakes (with isTTY to simulate a terminal). */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
}

/** Test seams: the rules to run (all of RULES by default). */
export interface CliDeps {
  rules?: readonly Rule[];
}

let pipeGuard = false;

export function processIO(): CliIO {
  if (!pipeGuard) {
    // `kensa check … | head` closes the pipe early: stop quietly instead of printing a stack trace.
    pipeGuard = true;
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw err;
    });
    // Ctrl+C or a kill while a copy is being written: the output stays as it was (writes are temp-then-rename),
    // and the temp file goes too; then the usual exit status of a signal (128 + its number)
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
      ["SIGHUP", 129],
    ] as const) {
      process.once(signal, () => {
        removeTempFiles();
        process.exit(code);
      });
    }
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** Why something failed, as one line (in `lang` when the error knows both languages). */
export function reason(err: unknown, lang?: Lang): string {
  if (lang && err instanceof NotRegularFileError) return err.messageIn(lang);
  if (err instanceof Error) return oneLine(err.message);
  return oneLine(String(err));
}

/**
 * An output path that exists and is not a regular file (a device, a FIFO, a folder, a symlink) is refused
 * before any work: one line, in `lang`; undefined when the path may be written.
 */
export async function outputProblem(file: string, lang: Lang): Promise<string | undefined> {
  try {
    await assertWritableDestination(file);
    return undefined;
  } catch (err) {
    return err instanceof NotRegularFileError ? `${safe(file)}: ${err.messageIn(lang)}` : undefined;
  }
}

/**
 * Only regular files are read: a FIFO, device, socket or folder is refused from its stat, before anything opens
 * it (a FIFO would block, /dev/zero never ends). Other stat failures are left to the reader, which names them.
 */
export async function refuseSpecialFile(file: string): Promise<void> {
  try {
    await assertRegularFile(file);
  } catch (err) {
    if (err instanceof NotRegularFileError) throw err;
  }
}

/** The description of a finding's rule, by id: for the findings table and CSV. */
export function describeWith(rules: readonly Rule[]): (id: string) => { ja: string; en: string } | undefined {
  return (id) =>
    (id === catalogueSheetRule.meta.id ? catalogueSheetRule : rules.find((r) => r.meta.id === id))?.meta.description;
}
