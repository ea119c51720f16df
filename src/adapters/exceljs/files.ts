/**
 * Node file wrappers around the browser-safe annotate/template functions. Writes are atomic: a temp
 * file in the output's directory, then rename, so a crash never leaves a half-written workbook.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { CheckResult } from "../../core/engine";
import type { Lang } from "../../core/report/format";
import { annotateBuffer } from "./annotate";
import { templateBuffer } from "./template";

export async function writeFileAtomic(outputPath: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(outputPath));
  const tmp = path.join(dir, `.${path.basename(outputPath)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, outputPath);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

async function samePath(a: string, b: string): Promise<boolean> {
  const ra = await fs.realpath(a).catch(() => path.resolve(a));
  const rb = await fs.realpath(b).catch(() => path.resolve(b));
  return ra === rb;
}

/** Writes an annotated copy of inputPath to outputPath. Refuses to overwrite the input. */
export async function annotateFile(inputPath: string, result: CheckResult, outputPath: string, lang: Lang): Promise<void> {
  if (await samePath(inputPath, outputPath)) {
    throw new Error(
      lang === "ja"
        ? `注釈付きのコピーを入力ファイル自身に書き込むことはできません: ${outputPath}`
        : `refusing to write the annotated copy over its input: ${outputPath}`,
    );
  }
  const input = await fs.readFile(inputPath);
  const out = await annotateBuffer(new Uint8Array(input.buffer, input.byteOffset, input.byteLength), result, lang);
  await writeFileAtomic(outputPath, out);
}

/** Writes the blank template workbook. */
export async function writeTemplate(outputPath: string, lang: Lang): Promise<void> {
  await writeFileAtomic(outputPath, await templateBuffer(lang));
}
