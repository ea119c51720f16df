/**
 * LibreOffice headless for the tests in this folder: its binary (KENSA_SOFFICE or PATH) and one conversion run over
 * several files with a private profile. Without LibreOffice a test fails, loudly; it is never skipped.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";

export function soffice(): string {
  const fromEnv = process.env.KENSA_SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter))
    for (const name of ["soffice", "libreoffice"]) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  throw new Error("LibreOffice not found: apt-get install -y libreoffice-calc-nogui (or set KENSA_SOFFICE)");
}

/** Converts the files (by name) to `format` ("xlsx" recalculates, "pdf" prints) in one run; the outputs by name. */
export function convertAll(
  files: Record<string, Uint8Array>,
  format: "xlsx" | "pdf",
  work: string,
): Record<string, Uint8Array> {
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const inputs = Object.entries(files).map(([name, bytes]) => {
    writeFileSync(path.join(inDir, name), bytes);
    return path.join(inDir, name);
  });
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...inputs,
    ],
    { timeout: 240_000, stdio: "pipe" },
  );
  const out = (name: string) => path.join(outDir, name.replace(/\.[^.]+$/, `.${format}`));
  return Object.fromEntries(Object.keys(files).map((name) => [name, new Uint8Array(readFileSync(out(name)))]));
}
