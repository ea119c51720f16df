import { itemLabel } from "../../sheets/monitoring/labels";
import { itemFigure, monitoringSheets } from "../../sheets/monitoring/read";
import { exceeds } from "../../values/tolerance";
import type { Figure, UnitKind } from "../../values/types";
import { defineRule } from "../rule";
import { show } from "../shared/figures";

interface Ranked {
  name: string;
  figure: Figure;
  unitKind: UnitKind;
  cell: string;
}

export const rule = defineRule({
  meta: {
    id: "order/violated",
    severity: "error",
    description: {
      ja: "大小関係が決まっている値の順序が逆になっている（Top1%論文数 ≤ Top10%論文数 ≤ 全論文数）",
      en: "Figures that must be ordered are not (Top1% ≤ Top10% ≤ all papers)",
    },
    messages: {
      violated: {
        ja: "{smaller}{smallerValue}が{larger}{largerValue}を超えています（大小関係は{order}のはずです）。",
        en: "{smaller} ({smallerValue}) exceeds {larger} ({largerValue}); the order must be {order}.",
      },
    },
  },
  *check(ctx) {
    for (const sheet of monitoringSheets(ctx)) {
      for (const ind of sheet.indicators) {
        const cat = ind.catalogue;
        if (!cat) continue;
        for (const cg of cat.groups) {
          if (cg.relation !== "ordered") continue;
          const ranked: Ranked[] = [];
          const names: string[] = [];
          for (const ci of cg.items) {
            let found: Ranked | undefined;
            for (const g of ind.groups) {
              for (const it of g.items) {
                if (it.key !== ci.key || found) continue;
                const f = itemFigure(it);
                if (f) found = { name: itemLabel(it), figure: f.figure, unitKind: f.unitKind, cell: f.cell };
              }
            }
            const name = found?.name ?? ci.label;
            names.push(name);
            // Indicator 6: the ordered group's first figure is the 指標値 when no item repeats it.
            if (!found && cat.totalItemKey === ci.key && ind.total.kind === "number") {
              found = { name, figure: ind.total, unitKind: ind.total.unitKind, cell: ind.totalCell };
            }
            if (found) ranked.push(found);
          }
          for (let i = 0; i + 1 < ranked.length; i++) {
            const a = ranked[i];
            const b = ranked[i + 1];
            const kind = a.unitKind !== "none" ? a.unitKind : b.unitKind;
            if (!exceeds(a.figure, b.figure, kind)) continue;
            yield {
              messageId: "violated",
              data: {
                smaller: { quote: a.name },
                smallerValue: show(a.figure),
                larger: { quote: b.name },
                largerValue: show(b.figure),
                order: names.join(" ≤ "),
              },
              sheet: sheet.sheet,
              cell: a.cell,
              cells: [a.cell, b.cell],
              expected: b.figure.value,
              actual: a.figure.value,
            };
          }
        }
      }
    }
  },
});
