/**
 * A recognised sheet in which nothing has been entered yet is 未入力 (not filled in): one info for the sheet,
 * instead of a value/missing error for every blank cell of a fresh template (value/missing skips these sheets).
 * What counts as entered is what staff type: any figure, text or dash in a numeric cell (a formula whose result
 * is blank or 0, such as the template's 合計 row, is not an entry); on the アウトプット指標 sheet, whose 目標値 are
 * the plan's and come prefilled, a 実績, a per-year value or a 進捗.
 */
import { fromA1, toA1 } from "../../model/address";
import type { NumericCell, SheetAnalysis } from "../../sheets/analysis";
import { readOutput } from "../../sheets/output/read";
import type { DetectedTable } from "../../sheets/table";
import { memoKey, type CheckContext } from "../../sheets/context";
import { defineRule } from "../rule";

function isFormula(table: DetectedTable, c: NumericCell): boolean {
  const { row, col } = fromA1(c.cell);
  return table.rows[row]?.[col]?.formula !== undefined;
}

function entered(table: DetectedTable, c: NumericCell): boolean {
  const p = c.parsed;
  if (p.kind === "empty") return false;
  return !(p.kind === "number" && p.value === 0 && isFormula(table, c));
}

function hasEntries(ctx: CheckContext, table: DetectedTable, analysis: SheetAnalysis): boolean {
  if (table.kind === "output-indicators")
    return readOutput(table, ctx).rows.some(
      (r) => r.actual.kind !== "empty" || r.gradeStatus !== "empty" || r.perYear.some((y) => y.parsed.kind !== "empty"),
    );
  return analysis.numericCells.some((c) => entered(table, c));
}

const UNFILLED_SHEETS = memoKey<ReadonlySet<string>>("unfilled sheets");

/** Names of the recognised sheets with nothing entered yet (memoised per check). */
export function unfilledSheets(ctx: CheckContext): ReadonlySet<string> {
  return ctx.memo(UNFILLED_SHEETS, () => {
    const out = new Set<string>();
    for (const { table, analysis } of ctx.analyses()) if (!hasEntries(ctx, table, analysis)) out.add(table.sheet.name);
    return out;
  });
}

/** Where typing starts: the first 実績 of an output sheet, the first numeric cell to type in, else the first cell under the header. */
function firstInput(ctx: CheckContext, table: DetectedTable, analysis: SheetAnalysis): string {
  if (table.kind === "output-indicators") {
    const first = readOutput(table, ctx).rows[0];
    if (first) return first.actualCell;
  }
  return analysis.numericCells.find((c) => !isFormula(table, c))?.cell ?? toA1(table.headerRow + 1, 0);
}

export const rule = defineRule({
  meta: {
    id: "structure/unfilled",
    severity: "info",
    description: {
      ja: "まだ何も入力されていないシート（未入力）",
      en: "A sheet with nothing entered yet (not filled in)",
    },
    messages: {
      unfilled: {
        ja: "シート「{sheet}」は未入力です。数値がまだ1つも入力されていないため、空欄は指摘していません。",
        en: "Sheet “{sheet}” is not filled in yet: no figure has been entered, so its blank cells are not reported.",
      },
      unfilledOutput: {
        ja: "シート「{sheet}」は未入力です。実績も進捗もまだ1つも入力されていないため、空欄は指摘していません。",
        en: "Sheet “{sheet}” is not filled in yet: no result or grade has been entered, so its blank cells are not reported.",
      },
    },
  },
  check(ctx) {
    const unfilled = unfilledSheets(ctx);
    return ctx
      .analyses()
      .filter(({ table }) => unfilled.has(table.sheet.name))
      .map(({ table, analysis }) => ({
        messageId: table.kind === "output-indicators" ? ("unfilledOutput" as const) : ("unfilled" as const),
        data: { sheet: table.sheet.name },
        sheet: table.sheet.name,
        cell: firstInput(ctx, table, analysis),
      }));
  },
});
