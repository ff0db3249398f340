// Shop CPU per product page, two commits side by side (issue 17's paired figures in
// docs/performance.md, "Shop pages"): each commit's apps/shop from `git archive`, built with
// `next build`, served by one process (apps/shop/server.mjs where the commit has it, else `next
// start`) against one API on the demo seed, driven in turn (A, B, A, B …) by C connections over
// the catalogue's distinct product pages, no gzip asked (as autocannon) unless
// BENCH_SHOP_AB_ENCODING=gzip. Prints the shop's and the API's CPU ms per page for each run. With
// BENCH_SHOP_PROFILE=<dir>, each shop runs with --cpu-prof into that folder (BENCH_SHOP_AB_KEEP=1
// keeps the builds for their source maps). BENCH_SHOP_AB_ENV_A / _B (`K=v;K=v`) set a side's
// environment, to compare settings of one commit (`HEAD HEAD`).
//
//   flock /tmp/bench.lock node -r @swc-node/register bench/shop-ab.ts <commit A> <commit B>
//   (BENCH_SHOP_AB_PAGES=2500 BENCH_SHOP_AB_CONNECTIONS=10 BENCH_SHOP_AB_ROUNDS=2)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, freshDatabase, withClient } from './support';
import { PRODUCTION_TEST_SECRETS, freePort, spawnApp, waitForHttp } from '../test/support/spawn-api';

const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const PAGES = Number(process.env['BENCH_SHOP_AB_PAGES'] ?? 2500);
const CONNECTIONS = Number(process.env['BENCH_SHOP_AB_CONNECTIONS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_SHOP_AB_ROUNDS'] ?? 2);
const PROFILE = process.env['BENCH_SHOP_PROFILE'];
/** What the driver asks for: `identity` (as autocannon) or `gzip` (as a browser; the shop compresses unless SHOP_COMPRESS=off). */
const ENCODING = process.env['BENCH_SHOP_AB_ENCODING'] ?? 'identity';

/** CPU time (user + system) of a process and its children so far, in ms (Linux /proc). */
function treeCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  let total = (Number(fields[11]) + Number(fields[12])) * 10;
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += treeCpuMs(Number(child));
  } catch {
    // ended
  }
  return total;
}

/** A process's peak resident memory so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const shopEnv = { NODE_ENV: 'production', SHOP_DIST_DIR: '.next', SHOP_MONOREPO_ROOT: ROOT, NEXT_TELEMETRY_DISABLED: '1' };

function buildAt(commit: string): string {
  const dir = path.join(ROOT, 'tmp/bench-shop-ab', commit);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive "${commit}" apps/shop | tar -x -C "${dir}"`], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [NEXT_BIN, 'build', path.join(dir, 'apps/shop')], { cwd: ROOT, env: { ...process.env, ...shopEnv }, stdio: 'inherit' });
  return path.join(dir, 'apps/shop');
}

/** BENCH_SHOP_AB_ENV_A / _B: `KEY=value;KEY=value` given to that side's shop (e.g. SHOP_COMPRESS=off, NODE_OPTIONS=…), to compare settings of one commit. */
function sideEnv(side: 'A' | 'B'): Record<string, string> {
  const spec = process.env[`BENCH_SHOP_AB_ENV_${side}`] ?? '';
  return Object.fromEntries(spec.split(';').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

async function drive(label: string, shopDir: string, apiUrl: string, apiPid: number, paths: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // One process: apps/shop/server.mjs (SHOP_WORKERS=1) where the commit has it, else `next start`.
  const server = existsSync(path.join(shopDir, 'server.mjs')) ? [path.join(shopDir, 'server.mjs')] : [NEXT_BIN, 'start', shopDir, '-p', String(port), '-H', '127.0.0.1'];
  const args = [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []), ...server];
  const shop = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...shopEnv, SHOP_WORKERS: '1', SHOP_PORT: String(port), SHOP_HOST: '127.0.0.1', API_URL: apiUrl, SHOP_ORIGIN: url, ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHttp(`${url}/robots.txt`, 60_000);
    for (const p of paths.slice(0, 200)) await (await fetch(`${url}${p}`, { headers: { 'accept-encoding': ENCODING } })).arrayBuffer();
    const load = os.loadavg()[0]!.toFixed(1);
    let next = 0;
    let failed = 0;
    const cpu0 = treeCpuMs(shop.pid!);
    const api0 = treeCpuMs(apiPid);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < PAGES) {
          const res = await fetch(`${url}${paths[next++ % paths.length]}`, { headers: { 'accept-encoding': ENCODING } });
          await res.arrayBuffer();
          if (res.status !== 200) failed++;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`${label}: ${((treeCpuMs(shop.pid!) - cpu0) / PAGES).toFixed(2)} ms of shop CPU a page, ${((treeCpuMs(apiPid) - api0) / PAGES).toFixed(2)} ms of API CPU, ${Math.round(PAGES / seconds)} pages/s, ${failed} not 200, load ${load} at the start, shop peak RSS ${peakRssMb(shop.pid!)} MB`);
  } finally {
    shop.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

async function main(): Promise<void> {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: bench/shop-ab.ts <commit A> <commit B>');
  const db = await freshDatabase('vitrine_bench_shop_ab');
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'prisma/seed.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db }, stdio: 'inherit' });
  const ids = await withClient(db, async (c) => (await c.query<{ id: string }>(`SELECT id FROM products WHERE status = 'PUBLISHED' ORDER BY id`)).rows.map((r) => r.id));
  const paths = ids.map((id) => `/zh-CN/products/${id}`);
  const dirs = { [a]: buildAt(a), [b]: buildAt(b) };
  const apiPort = await freePort();
  const api = spawnApp('apps/api/src/main.ts', { ...PRODUCTION_TEST_SECRETS, NODE_ENV: 'production', DATABASE_URL: db, PORT: String(apiPort), LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' });
  try {
    await waitForHttp(`http://127.0.0.1:${apiPort}/health`, 90_000);
    console.log(`${paths.length} distinct product pages, ${PAGES} pages a run over ${CONNECTIONS} connections`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [side, commit] of [['A', a], ['B', b]] as const) {
        const env = sideEnv(side);
        const settings = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
        await drive(`${side} ${commit}${settings ? ` ${settings}` : ''} (round ${round}, ${ENCODING})`, dirs[commit]!, `http://127.0.0.1:${apiPort}/graphql`, api.child.pid!, paths, env);
      }
    }
  } finally {
    await api.stop();
    // BENCH_SHOP_AB_KEEP=1 keeps the builds (tmp/bench-shop-ab/<commit>) to read a profile against their source maps.
    if (!process.env['BENCH_SHOP_AB_KEEP']) rmSync(path.join(ROOT, 'tmp/bench-shop-ab'), { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
