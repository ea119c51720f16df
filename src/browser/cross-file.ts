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
import { parseRef } from "../core/report/refs";

/** A cell of another workbook of the set. */
export interface OtherFileCell {
  /** As the finding writes it: `[提出_医薬品.xlsx]様式2!G6`. */
  ref: string;
  /** The file's name in the set. */
  file: string;
  sheet: string;
  cell: string;
}

/** The finding's cells that are in other workbooks of the set, in the finding's order. */
export function otherFileCells(f: Pick<Finding, "cell" | "cells">): OtherFileCell[] {
  const out: OtherFileCell[] = [];
  for (const ref of f.cells) {
    if (ref === f.cell) continue;
    const p = parseRef(ref);
    if (p.file === undefined) continue;
    out.push({ ref, file: p.file, sheet: p.sheet ?? "", cell: p.cell });
  }
  return out;
}

/** 「提出_医薬品.xlsx の 様式2!G6」 / “様式2!G6 in 提出_医薬品.xlsx”. */
export function readableOtherCell(c: Pick<OtherFileCell, "file" | "sheet" | "cell">, lang: Lang): string {
  const at = c.sheet ? `${c.sheet}!${c.cell}` : c.cell;
  return lang === "ja" ? `${c.file} の ${at}` : `${at} in ${c.file}`;
}

/** 「他のファイル: 提出_医薬品.xlsx の 様式2!G6、提出_医療機器.xlsx の 様式2!G6」, or "" for a finding within one file. */
export function otherFilesText(f: Pick<Finding, "cell" | "cells">, lang: Lang): string {
  const cells = otherFileCells(f);
  if (cells.length === 0) return "";
  const list = cells.map((c) => readableOtherCell(c, lang)).join(lang === "ja" ? "、" : ", ");
  return lang === "ja" ? `他のファイル: ${list}` : `In other files: ${list}`;
}

/** The copies handed to the pane, each with the result it was made from. */
const ORIGINALS = new WeakMap<CheckResult, CheckResult>();

/**
 * The result as the pane shows it: each cross-file finding's message followed by the other files' cells. The
 * same object when no finding involves another file.
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
