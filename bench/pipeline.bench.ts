// npm run bench:pipeline — the worker's order pipeline and warehouse sync under load.
// 1. A bare BullMQ no-op: N jobs added in bulk and run by one Worker (the ceiling of the
//    queue on this machine), measured in the same run.
// 1b. Orders through the API (issue 23): BENCH_API_ORDERS (default 1,000) shoppers add to a
//    cart and place the order through a real API process (production mode, Stripe on a
//    loopback), then Stripe's payment_intent.succeeded webhook reaches the API for each; the
//    API's, PostgreSQL's and Redis's CPU per order is measured for each of the two steps. These
//    orders then go through the pipeline with the others.
// 2. N paid orders (default 20,000) released at once into the real worker process
//    (apps/worker, spawned as `npm start` does) against the loopback customs and carrier:
//    waybill, three signed customs documents, clearance receipt, booking, tracking, until
//    every order is DELIVERED. Orders/s end to end and per step, and latency percentiles.
// 3. A warehouse feed of 50,000 SKUs reconciled with marketplace stock.
// CPU per order of each component (bench/component-cpu.ts) counts only what this run can name on
// a shared machine: the API and worker processes it spawned, a redis-server of its own, and the
// PostgreSQL backends connected to its own database.
// Figures go to docs/performance.md (section bench:pipeline), or to BENCH_REPORT_FILE (or
// BENCH_PERFORMANCE_FILE, its older name) when set. BENCH_ORDERS, BENCH_SKUS,
// BENCH_API_ORDERS resize it; BENCH_CPU_PROFILE=<dir> profiles the worker (--cpu-prof),
// BENCH_WORKER_LOG=<file> keeps its output, BENCH_WORKER_NODE_ARGS (space-separated) gives the
// worker node flags (`--max-semi-space-size=64`, as docker/ and deploy/k8s run it).
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import os from 'node:os';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { InventorySyncJobsModule, StockSyncService } from '@vitrine/inventory';
import { DataAccessModule, PrismaService } from '@vitrine/shared/data-access';
import { bullConnectionFromEnv } from '@vitrine/shared/jobs';
import { PrivateRedis } from '@vitrine/shared/testing';
import { Client } from 'pg';
import { CarrierLoopback } from '../test/support/carrier-loopback';
import { placeOrderInput, residentId, seedFx, seedShop } from '../test/support/checkout-fixtures';
import { CustomsLoopback } from '../test/support/customs-loopback';
import { pool } from '../test/support/drop-fixtures';
import { seedPaidOrders, signingKeys } from '../test/support/pipeline-fixtures';
import { PRODUCTION_TEST_SECRETS, freePort, spawnApp, waitForHttp, type SpawnedProcess } from '../test/support/spawn-api';
import { startStripeLoopback, type StripeLoopback } from '../test/support/stripe-loopback';
import { dropQueues } from '../test/support/worker-process';
import { PostgresCpu, ProcessCpu } from './component-cpu';
import { freshDatabase, machine, resetPeakRss, rssMb, withClient, writePerformanceSection } from './support';

