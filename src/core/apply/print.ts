/** The margins (inches) of every sheet Kensa lays out for print; the exceljs and Office.js adapters both apply them. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** The template's: more room at the top, where each page carries the sheet's name. */
export const TEMPLATE_MARGINS = { ...PRINT_MARGINS, top: 0.6 } as const;
