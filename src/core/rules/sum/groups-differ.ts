import { groupLabel } from "../../sheets/monitoring/labels";
import { groupsDiffer, partsText, sumOf } from "../../sheets/monitoring/relations";
import { defineRule } from "../rule";
import { show } from "../shared/figures";

export const rule = defineRule({
  meta: {
    id: "sum/groups-differ",
    severity: "error",
    description: {
      ja: "指標値のない指標で、漏れなく分類する二つの内訳の合計が一致しない",
      en: "Two exhaustive breakdowns of an indicator without a total add up to different sums",
    },
    messages: {
      differ: {
        ja: "{first}の合計{firstSum}と{other}の合計{otherSum}が一致しません（{first}：{firstParts}／{other}：{otherParts}）。",
        en: "The {first} breakdown ({firstSum}) and the {other} breakdown ({otherSum}) disagree ({first}: {firstParts}; {other}: {otherParts}).",
      },
      rounding: {
        ja: "{first}の合計{firstSum}と{other}の合計{otherSum}の差は、端数処理の範囲内です。",
        en: "The {first} breakdown ({firstSum}) and the {other} breakdown ({otherSum}) differ only by rounding.",
      },
    },
  },
  *check(ctx) {
    for (const d of groupsDiffer(ctx)) {
      if (d.comparison.status === "equal") continue;
      const rounding = d.comparison.status === "rounding";
      const firstSum = sumOf(d.first.parts);
      const otherSum = sumOf(d.other.parts);
      const cells = [...d.other.parts.map((p) => p.cell), ...d.first.parts.map((p) => p.cell)].filter(
        (c, i, a) => a.indexOf(c) === i,
      );
      const at = { sheet: d.sheet.sheet, cell: cells[0], cells, expected: firstSum.value, actual: otherSum.value };
      const sums = {
        first: groupLabel(d.first.group),
        firstSum: show(firstSum),
        other: groupLabel(d.other.group),
        otherSum: show(otherSum),
      };
      if (rounding) yield { ...at, messageId: "rounding", severity: "info", data: sums };
      else
        yield {
          ...at,
          messageId: "differ",
          data: { ...sums, firstParts: partsText(d.first.parts), otherParts: partsText(d.other.parts) },
        };
    }
  },
});
