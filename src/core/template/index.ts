/** Kensa's blank template as data (no exceljs, no Office.js). */
export * from "./types";
export * from "./build";
export * from "./output-indicators";
export * as templateFormulas from "./formulas";
