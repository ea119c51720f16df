import type { Rule } from "../rule";
import { isKensaResultSheet } from "../shared/result-sheet";

export const rule: Rule = {
  meta: {
    id: "structure/unknown-sheet",
    severity: "info",
    description: { ja: "どの様式にも当たらないシート（検証対象外）", en: "A sheet of no known kind (not checked)" },
    messages: {
      unknown: {
        ja: "シート「{sheet}」は見出し行が見つからないため検証していません（最初の30行に様式の見出しがありません）。",
        en: "Sheet “{sheet}” was not checked: no known header row in its first 30 rows.",
      },
    },
  },
  check(ctx) {
    const known = new Set(ctx.tables.map((t) => t.sheet));
    return ctx.workbook.sheets
      .filter((s) => !known.has(s) && !isKensaResultSheet(s))
      .map((s) => ({ messageId: "unknown", data: { sheet: s.name }, sheet: s.name, cell: "A1" }));
  },
};
