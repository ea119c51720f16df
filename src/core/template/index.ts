/** Kensa's blank template as data (no exceljs, no Office.js). */
export * from "./types";
export * from "./build";
export { displayWidth, FIRST_DATA_ROW, HEADER_ROW, LINE_HEIGHT, linesIn, TEMPLATE_FONT } from "./sheet-builder";
export * from "./output-indicators";
export * as templateFormulas from "./formulas";
