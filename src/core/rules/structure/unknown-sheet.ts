import { KIND_TITLES } from "../../model/kinds";
import { nearKind } from "../../sheets/detect";
import type { Rule, RuleFinding } from "../rule";
import { isKensaResultSheet } from "../../model/kensa-sheets";
import { isCatalogueSheet } from "../../catalogue/sheet";

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
      near: {
        ja: "シート「{sheet}」は{kind}の様式に近いものの、見出し「{missing}」が見つからないため検証していません。見出しの文言を様式に合わせてください。",
        en: "Sheet “{sheet}” looks like a {kindEn} sheet but was not checked: no header “{missingEn}” was found. Use the template's header labels.",
      },
    },
  },
  check(ctx) {
    const known = new Set(ctx.tables.map((t) => t.sheet));
    return (
      ctx.workbook.sheets
        // Kensa's own sheets: its results, and the workbook's catalogue (reported by catalogue/sheet)
        .filter((s) => !known.has(s) && !isKensaResultSheet(s) && !isCatalogueSheet(s))
        .map((s): RuleFinding => {
          const near = nearKind(s);
          if (!near) return { messageId: "unknown", data: { sheet: s.name }, sheet: s.name, cell: "A1" };
          const title = KIND_TITLES[near.spec.kind];
          return {
            messageId: "near",
            data: {
              sheet: s.name,
              kind: title.ja,
              kindEn: title.en,
              missing: near.missing.join("」「"),
              missingEn: near.missing.join("”, “"),
            },
            sheet: s.name,
            cell: "A1",
          };
        })
    );
  },
};
