/**
 * 「次の問題」/「前の問題」 in browser mode: the errors and warnings of every open file, file by file in the order
 * opened and, within a file, as its pane lists them (sheet by sheet, in the engine's order). Infos are not problems,
 * and accepted findings (確認済み) are settled: neither is stepped through. Pure, so the order is tested without a page.
 */
import type { Finding } from "../../core/model/finding";

export interface Problem {
  fileId: string;
  fileName: string;
  finding: Finding;
}

/** The same finding in two results of the same file (messages may differ: the pane's copy names other files). */
export const problemKey = (f: Pick<Finding, "rule" | "sheet" | "cell" | "cells">): string =>
  `${f.rule}|${f.sheet}|${f.cell}|${f.cells.join(",")}`;

export function problemsOf(files: readonly { id: string; name: string; findings: readonly Finding[] }[]): Problem[] {
  const out: Problem[] = [];
  for (const file of files) {
    const problems = file.findings.filter((f) => f.severity !== "info" && !f.accepted);
    const sheets: string[] = [];
    for (const f of problems) if (!sheets.includes(f.sheet)) sheets.push(f.sheet);
    for (const sheet of sheets)
      for (const finding of problems)
        if (finding.sheet === sheet) out.push({ fileId: file.id, fileName: file.name, finding });
  }
  return out;
}

/**
 * The problem to go to from `from` (a file and a finding, or only a file when no problem of it is selected) in
 * `direction`, wrapping round at either end. From a file alone: its first problem forward (its last backward), or
 * the next file's when it has none.
 */
export function step(
  problems: readonly Problem[],
  from: { fileId: string; key?: string } | null,
  direction: 1 | -1,
  fileOrder: readonly string[],
): { problem: Problem; index: number } | null {
  const n = problems.length;
  if (n === 0) return null;
  const at =
    from?.key !== undefined
      ? problems.findIndex((p) => p.fileId === from.fileId && problemKey(p.finding) === from.key)
      : -1;
  let index: number;
  if (at >= 0) index = (at + direction + n) % n;
  else if (from) {
    // the first problem in a file at or after this one (forward), or the last in a file at or before it (backward)
    const rank = (id: string) => fileOrder.indexOf(id);
    const here = rank(from.fileId);
    if (direction === 1) {
      index = problems.findIndex((p) => rank(p.fileId) >= here);
      if (index < 0) index = 0;
    } else {
      index = problems.length - 1 - [...problems].reverse().findIndex((p) => rank(p.fileId) <= here);
      if (index > n - 1) index = n - 1;
    }
  } else index = direction === 1 ? 0 : n - 1;
  return { problem: problems[index], index };
}
