/**
 * File reading moved to the exceljs-free reader (../xlsx/read-file.ts); kept so that existing imports go on
 * working. exceljs is only for writing now.
 */
export { readFileBytes, readWorkbookFile } from "../xlsx/read-file";
