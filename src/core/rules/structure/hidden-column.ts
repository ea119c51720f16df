import { toA1 } from "../../model/address";
import { defineRule } from "../rule";

/** A hidden working column repeating a visible column's label: Kensa reads the visible one and says so. */
export const rule = defineRule({
  meta: {
    id: "structure/hidden-column",
    severity: "info",
    description: {
      ja: "表示中の列と同じ見出しの非表示列（作業用の列として検証対象外）",
      en: "A hidden column repeating a visible column's header (a working column, not checked)",
    },
    messages: {
      duplicate: {
        ja: "非表示の{hidden}列（「{label}」）は表示中の{visible}列と同じ見出しのため、{visible}列を検証しました。非表示の列は検証していません。",
        en: "Hidden column {hidden} (“{label}”) repeats the header of visible column {visible}; column {visible} was checked, the hidden one was not.",
      },
    },
  },
  check(ctx) {
    return ctx.tables.flatMap((table) =>
      table.hiddenDuplicates.map((d) => {
        const hidden = toA1(table.headerRow, d.hidden).replace(/\d+$/, "");
        const visible = toA1(table.headerRow, d.visible).replace(/\d+$/, "");
        const label = table.headers.get(d.hidden) ?? "";
        return {
          messageId: "duplicate",
          data: { hidden, visible, label },
          sheet: table.sheet.name,
          cell: toA1(table.headerRow, d.hidden),
          cells: [toA1(table.headerRow, d.hidden), toA1(table.headerRow, d.visible)],
        };
      }),
    );
  },
});
