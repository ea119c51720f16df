import { formatNumber } from "../../values/format";
import { itemLabel } from "../../sheets/monitoring/labels";
import { monitoringSheets } from "../../sheets/monitoring/read";
import { compareSum } from "../../values/tolerance";
import type { Figure } from "../../values/types";
import { defineRule } from "../rule";

const HUNDRED: Figure = { value: 100, decimals: 12, unit: "%" };

export const rule = defineRule({
  meta: {
    id: "percent/sum",
    severity: "error",
    description: {
      ja: "割合（男・女・その他の比率など）の合計が100%にならない",
      en: "Percentage shares (male, female, other) do not add up to 100%",
    },
    messages: {
      sum: {
        ja: "「{what}」の割合の合計が{sum}%で、100%になりません（{parts}）。",
        en: "The shares of “{what}” add up to {sum}%, not 100% ({parts}).",
      },
    },
  },
  *check(ctx) {
    const report = function* (sheet: string, what: string, parts: { name: string; figure: Figure; cell: string }[]) {
      if (parts.length === 0) return;
      const c = compareSum(
        HUNDRED,
        parts.map((p) => p.figure),
        "percent",
      );
      // Within the displayed precision (89.0 + 11.0, or 33.3 × 3) the shares are consistent.
      if (c.status !== "mismatch") return;
      const cells = parts.map((p) => p.cell).filter((x, i, a) => a.indexOf(x) === i);
      yield {
        messageId: "sum",
        data: {
          what,
          sum: formatNumber(c.sum, c.sumDecimals),
          parts: parts.map((p) => `${p.name} ${formatNumber(p.figure.value, p.figure.decimals)}`).join(" + "),
        },
        sheet,
        cell: cells[0],
        cells,
        expected: 100,
        actual: c.sum,
      } as const;
    };
    for (const sheet of monitoringSheets(ctx)) {
      for (const ind of sheet.indicators) {
        for (const g of ind.groups) {
          if (g.catalogueGroup?.relation !== "percentages") continue;
          // A percentages item's shares (`男：89.0% 女：11.0%`, or 男 / 女 / その他 on rows of their own) sum to 100 …
          const rows: { name: string; figure: Figure; cell: string }[] = [];
          for (const it of g.items) {
            if (it.shares.length > 0) {
              // A share that is not a number is the value rules' business; summing the others would mislead.
              if (it.shares.some((s) => !s.figure)) continue;
              yield* report(
                sheet.sheet,
                itemLabel(it),
                it.shares.map((s) => ({ name: s.label || s.canonical || "", figure: s.figure!, cell: s.cell })),
              );
              continue;
            }
            if (it.catalogueItem?.shares) continue; // a lone figure of a shares item is no complete set of shares
            const v = it.value;
            if (v.kind === "number" && v.unitKind === "percent")
              rows.push({ name: v.label ?? itemLabel(it), figure: v, cell: it.valueCell });
          }
          // … and so do the items of a group whose items are the shares themselves (a catalogue override's
          // 男性比率 / 女性比率 items), one percentage each.
          if (rows.length > 0)
            yield* report(sheet.sheet, g.catalogueGroup.label ?? ind.catalogue?.label ?? ind.label, rows);
        }
      }
    }
  },
});
