#!/usr/bin/env node
"use strict";
// Loads the CLI: the one-file bundle (lib/cli/kensa.bundle.js, esbuild.cli.mjs) with V8's code cache beside it,
// unless it is stale, then tsc's lib/cli/main.js. Stale means older than a source it was built from (listed in
// kensa.bundle.js.sources.json), in a checkout that has them: a `tsc -p tsconfig.cli.json` alone (test/cli/e2e)
// rewrites lib/cli/main.js but no source, so the bundle, twice as fast to start, stays in use.
require("./v8-tuning");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const lib = path.join(root, "lib", "cli");
const bundle = path.join(lib, "kensa.bundle.js");

function mtime(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? stat.mtimeMs : -1;
}

/**
 * Whether to run the bundle: it exists, and either it is newer than tsc's build (the usual case, decided by two
 * stats) or no source it was built from changed since it was built (some 200 stats: only after a tsc build).
 * A package without src/ cannot tell, and runs the bundle.
 */
function bundleIsCurrent() {
  const built = mtime(bundle);
  if (built < 0) return false;
  if (built >= mtime(path.join(lib, "main.js")) || mtime(path.join(root, "src")) < 0) return true;
  let sources;
  try {
    sources = JSON.parse(fs.readFileSync(`${bundle}.sources.json`, "utf8"));
  } catch {
    return false; // a bundle older than tsc's build, and no list to tell whether it is stale
  }
  return sources.every((source) => {
    const changed = mtime(path.join(root, source));
    return changed >= 0 && changed <= built;
  });
}

/** The bundle run as Node runs a module, with its code cache; the cache is written when KENSA_CODE_CACHE=write. */
function loadBundle() {
  const vm = require("vm");
  const Module = require("module");
  const cacheFile = `${bundle}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache: compiled as it runs
  }
  // V8 checks the cache against the source and this Node, and ignores it (cachedDataRejected) when it does not fit.
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(lib);
  const requireFrom = (id) => mod.require(id);
  requireFrom.resolve = (id) => Module._resolveFilename(id, mod);
  script.runInThisContext().call(mod.exports, mod.exports, requireFrom, mod, bundle, lib);
  mod.loaded = true;
  if (process.env.KENSA_CODE_CACHE === "write") {
    process.once("beforeExit", () => {
      try {
        fs.writeFileSync(cacheFile, script.createCachedData());
      } catch {
        // a read-only install: run without
      }
    });
  }
  return mod.exports;
}

const cli = bundleIsCurrent() || mtime(path.join(lib, "main.js")) < 0 ? loadBundle() : require("../lib/cli/main.js");
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
