/**
 * The roll-up (DOMAIN §3.4) could not run: a project's monitoring sheet is missing from the set, left blank beside
 * filled ones, or claimed twice (the second claim is also structure/duplicate-project, an error). Reported on the 全体 sheet, in the file that
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
import { defineRule } from "../rule";

/** The header's first cell: the top of the table the roll-up would have checked. */
export function headerCell(s: SetSheet): string {
  const table = s.mon.table;
  const col = Math.min(...Object.values(table.columns).flat());
  return toA1(table.headerRow, Number.isFinite(col) ? col : 0);
}

export const rule = defineRule({
  meta: {
    id: "structure/rollup-skipped",
    severity: "info",
    description: {
      ja: "全体・PJ1〜PJ8 のモニタリングシートがそろっていない（欠けている、空欄のまま、または重複している）ため、全体シートとの集計の検証を省略した",
      en: "The roll-up to the overall sheet was skipped because the overall or a PJ monitoring sheet is missing, left blank or claimed twice",
    },
    messages: {
      missing: {
        ja: "{missing}のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
        en: "No monitoring sheet for {missing}; the roll-up to the overall sheet was skipped.",
      },
      blank: {
        ja: "{blank}のモニタリングシートに数値が1つも入力されていないため、全体シートとの集計の検証を省略しました。",
        en: "The monitoring sheet for {blank} has no figure entered; the roll-up to the overall sheet was skipped.",
      },
      duplicate: {
        ja: "{duplicates}のモニタリングシートが複数あるため、全体シートとの集計の検証を省略しました。",
        en: "More than one monitoring sheet for {duplicates}; the roll-up to the overall sheet was skipped.",
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
          data: { missing: { list: state.missing, style: "and" } },
          sheet: at.mon.sheet,
          cell: headerCell(at),
        },
      ];
    }
    if (state.kind !== "skipped" || state.overall.file !== fileOf(ctx)) return [];
    const sheet = state.overall.mon.sheet;
    const cell = headerCell(state.overall);
    if (state.missing.length > 0)
      return [{ messageId: "missing", data: { missing: { list: state.missing, style: "and" } }, sheet, cell }];
    if (state.blank.length > 0)
      return [{ messageId: "blank", data: { blank: { list: state.blank, style: "and" } }, sheet, cell }];
    return [{ messageId: "duplicate", data: { duplicates: { list: state.duplicates, style: "and" } }, sheet, cell }];
  },
});
