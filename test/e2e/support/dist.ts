/**
 * dist/ for the e2e tests: built once (webpack production) when it is missing or older than the sources,
 * under a lock so that parallel jest workers do not build it twice.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");
export const DIST = path.join(ROOT, "dist");
const LOCK = path.join(ROOT, "node_modules", ".cache", "kensa-e2e-build.lock");
const INPUTS = ["src", "assets", "webpack.config.js", "package.json", "tsconfig.json", "manifest.xml"];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function staleReason(): string | null {
  const html = path.join(DIST, "taskpane.html");
  if (!existsSync(html)) return "dist/taskpane.html is missing";
  const built = statSync(html).mtimeMs;
  const src = Math.max(...INPUTS.map((p) => newest(path.join(ROOT, p))));
  return src > built ? "the sources are newer than dist/" : null;
}

function runWebpack(): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    execFile(
      process.execPath,
      [cli, "--mode", "production"],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`webpack production build failed:\n${stderr || stdout}`.slice(0, 8000)));
        else resolve();
      },
    );
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureDist(): Promise<string> {
  // a dist/ built elsewhere (e.g. by CI before the tests), used as it is
  if (process.env.KENSA_E2E_DIST) return path.resolve(process.env.KENSA_E2E_DIST);
  if (process.env.KENSA_E2E_SKIP_BUILD === "1" && existsSync(path.join(DIST, "taskpane.html"))) return DIST;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (!staleReason()) return DIST;
    try {
      mkdirSync(LOCK); // atomic: whoever creates it builds
    } catch {
      // another worker builds; a lock older than 5 minutes is left over from a killed run
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("timed out waiting for another e2e worker to build dist/");
      await sleep(1000);
      continue;
    }
    try {
      if (staleReason()) await runWebpack();
      return DIST;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
