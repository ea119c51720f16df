/**
 * Cross-file findings in browser mode (DOMAIN §3.4). A finding of a submission set is listed under the file
 * holding its primary cell; its other cells may be in other files, written `[提出_医薬品.xlsx]様式2!G6` in its
 * `cells`. The pane's finding rows show the message only, so browser mode hands the pane a copy of each result
 * whose cross-file messages end with the other files' cells written readably
 * (「他のファイル: 提出_医薬品.xlsx の 様式2!G6、…」, as `kensa check` prints them on a line of their own), and
 * keeps the original result for the download (the annotated copy's 検証結果 sheet and the findings workbook carry
 * the messages exactly as the CLI writes them). Accepted findings (確認済み) keep their message: the pane's rows
 * show `accepted` themselves (a 確認済み badge and the reason), as in Excel.
 *
 * Pure: no DOM, no exceljs.
 */
import type { CheckResult } from "../core/engine";
import type { Lang } from "../core/values/format";
import { otherFilesText } from "../core/report/other-files";

export { otherFileCells, otherFilesText, readableOtherCell, type OtherFileCell } from "../core/report/other-files";

/** The copies handed to the pane, each with the result it was made from. */
const ORIGINALS = new WeakMap<CheckResult, CheckResult>();

/**
 * The result as the pane shows it: each cross-file finding's message followed by the other files' cells. The
 * same object when no finding is one.
 */
export function withOtherFiles(result: CheckResult, lang: Lang): CheckResult {
  let changed = false;
  const findings = result.findings.map((f) => {
    const text = otherFilesText(f, lang);
    if (!text) return f;
    changed = true;
    return { ...f, message: `${f.message} ${text}` };
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
