/**
 * Cross-file findings in browser mode (DOMAIN §3.4). A finding of a submission set is listed under the file
 * holding its primary cell; its other cells may be in other files, written `[提出_医薬品.xlsx]様式2!G6` in its
 * `cells`. The pane's finding rows show the message only, so browser mode hands the pane a copy of each result
 * whose cross-file messages end with the other files' cells written readably
 * (「他のファイル: 提出_医薬品.xlsx の 様式2!G6、…」, as `kensa check` prints them on a line of their own), and
 * keeps the original result for the download (the annotated copy's 検証結果 sheet and the findings workbook carry
 * the messages exactly as the CLI writes them).
 *
 * Pure: no DOM, no exceljs.
 */
import type { CheckResult } from "../core/engine";
import type { Finding } from "../core/model/finding";
import type { Lang } from "../core/report/format";
import { otherFilesText } from "../core/report/other-files";
import { acceptedText } from "../core/accept/index";

export { otherFileCells, otherFilesText, readableOtherCell, type OtherFileCell } from "../core/report/other-files";

/** The copies handed to the pane, each with the result it was made from. */
const ORIGINALS = new WeakMap<CheckResult, CheckResult>();

/**
 * 「［確認済み］…（理由: 指標8は令和8年度からの事業のため（山田、2025-12-02））」: an accepted finding's message as
 * the pane lists it. The pane's rows show the message only; until they show `accepted` themselves, browser mode
 * says it in the message (the download keeps the message as the CLI writes it, with the 状態 column).
 */
export function acceptedMessage(f: Pick<Finding, "message" | "accepted">, lang: Lang): string {
  if (!f.accepted) return f.message;
  const why = acceptedText(f.accepted, lang);
  return lang === "ja" ? `［確認済み］${f.message}（理由: ${why}）` : `[Accepted] ${f.message} (reason: ${why})`;
}

/**
 * The result as the pane shows it: each cross-file finding's message followed by the other files' cells, each
 * accepted finding's marked 確認済み with its reason. The same object when no finding is either.
 */
export function withOtherFiles(result: CheckResult, lang: Lang): CheckResult {
  let changed = false;
  const findings = result.findings.map((f) => {
    const text = otherFilesText(f, lang);
    if (!text && !f.accepted) return f;
    changed = true;
    const message = acceptedMessage(f, lang);
    return { ...f, message: text ? `${message} ${text}` : message };
  });
  if (!changed) return result;
  const copy: CheckResult = { ...result, findings };
  ORIGINALS.set(copy, result);
  return copy;
}

/** The result a pane copy was made from (the result itself when it is not such a copy). */
export function originalResult(result: CheckResult): CheckResult {
  return ORIGINALS.get(result) ?? result;
}
