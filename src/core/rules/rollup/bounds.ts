import { compareSum, exceeds } from "../../values/tolerance";
import { defineRule } from "../rule";
import { show } from "../shared/figures";
import { projectParts, rollupCells, rollupChecksHere } from "./additive";

export const rule = defineRule({
  meta: {
    id: "rollup/bounds",
    severity: "error",
    description: {
      ja: "全体シートの値が各PJの値から決まる範囲の外にある（重複を除く指標: 最大値以上・合計以下、割合: 最小値〜最大値）",
      en: "An overall value is outside the bounds set by the PJ values (de-duplicated: max ≤ overall ≤ sum; shares: min ≤ overall ≤ max)",
    },
    messages: {
      belowMax: {
        ja: "{label}：全体の{overall}が{project}の{projectValue}を下回っています（全体は各PJの最大値以上のはずです）。",
        en: "{label}: the overall {overall} is below {project}'s {projectValue} (it must be at least the largest project value).",
      },
      aboveSum: {
        ja: "{label}：全体の{overall}が各PJの合計{sum}を超えています（{parts}）。",
        en: "{label}: the overall {overall} exceeds the projects' sum {sum} ({parts}).",
      },
      belowMin: {
        ja: "{label}：全体の{overall}が各PJの最小値（{project}の{projectValue}）を下回っています。",
        en: "{label}: the overall {overall} is below the smallest project share ({project} {projectValue}).",
      },
      aboveMax: {
        ja: "{label}：全体の{overall}が各PJの最大値（{project}の{projectValue}）を超えています。",
        en: "{label}: the overall {overall} is above the largest project share ({project} {projectValue}).",
      },
    },
  },
  *check(ctx) {
    for (const c of rollupChecksHere(ctx)) {
      if (c.mode === "additive") continue;
      const o = c.overall.figure;
      const base = { sheet: c.overallSheet, cell: c.overall.cell, cells: rollupCells(c), actual: o.value };
      let max = c.projects[0];
      let min = c.projects[0];
      for (const p of c.projects) {
        if (p.entry.figure.value > max.entry.figure.value) max = p;
        if (p.entry.figure.value < min.entry.figure.value) min = p;
      }
      // An overall figure beyond one project's: that project named, its figure the bound.
      const beyond = (messageId: "belowMax" | "belowMin" | "aboveMax", p: typeof max) => ({
        ...base,
        messageId,
        data: { label: c.label, overall: show(o), project: p.code, projectValue: show(p.entry.figure) },
        expected: p.entry.figure.value,
      });
      if (c.mode === "deduplicated") {
        if (exceeds(max.entry.figure, o, c.unitKind)) {
          yield beyond("belowMax", max);
          continue;
        }
        const cmp = compareSum(
          o,
          c.projects.map((p) => p.entry.figure),
          c.unitKind,
        );
        if (cmp.status === "mismatch" && o.value > cmp.sum) {
          yield {
            ...base,
            messageId: "aboveSum",
            data: {
              label: c.label,
              overall: show(o),
              sum: show({ value: cmp.sum, decimals: cmp.sumDecimals, unit: o.unit }),
              parts: projectParts(c),
            },
            expected: cmp.sum,
          };
        }
      } else if (exceeds(min.entry.figure, o, c.unitKind)) yield beyond("belowMin", min);
      else if (exceeds(o, max.entry.figure, c.unitKind)) yield beyond("aboveMax", max);
    }
  },
});
