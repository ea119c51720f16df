/**
 * A submission set's cross-file cells written readably (DOMAIN §3.4). A finding of a set is listed under the
 * file holding its primary cell; its other cells may be in other files, written `[提出_医薬品.xlsx]様式2!G6` in its
 * `cells`. The faces that list findings by message (browser mode, the Excel pane with added workbooks) name those
 * cells after the message, 「他のファイル: 「提出_医薬品.xlsx」の様式2!G6、…」, as `kensa check` prints them on a line
 * of their own.
 *
 * Pure: shared by browser mode (src/browser/cross-file.ts) and the Excel pane (src/taskpane).
 */
import type { Finding } from "../model/finding";
import type { Lang } from "../values/format";
import { parseRef } from "../model/refs";

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

/** 「提出_医薬品.xlsx」の様式2!G6 / “様式2!G6 in 提出_医薬品.xlsx”: the file quoted, as a sheet name may hold spaces. */
export function readableOtherCell(c: Pick<OtherFileCell, "file" | "sheet" | "cell">, lang: Lang): string {
  const at = c.sheet ? `${c.sheet}!${c.cell}` : c.cell;
  return lang === "ja" ? `「${c.file}」の${at}` : `${at} in ${c.file}`;
}

/** 「他のファイル: 「提出_医薬品.xlsx」の様式2!G6、「提出_医療機器.xlsx」の様式2!G6」, or "" for a finding within one file. */
export function otherFilesText(f: Pick<Finding, "cell" | "cells">, lang: Lang): string {
  const cells = otherFileCells(f);
  if (cells.length === 0) return "";
  const list = cells.map((c) => readableOtherCell(c, lang)).join(lang === "ja" ? "、" : ", ");
  return lang === "ja" ? `他のファイル: ${list}` : `In other files: ${list}`;
}
