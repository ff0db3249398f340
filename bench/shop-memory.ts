// The shop's resident memory under a long stream of distinct pages (docs/performance.md, "Shop
// pages", "Memory"): the bench stack (bench/shop-stack.ts: the demo seed copied BENCH_SHOP_COPIES
// times, HEAD's apps/shop built, the API), then the shop started here as production runs it
// (apps/shop/server.mjs, SHOP_WORKERS=auto) once per side and round, A, B, A, B …, each side with
// its own environment (BENCH_SHOP_MEM_ENV_A / _B, `KEY=value;KEY=value`, e.g.
// `NODE_OPTIONS=--max-old-space-size=256`). Each run: a warm-up, then C connections over the
// product pages of every product in zh-CN and en, in turn (the zh-CN home page every tenth request),
// for S seconds, the shop's processes' RSS sampled every 10 s; then 20 s with nothing sent.
// Prints pages/s, the shop's CPU a page, and the RSS of each process over time.
//
// BENCH_SHOP_MEM_HEAP=1 adds a preload to each shop process (through NODE_OPTIONS) that logs its V8
// heap (process.memoryUsage) every 5 s and runs a full GC on SIGUSR2, which this driver sends after
// the quiet 20 s: whether what is resident is garbage V8 has not collected yet. An experiment only
// (the preload is written to the system's temporary folder, not part of the shop).
//
// The machine lock is taken here around each measured run only (not the build):
//   BENCH_SHOP_MEM_SECONDS=180 BENCH_SHOP_MEM_CONNECTIONS=10 BENCH_SHOP_MEM_ROUNDS=1 \
//     npm run bench:shop-memory   (node -r @swc-node/register bench/shop-memory.ts)
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, rssMb } from './support';
import { startShopStack } from './shop-stack';
import { freePort, waitForHttp } from '../test/support/spawn-api';

const COPIES = Number(process.env['BENCH_SHOP_COPIES'] ?? 14);
const SECONDS = Number(process.env['BENCH_SHOP_MEM_SECONDS'] ?? 180);
const CONNECTIONS = Number(process.env['BENCH_SHOP_MEM_CONNECTIONS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_SHOP_MEM_ROUNDS'] ?? 1);
const HEAP = process.env['BENCH_SHOP_MEM_HEAP'] === '1';
const LOCK = process.env['BENCH_LOCK'] ?? '/tmp/bench.lock';
const HEAP_LOG = path.join(os.tmpdir(), `shop-memory-heap-${process.pid}.jsonl`);
const PRELOAD = path.join(os.tmpdir(), `shop-memory-preload-${process.pid}.cjs`);

const PRELOAD_SOURCE = `
const v8 = require('node:v8');
const fs = require('node:fs');
v8.setFlagsFromString('--expose-gc');
const gc = require('node:vm').runInNewContext('gc');
const mb = (n) => Math.round(n / 1048576);
const log = (tag) => {
  const m = process.memoryUsage();
  fs.appendFileSync(${JSON.stringify(HEAP_LOG)}, JSON.stringify({ t: Date.now(), pid: process.pid, run: process.env.SHOP_MEM_RUN, tag, rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), limit: mb(v8.getHeapStatistics().heap_size_limit) }) + '\\n');
};
setInterval(() => log('tick'), 5000).unref();
process.on('SIGUSR2', () => { log('before-gc'); gc(); gc(); setTimeout(() => log('after-gc'), 1000); });
`;

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function treePids(pid: number): number[] {
  try {
    return [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).flatMap((c) => treePids(Number(c)))];
  } catch {
    return [pid];
  }
}

const treeCpuMs = (pid: number) => treePids(pid).reduce((sum, p) => sum + (cpuMs(p) || 0), 0);
/** Each process's resident MB, the primary first. */
const rssList = (pid: number) => treePids(pid).map((p) => rssMb(p, 'VmRSS'));

