/**
 * The rule `catalogue/sheet`: reports the outcome of the workbook's own indicator list (シート「Kensa_指標一覧」; its
 * first name 「Kensa_カタログ」 is still read), which src/core/catalogue/workbook.ts works out before the check and
 * the engine hands over here. A problem of the sheet is a message id of src/core/catalogue/messages.ts with its
 * data, rendered here like any phrase; formatIssue renders a catalogue file's problems the same way.
 */
import type { CatalogueFinding } from "../../catalogue/workbook";
import { formatPath, type CatalogueIssue } from "../../catalogue/issues";
import { CATALOGUE_PHRASES, ISSUE_MESSAGES } from "../../catalogue/messages";
import type { Lang } from "../../values/format";
import { memoKey, type CheckContext } from "../../sheets/context";
import { renderMessage } from "../message";
import { defineRule, type FindingOf } from "../rule";

const FINDINGS_KEY = memoKey<CatalogueFinding[]>("catalogue/sheet findings");

const meta = {
  id: "catalogue/sheet",
  severity: "error",
  description: {
    ja: "ブック内の指標一覧（シート「Kensa_指標一覧」）: 追加・変更した指標の定義、またはその誤り",
    en: "The workbook's own indicator list (sheet “Kensa_指標一覧”): the indicators it adds or changes, or its errors",
  },
  messages: {
    applied: {
      ja: "シート「{sheet}」の指標一覧を使いました（{changes}）。{scope}",
      en: "The indicator list in sheet “{sheet}” was used: {changes}.{scope}",
    },
    invalid: {
      ja: "シート「{sheet}」の指標一覧に誤りがあります（{cell}: {detail}）。このシートの定義は一つも使わずに検証しました。",
      en: "The indicator list in sheet “{sheet}” has an error: {cell}: {detail}. None of its definitions was used.",
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
  phrases: {
    added: { ja: "指標{numbers}を追加", en: "added indicator {numbers}" },
    replaced: { ja: "指標{numbers}を置き換え", en: "replaced indicator {numbers}" },
    unchanged: { ja: "指標{numbers}は変更なし", en: "indicator {numbers} unchanged" },
    noIndicator: { ja: "指標の定義はありません", en: "it defines no indicator" },
    scope: {
      ja: "この定義は一緒に検証したすべてのファイルに使いました。",
      en: " Its definitions apply to every file checked with it.",
    },
    // the sheet's problems (`detail`): their ids and data come from src/core/catalogue/sheet.ts
    ...CATALOGUE_PHRASES,
  },
} as const;

export const catalogueSheetRule = defineRule({
  meta,
  check(ctx: CheckContext) {
    // worked out before the check, in the shapes of these messages (src/core/catalogue/workbook.ts)
    return ctx.memo(FINDINGS_KEY, () => []) as FindingOf<
      typeof meta.messages,
      Extract<keyof typeof meta.phrases, string>
    >[];
  },
});

/** Hands a workbook's catalogue findings to its check context (catalogueSheetRule reports them). */
export function setCatalogueFindings(ctx: CheckContext, findings: CatalogueFinding[]): void {
  ctx.memo(FINDINGS_KEY, () => findings);
}

/**
 * A catalogue document's problem as one line: its path (`indicators[2].groups[0].relation`), then the message;
 * the place of a file's problem (its line) is the caller's.
 */
export function formatIssue(issue: CatalogueIssue, lang: Lang = "ja"): string {
  const data = { ...issue.data, ...(issue.other ? { other: formatPath(issue.other) } : {}) };
  return `${formatPath(issue.path)} ${renderMessage(ISSUE_MESSAGES[issue.id], data, lang, CATALOGUE_PHRASES)}`;
}
