/**
 * Two monitoring sheets of a submission set claim the same project (DOMAIN §3.4): the same 統合プロジェクト
 * (`全体`, `PJ1`…`PJ8`) in two workbooks, or twice in one. Kensa cannot tell which one is meant, so the roll-up is
 * skipped (structure/rollup-skipped) and each later claim is an error, reported on its own metadata cell and
 * naming the first claim (file and sheet) with its cell in `cells`.
 */
import { cellRef } from "../../model/refs";
import { projectClaims, type SetSheet } from "../../sheets/monitoring/rollup";
import { fileOf } from "../../sheets/context";
import type { Rule, RuleFinding } from "../rule";
import { headerCell } from "./rollup-skipped";

/** The cell holding the 統合プロジェクト value above the header (the header's first cell if none was read). */
export function projectCell(s: SetSheet): string {
  return s.mon.projectCell ?? headerCell(s);
}

function where(s: SetSheet, lang: "ja" | "en"): string {
  if (lang === "ja") return s.file ? `「${s.file}」のシート「${s.mon.sheet}」` : `シート「${s.mon.sheet}」`;
  return s.file ? `sheet “${s.mon.sheet}” of ${s.file}` : `sheet “${s.mon.sheet}”`;
}

export const rule: Rule = {
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
        en: "Two monitoring sheets for {project}: {firstEn} and {hereEn}. Kensa cannot tell which one to roll up; remove one of them.",
      },
    },
  },
  check(ctx) {
    const file = fileOf(ctx);
    const out: RuleFinding[] = [];
    for (const claim of projectClaims(ctx)) {
      const [first, ...later] = claim.sheets;
      for (const s of later) {
        if (s.file !== file) continue;
        const here = { file: s.file, sheet: s.mon.sheet };
        const cell = projectCell(s);
        out.push({
          messageId: "duplicate",
          data: {
            project: claim.code,
            first: where(first, "ja"),
            here: where(s, "ja"),
            firstEn: where(first, "en"),
            hereEn: where(s, "en"),
          },
          sheet: s.mon.sheet,
          cell,
          cells: [cell, cellRef(here, { file: first.file, sheet: first.mon.sheet }, projectCell(first))],
        });
      }
    }
    return out;
  },
};
