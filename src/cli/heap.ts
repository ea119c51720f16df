/**
 * V8's young generation for a large check (issue 13: memory). Most of what a check allocates lives to its end
 * (the model, the analyses, the findings): each scavenge copies it from one half of the young generation to the
 * other before it is promoted anyway. V8 grows that space to 2 × 16 MB when so much survives; kept at the size it
 * has when the check starts, survivors are promoted sooner and the process holds some 26–28 MB less.
 *
 * Measured with the CLI bundle, interleaved (CPU s, peak RSS MB): report ×250 (4.8 MB, 3,000 sheets) 3.7–4.1 →
 * 3.6–3.8 s, 188–191 → 161–162 MB; tables 10⁶ (3.3 MB) 2.6–2.7 → 2.4–2.7 s, 185–186 → 157–158 MB. Only for a file
 * of a megabyte or more: on sample-sized files the young generation's scavenges are the cheap part of a check, and
 * the same flag set for every file cost a batch of 1,000 samples 22% of its files per CPU second.
 *
 * Only on V8 11 (Node 20), where it was measured, as bin/v8-tuning.js. The flag is read each time V8 decides
 * whether to grow the space, so it takes effect when set here, before the first file is read.
 */
import { statSync } from "fs";
import { setFlagsFromString } from "v8";

/** A file this large (zipped) holds some 10⁵ cells: the sample is 33 KB, real submissions 30–500 KB. */
export const LARGE_INPUT_BYTES = 1024 * 1024;

/** Keeps the young generation at its size now when one of `files` is large (setting the flag again changes nothing). */
export function keepYoungGenerationForLargeInputs(files: readonly string[]): void {
  if (/^11\./.test(process.versions.v8) && files.some((file) => sizeOf(file) >= LARGE_INPUT_BYTES))
    setFlagsFromString("--semi-space-growth-factor=1");
}

/** A file's size, 0 when it cannot be told (the reader says why it cannot be read). */
function sizeOf(file: string): number {
  try {
    return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}
