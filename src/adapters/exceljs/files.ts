/**
 * Node file wrappers around the browser-safe annotate/template functions, and the rules every file Kensa reads
 * or writes on disk follows:
 *
 * - Only regular files are read. A named pipe, a device, a socket or a folder is refused after a stat and before
 *   any open, so a FIFO never blocks the run and /dev/zero is never read (fileKind, assertRegularFile).
 * - Writes go only where they were asked: the destination, if it exists, must be a regular file; a symbolic link
 *   is refused (renaming over it would silently swap the link for a file, and following it would replace a file
 *   the person never named: they name the link's target themselves); then a temp file in the destination's own
 *   directory (so the rename never crosses a file system), synced, renamed over the destination. A crash leaves
 *   the old file or the new one, never half of one.
 */
import { promises as fs, constants as fsConstants, rmSync } from "fs";
import * as path from "path";
import type { CheckResult } from "../../core/engine";
import type { Lang } from "../../core/values/format";

/** What is at a path, as far as reading or writing a file there is concerned. */
export type FileKind =
  "file" | "missing" | "directory" | "fifo" | "character-device" | "block-device" | "socket" | "symlink" | "other";

const KIND_NAMES: Record<Exclude<FileKind, "file" | "missing">, { ja: string; en: string }> = {
  directory: { ja: "フォルダ", en: "a folder" },
  fifo: { ja: "名前付きパイプ（FIFO）", en: "a named pipe (FIFO)" },
  "character-device": { ja: "デバイスファイル（キャラクタデバイス）", en: "a device (character device)" },
  "block-device": { ja: "デバイスファイル（ブロックデバイス）", en: "a device (block device)" },
  socket: { ja: "ソケット", en: "a socket" },
  symlink: { ja: "シンボリックリンク", en: "a symbolic link" },
  other: { ja: "通常のファイルではないもの", en: "not a regular file" },
};

function kindOf(stat: import("fs").Stats): FileKind {
  if (stat.isFile()) return "file";
  if (stat.isDirectory()) return "directory";
  if (stat.isFIFO()) return "fifo";
  if (stat.isCharacterDevice()) return "character-device";
  if (stat.isBlockDevice()) return "block-device";
  if (stat.isSocket()) return "socket";
  if (stat.isSymbolicLink()) return "symlink";
  return "other";
}

/**
 * The kind of file at `p`, without opening it. `follow` (reading): a symlink counts as what it points to;
 * otherwise (writing) a symlink is a symlink. Other stat failures (permissions, a loop) are thrown.
 */
export async function fileKind(p: string, follow: boolean): Promise<FileKind> {
  try {
    return kindOf(follow ? await fs.stat(p) : await fs.lstat(p));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    throw err;
  }
}

/** A path that is not a regular file where one is needed: `kind` says what it is, in both languages. */
export class NotRegularFileError extends Error {
  readonly code = "not-regular-file";
  readonly messages: { ja: string; en: string };

  constructor(
    readonly file: string,
    readonly kind: Exclude<FileKind, "file" | "missing">,
    readonly purpose: "read" | "write",
    target?: string,
  ) {
    const what = KIND_NAMES[kind];
    const messages =
      purpose === "read"
        ? {
            ja: `${what.ja}であり、通常のファイルではないため読み込みません`,
            en: `${what.en}, not a regular file: not read`,
          }
        : kind === "symlink"
          ? {
              ja: `${what.ja}のため書き込みません（リンク先を書き換えるなら、リンク先${target ? ` ${target} ` : ""}を直接指定してください）`,
              en: `${what.en}: not written (to replace the file it points to, name that file${target ? `, ${target},` : ""} itself)`,
            }
          : {
              ja: `${what.ja}であり、通常のファイルではないため書き込みません`,
              en: `${what.en}, not a regular file: not written`,
            };
    super(messages.en);
    this.name = "NotRegularFileError";
    this.messages = messages;
  }

  messageIn(lang: Lang): string {
    return this.messages[lang];
  }
}

/** Throws NotRegularFileError unless `p` is a regular file (or a symlink to one); checked without opening it. */
export async function assertRegularFile(p: string): Promise<void> {
  const kind = await fileKind(p, true);
  if (kind !== "file" && kind !== "missing") throw new NotRegularFileError(p, kind, "read");
}

/** Throws NotRegularFileError unless `p` is absent or a regular file (not a symlink, not a device, …). */
export async function assertWritableDestination(p: string): Promise<void> {
  const kind = await fileKind(p, false);
  if (kind === "file" || kind === "missing") return;
  const target = kind === "symlink" ? await fs.realpath(p).catch(() => undefined) : undefined;
  throw new NotRegularFileError(p, kind, "write", target);
}

/** Temp files being written now: removed by removeTempFiles() when the process is interrupted (Ctrl+C, SIGTERM). */
const inFlight = new Set<string>();

/** Removes the temp files of writes still in progress, synchronously: for a signal handler about to exit. */
export function removeTempFiles(): void {
  for (const tmp of inFlight) rmSync(tmp, { force: true });
  inFlight.clear();
}

export async function writeFileAtomic(outputPath: string, data: Uint8Array): Promise<void> {
  await assertWritableDestination(outputPath);
  const dir = path.dirname(path.resolve(outputPath));
  const tmp = path.join(
    dir,
    `.${path.basename(outputPath)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  inFlight.add(tmp);
  try {
    // O_EXCL: the temp name is new, so a link planted there is never followed.
    const handle = await fs.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // checked again just before the rename: what was a file when the work began may not be one now
    await assertWritableDestination(outputPath);
    await fs.rename(tmp, outputPath);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  } finally {
    inFlight.delete(tmp);
  }
}

async function samePath(a: string, b: string): Promise<boolean> {
  const ra = await fs.realpath(a).catch(() => path.resolve(a));
  const rb = await fs.realpath(b).catch(() => path.resolve(b));
  return ra === rb;
}

/** Writes an annotated copy of inputPath to outputPath. Refuses to overwrite the input. */
export async function annotateFile(
  inputPath: string,
  result: CheckResult,
  outputPath: string,
  lang: Lang,
): Promise<void> {
  if (await samePath(inputPath, outputPath)) {
    throw new Error(
      lang === "ja"
        ? `注釈付きのコピーを入力ファイル自身に書き込むことはできません: ${outputPath}`
        : `refusing to write the annotated copy over its input: ${outputPath}`,
    );
  }
  await assertRegularFile(inputPath);
  const input = await fs.readFile(inputPath);
  // exceljs is loaded on the first write only: reading and checking never need it (issue 13)
  const { annotateBuffer } = await import("./annotate");
  const out = await annotateBuffer(new Uint8Array(input.buffer, input.byteOffset, input.byteLength), result, lang);
  await writeFileAtomic(outputPath, out);
}

/** Writes the blank template workbook. */
export async function writeTemplate(outputPath: string, lang: Lang): Promise<void> {
  const { templateBuffer } = await import("./template");
  await writeFileAtomic(outputPath, await templateBuffer(lang));
}
