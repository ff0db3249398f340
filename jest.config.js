// Three kinds of tests (docs: shared style): domain units, integration against real
// PostgreSQL/Redis, and end to end over HTTP. `npm test` runs them all.
const { readFileSync } = require('node:fs');
const { compilerOptions } = require('./tsconfig.base.json');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace(/\//g, '\\/')}$`, `<rootDir>/${target}`]),
);
const base = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper,
  testEnvironment: 'node',
  // Jest's runtime keeping V8's code cache of each module for the next test file in the worker.
  runtime: '<rootDir>/test/support/code-cache-runtime.js',
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/apps/admin', '<rootDir>/apps/shop/.next', '<rootDir>/apps/shop/.next-test', '<rootDir>/tmp'],
};

module.exports = {
  // Known-long files first when Jest has no durations cached (a clean clone): issue 23.
  testSequencer: `${__dirname}/test/support/test-sequencer.js`,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/{api,worker}/**/*.spec.ts', '<rootDir>/apps/shop/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/deploy/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/{api,worker}/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts', '<rootDir>/scripts/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/shared/testing/src/lib/global-setup.js',
      setupFiles: ['<rootDir>/libs/shared/testing/src/lib/test-env.js'],
      setupFilesAfterEnv: ['<rootDir>/libs/shared/testing/src/lib/test-timeout.js'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      setupFiles: ['<rootDir>/libs/shared/testing/src/lib/test-env.js'],
      setupFilesAfterEnv: ['<rootDir>/libs/shared/testing/src/lib/test-timeout.js'],
    },
    {
      // The seller console in Chromium against the real API (test/browser/support).
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      testEnvironment: '<rootDir>/test/browser/support/environment.js',
      globalSetup: '<rootDir>/test/browser/support/global-setup.js',
      setupFiles: ['<rootDir>/libs/shared/testing/src/lib/test-env.js'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/test-timeout.js'],
    },
  ],
};