function sideEnv(side: 'A' | 'B'): Record<string, string> {
  const spec = process.env[`BENCH_SHOP_MEM_ENV_${side}`] ?? '';
  return Object.fromEntries(spec.split(';').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

/** Holds the machine lock until release() (flock on a child that waits for its stdin to close). */
async function lock(): Promise<() => void> {
  const holder = spawn('flock', [LOCK, 'sh', '-c', 'echo held; cat > /dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
  return () => holder.stdin!.end();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(label: string, stack: Awaited<ReturnType<typeof startShopStack>>, paths: string[], env: Record<string, string>): Promise<void> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nodeOptions = [env['NODE_OPTIONS'] ?? '', HEAP ? `--require ${PRELOAD}` : ''].filter(Boolean).join(' ');
  const shop: ChildProcess = spawn(process.execPath, [path.join(stack.shopDir, 'server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...stack.shopEnv, SHOP_WORKERS: 'auto', SHOP_PORT: String(port), SHOP_HOST: '127.0.0.1', API_URL: stack.apiUrl, SHOP_ORIGIN: url, ...env, NODE_OPTIONS: nodeOptions, SHOP_MEM_RUN: label },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const release = await lock();
  try {
    await waitForHttp(`${url}/robots.txt`, 60_000);
    // Warm-up: 600 pages over 10 connections (every route loaded in every process).
    let w = 0;
    await Promise.all(Array.from({ length: 10 }, async () => { while (w < 600) await (await fetch(`${url}${paths[w++]}`)).arrayBuffer(); }));
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
    console.log(`${label}: ${new Date().toISOString().slice(11, 19)} UTC, load ${load}; after warm-up RSS ${rssList(shop.pid!).join(' + ')} MB`);
    const cpu0 = treeCpuMs(shop.pid!);
    const started = Date.now();
    let next = 600;
    let done = 0;
    let failed = 0;
    const sampler = setInterval(() => {
      const s = (Date.now() - started) / 1000;
      const rss = rssList(shop.pid!);
      console.log(`  ${s.toFixed(0).padStart(4)} s ${String(done).padStart(6)} pages  RSS ${rss.join(' + ')} = ${rss.reduce((a, b) => a + b, 0)} MB`);
    }, 10_000);
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() - started < SECONDS * 1000) {
          const res = await fetch(`${url}${paths[next++ % paths.length]}`);
          await res.arrayBuffer();
          if (res.status !== 200) failed++;
          done++;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const cpu = (treeCpuMs(shop.pid!) - cpu0) / done;
    clearInterval(sampler);
    const endRss = rssList(shop.pid!);
    console.log(`${label}: ${done} pages in ${seconds.toFixed(0)} s, ${Math.round(done / seconds)} pages/s, ${cpu.toFixed(2)} ms of shop CPU a page, ${failed} not 200, load ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end; RSS ${endRss.join(' + ')} = ${endRss.reduce((a, b) => a + b, 0)} MB, peaks (VmHWM) ${treePids(shop.pid!).map((p) => rssMb(p, 'VmHWM')).join(' + ')} MB`);
    release();
    await sleep(20_000);
    const quiet = rssList(shop.pid!);
    console.log(`${label}: 20 s later, nothing sent: RSS ${quiet.join(' + ')} = ${quiet.reduce((a, b) => a + b, 0)} MB`);
    if (HEAP) {
      for (const pid of treePids(shop.pid!)) process.kill(pid, 'SIGUSR2');
      await sleep(3_000);
      const gcd = rssList(shop.pid!);
      console.log(`${label}: after a full GC in each process: RSS ${gcd.join(' + ')} = ${gcd.reduce((a, b) => a + b, 0)} MB`);
    }
  } finally {
    release();
    shop.kill('SIGTERM');
    await new Promise((r) => shop.once('exit', r));
  }
}

async function main(): Promise<void> {
  if (HEAP) writeFileSync(PRELOAD, PRELOAD_SOURCE);
  const stack = await startShopStack('vitrine_bench_shop_memory', COPIES);
  stack.shop.kill('SIGTERM');
  await new Promise((r) => stack.shop.once('exit', r));
  try {
    const paths: string[] = [];
    for (const id of stack.ids) paths.push(`/zh-CN/products/${id}`, `/en/products/${id}`);
    for (let i = 9; i < paths.length; i += 10) paths.splice(i, 0, '/zh-CN');
    console.log(`${paths.length} paths (${stack.ids.length} products × zh-CN, en; the home page every tenth), ${CONNECTIONS} connections, ${SECONDS} s a run${HEAP ? `; heap log ${HEAP_LOG}` : ''}`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const side of ['A', 'B'] as const) {
        const env = sideEnv(side);
        if (side === 'B' && !process.env['BENCH_SHOP_MEM_ENV_B']) continue;
        const settings = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
        await run(`${side}${settings ? ` ${settings}` : ''} (round ${round})`, stack, paths, env);
      }
    }
  } finally {
    await stack.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