const ORDERS = Number(process.env['BENCH_ORDERS'] ?? 20_000);
const SKUS = Number(process.env['BENCH_SKUS'] ?? 50_000);
/** Worker processes side by side (the pipeline scales out: SKIP LOCKED relay, BullMQ, row-locked settling). */
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 1);
const log = (m: string) => console.log(`[bench:pipeline] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n);
/** `seconds` of CPU over `orders`, in ms per order. */
const ms = (seconds: number, orders: number) => ((seconds / orders) * 1000).toFixed(2);

/** Where the report goes: docs/performance.md's section unless BENCH_REPORT_FILE (or BENCH_PERFORMANCE_FILE) names a file. */
const reportFile = process.env['BENCH_REPORT_FILE'] || process.env['BENCH_PERFORMANCE_FILE'] || undefined;
/** Orders placed through the API (and paid by webhook) before the measured ones: V8 warms up. */
const API_WARMUP = Number(process.env['BENCH_API_WARMUP'] ?? 200);
/** Seconds the worker's idle cost is measured for, after the pipeline run (BENCH_IDLE_SECONDS). */
const IDLE_SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 10);
const API_ORDERS = Number(process.env['BENCH_API_ORDERS'] ?? 1_000);
const API_CONCURRENCY = 16;
const ADD_LINE_LEAN = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { id } } }`;
const PLACE_ORDER_LEAN = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id payment { paymentIntentId } } }`;

/** CPU seconds of each component over one measured step. */
interface StepCpu {
  api: number;
  worker: number;
  postgres: number;
  /** PostgreSQL's WAL writer, checkpointer and background writer: shared with every database on the server. */
  postgresShared: number;
  redis: number;
  /** This process: HTTP clients, the Stripe/customs/carrier loopbacks, polling. */
  bench: number;
  /** Load average (1 min) at the start and end of the step: other engineers share the machine. */
  load: [number, number];
}

/**
 * Runs `step` and answers the CPU each component used meanwhile. PostgreSQL's backends are
 * sampled every 250 ms so that one ending between samples loses little.
 */
async function measured<T>(pg: PostgresCpu, pids: { api?: number; workers?: (number | undefined)[]; redis?: number }, step: () => Promise<T>): Promise<{ result: T; cpu: StepCpu }> {
  const load0 = os.loadavg()[0]!;
  const api = new ProcessCpu([pids.api]);
  const workers = new ProcessCpu(pids.workers ?? []);
  const redis = new ProcessCpu([pids.redis]);
  const bench0 = process.cpuUsage();
  await pg.start();
  const timer = setInterval(() => {
    pg.sample().catch(() => undefined);
    api.sample();
    workers.sample();
  }, 250);
  let result: T;
  try {
    result = await step();
  } finally {
    clearInterval(timer);
  }
  const postgres = await pg.seconds();
  const bench = process.cpuUsage(bench0);
  return {
    result,
    cpu: {
      api: pids.api === undefined ? 0 : api.seconds(),
      worker: workers.seconds(),
      postgres: postgres.own,
      postgresShared: postgres.shared,
      redis: redis.seconds(),
      bench: (bench.user + bench.system) / 1e6,
      load: [load0, os.loadavg()[0]!],
    },
  };
}

/** One POST over a kept-alive connection (node:http: fetch costs this process several times the CPU). */
function post(agent: Agent, url: URL, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Shoppers check out through a real API process, then Stripe's webhook pays each order through
 * it: the API's part of an order. The webhook leaves each order PAID with its pipeline start in
 * the outbox; no worker runs yet, so those rows wait (main() releases them with the others).
 */
async function throughTheApi(url: string, prefix: string, prisma: PrismaService, stripe: StripeLoopback, pg: PostgresCpu, redisPid: number | undefined) {
  const shop = await seedShop(prisma, { prices: Array.from({ length: 20 }, () => 1_282), stock: API_WARMUP + API_ORDERS });
  await seedFx(prisma);
  const port = await freePort();
  const api: SpawnedProcess = spawnApp('apps/api/src/main.ts', {
    ...PRODUCTION_TEST_SECRETS,
    ...stripe.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '10',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: prefix,
    API_METRICS_PORT: 'off',
    // Production refuses to start without an SMS gateway (guests' return codes); a checkout sends no SMS.
    SMS_GATEWAY_URL: 'http://127.0.0.1:9',
    SMS_ACCESS_KEY_ID: 'bench',
    SMS_ACCESS_KEY_SECRET: 'bench',
    SMS_SIGN_NAME: 'Vitrine',
    SMS_TEMPLATE_GUEST_CODE: 'SMS_000000001',
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, 180_000).catch((error: Error) => {
      throw new Error(`${error.message}:\n${api.output().slice(-3000)}`);
    });
    const gql = new URL(`http://127.0.0.1:${port}/graphql`);
    const webhook = new URL(`http://127.0.0.1:${port}/webhooks/stripe`);
    const agent = new Agent({ keepAlive: true, maxSockets: API_CONCURRENCY });
    const checkout = async (i: number): Promise<string> => {
      const added = JSON.parse((await post(agent, gql, JSON.stringify({ query: ADD_LINE_LEAN, variables: { i: { variantId: shop.variants[i % shop.variants.length]!.id, quantity: 1 } } }))).text);
      if (!added.data) throw new Error(`addCartLine: ${JSON.stringify(added.errors)}`);
      const { cartToken, cart } = added.data.addCartLine as { cartToken: string; cart: { id: string } };
      const placed = JSON.parse((await post(agent, gql, JSON.stringify({ query: PLACE_ORDER_LEAN, variables: { i: placeOrderInput(cart.id, `bench-${cart.id}`, { cartToken, id: residentId(i) }) } }))).text);
      if (!placed.data) throw new Error(`placeOrder: ${JSON.stringify(placed.errors)}`);
      return placed.data.placeOrder.payment.paymentIntentId as string;
    };
    const pay = async (paymentIntentId: string): Promise<void> => {
      const { body, headers } = stripe.sign(stripe.succeed(paymentIntentId));
      const res = await post(agent, webhook, body, headers);
      if (res.status >= 300) throw new Error(`webhook answered ${res.status}: ${res.text}`);
    };
    const indexes = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);
    log(`API warm-up: ${API_WARMUP} checkouts and payments`);
    await pool(await pool(indexes(0, API_WARMUP), API_CONCURRENCY, checkout), API_CONCURRENCY, pay);
    log(`through the API: ${API_ORDERS} checkouts (add to cart + placeOrder)`);
    // Resident memory of the API (MiB): after the warm-up, and its peak over the measured checkouts and webhooks.
    const apiRssWarm = rssMb(api.child.pid, 'VmRSS');
    resetPeakRss(api.child.pid);
    const checkouts = await measured(pg, { api: api.child.pid, redis: redisPid }, async () => {
      const t = Date.now();
      const intents = await pool(indexes(API_WARMUP, API_ORDERS), API_CONCURRENCY, checkout);
      return { intents, seconds: (Date.now() - t) / 1000 };
    });
    log(`through the API: ${API_ORDERS} payments (payment_intent.succeeded webhooks)`);
    const payments = await measured(pg, { api: api.child.pid, redis: redisPid }, async () => {
      const t = Date.now();
      await pool(checkouts.result.intents, API_CONCURRENCY, pay);
      return { seconds: (Date.now() - t) / 1000 };
    });
    agent.destroy();
    const paid = await prisma.order.count({ where: { status: 'PAID' } });
    if (paid !== API_WARMUP + API_ORDERS) throw new Error(`${paid} orders PAID through the API, expected ${API_WARMUP + API_ORDERS}`);
    const apiRss = { warm: apiRssWarm, peak: rssMb(api.child.pid, 'VmHWM') };
    log(`API resident memory: ${apiRss.warm} MiB after the warm-up, peak ${apiRss.peak} MiB over the checkouts and webhooks`);
    return { checkout: checkouts.cpu, checkoutSeconds: checkouts.result.seconds, payment: payments.cpu, paymentSeconds: payments.result.seconds, apiRss };
  } finally {
    await api.stop('SIGTERM');
  }
}

