/**
 * Writes the R7 sample split into one workbook per submitter (test/fixtures/split): the set reviewers receive.
 *
 *   npx tsx scripts/build-split.ts [DIR] [--corrected]
 *
 * Default DIR: out/r7-split (out/r7-split-corrected with --corrected). Deterministic: the same bytes every time.
 * Then `npx kensa check DIR` checks the files as one submission set.
 */
import * as path from "path";
import { writeSplit } from "../test/fixtures/split";

if (require.main === module) {
  const args = process.argv.slice(2);
  const corrected = args.includes("--corrected");
  const dirArg = args.find((a) => !a.startsWith("--"));
  const dir = path.resolve(dirArg ?? path.join(__dirname, "..", "out", corrected ? "r7-split-corrected" : "r7-split"));
  writeSplit(dir, { corrected }).then(
    (paths) => console.log(`wrote ${paths.length} workbooks to ${path.relative(process.cwd(), dir) || dir}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
