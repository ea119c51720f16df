/**
 * `kensa check` against the bare exceljs read of the same file: time and peak memory, each measured
 * in a fresh child process so one does not inherit the other's heap.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cellCount, generatedWorkbook } from "./generate";

async function writeXlsx(cells: number, path: string): Promise<number> {
  const model = generatedWorkbook(cells);
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map((c) => (c ? c.value : null)));
  }
  await wb.xlsx.writeFile(path);
  return cellCount(model);
}

interface Measure {
  seconds: number;
  maxRssMb: number;
}

function measure(mode: "read" | "check", file: string): Measure {
  const out = execFileSync(process.execPath, [...process.execArgv, join(__dirname, "child.ts"), mode, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Measure;
}

const SIZES = (process.env.KENSA_BENCH_SIZES ?? "1e4,1e5,1e6").split(",").map(Number);

export async function benchReadVsCheck(): Promise<void> {
  console.log("\n## kensa check vs bare exceljs read (same .xlsx, fresh process each, best of 3)");
  console.log("cells     | read s | check s | added time | read peak MB | check peak MB | memory ratio");
  console.log("----------|--------|---------|------------|--------------|---------------|-------------");
  const dir = mkdtempSync(join(tmpdir(), "kensa-bench-"));
  for (const size of SIZES) {
    const file = join(dir, `bench-${size}.xlsx`);
    const cells = await writeXlsx(size, file);
    const best = (mode: "read" | "check") => {
      const runs = [0, 1, 2].map(() => measure(mode, file));
      return { seconds: Math.min(...runs.map((r) => r.seconds)), maxRssMb: Math.min(...runs.map((r) => r.maxRssMb)) };
    };
    const read = best("read");
    const check = best("check");
    const added = ((check.seconds / read.seconds - 1) * 100).toFixed(1);
    console.log(
      `${String(cells).padEnd(9)} | ${read.seconds.toFixed(2).padStart(6)} | ${check.seconds.toFixed(2).padStart(7)} | ${(added + " %").padStart(10)} | ${read.maxRssMb.toFixed(0).padStart(12)} | ${check.maxRssMb.toFixed(0).padStart(13)} | ${(check.maxRssMb / read.maxRssMb).toFixed(2)}×`,
    );
  }
}
