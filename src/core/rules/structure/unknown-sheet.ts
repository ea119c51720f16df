import { KIND_TITLES } from "../../model/kinds";
import { nearKind } from "../../sheets/detect";
import { defineRule } from "../rule";
import { isKensaResultSheet } from "../../model/kensa-sheets";
import { isCatalogueSheet } from "../../catalogue/sheet";

export const rule = defineRule({
  meta: {
    id: "structure/unknown-sheet",
    severity: "info",
    description: { ja: "どの様式にも当たらないシート（検証対象外）", en: "A sheet of no known kind (not checked)" },
    messages: {
      unknown: {
        ja: "シート「{sheet}」は見出し行が見つからないため検証していません（最初の30行に様式の見出しがありません）。",
        en: "Sheet “{sheet}” was not checked: no known header row in its first 30 rows.",
      },
      near: {
        ja: "シート「{sheet}」は{kind}の様式に近いものの、見出し「{missing}」が見つからないため検証していません。見出しの文言を様式に合わせてください。",
        en: "Sheet “{sheet}” looks like a {kind} sheet but was not checked: no header “{missing}” was found. Use the template's header labels.",
      },
    },
    /** The kinds' names: 「インハウス予算」, “in-house budget”. */
    phrases: KIND_TITLES,
  },
  check(ctx) {
    const known = new Set(ctx.tables.map((t) => t.sheet));
    return (
      ctx.workbook.sheets
        // Kensa's own sheets: its results, and the workbook's catalogue (reported by catalogue/sheet)
        .filter((s) => !known.has(s) && !isKensaResultSheet(s) && !isCatalogueSheet(s))
        .map((s) => {
          const near = nearKind(s);
          if (!near) return { messageId: "unknown", data: { sheet: s.name }, sheet: s.name, cell: "A1" } as const;
          return {
            messageId: "near",
            data: {
              sheet: s.name,
              kind: { phrase: near.spec.kind },
              missing: { list: near.missing, style: "quoted" },
            },
            sheet: s.name,
            cell: "A1",
          } as const;
        })
    );
  },
});
