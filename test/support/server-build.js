// The API and the worker compiled ahead of time (scripts/build-api.mjs) for the processes the
// tests spawn (spawn-api.ts): each spawn under @swc-node/register compiled all ~650 files again
// (docs/performance.md, "npm test time"). One build per set of sources, reused by later runs;
// built into a temporary directory and renamed, so concurrent runs never see half a build.
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/vitrine-server');
// What scripts/build-api.mjs reads (test files are left out of the build, so of the hash too).
const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs'];
const TEST_FILE = /\.(spec|int-spec|e2e-spec|browser-spec)\.ts$|\.d\.ts$/;
const INPUTS = ['scripts/build-api.mjs', 'tsconfig.json', 'tsconfig.base.json', 'node_modules/@swc/core/package.json', 'node_modules/@swc-node/register/package.json'];
const KEEP_MS = 24 * 3600 * 1000;

function hashSources() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'node_modules' && name !== '__tests__') walk(full);
      } else if (!TEST_FILE.test(name)) {
        hash.update(path.relative(ROOT, full)).update(readFileSync(full));
      }
    }
  };
  for (const src of SOURCES) walk(path.join(ROOT, src));
  for (const file of INPUTS) if (existsSync(path.join(ROOT, file))) hash.update(file).update(readFileSync(path.join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Builds unless a build of the same sources exists; returns its directory (apps/api/src/main.js inside). */
function ensureServerBuild() {
  const dir = path.join(CACHE, hashSources());
  if (!existsSync(path.join(dir, 'apps/worker/src/main.js'))) {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}`;
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-api.mjs'), tmp], { cwd: ROOT, stdio: 'pipe' });
    try {
      renameSync(tmp, dir);
    } catch (error) {
      // A concurrent run renamed its identical build first.
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(path.join(dir, 'apps/worker/src/main.js'))) throw error;
    }
  }
  // In use: a run on other sources must not prune it (below).
  const now = new Date();
  utimesSync(dir, now, now);
  // Builds of other sources a day old: no run still spawns from them.
  for (const name of readdirSync(CACHE)) {
    const other = path.join(CACHE, name);
    if (other !== dir && Date.now() - statSync(other).mtimeMs > KEEP_MS) rmSync(other, { recursive: true, force: true });
  }
  return dir;
}

module.exports = { ensureServerBuild };