async function bareBullmq(prefix: string, jobs: number): Promise<{ jobsPerSec: number; seconds: number }> {
  const connection = bullConnectionFromEnv();
  const queue = new Queue('bench-noop', { connection, prefix });
  let done = 0;
  let resolveDone: () => void;
  const finished = new Promise<void>((r) => (resolveDone = r));
  for (let i = 0; i < jobs; i += 1_000) {
    await queue.addBulk(Array.from({ length: Math.min(1_000, jobs - i) }, (_, k) => ({ name: 'noop', data: { id: `o-${i + k}` }, opts: { jobId: `noop.${i + k}`, removeOnComplete: { count: 1_000 } } })));
  }
  const started = Date.now();
  const worker = new Worker('bench-noop', async () => null, { connection, prefix, concurrency: 200 });
  worker.on('completed', () => {
    if (++done === jobs) resolveDone();
  });
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await worker.close();
  await queue.close();
  return { jobsPerSec: jobs / seconds, seconds };
}

async function main(): Promise<void> {
  const host = machine();
  const prefix = `bench-pipeline-${randomBytes(3).toString('hex')}`;
  const dbName = 'vitrine_bench_pipeline';
  log('migrating a fresh database');
  const url = await freshDatabase(dbName);
  process.env['DATABASE_URL'] = url;
  // One set of PII keys for the API (production mode), the seeded identities and the worker,
  // which opens both kinds of resident IDs to declare them.
  process.env['PII_ENCRYPTION_KEY'] = PRODUCTION_TEST_SECRETS['PII_ENCRYPTION_KEY'];
  process.env['PII_HASH_KEY'] = PRODUCTION_TEST_SECRETS['PII_HASH_KEY'];
  // A Redis of this run's own: the shared one on 6379 also serves every other engineer's tests,
  // so only a private redis-server's CPU is this run's. The API, workers and this process use it.
  const redis = await PrivateRedis.start();
  // Not left running when the run fails (down() kills it at once).
  process.once('exit', () => void redis.down());
  process.env['REDIS_URL'] = redis.url;
  const prisma = new PrismaService({ url, poolSize: 4 });
  // One connection samples PostgreSQL's backends, one polls the order counts: both are left out
  // of PostgreSQL's CPU (application_name bench-pipeline-*).
  const sampler = new Client({ connectionString: url, application_name: 'bench-pipeline-sampler' });
  const poller = new Client({ connectionString: url, application_name: 'bench-pipeline-poll' });
  await Promise.all([sampler.connect(), poller.connect()]);
  const pg = new PostgresCpu(sampler, dbName, 'bench-pipeline-');

  log(`bare BullMQ: ${ORDERS} no-op jobs`);
  const bare = await bareBullmq(prefix, ORDERS);
  log(`bare BullMQ: ${round(bare.jobsPerSec)} jobs/s`);

  const stripe = await startStripeLoopback();
  const viaApi = await throughTheApi(url, prefix, prisma, stripe, pg, redis.pid);
  const apiPerOrder = (cpu: StepCpu) => `API ${ms(cpu.api, API_ORDERS)}, PostgreSQL ${ms(cpu.postgres, API_ORDERS)}, Redis ${ms(cpu.redis, API_ORDERS)} ms (load ${cpu.load.map((l) => l.toFixed(1)).join('-')})`;
  log(`checkout CPU per order: ${apiPerOrder(viaApi.checkout)}; payment webhook: ${apiPerOrder(viaApi.payment)}`);
  // The API's pipeline starts wait, to be released with the seeded orders' (no worker ran yet).
  await poller.query('CREATE TABLE bench_held_outbox AS SELECT queue, name, job_id, payload, run_at FROM outbox_messages WHERE dispatched_at IS NULL');
  await poller.query('DELETE FROM outbox_messages WHERE dispatched_at IS NULL');

  const keys = signingKeys();
  const customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
  const carrier = await CarrierLoopback.start();
  log(`seeding ${ORDERS} paid orders`);
  await seedPaidOrders(prisma, ORDERS, { startPipeline: false });
  const total = await prisma.order.count();
  // Every order's pipeline start is written before the worker starts, and the run is measured
  // from the worker's "ready" (its start-up is not an order's cost): released any later, the
  // worker's sweep would start orders paid over 30 s before on its own, outside the measurement.
  await poller.query('BEGIN');
  await poller.query('INSERT INTO outbox_messages (queue, name, job_id, payload, run_at) SELECT queue, name, job_id, payload, run_at FROM bench_held_outbox');
  await poller.query(`
    INSERT INTO outbox_messages (queue, name, job_id, payload)
    SELECT 'order-pipeline', 'declare-customs', 'declare-customs.' || id, jsonb_build_object('orderId', id) FROM orders WHERE status = 'PAID'
    ON CONFLICT (queue, job_id) DO NOTHING`);
  await poller.query('COMMIT');
  log(`releasing the ${total} orders into the pipeline (${ORDERS} seeded, ${total - ORDERS} placed and paid through the API) as the worker starts`);
  const workers = Array.from({ length: WORKERS }, () =>
    spawnApp('apps/worker/src/main.ts', {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '12',
      QUEUE_PREFIX: prefix,
      ...customs.env,
      ...carrier.env,
      ...keys.env,
      // The worker reads the API's orders' payments from Stripe too (the loopback; without it each
      // read failed on a DNS lookup and was retried, which the worker's CPU counted).
      ...stripe.env,
      CUSTOMS_RECEIPT_POLL_MS: '200',
      CARRIER_TRACKING_POLL_MS: '200',
      WORKER_METRICS_PORT: 'off',
    }, [...(process.env['BENCH_WORKER_NODE_ARGS']?.split(' ').filter(Boolean) ?? []), ...(process.env['BENCH_CPU_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROFILE']}`] : [])]),
  );
  for (const worker of workers) {
    for (let i = 0; !/worker ready/.test(worker.output()); i++) {
      if (worker.child.exitCode !== null || i > 6_000) throw new Error(`worker did not start:\n${worker.output()}`);
      await sleep(20);
    }
  }

  // Resident memory of each worker (MiB): once ready, its peak over the pipeline, and idle after it.
  const workerRss = workers.map((w) => ({ ready: rssMb(w.child.pid, 'VmRSS'), peak: NaN, idleAfter: NaN }));
  for (const w of workers) resetPeakRss(w.child.pid);
  const t0 = new Date();
  const pipeline = await measured(pg, { workers: workers.map((w) => w.child.pid), redis: redis.pid }, async () => {
    let last = '';
    for (;;) {
      const { rows } = await poller.query<{ status: string; n: string }>('SELECT status::text, count(*) AS n FROM orders GROUP BY status');
      const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      const line = JSON.stringify(counts);
      if (line !== last) log(`${((Date.now() - t0.getTime()) / 1000).toFixed(1)} s ${line}`);
      last = line;
      if ((counts['DELIVERED'] ?? 0) + (counts['HELD'] ?? 0) === total) break;
      if (Date.now() - t0.getTime() > 30 * 60_000) throw new Error('the pipeline did not finish within 30 minutes');
      await sleep(250);
    }
  });
  const windowSeconds = (Date.now() - t0.getTime()) / 1000;
  // The worker's cost per second while no order moves (receipt and tracking pollers every 200 ms,
  // the outbox relay's polls, the other schedules): a share of the pipeline's CPU per order that
  // a slow run spreads over fewer orders. Measured once every order is delivered.
  const idle = await measured(pg, { workers: workers.map((w) => w.child.pid), redis: redis.pid }, () => sleep(IDLE_SECONDS * 1000));
  const idleWorkerPerSecond = idle.cpu.worker / IDLE_SECONDS;
  workers.forEach((w, i) => Object.assign(workerRss[i]!, { peak: rssMb(w.child.pid, 'VmHWM'), idleAfter: rssMb(w.child.pid, 'VmRSS') }));
  log(`worker resident memory (MiB, ready → peak over the pipeline → idle after): ${workerRss.map((r) => `${r.ready} → ${r.peak} → ${r.idleAfter}`).join('; ')}`);
  const t1 = await prisma.$queryRaw<{ at: Date }[]>`SELECT max(created_at) AS at FROM order_status_changes WHERE to_status = 'DELIVERED'`;
  const endToEnd = (t1[0].at.getTime() - t0.getTime()) / 1000;
  const steps = await prisma.$queryRaw<{ step: string; n: bigint; first: Date; last: Date; p50: number; p95: number }[]>`
    SELECT to_status::text AS step, count(*) AS n, min(created_at) AS first, max(created_at) AS last,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - ${t0}::timestamptz)) AS p50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - ${t0}::timestamptz)) AS p95
    FROM order_status_changes WHERE to_status IN ('CUSTOMS_SUBMITTED', 'CLEARED', 'SHIPPED', 'DELIVERED') AND created_at >= ${t0}::timestamptz GROUP BY to_status ORDER BY min(created_at)`;
  const messages = await prisma.customsTransmission.count();
  const cpu = pipeline.cpu;
  const perOrder = (seconds: number) => ms(seconds, total);
  const totalCpu = cpu.worker + cpu.postgres + cpu.redis + cpu.bench;
  // Orders per second two cores could give if every order cost `seconds / total` of CPU.
  const twoCoreCeiling = (seconds: number) => 2 * (total / seconds);
  log(`pipeline CPU ms per order: worker ${perOrder(cpu.worker)}, PostgreSQL ${perOrder(cpu.postgres)} (+ shared WAL writer/checkpointer ${perOrder(cpu.postgresShared)}), Redis ${perOrder(cpu.redis)}, this process ${perOrder(cpu.bench)} (load ${cpu.load.map((l) => l.toFixed(1)).join('-')})`);
  const workerNetOfIdle = Math.max(0, cpu.worker - idleWorkerPerSecond * windowSeconds);
  log(`worker while idle: ${(idleWorkerPerSecond * 1000).toFixed(1)} ms of CPU per second (load ${idle.cpu.load.map((l) => l.toFixed(1)).join('-')}); worker per order with that taken out: ${perOrder(workerNetOfIdle)} ms`);
  await Promise.all(workers.map((w) => w.stop('SIGTERM')));
  // BENCH_WORKER_LOG=<file>: what the worker processes wrote (warnings, batches that failed whole), for reading after a run.
  if (process.env['BENCH_WORKER_LOG']) writeFileSync(process.env['BENCH_WORKER_LOG'], workers.map((w, i) => `--- worker ${i}\n${w.output()}`).join('\n'));
  await customs.close();
  await carrier.close();
  await stripe.close();
  log(`pipeline: ${total} orders in ${endToEnd.toFixed(1)} s = ${round(total / endToEnd)} orders/s`);

  log(`warehouse feed: ${SKUS} SKUs`);
  const feed = await warehouseFeed(url, prisma);
  log(`warehouse feed: ${SKUS} SKUs reconciled in ${feed.seconds.toFixed(1)} s (${feed.report.changed} changed)`);

  const stepRows = steps.map((s) => {
    const span = (s.last.getTime() - s.first.getTime()) / 1000;
    return `| ${s.step} | ${Number(s.n)} | ${span.toFixed(1)} | ${round(Number(s.n) / Math.max(span, 0.001))} | ${Number(s.p50).toFixed(1)} | ${Number(s.p95).toFixed(1)} |`;
  });
  const c = viaApi.checkout;
  const w = viaApi.payment;
  const endToEndCpu = { api: c.api + w.api, postgres: c.postgres + w.postgres, redis: c.redis + w.redis };
  const cpuRow = (label: string, x: StepCpu, orders: number, api: boolean) =>
    `| ${label} | ${api ? ms(x.api, orders) : '—'} | ${api ? '—' : ms(x.worker, orders)} | ${ms(x.postgres, orders)} | ${ms(x.redis, orders)} | ${ms(x.postgresShared, orders)} | ${ms(x.bench, orders)} | ${x.load.map((l) => l.toFixed(1)).join(' → ')} |`;
  /** ms per order of the API steps' `viaApiSeconds` (over API_ORDERS) plus the pipeline's `pipelineSeconds` (over total). */
  const both = (viaApiSeconds: number, pipelineSeconds: number) => ((viaApiSeconds / API_ORDERS + pipelineSeconds / total) * 1000).toFixed(2);
  writePerformanceSection(
    'bench:pipeline',
    `## Order pipeline and warehouse sync (\`npm run bench:pipeline\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${host}, PostgreSQL on the same machine, a
