/** Runs the CLI in-process with its output captured: for tests and for the README's demo excerpt. */
import { main, type CliDeps } from "./main";

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CaptureOptions {
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  env?: Record<string, string | undefined>;
  deps?: CliDeps;
}

export async function runCaptured(args: string[], options: CaptureOptions = {}): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    ["node", "kensa", ...args],
    {
      stdout: { write: (s: string) => (stdout += s), isTTY: options.stdoutTTY ?? false },
      stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTTY ?? false, columns: 80 },
      env: options.env ?? {},
    },
    options.deps ?? {},
  );
  return { code, stdout, stderr };
}
