import { rollupState } from "../../sheets/monitoring/rollup";
import { toA1 } from "../../model/address";
import type { Rule, RuleFinding } from "../rule";

export const rule: Rule = {
  meta: {
    id: "structure/rollup-skipped",
    severity: "info",
    description: {
      ja: "PJ1〜PJ8 のシートがそろっていないため、全体シートとの集計の検証を省略した",
      en: "The roll-up to the overall sheet was skipped because not every PJ sheet is present",
    },
    messages: {
      missing: {
        ja: "{missing} のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
        en: "No monitoring sheet for {missing}; the roll-up to the overall sheet was skipped.",
      },
      duplicate: {
        ja: "{duplicates} のモニタリングシートが複数あるため、全体シートとの集計の検証を省略しました。",
        en: "More than one monitoring sheet for {duplicates}; the roll-up to the overall sheet was skipped.",
      },
    },
  },
  check(ctx) {
    const state = rollupState(ctx);
    if (state.kind !== "skipped") return [];
    const sheet = state.overall.sheet;
    const table = state.overall.table;
    // The header's first cell: the top of the table the roll-up would have checked.
    const col = Math.min(...Object.values(table.columns).flat());
    const cell = toA1(table.headerRow, Number.isFinite(col) ? col : 0);
    const finding: RuleFinding =
      state.missing.length > 0
        ? { messageId: "missing", data: { missing: state.missing.join(", ") }, sheet, cell }
        : { messageId: "duplicate", data: { duplicates: state.duplicates.join(", ") }, sheet, cell };
    return [finding];
  },
};
