// `npm test`'s checks before jest, in two lanes at once: ESLint's type-aware pass (the longest, about 70 s of one
// core: it builds its own TypeScript program) beside tsc then Prettier (about 30 + 20 s). In series they took two
// minutes on CI's two cores; side by side, the time of ESLint alone. Each command's output is printed whole when it
// ends, under its name, so the lanes' lines do not interleave; the exit code is the first failure's.
import { spawn } from "node:child_process";

const LANES = [["lint:eslint"], ["typecheck", "lint:format"]];

/** Runs one npm script with its output captured; resolves to its exit code. */
function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("npm", ["run", "--silent", script], {
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32", // npm is npm.cmd there
    });
    const out = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => out.push(b));
    child.on("error", (err) => out.push(Buffer.from(`${err.message}\n`)));
    child.on("close", (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(
        `\n> npm run ${script}: ${status === 0 ? "ok" : `failed (${signal ?? code})`}, ${seconds} s\n`,
      );
      process.stdout.write(Buffer.concat(out));
      resolve(status);
    });
  });
}

const codes = await Promise.all(
  LANES.map(async (lane) => {
    for (const script of lane) {
      const code = await run(script);
      if (code !== 0) return code;
    }
    return 0;
  }),
);
process.exitCode = codes.find((c) => c !== 0) ?? 0;
