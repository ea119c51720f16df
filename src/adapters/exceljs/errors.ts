/**
 * Why a workbook could not be read, as one clear line in Japanese or English (never a stack trace).
 * Browser-safe: no Node imports.
 */
import type { Lang } from "../../core/values/format";
import {
  MAX_CELLS,
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  MAX_GRID_SLOTS,
  MAX_INFLATED_BYTES,
  MAX_MERGES,
  MAX_PART_BYTES,
  MAX_ROWS,
  MAX_SHARED_STRINGS,
  MAX_TEXT_CHARS,
  MAX_ZIP_ENTRIES,
} from "../xlsx/limits";

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
  | "empty"
  /** A hard limit met (../xlsx/limits.ts): each message names the limit and, where there is one, the part. */
  | LimitCode;

/** Where a limit was met: the part of the zip (xl/worksheets/sheet1.xml) and, for out-of-range, the cell. */
export interface ReadErrorDetail {
  part?: string;
  cell?: string;
}

const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
const count = (n: number): string => n.toLocaleString("en-US");
/** "（xl/worksheets/sheet1.xml）" / " (xl/worksheets/sheet1.xml)", or nothing when the part is unknown. */
const inJa = (d: ReadErrorDetail): string => (d.part ? `（${d.part}）` : "");
const inEn = (d: ReadErrorDetail): string => (d.part ? ` (${d.part})` : "");

/** Messages of the limits: one line each, naming the limit and the part. */
const LIMIT_MESSAGES = {
  "file-too-large": () => ({
    ja: `ファイルが大きすぎます（上限 ${mb(MAX_FILE_BYTES)}）`,
    en: `the file is too large (limit ${mb(MAX_FILE_BYTES)})`,
  }),
  "too-many-parts": () => ({
    ja: `ブック内の部品が多すぎます（上限 ${count(MAX_ZIP_ENTRIES)}個）`,
    en: `the workbook holds too many parts (limit ${count(MAX_ZIP_ENTRIES)})`,
  }),
  "part-too-large": (d) => ({
    ja: `ブック内の部品が展開すると大きすぎます（上限 ${mb(MAX_PART_BYTES)}）${inJa(d)}`,
    en: `a part of the workbook inflates beyond the limit of ${mb(MAX_PART_BYTES)}${inEn(d)}`,
  }),
  "workbook-too-large": (d) => ({
    ja: `ブックを展開すると大きすぎます（上限 ${mb(MAX_INFLATED_BYTES)}）${inJa(d)}`,
    en: `the workbook inflates beyond the limit of ${mb(MAX_INFLATED_BYTES)}${inEn(d)}`,
  }),
  "out-of-range": (d) => ({
    ja: `Excelのシートの範囲（${count(MAX_ROWS)}行・XFD列）を超えるセル${d.cell ? ` ${d.cell}` : ""}があり、正しいブックではありません${inJa(d)}`,
    en: `a cell${d.cell ? ` ${d.cell}` : ""} lies beyond Excel's grid (${count(MAX_ROWS)} rows, ${count(MAX_COLUMNS)} columns to XFD): not a valid workbook${inEn(d)}`,
  }),
  "too-many-cells": (d) => ({
    ja: `値のあるセルが多すぎます（上限 ${count(MAX_CELLS)}個）${inJa(d)}`,
    en: `too many non-empty cells (limit ${count(MAX_CELLS)})${inEn(d)}`,
  }),
  "grid-too-large": (d) => ({
    ja: `使われているセル範囲が広すぎます（上限 ${count(MAX_GRID_SLOTS)}セル）${inJa(d)}`,
    en: `the cells in use span too large an area (limit ${count(MAX_GRID_SLOTS)} cells)${inEn(d)}`,
  }),
  "too-many-strings": (d) => ({
    ja: `共有文字列が多すぎます（上限 ${count(MAX_SHARED_STRINGS)}個）${inJa(d)}`,
    en: `too many shared strings (limit ${count(MAX_SHARED_STRINGS)})${inEn(d)}`,
  }),
  "text-too-long": (d) => ({
    ja: `Excelの上限（${count(MAX_TEXT_CHARS)}文字）を超える文字列があります${inJa(d)}`,
    en: `a text is longer than Excel's limit of ${count(MAX_TEXT_CHARS)} characters${inEn(d)}`,
  }),
  "too-many-merges": (d) => ({
    ja: `結合セルが多すぎます（1シートの上限 ${count(MAX_MERGES)}個）${inJa(d)}`,
    en: `too many merged ranges (limit ${count(MAX_MERGES)} per sheet)${inEn(d)}`,
  }),
} satisfies Record<string, (d: ReadErrorDetail) => { ja: string; en: string }>;

/**
 * The hard limits: the file (file-too-large), the zip (too-many-parts, part-too-large, workbook-too-large), a
 * cell beyond row 1,048,576 or column XFD (out-of-range), and the sheets' cells, grid, shared strings, text
 * length and merged ranges.
 */
export type LimitCode = keyof typeof LIMIT_MESSAGES;

const MESSAGES: Record<Exclude<WorkbookReadErrorCode, LimitCode>, { ja: string; en: string }> = {
  "not-found": { ja: "ファイルが見つかりません", en: "file not found" },
  directory: { ja: "フォルダであり、Excelファイルではありません", en: "is a folder, not an Excel file" },
  unreadable: {
    ja: "ファイルを読み込めません（アクセス権を確認してください）",
    en: "cannot read the file (check its permissions)",
  },
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
  /** The part and cell where a limit was met. */
  readonly detail?: ReadErrorDetail;

  constructor(code: WorkbookReadErrorCode, file?: string, options?: { cause?: unknown; detail?: ReadErrorDetail }) {
    const messages = messagesOf(code, options?.detail ?? {});
    super(messages.en);
    this.name = "WorkbookReadError";
    this.code = code;
    this.messages = messages;
    this.file = file;
    if (options?.detail) this.detail = options.detail;
    if (options && "cause" in options) (this as { cause?: unknown }).cause = options.cause;
  }

  /** The same error for a file read from a path. */
  withFile(file: string): WorkbookReadError {
    return new WorkbookReadError(this.code, file, { cause: (this as { cause?: unknown }).cause, detail: this.detail });
  }

  /** The one-line reason, without the file name. */
  messageIn(lang: Lang): string {
    return this.messages[lang];
  }
}

export function isWorkbookReadError(err: unknown): err is WorkbookReadError {
  return err instanceof WorkbookReadError;
}

/** Whether a read error is one of the hard limits (../xlsx/limits.ts) rather than a damaged or foreign file. */
export function isLimitCode(code: WorkbookReadErrorCode): code is LimitCode {
  return code in LIMIT_MESSAGES;
}

function messagesOf(code: WorkbookReadErrorCode, detail: ReadErrorDetail): { ja: string; en: string } {
  return isLimitCode(code) ? LIMIT_MESSAGES[code](detail) : MESSAGES[code];
}

export function readErrorMessage(code: WorkbookReadErrorCode, lang: Lang, detail: ReadErrorDetail = {}): string {
  return messagesOf(code, detail)[lang];
}
