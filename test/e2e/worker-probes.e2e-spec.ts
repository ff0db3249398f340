import { randomBytes } from 'node:crypto';
import { createTestDatabase, PrivateRedis, type TestDatabase } from '@vitrine/shared/testing';
import { dropQueues, metricsPortOf, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * The worker has no HTTP API, but an orchestrator must know when to restart it (liveness) and
 * when it may take work (readiness): its metrics port answers /health/live and /health/ready
 * (deploy/k8s probes them). Liveness asks nothing outside the process; readiness fails while
 * Redis does not take its heartbeat.
 */
describe('worker probes', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  const prefix = `test-probes-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await PrivateRedis.start();
  });
  afterAll(async () => {
    await dropQueues(prefix, redis.url).catch(() => undefined);
    await redis.stop();
    await db.drop();
  });

  it('is live and ready; not ready (503) but still live once Redis is gone', async () => {
    const worker = startWorker({ DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, WORKER_METRICS_PORT: '0', WORKER_METRICS_HOST: '127.0.0.1' });
    const port = await metricsPortOf(worker);
    const probe = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: res.status, body: await res.json() };
    };
    try {
      await waitForOutput(worker, /worker ready/);
      await expect(probe('/health/live')).resolves.toEqual({ status: 200, body: { status: 'live' } });
      await expect(probe('/health/ready')).resolves.toEqual({ status: 200, body: { status: 'ready', redis: 'up', draining: false } });
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(404);

      await redis.down();
      // The last heartbeat Redis took ages past its 15 s TTL: not ready, without the process dying.
      let last = await probe('/health/ready');
      await until('readiness to fail', async () => (last = await probe('/health/ready')).status === 503, 40_000, worker);
      expect(last.body).toEqual({ status: 'not-ready', redis: 'down', draining: false });
      await expect(probe('/health/live')).resolves.toEqual({ status: 200, body: { status: 'live' } });
      expect(worker.child.exitCode).toBeNull();
    } finally {
      await worker.stop('SIGKILL');
    }
  });
});
