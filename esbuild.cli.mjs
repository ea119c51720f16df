// The CLI as one file (issue 13: start-up). Node spends a third of a `kensa check` on finding, reading and compiling
// some 400 module files; bundled, it reads one. Then V8's code cache of that file, made by checking the sample
// once, so that a later run starts with the functions a check needs already compiled (bin/kensa.js loads both).
//
//   node esbuild.cli.mjs [DIR]      (after `tsc -p tsconfig.cli.json`, which stays the type check and lib/**)
//
// DIR (the package root by default) is where lib/cli/ and bin/kensa.js are: the bench builds a copy elsewhere.
//
// exceljs stays outside: it is loaded only to write (annotated copies, the template), and its 1 MB would cost
// parsing on every start. Dynamic imports become require calls, which the vm.Script of bin/kensa.js can run.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? root;
// Two levels below the package root, as lib/cli/main.js is: the CLI finds package.json from __dirname.
const outfile = join(target, "lib", "cli", "kensa.bundle.js");
const cache = `${outfile}.cache`;

await build({
  entryPoints: [join(root, "src", "cli", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // loaded from node_modules only when a command needs them (a catalogue file, a Kensa_accepted write)
  external: ["exceljs", "yaml", "jszip"],
  supported: { "dynamic-import": false },
  legalComments: "none",
  logLevel: "warning",
});

// The code cache: best effort. Without it (no sample in a packed install, another Node later) the bundle still
// runs, compiling as it goes.
rmSync(cache, { force: true });
const sample = join(root, "samples", "r7-report.xlsx");
if (existsSync(sample)) {
  spawnSync(process.execPath, [join(target, "bin", "kensa.js"), "check", sample, "--format", "json"], {
    env: { ...process.env, KENSA_CODE_CACHE: "write" },
    stdio: "ignore",
    timeout: 60_000,
  });
}
