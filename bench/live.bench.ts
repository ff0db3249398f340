// npm run bench:live — viewers of one live session on its update stream (Server-Sent Events).
// N viewers (BENCH_LIVE_VIEWERS, default 20,000) connect to GET /live/:id/events through the real
// API (production mode, API_WORKERS processes sharing the port, Redis pub/sub between them), from
// BENCH_LIVE_CLIENTS client processes (bench/live-viewers.ts). Then the host pins products
// (pinLiveProduct over GraphQL) and the stock of a bag product changes in PostgreSQL: for each,
// the time from the mutation (or the stock commit) to receipt at every viewer, p50 / p99 and the
// share within 1 s; and the API's resident memory per connection (RSS with the viewers
// connected minus before, over the connections).
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PrismaService } from '@vitrine/shared/data-access';
import { createUser } from '@vitrine/shared/testing';
import { ROOT, freshDatabase, machine, withClient, writePerformanceSection } from './support';
import { seedFx, seedShop } from '../test/support/checkout-fixtures';
import { PRODUCTION_TEST_SECRETS, freePort, spawnApp, waitForHttp } from '../test/support/spawn-api';

const VIEWERS = Number(process.env['BENCH_LIVE_VIEWERS'] ?? 20_000);
const CLIENTS = Number(process.env['BENCH_LIVE_CLIENTS'] ?? 4);
const API_PROCESSES = Number(process.env['API_WORKERS'] ?? 2);
const PINS = Number(process.env['BENCH_LIVE_PINS'] ?? 10);
const STOCK_CHANGES = Number(process.env['BENCH_LIVE_STOCK_CHANGES'] ?? 5);
/** Connections each client opens at once (then the next batch). */
const BATCH = Number(process.env['BENCH_LIVE_BATCH'] ?? 250);
const WAIT_MS = 6_000;
const FD_LIMIT = 200_000;

const now = () => performance.timeOrigin + performance.now();

/** Re-run under a raised open-files limit (each viewer is a socket at both ends). */
function ensureFileLimit(): boolean {
  if (process.env['BENCH_LIVE_ULIMIT'] === '1') return true;
  const node = [process.execPath, ...process.execArgv, ...process.argv.slice(1)].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('bash', ['-c', `ulimit -n ${FD_LIMIT} 2>/dev/null || ulimit -n $(ulimit -Hn); exec ${node}`], { stdio: 'inherit', env: { ...process.env, BENCH_LIVE_ULIMIT: '1' } });
  child.on('exit', (code) => process.exit(code ?? 1));
  return false;
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory (bytes) of the API: its serving processes (the primary's children with API_WORKERS > 1). */
function apiRss(primary: number): number {
  const pids = API_PROCESSES > 1 ? childPids(primary) : [primary];
  return pids.reduce((sum, pid) => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return sum + (m ? Number(m[1]) * 1024 : 0);
  }, 0);
}

function apiCpuSeconds(primary: number): number {
  const pids = API_PROCESSES > 1 ? childPids(primary) : [primary];
  return pids.reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) / 100;
  }, 0);
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

interface Round {
  latencies: number[];
  missed: number;
}

function summary(rounds: Round[], expected: number) {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const deliveries = rounds.length * expected;
  const within = all.filter((l) => l <= 1000).length;
  return {
    deliveries,
    received: all.length,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: all.at(-1) ?? NaN,
    withinPct: (100 * within) / deliveries,
  };
}

