/** The Office.js adapter: WorkbookHost inside Excel. */
export { ExcelHost, type ExcelHostOptions, type ExcelRun } from "./excel-host";
export { toHostError, hostMessage } from "./errors";
export { readWorkbook, type ReadSnapshot } from "./read";
export { STATE_SHEET } from "./state";
