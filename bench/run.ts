/** `npm run bench`: prints the figures the issues set targets for. Nothing here is asserted. */
import { benchEngine } from "./engine";
import { benchReadVsCheck } from "./read-vs-check";

async function main(): Promise<void> {
  console.log(`# Kensa benchmarks (node ${process.version}, ${require("node:os").cpus().length} cores)`);
  benchEngine();
  await benchReadVsCheck();
}

void main();
