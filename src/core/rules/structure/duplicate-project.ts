/**
 * Two monitoring sheets of a submission set claim the same project (DOMAIN §3.4): the same 統合プロジェクト
 * (`全体`, `PJ1`…`PJ8`) in two workbooks, or twice in one. Kensa cannot tell which one is meant, so the roll-up is
 * skipped (structure/rollup-skipped) and each later claim is an error, reported on its own metadata cell and
 * naming the first claim (file and sheet) with its cell in `cells`.
 */
import { cellRef } from "../../model/refs";
import { projectClaims, type SetSheet } from "../../sheets/monitoring/rollup";
import { fileOf } from "../../sheets/context";
import type { Term } from "../message";
import { defineRule } from "../rule";
import { headerCell } from "./rollup-skipped";

/** The cell holding the 統合プロジェクト value above the header (the header's first cell if none was read). */
export function projectCell(s: SetSheet): string {
  return s.mon.projectCell ?? headerCell(s);
}

/** Where a claiming sheet is: its file (in a set) and sheet. */
function where(s: SetSheet): Term<"sheetOfFile" | "sheet"> {
  return s.file
    ? { phrase: "sheetOfFile", data: { file: s.file, sheet: s.mon.sheet } }
    : { phrase: "sheet", data: { sheet: s.mon.sheet } };
}

export const rule = defineRule({
  meta: {
    id: "structure/duplicate-project",
    severity: "error",
    description: {
      ja: "同じ統合プロジェクト（全体・PJ1〜PJ8）のモニタリングシートが二つ以上ある（同じブック内、または一緒に検証した別のブック）",
      en: "Two monitoring sheets claim the same project (全体 or PJ1–PJ8), in one workbook or across the workbooks checked together",
    },
    messages: {
      duplicate: {
        ja: "{project}のモニタリングシートが二つあります（{first}と{here}）。どちらを集計に使うか決められないため、一方を外してください。",
        en: "Two monitoring sheets for {project}: {first} and {here}. Kensa cannot tell which one to roll up; remove one of them.",
      },
    },
    phrases: {
      sheetOfFile: { ja: "「{file}」のシート「{sheet}」", en: "sheet “{sheet}” of {file}" },
      sheet: { ja: "シート「{sheet}」", en: "sheet “{sheet}”" },
    },
  },
  *check(ctx) {
    const file = fileOf(ctx);
    for (const claim of projectClaims(ctx)) {
      const [first, ...later] = claim.sheets;
      for (const s of later) {
        if (s.file !== file) continue;
        const here = { file: s.file, sheet: s.mon.sheet };
        const cell = projectCell(s);
        yield {
          messageId: "duplicate",
          data: {
            project: claim.code,
            first: where(first),
            here: where(s),
          },
          sheet: s.mon.sheet,
          cell,
          cells: [cell, cellRef(here, { file: first.file, sheet: first.mon.sheet }, projectCell(first))],
        };
      }
    }
  },
});
