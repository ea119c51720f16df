/**
 * Engine throughput (cells/s) on generated workbooks of 10³ to 10⁶ cells, in memory. "cells" are the
 * cells of the sheets' used ranges (8 columns per row, as Excel counts them); the non-empty cells the
 * engine actually reads (about 5 per row) are shown beside them, with the rate they give. The time is for a check
 * as `kensa check` runs it (computed cells only where a value is typed, CheckOptions.onlyTypedComputed); the last
 * column is a check that builds every computed cell, as --annotate and the add-in do.
 */
import { checkWorkbook } from "../src/core/engine";
import { isEmptyCell } from "../src/core/model/workbook";
import { cellCount, generatedWorkbook } from "./generate";

export function benchEngine(): void {
  console.log("\n## Engine throughput (in-memory model, all rules)");
  console.log("cells      | non-empty | sheets | best of runs | cells/s     | non-empty/s | findings | all computed");
  console.log("-----------|-----------|--------|--------------|-------------|-------------|----------|-------------");
  checkWorkbook(generatedWorkbook(10_000)); // warm-up: JIT and memoised formats
  for (const size of [1e3, 1e4, 1e5, 1e6]) {
    const wb = generatedWorkbook(size);
    const cells = cellCount(wb);
    let nonEmpty = 0;
    for (const sheet of wb.sheets)
      for (const row of sheet.rows) for (const cell of row) if (!isEmptyCell(cell)) nonEmpty++;
    // Enough runs for the small sizes to reach optimised code (a steady state); best of them.
    const runs = Math.max(3, Math.min(200, Math.ceil(2e6 / size)));
    let best = Infinity;
    let bestAll = Infinity;
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      findings = checkWorkbook(wb, { onlyTypedComputed: true }).findings.length;
      const t1 = process.hrtime.bigint();
      checkWorkbook(wb);
      best = Math.min(best, Number(t1 - t0) / 1e9);
      bestAll = Math.min(bestAll, Number(process.hrtime.bigint() - t1) / 1e9);
    }
    console.log(
      `${String(cells).padEnd(10)} | ${String(nonEmpty).padEnd(9)} | ${String(wb.sheets.length).padEnd(6)} | ${(best * 1000).toFixed(1).padStart(9)} ms | ${Math.round(
        cells / best,
      )
        .toLocaleString("en-US")
        .padStart(11)} | ${Math.round(nonEmpty / best)
        .toLocaleString("en-US")
        .padStart(11)} | ${String(findings).padEnd(8)} | ${(bestAll * 1000).toFixed(1).padStart(9)} ms`,
    );
  }
}
