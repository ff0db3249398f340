// Browser suites: the migrated template database and the API and worker built for spawns (as
// for e2e), then one production build of the console that every suite serves.
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const dbSetup = require('../../../libs/shared/testing/src/lib/global-setup.js');
const { ensureServerBuild } = require('../../support/server-build');

const ROOT = path.resolve(__dirname, '../../..');

module.exports = async function browserGlobalSetup() {
  await dbSetup();
  process.env.VITRINE_SERVER_BUILD = ensureServerBuild();
  if (process.env.VITRINE_SKIP_CONSOLE_BUILD === '1') return;
  // The console has its own tsconfig (DOM, JSX), outside the repo-wide typecheck;
  // incremental, so a run after a small change checks only what changed.
  const buildInfo = path.join(ROOT, 'node_modules/.cache/vitrine-admin.tsbuildinfo');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'apps/admin/tsconfig.json', '--incremental', '--tsBuildInfoFile', buildInfo], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // The production build users get (jest's NODE_ENV=test would give React's development
  // build: slower, and not what the performance figures are about).
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'apps/admin', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
};
