/** Puts a real excerpt of the demo's output into README.md between the DEMO markers. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCaptured } from "../src/cli/capture";

const BEGIN = "<!-- DEMO:BEGIN -->";
const END = "<!-- DEMO:END -->";
const SAMPLE = "samples/r7-report.xlsx";

/** The text `kensa check` prints for the sample, without colours. */
export async function demoOutput(): Promise<string> {
  const { stdout } = await runCaptured(["check", join(__dirname, "..", SAMPLE), "--no-color"]);
  return stdout.replaceAll(join(__dirname, "..") + "/", "");
}

/** The excerpt: per sheet, its first errors and warnings (with their numbers), then the totals. */
export function excerpt(output: string): string {
  const lines = output.trimEnd().split("\n");
  const keep: string[] = [];
  let heading = "";
  let shown = 0;
  let keepDetail = false;
  for (const line of lines) {
    if (/^■/.test(line) || /^\s{2}→/.test(line) || /^\S/.test(line)) {
      keep.push(line);
      keepDetail = false;
    } else if (/^\s{2}\S/.test(line)) {
      heading = line;
      shown = 0;
      keepDetail = false;
    } else if (/^\s{4}\S+\s+(エラー|警告)/.test(line)) {
      if (shown === 0) keep.push(heading);
      keepDetail = shown++ < 2;
      if (keepDetail) keep.push(line);
      else if (shown === 3) keep.push("    …");
    } else if (/^\s{4}\S/.test(line)) {
      keepDetail = false;
    } else if (keepDetail && line.trim()) {
      keep.push(line);
    }
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
