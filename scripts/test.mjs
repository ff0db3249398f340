#!/usr/bin/env node
// `npm test`: installs what is missing, starts or reuses PostgreSQL and Redis, then runs
// the typecheck, lint and every test (unit, integration, end to end, browser).
// Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, ensureChromium, ensureDependencies, ensurePrismaClient, ensureServices, log, run } from './lib/bootstrap.mjs';

const started = Date.now();
const args = process.argv.slice(2);

ensureDependencies();
await ensureServices();
ensurePrismaClient();
if (existsSync(path.join(ROOT, 'test/browser'))) ensureChromium();

if (!args.length) {
  log('typecheck');
  run('npx tsc -p tsconfig.json');
  // The shop (apps/shop) has its own tsconfig (DOM, JSX, Next's bundler resolution).
  if (existsSync(path.join(ROOT, 'apps/shop/tsconfig.json'))) run('npx tsc -p apps/shop/tsconfig.json');
  // The console (apps/admin) has its own tsconfig (DOM, JSX, Vite); its GraphQL documents are
  // checked against the schema by apps/api/src/app/console-operations.spec.ts (graphql-codegen).
  run('npx tsc -p apps/admin/tsconfig.json');
  log('lint (module boundaries need the Nx project graph first)');
  run('npx nx show projects > /dev/null');
  run('npx eslint . --max-warnings 0');
}

log('tests');
mkdirSync(path.join(ROOT, 'test/artifacts'), { recursive: true });
const report = path.join(ROOT, 'test/artifacts/jest-report.json');
const jest = spawnSync('npx', ['jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${report}`, ...args], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = r.numPendingTests + r.numTodoTests;
}
const seconds = Math.round((Date.now() - started) / 1000);
log(`finished in ${seconds}s`);
// The plain closing line CI reads.
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(jest.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
