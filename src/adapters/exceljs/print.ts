/** How Kensa prints the sheets it writes (the 検証結果 sheet, the findings list, the fix log, the template). */
import type ExcelJS from "exceljs";
import { PRINT_MARGINS } from "../../core/apply/print";

/**
 * How Kensa prints a sheet it writes: A4 landscape, every column on the page width, as many pages down as needed,
 * `titleRows` ("1:1") repeated on every page; `margins` overrides some of the usual ones.
 */
export function landscapeA4(
  titleRows: string,
  options: { centered?: boolean; margins?: Partial<ExcelJS.Margins> } = {},
): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    ...(options.centered ? { horizontalCentered: true } : {}),
    margins: { ...PRINT_MARGINS, ...options.margins },
  };
}
