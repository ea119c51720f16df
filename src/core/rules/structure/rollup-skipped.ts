/**
 * The roll-up (DOMAIN §3.4) could not run: a project's monitoring sheet is missing from the set, or claimed twice
 * (the second claim is also structure/duplicate-project, an error). Reported on the 全体 sheet, in the file that
 * holds it.
 *
 * With no 全体 sheet at all: a workbook checked alone says nothing (a project's own workbook has nothing to roll
 * up), but a set of several workbooks holding PJ sheets says that the roll-up was skipped, naming 全体 first
 * among the missing, on the first PJ sheet of the set (the reviewer checked a folder and forgot the overall
 * workbook, or it matched no template).
 */
import { setMembers, fileOf } from "../../sheets/context";
import { rollupState, type SetSheet } from "../../sheets/monitoring/rollup";
import { toA1 } from "../../model/address";
import type { Rule, RuleFinding } from "../rule";

/** The header's first cell: the top of the table the roll-up would have checked. */
export function headerCell(s: SetSheet): string {
  const table = s.mon.table;
  const col = Math.min(...Object.values(table.columns).flat());
  return toA1(table.headerRow, Number.isFinite(col) ? col : 0);
}

export const rule: Rule = {
  meta: {
    id: "structure/rollup-skipped",
    severity: "info",
    description: {
      ja: "全体・PJ1〜PJ8 のモニタリングシートがそろっていない（または重複している）ため、全体シートとの集計の検証を省略した",
      en: "The roll-up to the overall sheet was skipped because the overall or a PJ monitoring sheet is missing (or claimed twice)",
    },
    messages: {
      missing: {
        ja: "{missing}のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
        en: "No monitoring sheet for {missingEn}; the roll-up to the overall sheet was skipped.",
      },
      duplicate: {
        ja: "{duplicates}のモニタリングシートが複数あるため、全体シートとの集計の検証を省略しました。",
        en: "More than one monitoring sheet for {duplicatesEn}; the roll-up to the overall sheet was skipped.",
      },
    },
  },
  check(ctx) {
    const state = rollupState(ctx);
    if (state.kind === "no-overall") {
      const at = state.projects[0];
      if (setMembers(ctx).length < 2 || at.file !== fileOf(ctx)) return [];
      return [
        {
          messageId: "missing",
          data: { missing: state.missing.join("・"), missingEn: state.missing.join(", ") },
          sheet: at.mon.sheet,
          cell: headerCell(at),
        },
      ];
    }
    if (state.kind !== "skipped" || state.overall.file !== fileOf(ctx)) return [];
    const sheet = state.overall.mon.sheet;
    const cell = headerCell(state.overall);
    const finding: RuleFinding =
      state.missing.length > 0
        ? {
            messageId: "missing",
            data: { missing: state.missing.join("・"), missingEn: state.missing.join(", ") },
            sheet,
            cell,
          }
        : {
            messageId: "duplicate",
            data: { duplicates: state.duplicates.join("・"), duplicatesEn: state.duplicates.join(", ") },
            sheet,
            cell,
          };
    return [finding];
  },
};
