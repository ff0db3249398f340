// `npm ci` on a fresh clone refuses a lock that lacks any package package.json needs (for
// instance another platform's optional binaries); `npm start` and `npm test` install with it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

describe('package-lock.json', () => {
  it('is complete: npm ci accepts it as it is', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-lock-'));
    try {
      copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
      copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
      const r = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.stderr).not.toMatch(/EUSAGE|in sync/);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('pins every @swc/core platform binary that @swc/core lists', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const swc = lock.packages['node_modules/@swc/core'];
    const platforms = Object.keys(swc.optionalDependencies ?? {});
    expect(platforms.length).toBeGreaterThan(5);
    for (const name of platforms) expect(lock.packages[`node_modules/${name}`]?.version).toBe(swc.version);
  });

  it('pins every Next.js SWC platform binary that next lists (the shop builds with it)', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const next = lock.packages['node_modules/next'];
    const platforms = Object.keys(next.optionalDependencies ?? {}).filter((name) => name.startsWith('@next/swc-'));
    expect(platforms.length).toBeGreaterThan(5);
    for (const name of platforms) expect(lock.packages[`node_modules/${name}`]?.version).toBe(next.version);
  });
});