redis-server of the run's own. ${WORKERS === 1 ? 'One worker process' : `${WORKERS} worker processes`} (apps/worker), the
loopback customs, carrier and Stripe in the benchmark's process. The machine is shared with other
engineers' tests and benchmarks: the load average (1 min) is given for each step.

| measure | figure |
|---|---:|
| bare BullMQ no-op (${ORDERS} jobs, 1 worker, concurrency 200) | ${round(bare.jobsPerSec)} jobs/s |
| pipeline end to end (${total} paid orders → DELIVERED or HELD: ${ORDERS} seeded, ${total - ORDERS} placed and paid through the API) | **${round(total / endToEnd)} orders/s** (${endToEnd.toFixed(1)} s) |
| checkouts through one API process (add to cart + placeOrder, ${API_CONCURRENCY} shoppers at once) | ${round(API_ORDERS / viaApi.checkoutSeconds)} orders/s |
| payment webhooks through one API process (${API_CONCURRENCY} at once) | ${round(API_ORDERS / viaApi.paymentSeconds)} orders/s |
| BullMQ jobs per order (declare + book; feeds are polled in pages) | 2 |
| customs HTTP exchanges (signed envelopes of up to 100 entries, and one request per order to the payment company) | ${messages} |
| worker CPU while no order moves (pollers every 200 ms, outbox relay, schedules; ${IDLE_SECONDS} s after the run, load ${idle.cpu.load.map((l) => l.toFixed(1)).join(' → ')}) | ${(idleWorkerPerSecond * 1000).toFixed(1)} ms per second |
| worker resident memory per process, MiB (ready → peak over the pipeline → idle after it; VmRSS/VmHWM) | ${workerRss.map((r) => `${r.ready} → ${r.peak} → ${r.idleAfter}`).join('; ')} |
| API resident memory, MiB (after the warm-up → peak over the measured checkouts and webhooks) | ${viaApi.apiRss.warm} → ${viaApi.apiRss.peak} |
| warehouse feed of ${SKUS} SKUs reconciled (${feed.report.changed} changed, ledger written) | **${feed.seconds.toFixed(1)} s** |

