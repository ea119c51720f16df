/** Puts a real excerpt of the demo's output into README.md between the DEMO markers. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main, type CliIO } from "../src/cli/main";

const BEGIN = "<!-- DEMO:BEGIN -->";
const END = "<!-- DEMO:END -->";
const SAMPLE = "samples/r7-report.xlsx";

/** The text `kensa check` prints for the sample, without colours. */
export async function demoOutput(): Promise<string> {
  let out = "";
  const io: CliIO = {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false } as CliIO["stdout"],
    stderr: { write: () => true, isTTY: false } as unknown as CliIO["stderr"],
    env: {},
  };
  await main(["node", "kensa", "check", join(__dirname, "..", SAMPLE), "--no-color"], io);
  return out.replaceAll(join(__dirname, "..") + "/", "");
}

/** The excerpt: the first lines of each of a few sheets, then the summary. */
export function excerpt(output: string): string {
  const lines = output.trimEnd().split("\n");
  const keep: string[] = [];
  let perSheet = 0;
  for (const line of lines) {
    if (/^\s{2}\S/.test(line)) perSheet = 0; // a sheet heading
    if (perSheet++ < 5) keep.push(line);
    else if (perSheet === 6) keep.push("    …");
  }
  return keep.join("\n");
}

if (require.main === module) {
  void demoOutput().then((out) => {
    const path = join(__dirname, "..", "README.md");
    const readme = readFileSync(path, "utf8");
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    const block = "\n```text\n$ npx kensa check " + SAMPLE + "\n" + excerpt(out) + "\n```\n";
    writeFileSync(path, readme.slice(0, start + BEGIN.length) + block + readme.slice(end));
  });
}
