import { monitoringSheets } from "../../sheets/monitoring/read";
import { editDistance } from "../../values/edit-distance";
import { normalizeLabel } from "../../values/normalize";
import { defineRule, type FindingOf } from "../rule";

const WHAT = {
  indicator: { ja: "指標名", en: "indicator" },
  group: { ja: "内訳", en: "breakdown" },
  item: { ja: "項目", en: "item" },
  subItem: { ja: "細目", en: "sub-item" },
  share: { ja: "割合の区分", en: "share" },
} as const;

const MESSAGES = {
  typo: {
    ja: "{what}「{label}」は標準の指標一覧にありません。「{suggestion}」として扱いました（誤記ではありませんか）。",
    en: "The {what} “{label}” is not in the standard indicator list; it was read as “{suggestion}” (a typo?).",
  },
  nearest: {
    ja: "{what}「{label}」は標準の指標一覧にありません（近い名称：「{suggestion}」）。合計・集計の検証には使っていません。",
    en: "The {what} “{label}” is not in the standard indicator list (nearest: “{suggestion}”); it is left out of sums and roll-ups.",
  },
  unknown: {
    ja: "{what}「{label}」は標準の指標一覧にありません。合計・集計の検証には使っていません。",
    en: "The {what} “{label}” is not in the standard indicator list; it is left out of sums and roll-ups.",
  },
  indicatorDiffers: {
    ja: "番号{number}の指標名「{label}」は、標準の指標一覧の「{suggestion}」と異なります（番号の誤りではありませんか）。",
    en: "Indicator {number} is labelled “{label}”, but standard indicator {number} is “{suggestion}” (a wrong number?).",
  },
  unknownShare: {
    ja: "{what}「{label}」は「{item}」の区分（{known}）にありません。割合の合計には含めて検証しました。",
    en: "The {what} “{label}” is not one of the shares of “{item}” ({known}); it was still counted in the 100% total.",
  },
  unknownIndicator: {
    ja: "番号{number}の指標「{label}」は標準の指標一覧にありません。内訳は検証していません。",
    en: "Indicator {number} (“{label}”) is not a standard indicator; its breakdowns are not checked.",
  },
} as const;

type Found = FindingOf<typeof MESSAGES, keyof typeof WHAT>;

/** Where a share's label is written, as a kind of label. */
const SHARE_WHAT = { 項目: "item", 細目: "subItem", 値: "share" } as const;

export const rule = defineRule({
  meta: {
    id: "label/unknown",
    severity: "info",
    description: {
      ja: "指標・内訳・項目の名称が標準の指標一覧にない（誤記の可能性と近い名称を示す）",
      en: "An indicator, breakdown or item label is not in the standard indicator list (with the nearest label)",
    },
    messages: MESSAGES,
    /** What kind of label it is: 「指標名」, “indicator”. */
    phrases: WHAT,
  },
  check(ctx) {
    const out: Found[] = [];
    const push = (
      sheet: string,
      cell: string,
      what: keyof typeof WHAT,
      label: string,
      kind: "typo" | "nearest" | "unknown",
      suggestion?: string,
      fixable = true,
    ) => {
      const named = { what: { phrase: what }, label } as const;
      const f: Found =
        kind === "unknown"
          ? { messageId: kind, data: named, sheet, cell }
          : { messageId: kind, data: { ...named, suggestion: suggestion ?? "" }, sheet, cell };
      if (
        fixable &&
        suggestion &&
        normalizeLabel(suggestion) !== normalizeLabel(label) &&
        editDistance(normalizeLabel(label), normalizeLabel(suggestion), 2) <= 2
      ) {
        f.fix = { sheet, cell, value: suggestion };
      }
      out.push(f);
    };
    for (const sheet of monitoringSheets(ctx)) {
      const s = sheet.sheet;
      for (const ind of sheet.indicators) {
        if (!ind.catalogue) {
          out.push({
            messageId: "unknownIndicator",
            data: { number: ind.number, label: ind.label },
            sheet: s,
            cell: ind.numberCell,
          });
          continue;
        }
        const lm = ind.labelMatch;
        if (lm && !lm.exact && ind.label) {
          if (lm.differs) {
            out.push({
              messageId: "indicatorDiffers",
              data: { number: ind.number, label: ind.label, suggestion: lm.suggestion ?? "" },
              sheet: s,
              cell: ind.labelCell,
            });
          } else push(s, ind.labelCell, "indicator", ind.label, "typo", lm.suggestion);
        }
        for (const g of ind.groups) {
          if (g.label !== null && g.labelCell) {
            if (!g.catalogueGroup) push(s, g.labelCell, "group", g.label, "unknown");
            else if (g.match && !g.match.exact) push(s, g.labelCell, "group", g.label, "typo", g.match.suggestion);
          }
          for (const it of g.items) {
            if (it.label) {
              if (it.unknown)
                push(s, it.labelCell, "item", it.label, it.unknown.nearest ? "nearest" : "unknown", it.unknown.nearest);
              else if (it.match && !it.match.exact)
                push(s, it.labelCell, "item", it.label, "typo", it.match.suggestion);
            }
            // Shares (男 / 女 / その他 of indicator 7), wherever their labels are written.
            const ci = it.catalogueItem;
            for (const sh of it.shares) {
              if (!sh.label || !ci?.shares) continue;
              const what = SHARE_WHAT[sh.labelColumn];
              const cell = sh.labelCell ?? sh.cell;
              if (!sh.key) {
                const known = ci.shares.map((x) => x.label).join("・");
                out.push({
                  messageId: "unknownShare",
                  data: { what: { phrase: what }, label: sh.label, item: ci.label, known },
                  sheet: s,
                  cell,
                });
              } else if (sh.match && !sh.match.exact)
                push(s, cell, what, sh.label, "typo", sh.match.suggestion, sh.labelCell !== undefined);
            }
            // An open list (医薬品 by modality) takes any 細目 label.
            if (!it.catalogueItem?.subItems || it.catalogueItem.subItems.openLabels) continue;
            for (const sub of it.subItems) {
              if (!sub.label) continue;
              const cell = sub.labelCell ?? sub.cell;
              if (!sub.key) push(s, cell, "subItem", sub.label, "unknown");
              // A composite part's label sits inside its value (`12件（治療用9件／…）`): no cell to rewrite.
              else if (sub.match && !sub.match.exact)
                push(s, cell, "subItem", sub.label, "typo", sub.match.suggestion, sub.labelCell !== undefined);
            }
          }
        }
      }
    }
    return out;
  },
});
