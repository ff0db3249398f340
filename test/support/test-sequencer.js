// Jest's test order (jest.config.js: `testSequencer`), issue 23. Jest runs files longest first
// when its cache has their durations (a developer's machine); a clean clone (CI) has none, and
// Jest then orders by file size. That put the two drop-over-two-API-processes specs (a few lines
// each, the test in test/support; two API processes, a worker and a Redis Cluster) last, and
// small browser specs (a shop, an API and Chromium whatever the file's size) among the unit
// specs at the end, where a long file started last leaves the other worker idle. Here a file
// Jest has no duration for gets an estimate instead: the last clean runs' figure for the known
// long files, else a start-up cost by kind plus a share by size. Files with a cached result keep
// Jest's own order: those that failed first, those with a duration after the estimated ones.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** Seconds a file took: its per-file duration in the last clean-clone run of docs/performance.md ("npm test time", cb2d63c). */
const KNOWN_SECONDS = {
  'test/e2e/drops.e2e-spec.ts': 77,
  'test/browser/shop-checkout.browser-spec.ts': 58,
  'test/e2e/return-messages-locale.e2e-spec.ts': 55,
  'test/e2e/order-pipeline.e2e-spec.ts': 52,
  'test/e2e/login-flood.e2e-spec.ts': 43,
  'test/browser/shop-card-payment.browser-spec.ts': 40,
  // Tiny files (the test is in test/support) that Jest's size order ran last on a clean clone.
  'test/e2e/drop-two-api-processes-cluster.e2e-spec.ts': 33,
  'test/browser/shop-browse.browser-spec.ts': 32,
  'test/browser/shop-returns.browser-spec.ts': 31,
  'test/e2e/drop-two-api-processes.e2e-spec.ts': 24,
};

/** [fixed seconds, seconds per 10 kB of spec] by kind: each kind's mean is its mean per-file duration in those runs. */
const KIND = [
  [/\.browser-spec\.ts$/, 15, 17],
  [/\.e2e-spec\.ts$/, 5, 12],
  [/\.int-spec\.ts$/, 0.5, 1.3],
  [/\.spec\.ts$/, 0.3, 4],
];

class KnownDurationsSequencer extends Sequencer {
  sort(tests) {
    const failed = [];
    const unknown = [];
    const rest = [];
    for (const test of tests) (this.hasFailed(test) ? failed : this.time(test) == null ? unknown : rest).push(test);
    const estimate = (test) => {
      const known = KNOWN_SECONDS[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')];
      if (known != null) return known;
      const kind = KIND.find(([pattern]) => pattern.test(test.path));
      const size = test.context.hasteFS.getSize(test.path) ?? 0;
      return kind ? kind[1] + (kind[2] * size) / 10_000 : size / 10_000;
    };
    const seconds = new Map(unknown.map((test) => [test, estimate(test)]));
    unknown.sort((a, b) => seconds.get(b) - seconds.get(a));
    return [...super.sort(failed), ...unknown, ...super.sort(rest)];
  }
}

module.exports = KnownDurationsSequencer;
