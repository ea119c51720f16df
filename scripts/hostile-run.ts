/**
 * Runs the hostile corpus (test/hostile) against the CLI and prints each case and the tally of issue 14:
 * crashes, hangs, runs over 1 GB, modified inputs, raw control characters, bad outputs.
 *
 *   npx tsx scripts/hostile-run.ts            the corpus as `npm test` runs it
 *   npx tsx scripts/hostile-run.ts --only ID  the cases whose id contains ID
 *
 * Exit code 1 when any case broke an invariant.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { BOMBS, buildBombs } from "../test/hostile/bombs";
import { buildCorpus } from "../test/hostile/corpus";
import { bundleCli, runCases, tally } from "../test/hostile/run";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kensa-hostile-"));
  const started = Date.now();
  const { child, dispose } = await bundleCli();
  try {
    let cases = [
      ...(await buildCorpus(path.join(dir, "corpus"))),
      ...(await buildBombs(path.join(dir, "bombs"), BOMBS)),
    ];
    if (only) cases = cases.filter((c) => c.id.includes(only));
    console.log(`${cases.length} cases, built in ${Date.now() - started} ms`);
    const outcomes = await runCases(child, cases, 2, (o) => {
      const mib = (o.result.peakRssBytes / 2 ** 20).toFixed(0).padStart(5);
      const verdict = o.problems.length ? `FAIL ${o.problems.map((p) => `${p.kind}: ${p.detail}`).join("; ")}` : "ok";
      console.log(
        `${o.id.padEnd(44)} exit ${String(o.result.code ?? o.result.signal).padEnd(7)} ${String(o.result.ms).padStart(6)} ms ${mib} MiB  ${verdict}`,
      );
    });
    const t = tally(outcomes);
    console.log(`\n${JSON.stringify(t)}\nwall ${Date.now() - started} ms`);
    return outcomes.some((o) => o.problems.length) ? 1 : 0;
  } finally {
    await dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main().then((code) => (process.exitCode = code));
