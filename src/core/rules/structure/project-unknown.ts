/**
 * A monitoring sheet whose project Kensa cannot tell (DOMAIN §3.4: 統合プロジェクト is required) is left out of
 * the roll-up and the cross-references; say so instead of leaving a gap nobody sees. A project taken from a title
 * because no 統合プロジェクト was written is said too, so that a reviewer can confirm it.
 */
import { monitoringSheets } from "../../sheets/monitoring/read";
import { defineRule } from "../rule";

export const rule = defineRule({
  meta: {
    id: "structure/project-unknown",
    severity: "warning",
    description: {
      ja: "モニタリングシートの統合プロジェクトが読み取れない（全体との集計・照合から外れる）",
      en: "A monitoring sheet whose integrated project cannot be read (left out of the roll-up and cross-references)",
    },
    messages: {
      missing: {
        ja: "シート「{sheet}」には統合プロジェクトの記入がないため、全体との集計・照合に含めていません。表の上に「統合プロジェクト：PJ1 医薬品プロジェクト」（全体シートは「全体」）のように記入してください。",
        en: "Sheet “{sheet}” names no integrated project, so it is left out of the roll-up and cross-references. Write e.g. “統合プロジェクト：PJ1 医薬品プロジェクト” (or “全体”) above the table.",
      },
      unreadable: {
        ja: "シート「{sheet}」の統合プロジェクト「{text}」がどのプロジェクトか読み取れないため、全体との集計・照合に含めていません。「PJ1」〜「PJ8」または「全体」を記入してください。",
        en: "Sheet “{sheet}”: the integrated project “{text}” names none of PJ1–PJ8 or 全体, so the sheet is left out of the roll-up and cross-references.",
      },
      fromTitle: {
        ja: "シート「{sheet}」には統合プロジェクトの記入がないため、表題「{text}」から{project}と判断しました。表の上に「統合プロジェクト：{project}」と記入すると確実です。",
        en: "Sheet “{sheet}” names no integrated project; {project} was taken from its title “{text}”. Write “統合プロジェクト：{project}” above the table to make it certain.",
      },
    },
  },
  *check(ctx) {
    for (const mon of monitoringSheets(ctx)) {
      const base = { sheet: mon.sheet, cell: mon.projectCell ?? "A1" };
      if (mon.project && mon.projectFromTitle) {
        yield {
          ...base,
          messageId: "fromTitle",
          severity: "info",
          data: { sheet: mon.sheet, text: mon.projectText ?? "", project: mon.project.code },
        };
      } else if (!mon.project) {
        if (mon.projectText)
          yield { ...base, messageId: "unreadable", data: { sheet: mon.sheet, text: mon.projectText } };
        else yield { ...base, messageId: "missing", data: { sheet: mon.sheet } };
      }
    }
  },
});
