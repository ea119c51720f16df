/**
 * The rule `catalogue/sheet`: reports the outcome of the workbook's own indicator list (シート「Kensa_カタログ」),
 * which src/core/catalogue/workbook.ts works out before the check and the engine hands over here.
 */
import type { CatalogueFinding } from "../../catalogue/workbook";
import { memoKey, type CheckContext } from "../../sheets/context";
import type { Rule, RuleFinding } from "../rule";

const FINDINGS_KEY = memoKey<CatalogueFinding[]>("catalogue/sheet findings");

export const catalogueSheetRule: Rule = {
  meta: {
    id: "catalogue/sheet",
    severity: "error",
    description: {
      ja: "ブック内の指標一覧（シート「Kensa_カタログ」）: 追加・変更した指標の定義、またはその誤り",
      en: "The workbook's own indicator list (sheet “Kensa_カタログ”): the indicators it adds or changes, or its errors",
    },
    messages: {
      applied: {
        ja: "シート「{sheet}」の指標一覧を使いました（{changes}）。{scope}",
        en: "The indicator list in sheet “{sheet}” was used: {changesEn}.{scopeEn}",
      },
      invalid: {
        ja: "シート「{sheet}」の指標一覧に誤りがあります（{detail}）。このシートの定義は一つも使わずに検証しました。",
        en: "The indicator list in sheet “{sheet}” has an error: {detailEn}. None of its definitions was used.",
      },
      conflict: {
        ja: "シート「{sheet}」の指標{number}の定義が、一緒に検証した「{otherFile}」のシート「{otherSheet}」の定義と違います。先に読んだ「{otherFile}」の定義で検証しました。",
        en: "Indicator {number} in sheet “{sheet}” is defined differently in sheet “{otherSheet}” of {otherFile}, checked with it; the definition of {otherFile}, read first, was used.",
      },
      twoSheets: {
        ja: "指標一覧のシートが2つあります（「{first}」と「{sheet}」）。「{first}」だけを使い、このシートは使っていません。",
        en: "There are two indicator list sheets (“{first}” and “{sheet}”); only “{first}” was used.",
      },
    },
  },
  check(ctx: CheckContext): RuleFinding[] {
    return ctx.memo(FINDINGS_KEY, () => []);
  },
};

/** Hands a workbook's catalogue findings to its check context (catalogueSheetRule reports them). */
export function setCatalogueFindings(ctx: CheckContext, findings: CatalogueFinding[]): void {
  ctx.memo(FINDINGS_KEY, () => findings);
}
