/**
 * Jest's order with a head start for the known-slow suites. Jest runs the slowest suites first from the timings it
 * caches, but CI starts from a fresh clone with no cache, where jest falls back to file size: a 50-line suite that
 * took 100 s (office-scale) then started last and ran alone for a minute and more. Without a cached time a suite
 * takes its time from this table (seconds with two workers on two cores, rounded: only the order matters) or,
 * unlisted, a token one from its size, so every fresh run starts the long suites at once and ends with short ones.
 */
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

const KNOWN_SECONDS = {
  "test/e2e/browser-mode.e2e.test.ts": 60, // with the webpack build the other e2e suites wait for
  "test/adapters/xlsx-limits.test.ts": 38,
  "test/adapters/office-scale.test.ts": 30,
  "test/hostile/hostile.test.ts": 26,
  "test/taskpane/pane-excel.test.tsx": 24,
  "test/adapters/office-chaos.test.ts": 22,
  "test/e2e/excel-pane-accept.e2e.test.ts": 21,
  "test/libreoffice/copies-valid.test.ts": 16,
  "test/cli/e2e.test.ts": 15,
  "test/e2e/excel-pane.e2e.test.ts": 14,
  "test/adapters/xlsx-equivalence.test.ts": 12,
  "test/e2e/browser-accept.e2e.test.ts": 11,
  "test/taskpane/pane.test.tsx": 11,
  "test/acceptance/habits-cli.test.ts": 10,
  "test/libreoffice/template-render.test.ts": 10,
  "test/taskpane/pane-accept.test.tsx": 10,
  "test/acceptance/habits-excel.test.ts": 8,
  "test/e2e/catalogue.e2e.test.ts": 8,
  "test/taskpane/pane-added.test.tsx": 8,
  "test/package/package.e2e.test.ts": 7,
  "test/adapters/annotate-state.test.ts": 6,
  "test/browser/accept.test.tsx": 5,
};

class KnownSlowFirst extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached !== undefined) return cached;
    const known = KNOWN_SECONDS[path.relative(test.context.config.rootDir, test.path).split(path.sep).join("/")];
    // unlisted suites take a few seconds at most: a millisecond per kilobyte keeps jest's larger-file-first among them
    return known !== undefined ? known * 1000 : (test.context.hasteFS.getSize(test.path) ?? 0) / 1024;
  }
}

module.exports = KnownSlowFirst;
