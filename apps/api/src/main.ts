import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { redisOptionsFromEnv } from '@vitrine/shared/data-access';
import { assertNoEviction } from '@vitrine/shared/jobs';
import { createApp } from './app/create-app';
import { apiConfigFromEnv } from './app/api-config';
import { logger } from './app/logger';

async function serve(): Promise<void> {
  const app = await createApp();
  const { port } = apiConfigFromEnv();
  await app.listen(port, '0.0.0.0');
  // The port bound, also when PORT=0 asked the kernel for one (tests spawning API processes).
  const server = app.getHttpServer();
  const bound = (server.address() as AddressInfo | null)?.port ?? port;
  const listening = `api listening on http://localhost:${bound}/graphql (keep-alive ${server.keepAliveTimeout} ms, headers ${server.headersTimeout} ms)`;
  logger.info(listening);
  // PORT=0: the process that started this one learns the port from this line, whatever LOG_LEVEL.
  if (port === 0 && !logger.isLevelEnabled('info')) process.stdout.write(`${listening}\n`);
}

/**
 * With API_WORKERS > 1 the primary forks that many API processes sharing the port (Node's
 * cluster module), so one machine's cores all serve. Each process keeps its own pools and
 * caches: size DATABASE_POOL_SIZE per process. A process that dies is replaced.
 */
async function primary(workers: number): Promise<void> {
  // Checked once here too: a process refusing to start would otherwise be replaced forever.
  await assertNoEviction(redisOptionsFromEnv(), { waitForRedis: false });
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'api process exited; starting another');
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info(`api primary ${process.pid}: ${workers} processes`);
}

const workers = apiConfigFromEnv().workers;
if (workers > 1 && cluster.isPrimary) {
  primary(workers).catch((error) => {
    logger.error({ err: error }, 'api failed to start');
    process.exit(1);
  });
} else {
  serve().catch((error) => {
    logger.error({ err: error }, 'api failed to start');
    process.exit(1);
  });
}
