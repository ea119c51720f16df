import { defineRule } from "../rule";

/**
 * What the host could not read: Excel below ExcelApi 1.13 has no merged-area API, so a header or an
 * attribute written in merged cells may be read as blank there. Say so instead of passing silently.
 */
export const rule = defineRule({
  meta: {
    id: "structure/layout-unknown",
    severity: "info",
    description: {
      ja: "結合セルまたは非表示の行・列を読み取れなかったシート（検証が不完全なおそれ）",
      en: "A sheet whose merged cells or hidden rows and columns could not be read (checks may be incomplete)",
    },
    messages: {
      merges: {
        ja: "このバージョンのExcelでは結合セルを読み取れないため（ExcelApi 1.13未満）、シート「{sheet}」の結合された見出しや、複数行に結合された区分・目標の種類などは検証できていない可能性があります。結合を解除するか、kensaコマンドまたはブラウザーで検証してください。",
        en: "This version of Excel cannot report merged cells (ExcelApi below 1.13): merged headers and attributes merged over several rows on sheet “{sheet}” may not have been checked. Unmerge them, or check the file with the kensa command or in the browser.",
      },
      hidden: {
        ja: "シート「{sheet}」の非表示の行・列を読み取れなかったため、非表示の作業用の列が検証対象になっている可能性があります。",
        en: "Hidden rows and columns of sheet “{sheet}” could not be read: a hidden working column may have been checked instead of the visible one.",
      },
    },
  },
  check(ctx) {
    return ctx.workbook.sheets.flatMap((s) =>
      (s.layoutUnknown ?? []).map((what) => ({ messageId: what, data: { sheet: s.name }, sheet: s.name, cell: "A1" })),
    );
  },
});
