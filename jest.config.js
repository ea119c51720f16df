/**
 * TypeScript is compiled for jest by swc (@swc/jest): type-checking is `npm run typecheck`'s job, and on a cold
 * cache (every CI run) ts-jest's per-file transpile cost twice the CPU (10.9 vs 20.5 s on two suites).
 * Two workers: most suites wait on Chromium, LibreOffice or a child process, so a 2-core machine runs two at once.
 * The sequencer starts the known-slow suites first even without jest's timing cache (a fresh clone on CI).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          target: "es2022",
          transform: { react: { runtime: "automatic" } },
        },
        module: { type: "commonjs" },
      },
    ],
  },
  maxWorkers: 2,
  // Each test file runs in a vm context whose global object is reached through an interceptor: every lookup of a
  // global in a hot loop (Math.min, String(x), JSON, new Map) costs about a microsecond there, 10–30× a plain
  // call. These are passed to every module as parameters instead: the same objects, as no test replaces them
  // (Date and the timers are replaced by fake timers: not listed). A module declaring one of these names with
  // const, let or class at its top level would no longer compile (@fluentui/keyboard-keys exports a `Symbol`).
  sandboxInjectedGlobals: [
    "Array",
    "Boolean",
    "Error",
    "Infinity",
    "JSON",
    "Map",
    "Math",
    "Number",
    "Object",
    "Reflect",
    "RegExp",
    "Set",
    "String",
    "TypeError",
    "Uint8Array",
    "WeakMap",
    "isFinite",
    "isNaN",
    "parseFloat",
    "parseInt",
  ],
  testSequencer: "<rootDir>/test/support/sequencer.js",
  testTimeout: 60000,
};
