/**
 * TypeScript is compiled for jest by swc (@swc/jest): type-checking is `npm run typecheck`'s job, and on a cold
 * cache (every CI run) ts-jest's per-file transpile cost twice the CPU (10.9 vs 20.5 s on two suites).
 * Two workers: most suites wait on Chromium, LibreOffice or a child process, so a 2-core machine runs two at once.
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
  testTimeout: 60000,
};
