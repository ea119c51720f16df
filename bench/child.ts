/** One measured run for read-vs-check.ts: prints {seconds, maxRssMb} as JSON. */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "../src/adapters/exceljs/read";
import { checkWorkbook } from "../src/core/engine";

async function run(mode: string, file: string): Promise<void> {
  const bytes = readFileSync(file);
  const t0 = process.hrtime.bigint();
  if (mode === "read") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } else {
    checkWorkbook(await readWorkbookBuffer(bytes));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void run(process.argv[2], process.argv[3]);
