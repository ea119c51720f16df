/**
 * A failed file-system call, by the system's error code (ENOENT…): what kind of read failure it is, and why in
 * words a reviewer reads. One table for every reader of files (workbooks, catalogue files). Browser-safe: no Node
 * imports, only the codes Node puts on its errors.
 */
import type { Lang } from "../core/values/format";

/** How a reader classes the failure: the path is not there, is a folder, or is there but cannot be read. */
export type ErrnoKind = "not-found" | "directory" | "unreadable";

const ERRNO: Record<string, { kind: ErrnoKind; ja: string; en: string }> = {
  ENOENT: { kind: "not-found", ja: "ファイルが見つかりません", en: "file not found" },
  ENOTDIR: { kind: "not-found", ja: "ファイルが見つかりません", en: "file not found" },
  EISDIR: { kind: "directory", ja: "フォルダです", en: "is a folder" },
  EACCES: { kind: "unreadable", ja: "読み込む権限がありません", en: "no permission to read it" },
  EPERM: { kind: "unreadable", ja: "読み込む権限がありません", en: "no permission to read it" },
  ELOOP: { kind: "unreadable", ja: "シンボリックリンクが循環しています", en: "its symbolic links loop" },
  ENAMETOOLONG: { kind: "unreadable", ja: "ファイル名が長すぎます", en: "its name is too long" },
  EIO: {
    kind: "unreadable",
    ja: "ディスクから読み込めません（入出力エラー）",
    en: "the disk could not be read (I/O error)",
  },
};

/** The error code Node put on `err` ("ENOENT"), or "" when it has none. */
export function errnoOf(err: unknown): string {
  return err && typeof err === "object" && "code" in err ? String(err.code) : "";
}

/** The kind of read failure `err` is: unreadable for any code the table does not know. */
export function errnoKind(err: unknown): ErrnoKind {
  return ERRNO[errnoOf(err)]?.kind ?? "unreadable";
}

/** Why the file could not be read, in `lang`; an unknown code is named as it is. */
export function errnoReason(err: unknown, lang: Lang): string {
  const code = errnoOf(err);
  const known = ERRNO[code];
  if (known) return known[lang];
  return lang === "ja" ? `読み込めません（${code || "不明なエラー"}）` : `cannot be read (${code || "unknown error"})`;
}
