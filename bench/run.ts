/** `npm run bench`: prints the figures the issues set targets for. Nothing here is asserted. */
import { cpus } from "node:os";
import { benchEngine } from "./engine";
import { benchReader } from "./reader";
import { benchSax } from "./sax";
import { benchOfficeRoundTrips } from "./office-roundtrips";
import { benchBundles } from "./bundles";

async function main(): Promise<void> {
  console.log(`# Kensa benchmarks (node ${process.version}, ${cpus().length} cores)`);
  benchEngine();
  await benchSax(["samples/r7-report.xlsx"]);
  await benchReader();
  console.log("\n## Excel round trips (on FakeExcel, which counts syncs and enforces Excel's limits)");
  await benchOfficeRoundTrips();
  benchBundles();
}

void main();