CPU per order of each component, in ms (bench/component-cpu.ts, from /proc): the API and worker
processes this run spawned; PostgreSQL = the backends connected to this run's database (found in
pg_stat_activity, sampled every 250 ms); Redis = this run's own redis-server; "PostgreSQL shared"
= the server's WAL writer, checkpointer and background writer, which also serve the other
engineers' databases, so an upper bound of this run's share; "this process" = the loopbacks
(customs, carrier, Stripe), the HTTP clients and the polling, which production does not pay.
The checkout and webhook are measured on ${API_ORDERS} orders after ${API_WARMUP} warm-up orders.

| step | API | worker | PostgreSQL | Redis | PostgreSQL shared | this process | load avg |
|---|---:|---:|---:|---:|---:|---:|---|
${cpuRow('checkout: add to cart + placeOrder (Stripe PaymentIntent created)', c, API_ORDERS, true)}
${cpuRow('payment: payment_intent.succeeded webhook (order PAID, pipeline start)', w, API_ORDERS, true)}
${cpuRow(`pipeline: declare to customs, clear, book, ship, deliver (${total} orders)`, cpu, total, false)}
| pipeline, the worker's idle cost over the ${windowSeconds.toFixed(0)} s taken out | — | ${perOrder(workerNetOfIdle)} | | | | | |
| **an order end to end** | **${ms(endToEndCpu.api, API_ORDERS)}** | **${perOrder(cpu.worker)}** | **${both(endToEndCpu.postgres, cpu.postgres)}** | **${both(endToEndCpu.redis, cpu.redis)}** | ${both(c.postgresShared + w.postgresShared, cpu.postgresShared)} | | |

