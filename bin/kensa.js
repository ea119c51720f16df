#!/usr/bin/env node
"use strict";
// Loads the CLI from the newer of its two builds: the one-file bundle (lib/cli/kensa.bundle.js, esbuild.cli.mjs),
// with V8's code cache beside it, or tsc's lib/cli/main.js (a bundle older than it is stale, so tsc's wins).
const fs = require("fs");
const path = require("path");

const lib = path.join(__dirname, "..", "lib", "cli");
const bundle = path.join(lib, "kensa.bundle.js");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
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

const cli = mtime(bundle) >= mtime(path.join(lib, "main.js")) ? loadBundle() : require("../lib/cli/main.js");
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
