/** Kensa's blank template as data (no exceljs, no Office.js). */
export * from "./types";
export * from "./build";
export * as templateFormulas from "./formulas";