Per step of the pipeline (an order's status change; rate = orders / time from the step's first to its last change;
p50/p95 = seconds from release to the change):

| step | orders | span s | orders/s | p50 s | p95 s |
|---|---:|---:|---:|---:|---:|
${stepRows.join('\n')}

Target: at least 1,000 orders/s end to end; a 50,000-SKU feed under 20 s. The pipeline target is
replaced by the capacity model of issue 23 (docs/scaling.md), which takes the per-order figures
above.

Reading: CPU, not the queue, limits the pipeline on this machine (${round(bare.jobsPerSec)} no-op jobs/s,
two jobs per order). In the pipeline an order costs ${perOrder(totalCpu)} ms of CPU in all (worker,
PostgreSQL, Redis and the loopbacks), so two cores top out near ${round(twoCoreCeiling(totalCpu))} orders/s and this run reached
${Math.round((total / endToEnd / twoCoreCeiling(totalCpu)) * 100)}% of that while sharing the cores with other engineers' work. PostgreSQL's pipeline share is the rows an
order needs, not round trips: about 30 rows written per order (three customs documents, their
receipts, a shipment and three tracking events, four status changes with their history, two
outbox rows, the stock ledger), each step settled for a whole batch (one UPDATE and one audit
INSERT per step, \`unnest\` arrays on node-postgres), the documents of up to 100 orders in three signed
envelopes. This run made ${(messages / total).toFixed(2)} customs exchanges per order: one is the order's own request to
the payment company (alipay.acquire.customs, signed RSA2: one per order by that API), the rest
the envelopes' share. A step's next batch fills while one runs (MicroBatcher \`maxInFlight\`), so
a loaded worker sends full batches; the pollers and the relay still cost per second (the idle row
above), which a slow run (a loaded machine) spreads over fewer orders. The design scales out rather than up: the outbox relay shares rows with SKIP LOCKED,
BullMQ spreads jobs over worker processes (\`BENCH_WORKERS\`), orders are settled under row locks
taken in one order. Runs minutes apart vary by about 20% on this shared machine; CPU per order
varies less than orders/s, but a loaded machine still inflates it (cache misses, context switches).`,
    reportFile,
  );
  await prisma.$disconnect();
  await Promise.all([sampler.end(), poller.end()]);
  await dropQueues(prefix);
  await redis.stop();
  log(`written to ${reportFile ?? 'docs/performance.md'}`);
}

