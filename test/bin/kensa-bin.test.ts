/**
 * bin/kensa.js chooses between the CLI bundle (esbuild.cli.mjs) and tsc's lib/cli/main.js: the bundle unless one
 * of the sources it was built from changed after it, so that a tsc build alone (test/cli/e2e) keeps the fast start.
 */
import { spawnSync } from "child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const BIN = path.join(__dirname, "..", "..", "bin", "kensa.js");
let root: string;

/** A package with both builds, each printing its name; every file dated `minutes` after a fixed time. */
function layout(files: Record<string, { text: string; minutes: number }>): void {
  for (const [file, { text, minutes }] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    const at = new Date(Date.UTC(2026, 0, 1, 0, minutes));
    utimesSync(full, at, at);
  }
}

const build = (name: string) => `exports.main = async () => { process.stdout.write("${name}"); return 0; };`;

function chosen(): string {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "kensa.js")], { encoding: "utf8", timeout: 30_000 });
  expect(r.stderr).toBe("");
  return r.stdout;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "kensa-bin-"));
  cpSync(path.dirname(BIN), path.join(root, "bin"), { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const sources = { text: JSON.stringify(["src/cli/main.ts", "src/core/engine.ts"]), minutes: 10 };

test("the bundle when it is newer than tsc's build", () => {
  layout({
    "src/cli/main.ts": { text: "", minutes: 0 },
    "lib/cli/main.js": { text: build("tsc"), minutes: 5 },
    "lib/cli/kensa.bundle.js": { text: build("bundle"), minutes: 10 },
  });
  expect(chosen()).toBe("bundle");
});

test("the bundle after a tsc build alone: no source changed since the bundle", () => {
  layout({
    "src/cli/main.ts": { text: "", minutes: 0 },
    "src/core/engine.ts": { text: "", minutes: 1 },
    "lib/cli/kensa.bundle.js": { text: build("bundle"), minutes: 10 },
    "lib/cli/kensa.bundle.js.sources.json": sources,
    "lib/cli/main.js": { text: build("tsc"), minutes: 20 },
  });
  expect(chosen()).toBe("bundle");
});

test("tsc's build when a source changed after the bundle, or one is gone", () => {
  layout({
    "src/cli/main.ts": { text: "", minutes: 0 },
    "src/core/engine.ts": { text: "", minutes: 15 },
    "lib/cli/kensa.bundle.js": { text: build("bundle"), minutes: 10 },
    "lib/cli/kensa.bundle.js.sources.json": sources,
    "lib/cli/main.js": { text: build("tsc"), minutes: 20 },
  });
  expect(chosen()).toBe("tsc");
  rmSync(path.join(root, "src", "core", "engine.ts"));
  expect(chosen()).toBe("tsc");
});

test("tsc's build when it is newer than a bundle without its list of sources", () => {
  layout({
    "src/cli/main.ts": { text: "", minutes: 0 },
    "lib/cli/kensa.bundle.js": { text: build("bundle"), minutes: 10 },
    "lib/cli/main.js": { text: build("tsc"), minutes: 20 },
  });
  expect(chosen()).toBe("tsc");
});

test("an installed package (no src/) runs the bundle; with no bundle, tsc's build", () => {
  layout({
    "lib/cli/kensa.bundle.js": { text: build("bundle"), minutes: 10 },
    "lib/cli/main.js": { text: build("tsc"), minutes: 20 },
  });
  expect(chosen()).toBe("bundle");
  rmSync(path.join(root, "lib", "cli", "kensa.bundle.js"));
  expect(chosen()).toBe("tsc");
});
