// The CLI as one file (issue 13: start-up). Node spends a third of a `kensa check` on finding, reading and compiling
// some 400 module files; bundled, it reads one. Then V8's code cache of that file, made by checking the sample
// once, so that a later run starts with the functions a check needs already compiled (bin/kensa.js loads both).
// Beside them, the list of the sources bundled: bin/kensa.js runs tsc's lib/cli/main.js instead only when one of
// them changed after the bundle was built.
//
//   node esbuild.cli.mjs [DIR]      (after `tsc -p tsconfig.cli.json`, which stays the type check and lib/**)
//
// DIR (the package root by default) is where lib/cli/ and bin/kensa.js are: the bench builds a copy elsewhere.
//
// exceljs stays outside: it is loaded only to write (annotated copies, the template), and its 1 MB would cost
// parsing on every start. So do yaml, jszip and zod (0.8 MB; LAZY below), each loaded from node_modules by its
// first use. Dynamic imports become require calls, which the vm.Script of bin/kensa.js can run.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? root;
// Two levels below the package root, as lib/cli/main.js is: the CLI finds package.json from __dirname.
const outfile = join(target, "lib", "cli", "kensa.bundle.js");
const cache = `${outfile}.cache`;

/**
 * Modules loaded by their first use rather than at start: each is replaced by a stand-in whose named exports
 * require the real module when read (esbuild reads an import's names where it uses them, not where it imports
 * them), and stays outside the bundle:
 * - child_process: commander requires it for the external subcommands Kensa does not have, and with it come net,
 *   dgram and the streams (some 10 ms of every start);
 * - zod: Kensa's schemas are built on first use (src/core/catalogue/schema.ts lazySchema), so a check that
 *   validates nothing never loads it (0.8 MB; some 40 ms).
 */
const LAZY = { child_process: ["spawn"], zod: ["z"] };
const lazyModules = {
  name: "lazy-modules",
  setup(b) {
    b.onResolve({ filter: /^(node:)?(child_process|zod)$/ }, (args) => {
      const name = args.path.replace(/^node:/, "");
      return args.namespace === "lazy" ? { path: name, external: true } : { path: name, namespace: "lazy" };
    });
    b.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => ({
      contents: LAZY[args.path]
        .map(
          (key) =>
            `Object.defineProperty(exports, "${key}", { enumerable: true, get: () => require("${args.path}").${key} });`,
        )
        .join("\n"),
      loader: "js",
    }));
  },
};

const { metafile } = await build({
  entryPoints: [join(root, "src", "cli", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // loaded from node_modules only when a command needs them (a catalogue file, a Kensa_accepted write)
  external: ["exceljs", "yaml", "jszip"],
  // fflate's Node build loads worker_threads at start for its asynchronous API; Kensa inflates synchronously
  alias: { fflate: "fflate/browser" },
  plugins: [lazyModules],
  metafile: true,
  absWorkingDir: root,
  supported: { "dynamic-import": false },
  legalComments: "none",
  logLevel: "warning",
});

// The sources the bundle was built from, for bin/kensa.js to tell a stale bundle: one older than any of them.
// esbuild names them relative to absWorkingDir, with forward slashes.
const sources = Object.keys(metafile.inputs).filter((input) => input.startsWith("src/"));
writeFileSync(`${outfile}.sources.json`, JSON.stringify(sources));

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