/** 50,000 variants with stock, a CSV feed changing most of them, reconciled by the sync service. */
async function warehouseFeed(url: string, prisma: PrismaService) {
  const museumId = randomUUID();
  const locationId = randomUUID();
  const productId = randomUUID();
  await withClient(url, async (c) => {
    await c.query(`INSERT INTO museums (id, slug, legal_name, country, updated_at) VALUES ($1, 'bench-feed', 'Bench feed SA', 'FR', now())`, [museumId]);
    await c.query(`INSERT INTO stock_locations (id, museum_id, code, name, kind) VALUES ($1, $2, 'PARIS-1', 'Paris', 'EU_WAREHOUSE')`, [locationId, museumId]);
    await c.query(`INSERT INTO products (id, museum_id, status, category, updated_at) VALUES ($1, $2, 'PUBLISHED', 'prints', now())`, [productId, museumId]);
    await c.query(
      `INSERT INTO product_variants (id, product_id, museum_id, sku, price_minor, weight_grams, hs_code, origin_country, updated_at)
       SELECT gen_random_uuid(), $1, $2, 'FEED-' || n, 1000, 100, '491110', 'FR', now() FROM generate_series(1, ${SKUS}) n`,
      [productId, museumId],
    );
    await c.query(`INSERT INTO stock_levels (variant_id, location_id, on_hand) SELECT id, $1, 10 FROM product_variants WHERE museum_id = $2`, [locationId, museumId]);
    await c.query(
      `INSERT INTO stock_movements (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference) SELECT variant_id, location_id, 'RECEIPT', 10, 0, 'bench' FROM stock_levels WHERE location_id = $1`,
      [locationId],
    );
  });
  const csv = ['sku,location,quantity', ...Array.from({ length: SKUS }, (_, i) => `FEED-${i + 1},PARIS-1,${i % 10 === 0 ? 10 : 10 + (i % 37)}`)].join('\n');
  const runId = randomUUID();
  await prisma.stockSyncRun.create({ data: { id: runId, museumId, trigger: 'UPLOAD', format: 'CSV', upload: csv } });
  @Module({ imports: [DataAccessModule, InventorySyncJobsModule] })
  class Sync {}
  const app = await NestFactory.createApplicationContext(Sync, { logger: ['error'] });
  const started = Date.now();
  const report = await app.get(StockSyncService).run(runId);
  const seconds = (Date.now() - started) / 1000;
  await app.close();
  if (report.status !== 'SUCCEEDED') throw new Error(`the feed run ended ${report.status}`);
  return { seconds, report };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
