#!/usr/bin/env node
// Ahead-of-time build of the API and the worker: every TypeScript file of apps/api, apps/worker
// and libs (tests left out) compiled with the same SWC options @swc-node/register uses at run
// time (its own tsconfig translation), path aliases included, without source maps, into
// dist/server/. Running `node dist/server/apps/api/src/main.js` then loads neither TypeScript
// nor SWC nor any source map: about 100 MB less resident memory per process (docs/performance.md).
//   node scripts/build-api.mjs [out dir, default dist/server]
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.resolve(ROOT, process.argv[2] ?? 'dist/server');
// @swc-node/core: the options translation and SWC call @swc-node/register itself makes.
const { transformSync } = require('@swc-node/core');
const { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } = require('@swc-node/register/read-default-tsconfig');

const TEST_FILE = /\.(spec|int-spec|e2e-spec|browser-spec)\.ts$|\.d\.ts$/;
const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== '__tests__') yield* files(full);
    } else yield full;
  }
}

process.chdir(ROOT);
process.env.SWC_NODE_SOURCE_MAP_MODE = 'none';
const options = readDefaultTsConfig(path.join(ROOT, 'tsconfig.json'));
rmSync(OUT, { recursive: true, force: true });
let compiled = 0;
for (const src of SOURCES) {
  for (const file of files(path.join(ROOT, src))) {
    const rel = path.relative(ROOT, file);
    if (rel.includes(`${path.sep}src${path.sep}`) === false && !rel.startsWith('apps')) continue;
    if (file.endsWith('.ts') && !TEST_FILE.test(file)) {
      const swc = tsCompilerOptionsToSwcConfig({ ...options, sourceMap: false, inlineSourceMap: false, module: 1 /* CommonJS */ }, file);
      const { code } = transformSync(readFileSync(file, 'utf8'), file, { ...swc, sourcemap: false });
      const out = path.join(OUT, rel.replace(/\.ts$/, '.js'));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, code);
      compiled++;
    } else if (/\.(json|sql|graphql|txt|xml|xsd)$/.test(file)) {
      const out = path.join(OUT, rel);
      mkdirSync(path.dirname(out), { recursive: true });
      copyFileSync(file, out);
    }
  }
}
console.log(`compiled ${compiled} files into ${path.relative(ROOT, OUT)}`);
