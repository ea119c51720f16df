/** Engine throughput (cells/s) on generated workbooks of 10³ to 10⁶ cells, in memory. */
import { checkWorkbook } from "../src/core/engine";
import { cellCount, generatedWorkbook } from "./generate";

export function benchEngine(): void {
  console.log("\n## Engine throughput (in-memory model, all rules)");
  console.log("cells      | sheets | best of runs | cells/s     | findings");
  console.log("-----------|--------|--------------|-------------|---------");
  checkWorkbook(generatedWorkbook(10_000)); // warm-up: JIT and memoised formats
  for (const size of [1e3, 1e4, 1e5, 1e6]) {
    const wb = generatedWorkbook(size);
    const cells = cellCount(wb);
    const runs = size >= 1e6 ? 3 : 5;
    let best = Infinity;
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      findings = checkWorkbook(wb).findings.length;
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    console.log(
      `${String(cells).padEnd(10)} | ${String(wb.sheets.length).padEnd(6)} | ${(best * 1000).toFixed(1).padStart(9)} ms | ${Math.round(cells / best).toLocaleString("en-US").padStart(11)} | ${findings}`,
    );
  }
}
