#!/usr/bin/env node
// `npm run build`: the release artifacts, compiled ahead of time (no TypeScript compiler at run time).
//   dist/server/        the API and the worker (scripts/build-api.mjs):
//                       node dist/server/apps/api/src/main.js, node dist/server/apps/worker/src/main.js
//   apps/admin/dist/    the seller console, static files (serve with any web server; docker/ uses nginx)
//   apps/shop/.next/    the shop's production build: node node_modules/next/dist/bin/next start apps/shop
// Each step's time and output size are printed. `npm run build -- api console` builds only those.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureDependencies, ensurePrismaClient, log } from './lib/bootstrap.mjs';

const STEPS = {
  api: { what: 'API and worker', out: 'dist/server', cmd: [process.execPath, ['scripts/build-api.mjs']] },
  console: { what: 'seller console', out: 'apps/admin/dist', cmd: [process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/admin/vite.config.ts', '--logLevel', 'warn']] },
  shop: { what: 'shop', out: `apps/shop/${process.env.SHOP_DIST_DIR ?? '.next'}`, cmd: [process.execPath, ['node_modules/next/dist/bin/next', 'build', 'apps/shop']] },
};

function sizeOf(dir) {
  let bytes = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const s = statSync(full);
      if (s.isDirectory()) {
        if (name !== 'cache') walk(full);
      } else bytes += s.size;
    }
  };
  walk(path.join(ROOT, dir));
  return bytes;
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in STEPS));
if (unknown.length) {
  console.error(`unknown build target(s): ${unknown.join(', ')}; choose from ${Object.keys(STEPS).join(', ')}`);
  process.exit(2);
}
ensureDependencies();
ensurePrismaClient();
for (const [name, step] of Object.entries(STEPS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  log(`building the ${step.what}`);
  const started = Date.now();
  const [cmd, args] = step.cmd;
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) {
    console.error(`building the ${step.what} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  log(`${step.what}: ${step.out} (${(sizeOf(step.out) / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
