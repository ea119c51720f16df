/**
 * Writes the R7 sample rewritten in every habit of real ministry workbooks (test/fixtures/habits), so that
 * people can open them:
 *
 *   npx tsx scripts/build-habits.ts [folder]      (default: out/habits/)
 *
 * In the folder: `<variant>.xlsx` for every habit alone and for the combinations (all, all-three-row,
 * all-unmerged); `corrected/<variant>.xlsx`, the same for the corrected copy (no error, the sample's two
 * warnings); `unrelated/*.xlsx`, workbooks of no kind (Kensa must say 未検証); and `sample.xlsx` /
 * `corrected.xlsx`, the two sources as they are. Deterministic: the same bytes on every run.
 */
import * as path from "path";
import type { Workbook } from "../src/core/model/workbook";
import {
  correctedSample,
  loadSample,
  rewrite,
  UNRELATED,
  VARIANTS,
  writeXlsx,
  type WriteLayout,
} from "../test/fixtures/habits";

const ROOT = path.resolve(__dirname, "..");

export async function buildHabits(folder: string): Promise<string[]> {
  const sample = loadSample();
  const corrected = correctedSample(sample);
  const written: string[] = [];
  const write = async (file: string, workbook: Workbook, layout?: Record<string, WriteLayout>) => {
    const target = path.join(folder, file);
    await writeXlsx(workbook, target, layout);
    written.push(target);
  };
  const widths = (src: typeof sample) =>
    Object.fromEntries(Object.entries(src.widths).map(([name, w]) => [name, { widths: w }]));
  await write("sample.xlsx", sample.workbook, widths(sample));
  await write("corrected.xlsx", corrected.workbook, widths(corrected));
  for (const variant of Object.keys(VARIANTS)) {
    const a = rewrite(sample, variant);
    await write(`${variant}.xlsx`, a.workbook, a.layout);
    const b = rewrite(corrected, variant);
    await write(path.join("corrected", `${variant}.xlsx`), b.workbook, b.layout);
  }
  for (const u of UNRELATED) await write(path.join("unrelated", u.file), u.workbook);
  return written;
}

if (require.main === module) {
  const folder = path.resolve(process.argv[2] ?? path.join(ROOT, "out", "habits"));
  buildHabits(folder).then(
    (files) => console.log(`wrote ${files.length} workbooks to ${path.relative(process.cwd(), folder) || folder}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
