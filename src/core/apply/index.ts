/** Planning what Kensa writes into a workbook (highlights, notes, computed cells, result sheet). */
export * from "./plan";
export * from "./rectangles";
export * from "./formula";
export * from "./notes";
export * from "./fill";
export { applyTint, themePalette } from "./colours";
export * from "./excel-text";
export * from "./state";
export * from "./result-sheet";
export * from "./fix-log";
