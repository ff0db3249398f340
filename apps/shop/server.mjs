// The shop in production: `node apps/shop/server.mjs` after `next build apps/shop`. What `next
// start` does (Next's request handler from `next({ dev: false })`, the custom server Next
// documents), with SHOP_WORKERS processes sharing one port through Node's cluster module, so
// one machine's cores all render pages (a `next start` process uses one core; docs/performance.md,
// "Shop pages"). Each process keeps its own caches. A process that dies is replaced.
//
//   SHOP_WORKERS  1 (default) | a number | `auto` (os.availableParallelism())
//   SHOP_PORT     3001        SHOP_HOST 0.0.0.0
//
// SIGTERM / SIGINT: each process stops accepting connections, finishes the requests it has,
// closes Next's server and exits (143 / 130, as `next start` does); the primary waits for them.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.SHOP_PORT ?? 3001);
const host = process.env.SHOP_HOST ?? '0.0.0.0';
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 };
/** A process that has not finished its requests by then is stopped anyway (Kubernetes' grace period is 30 s). */
const STOP_DEADLINE_MS = Number(process.env.SHOP_STOP_TIMEOUT_MS ?? 25_000);

/** SHOP_WORKERS: a whole number of at least 1, or `auto` for the cores this process may use. */
export function shopWorkers(value) {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SHOP_WORKERS must be a whole number of at least 1 or "auto", not "${value}"`);
  return n;
}

const log = (message) => console.log(`shop ${process.pid}: ${message}`);

async function serve() {
  process.env.NODE_ENV ??= 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir, hostname: host === '0.0.0.0' ? 'localhost' : host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('shop request failed', req.url, error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    // Stop accepting, let the requests in progress finish (idle keep-alive connections are
    // closed by close()), then Next's own cleanup.
    server.close((error) => {
      if (error) console.error(error);
      Promise.resolve(app.close())
        .catch((e) => console.error(e))
        .finally(() => process.exit(EXIT_CODES[signal] ?? 0));
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  if (!cluster.isWorker) log(`ready on http://${host}:${port}`);
}

function primary(workers) {
  let stopping = false;
  let ready = 0;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  cluster.on('listening', (worker) => {
    ready++;
    if (ready === workers) log(`ready on http://${host}:${port} (${workers} processes)`);
    else if (ready > workers) log(`process ${worker.process.pid} listening in place of one that exited`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    console.error(`shop ${process.pid}: process ${worker.process.pid} exited (${signal ?? code}) after ${lived} ms`);
    // One that dies while starting would die again: let the orchestrator see the failure.
    if (lived < 5_000 && ready < workers) process.exit(1);
    fork();
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS + 2_000).unref();
    const done = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(EXIT_CODES[signal] ?? 0);
    };
    cluster.on('exit', done);
    done();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log(`primary: ${workers} processes`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const workers = shopWorkers(process.env.SHOP_WORKERS);
  if (workers > 1 && cluster.isPrimary) primary(workers);
  else
    serve().catch((error) => {
      console.error('the shop failed to start', error);
      process.exit(1);
    });
}