async function main() {
  if (!ensureFileLimit()) return;
  const fdLimit = Number(execFileSync('bash', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  const started = machine();
  const url = await freshDatabase('vitrine_bench_live');
  const prisma = new PrismaService({ url, poolSize: 2 });
  await seedFx(prisma, '7.8000');
  const shop = await seedShop(prisma, { prices: [2_500, 4_000], stock: 1_000 });
  const manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = spawnApp('apps/api/src/main.ts', {
    ...PRODUCTION_TEST_SECRETS,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: url,
    API_WORKERS: String(API_PROCESSES),
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `bench-live-${randomUUID().slice(0, 8)}`,
  });
  const clients: ChildProcess[] = [];
  try {
    await waitForHttp(`${base}/health/live`, 120_000);
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const token = (await gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { email: manager.email, password: manager.password } })).login.accessToken as string;
    const products = shop.variants.map((v) => v.productId);
    const session = await gql(
      `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { id } }`,
      { i: { museumId: shop.museumId, title: 'Bench live', streamUrl: 'https://live.example/bench', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(), productIds: products } },
      token,
    );
    const events = `${base}/live/${session.scheduleLiveSession.id}/events`;
    // Warm each API process (first GraphQL and SSE requests compile their paths).
    await new Promise((r) => setTimeout(r, 2_000));
    const rssBefore = apiRss(api.child.pid!);

    const perClient = Math.ceil(VIEWERS / CLIENTS);
    const t0 = now();
    const connected = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => {
        const child = fork(path.join(ROOT, 'bench/live-viewers.ts'), [], { execArgv: ['-r', '@swc-node/register'], cwd: ROOT });
        clients.push(child);
        return new Promise<{ open: number; failed: number }>((resolve) => {
          child.once('message', (m: { open: number; failed: number }) => resolve(m));
          child.send({ type: 'start', urls: [events], count: Math.min(perClient, VIEWERS - i * perClient), batch: BATCH });
        });
      }),
    );
    const connectSeconds = (now() - t0) / 1000;
    const open = connected.reduce((a, c) => a + c.open, 0);
    const failed = connected.reduce((a, c) => a + c.failed, 0);
    console.log(`${open} viewers connected in ${connectSeconds.toFixed(1)} s (${failed} failed)`);
    await new Promise((r) => setTimeout(r, 3_000));
    const rssAfter = apiRss(api.child.pid!);

    const report = () =>
      Promise.all(
        clients.map(
          (c) =>
            new Promise<Record<string, number[]>>((resolve) => {
              c.once('message', (m: { seen: Record<string, number[]> }) => resolve(m.seen));
              c.send({ type: 'report' });
            }),
        ),
      ).then((parts) => {
        const merged: Record<string, number[]> = {};
        for (const part of parts) for (const [k, v] of Object.entries(part)) (merged[k] ??= []).push(...v);
        return merged;
      });
    // The first stock reading goes to everyone as a baseline: not a measurement.
    await report();

    const cpu0 = apiCpuSeconds(api.child.pid!);
    const pins: Round[] = [];
    for (let i = 0; i < PINS; i++) {
      const productId = products[i % products.length]!;
      const at = now();
      await gql(`mutation($i: PinLiveProductInput!) { pinLiveProduct(input: $i) { id } }`, { i: { sessionId: session.scheduleLiveSession.id, productId } }, token);
      await new Promise((r) => setTimeout(r, WAIT_MS));
      const seen = await report();
      const times = Object.entries(seen)
        .filter(([k]) => (JSON.parse(k) as { type: string; productId?: string }).type === 'pin' && JSON.parse(k).productId === productId)
        .flatMap(([, v]) => v);
      pins.push({ latencies: times.map((t) => t - at), missed: open - times.length });
      console.log(`pin ${i + 1}: ${times.length}/${open} received, p99 ${percentile(times.map((t) => t - at).sort((a, b) => a - b), 99).toFixed(0)} ms`);
    }
    const cpuPins = apiCpuSeconds(api.child.pid!) - cpu0;

    const stock: Round[] = [];
    const variant = shop.variants[0]!;
    for (let i = 0; i < STOCK_CHANGES; i++) {
      const available = 1_000 - (i + 1);
      // A receipt-less adjustment, as a warehouse count would write it: one unit fewer on hand.
      await withClient(url, (c) => c.query(`UPDATE stock_levels SET on_hand = $1 WHERE variant_id = $2 AND location_id = $3`, [available, variant.id, shop.locationId]));
      const at = now();
      await new Promise((r) => setTimeout(r, WAIT_MS));
      const seen = await report();
      const times = Object.entries(seen)
        .filter(([k]) => {
          const e = JSON.parse(k) as { type: string; products?: { productId: string; available: number }[] };
          return e.type === 'stock' && !!e.products?.some((p) => p.productId === variant.productId && p.available === available);
        })
        .flatMap(([, v]) => v);
      stock.push({ latencies: times.map((t) => t - at), missed: open - times.length });
      console.log(`stock change ${i + 1}: ${times.length}/${open} received`);
    }

    const pin = summary(pins, open);
    const st = summary(stock, open);
    const perConnKb = (rssAfter - rssBefore) / open / 1024;
    const mb = (b: number) => (b / 2 ** 20).toFixed(0);
    const fmt = (s: ReturnType<typeof summary>) =>
      `| ${s.deliveries.toLocaleString('en')} | ${s.received.toLocaleString('en')} | ${s.p50.toFixed(0)} | ${s.p99.toFixed(0)} | ${s.max.toFixed(0)} | ${s.withinPct.toFixed(2)} % |`;
    const md = `## Live sessions: viewers on a session's update stream (\`npm run bench:live\`)

Run: ${new Date().toISOString().slice(0, 16)}Z, ${started}; open-files limit ${fdLimit}.
Command: \`BENCH_LIVE_VIEWERS=${VIEWERS} BENCH_LIVE_CLIENTS=${CLIENTS} API_WORKERS=${API_PROCESSES} npm run bench:live\` (the API from source in production mode,
${API_PROCESSES} process(es) sharing the port, Redis pub/sub between them; ${CLIENTS} client processes on the same machine, plain
\`http\` SSE readers; PostgreSQL and Redis the shared local ones).

Viewers asked for: ${VIEWERS.toLocaleString('en')}; connected: **${open.toLocaleString('en')}** (${failed} failed) in ${connectSeconds.toFixed(1)} s
(batches of ${BATCH} per client).

| event | deliveries expected | received | p50 ms | p99 ms | max ms | within 1 s |
|---|---:|---:|---:|---:|---:|---:|
| pin (${PINS} pins, mutation sent → frame read) ${fmt(pin)}
| stock change (${STOCK_CHANGES} updates, commit → frame read) ${fmt(st)}

API memory: ${mb(rssBefore)} MB resident before the viewers, ${mb(rssAfter)} MB with ${open.toLocaleString('en')} connected:
**${perConnKb.toFixed(1)} KB per connection** (RSS difference over connections, all API processes). API CPU during the ${PINS} pins:
${cpuPins.toFixed(1)} s (${((cpuPins / PINS) * 1000).toFixed(0)} ms per pin for all viewers: JSON once, one write per socket).
A stock change's time includes the stock watch's poll (\`LIVE_STOCK_POLL_MS\`, 500 ms: on average 250 ms of waiting).
`;
    console.log(md);
    writePerformanceSection('live', md);
  } finally {
    for (const c of clients) c.kill();
    await api.stop();
    await prisma.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
