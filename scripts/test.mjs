#!/usr/bin/env node
// `npm test`: installs what is missing, starts or reuses PostgreSQL and Redis, then runs
// the typecheck, lint and every test (unit, integration, end to end, browser).
// Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, ensureChromium, ensureDependencies, ensurePrismaClient, ensureServices, log } from './lib/bootstrap.mjs';

const started = Date.now();
const ADMIN_BUILD_INFO = 'node_modules/.cache/vitrine-admin.tsbuildinfo';

/** Runs `cmds` one after the other, output held and printed whole when the lane ends (lanes run at once). */
function lane(name, cmds) {
  return (async () => {
    const t0 = Date.now();
    for (const cmd of cmds) {
      const child = spawn(cmd, { shell: true, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const status = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
      if (out) process.stdout.write(out);
      if (status !== 0) return { name, cmd, status };
    }
    log(`${name} passed in ${Math.round((Date.now() - t0) / 1000)}s`);
    return { name, status: 0 };
  })();
}
const args = process.argv.slice(2);

ensureDependencies();
await ensureServices();
ensurePrismaClient();
if (existsSync(path.join(ROOT, 'test/browser'))) ensureChromium();

if (!args.length) {
  // Two lanes at once (tsc and eslint are single-threaded; this machine has 2 cores): on a
  // quiet machine the checks take as long as eslint alone instead of the sum (docs/performance.md).
  log('typecheck and lint');
  const lanes = await Promise.all([
    lane('typecheck', [
      'npx tsc -p tsconfig.json',
      // The shop (apps/shop) has its own tsconfig (DOM, JSX, Next's bundler resolution).
      ...(existsSync(path.join(ROOT, 'apps/shop/tsconfig.json')) ? ['npx tsc -p apps/shop/tsconfig.json'] : []),
      // The console (apps/admin) has its own tsconfig (DOM, JSX, Vite); its GraphQL documents are
      // checked against the schema by apps/api/src/app/console-operations.spec.ts (graphql-codegen).
      // The build info is the browser tests' global setup's: it then re-checks nothing.
      `npx tsc -p apps/admin/tsconfig.json --incremental --tsBuildInfoFile ${ADMIN_BUILD_INFO}`,
    ]),
    // Module boundaries need the Nx project graph first.
    lane('lint', ['npx nx show projects > /dev/null', 'npx eslint . --max-warnings 0']),
  ]);
  const failedLane = lanes.find((l) => l.status !== 0);
  if (failedLane) {
    console.error(`${failedLane.name} failed (${failedLane.status}): ${failedLane.cmd}`);
    process.exit(1);
  }
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
