/**
 * Excel's errors (OfficeExtension.Error codes) as HostError, the one clear message with a retry the
 * task pane shows. Japanese first; English with lang "en".
 */
import { HostError } from "../../host/host";
import type { Lang } from "../../core/values/format";

type Code = HostError["code"];

const MESSAGES: Record<
  "cell-edit-mode" | "payload-too-large" | "unsupported-api" | "workbook-changed" | "protected" | "unknown",
  Record<Lang, string>
> = {
  "cell-edit-mode": {
    ja: "セルの編集を終えてから、もう一度実行してください。",
    en: "Finish editing the cell, then try again.",
  },
  "payload-too-large": {
    ja: "データが大きすぎて Excel とやり取りできませんでした。シートを分けるか、デスクトップ版 Excel でお試しください。",
    en: "The data is too large to exchange with Excel. Split the sheet or try Excel on the desktop.",
  },
  "unsupported-api": {
    ja: "このバージョンの Excel はこの機能に対応していません（ExcelApi {set} 以降が必要です）。",
    en: "This version of Excel does not support this feature (it needs ExcelApi {set} or later).",
  },
  "workbook-changed": {
    ja: "確認中にブックが変更されました。もう一度チェックしてください。",
    en: "The workbook changed while Kensa was working. Check it again.",
  },
  protected: {
    ja: "シートまたはブックが保護されているため、Excel が書き込みを受け付けませんでした。保護を解除してから、もう一度実行してください。",
    en: "Excel refused the change because the sheet or the workbook is protected. Unprotect it, then try again.",
  },
  unknown: {
    ja: "Excel でエラーが発生しました: {detail}",
    en: "Excel reported an error: {detail}",
  },
};

export function hostMessage(code: keyof typeof MESSAGES, lang: Lang, fill: Record<string, string> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => fill[k] ?? "");
}

export function hostError(
  code: keyof typeof MESSAGES,
  lang: Lang,
  fill: Record<string, string> = {},
  retryable = true,
): HostError {
  return new HostError(code, hostMessage(code, lang, fill), retryable);
}

/** The `code` of an OfficeExtension.Error (or anything shaped like one). */
export function excelErrorCode(err: unknown): string | undefined {
  if (err && typeof err === "object" && "code" in err) {
    const c = (err as { code?: unknown }).code;
    if (typeof c === "string") return c;
  }
  return undefined;
}

/** Codes of a first sync that failed because of the reads queued with it (then made again without them). */
export const PREFETCH_FAILURES = new Set([
  "ItemNotFound",
  "InvalidReference",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

export function isPayloadError(err: unknown): boolean {
  const code = excelErrorCode(err);
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit"
  );
}

const CHANGED = new Set(["ItemNotFound", "InvalidReference", "InvalidSelection", "InactiveWorkbook"]);
const UNSUPPORTED = new Set([
  "ApiNotFound",
  "ApiNotAvailable",
  "NotImplemented",
  "UnsupportedOperation",
  "UnsupportedFeature",
]);

/** Maps anything thrown inside Excel.run to a HostError (HostErrors pass through unchanged). */
export function toHostError(err: unknown, lang: Lang, requiredSet = "1.9"): HostError {
  if (err instanceof HostError) return err;
  const code = excelErrorCode(err);
  let mapped: Code = "unknown";
  if (code === "InvalidOperationInCellEditMode") mapped = "cell-edit-mode";
  // Excel does not document the code of a write refused by protection; AccessDenied is its "You cannot
  // perform the requested operation" (application-specific-api-error-handling.md). Kensa checks protection
  // before writing, so this is only the last line.
  else if (code === "AccessDenied") mapped = "protected";
  else if (code && isPayloadError(err)) mapped = "payload-too-large";
  else if (code && UNSUPPORTED.has(code)) mapped = "unsupported-api";
  else if (code && CHANGED.has(code)) mapped = "workbook-changed";
  if (mapped === "unknown") {
    const detail = err instanceof Error ? err.message : String(err);
    const e = hostError("unknown", lang, { detail: code && !detail.includes(code) ? `${detail} (${code})` : detail });
    (e as { cause?: unknown }).cause = err;
    return e;
  }
  const e = hostError(mapped, lang, { set: requiredSet }, mapped !== "unsupported-api");
  (e as { cause?: unknown }).cause = err;
  return e;
}
