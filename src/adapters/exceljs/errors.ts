/**
 * Why a workbook could not be read, as one clear line in Japanese or English (never a stack trace).
 * Browser-safe: no Node imports.
 */
import type { Lang } from "../../core/report/format";

export type WorkbookReadErrorCode =
  /** The path does not exist. */
  | "not-found"
  /** The path is a folder. */
  | "directory"
  /** The file exists but cannot be opened (permissions, I/O error). */
  | "unreadable"
  /** Not an Excel workbook at all: text, CSV, PDF, an empty file, a zip that is not a workbook… */
  | "not-xlsx"
  /** A zip (xlsx) that is damaged or cut short. */
  | "corrupt"
  /** A password-protected (encrypted) workbook: an OLE/CFB file holding an EncryptedPackage. */
  | "encrypted"
  /** An old binary .xls workbook (Excel 97–2003), also OLE/CFB. */
  | "xls"
  /** A workbook with no sheets or no cells. */
  | "empty";

const MESSAGES: Record<WorkbookReadErrorCode, { ja: string; en: string }> = {
  "not-found": { ja: "ファイルが見つかりません", en: "file not found" },
  directory: { ja: "フォルダであり、Excelファイルではありません", en: "is a folder, not an Excel file" },
  unreadable: { ja: "ファイルを読み込めません（アクセス権を確認してください）", en: "cannot read the file (check its permissions)" },
  "not-xlsx": {
    ja: "Excelブック（.xlsx）ではありません（CSV・PDF・テキスト等の拡張子を変えたものは読めません）",
    en: "not an Excel workbook (.xlsx); a CSV, PDF or text file renamed to .xlsx cannot be read",
  },
  corrupt: {
    ja: "ファイルが壊れているか途中で切れています（Excelで開いて保存し直してください）",
    en: "the file is damaged or truncated (open it in Excel and save it again)",
  },
  encrypted: {
    ja: "パスワードで保護されているため読めません（保護を解除して保存し直してください）",
    en: "the workbook is password-protected (remove the password and save it again)",
  },
  xls: {
    ja: "旧形式の .xls ファイルです（Excelで .xlsx 形式に保存し直してください）",
    en: "an old .xls workbook (save it as .xlsx in Excel)",
  },
  empty: { ja: "シートまたはセルが一つもない空のブックです", en: "the workbook is empty (no sheets or no cells)" },
};

export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  readonly messages: { ja: string; en: string };
  /** The file, when read from a path. */
  readonly file?: string;

  constructor(code: WorkbookReadErrorCode, file?: string, options?: { cause?: unknown }) {
    super(MESSAGES[code].en);
    this.name = "WorkbookReadError";
    this.code = code;
    this.messages = MESSAGES[code];
    this.file = file;
    if (options && "cause" in options) (this as { cause?: unknown }).cause = options.cause;
  }

  /** The one-line reason, without the file name. */
  messageIn(lang: Lang): string {
    return this.messages[lang];
  }
}

export function isWorkbookReadError(err: unknown): err is WorkbookReadError {
  return err instanceof WorkbookReadError;
}

export function readErrorMessage(code: WorkbookReadErrorCode, lang: Lang): string {
  return MESSAGES[code][lang];
}
