import { formatNumber } from "../../values/format";
import { cellRef } from "../../model/refs";
import { rollupState, type RollupCheck, type RollupState } from "../../sheets/monitoring/rollup";
import { compareSum } from "../../values/tolerance";
import { fileOf, type CheckContext } from "../../sheets/context";
import { defineRule } from "../rule";
import { show } from "../shared/figures";

/** "PJ1 11 + PJ2 9 + … + PJ8 0" */
export function projectParts(c: RollupCheck): string {
  return c.projects.map((p) => `${p.code} ${formatNumber(p.entry.figure.value, p.entry.figure.decimals)}`).join(" + ");
}

/**
 * The 全体 cell first, then every PJ cell: `'PJ3'!G12` in the same workbook, `[提出_医薬品.xlsx]様式2!G6` in another
 * workbook of the set.
 */
export function rollupCells(c: RollupCheck): string[] {
  const from = { file: c.overallFile, sheet: c.overallSheet };
  const cells = [c.overall.cell];
  for (const p of c.projects)
    if (p.entry.cell) cells.push(cellRef(from, { file: p.file, sheet: p.sheet }, p.entry.cell));
  return cells;
}

/**
 * The roll-up checks to report in this workbook: those whose 全体 cell is in it. A roll-up across the files of a
 * set is reported once, under the file holding the 全体 sheet.
 */
export function rollupChecksHere(ctx: CheckContext): RollupCheck[] {
  const state: RollupState = rollupState(ctx);
  if (state.kind !== "ready" || state.overall.file !== fileOf(ctx)) return [];
  return state.checks;
}

export const rule = defineRule({
  meta: {
    id: "rollup/additive",
    severity: "error",
    description: {
      ja: "各統合プロジェクト（PJ1〜PJ8）の値の合計が全体シートの値と一致しない（加算する指標）",
      en: "The PJ1–PJ8 values of an additive indicator do not add up to the overall sheet",
    },
    messages: {
      mismatch: {
        ja: "{label}：全体の{overall}が各PJの合計{sum}と一致しません（{parts}）。",
        en: "{label}: the overall {overall} is not the sum of the projects, {sum} ({parts}).",
      },
      rounding: {
        ja: "{label}：全体の{overall}と各PJの合計{sum}の差は、端数処理の範囲内です（{parts}）。",
        en: "{label}: the overall {overall} and the projects' sum {sum} differ only by rounding ({parts}).",
      },
    },
  },
  *check(ctx) {
    for (const c of rollupChecksHere(ctx)) {
      if (c.mode !== "additive") continue;
      const cmp = compareSum(
        c.overall.figure,
        c.projects.map((p) => p.entry.figure),
        c.unitKind,
      );
      if (cmp.status === "equal") continue;
      const rounding = cmp.status === "rounding";
      yield {
        messageId: rounding ? "rounding" : "mismatch",
        ...(rounding ? ({ severity: "info" } as const) : {}),
        data: {
          label: c.label,
          overall: show(c.overall.figure),
          sum: show({ value: cmp.sum, decimals: cmp.sumDecimals, unit: c.overall.figure.unit }),
          parts: projectParts(c),
        },
        sheet: c.overallSheet,
        cell: c.overall.cell,
        cells: rollupCells(c),
        expected: cmp.sum,
        actual: c.overall.figure.value,
      };
    }
  },
});
