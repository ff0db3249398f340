import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTestDatabase, PrivateRedis, type TestDatabase } from '@vitrine/shared/testing';
import { spawnApp, type SpawnedProcess } from '../support/spawn-api';
import { dropQueues, startWorker, waitForOutput } from '../support/worker-process';

/**
 * A Redis that may evict keys loses BullMQ jobs silently (BullMQ itself only warns): the
 * worker and the API, which retries and discards jobs on its queue board, refuse to start
 * on one, with a message saying what to change, and a non-zero exit.
 */
describe('Redis maxmemory-policy other than noeviction', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  const prefix = `test-eviction-${randomBytes(4).toString('hex')}`;

  /** Its exit code once its output has been read to the end (at 'exit' the last lines may still be in the pipe). */
  const exited = (p: SpawnedProcess, timeoutMs: number) =>
    new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms:\n${p.output().slice(-3000)}`)), timeoutMs);
      void p.closed.then((code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await PrivateRedis.start({ maxmemoryPolicy: 'allkeys-lru' });
  });
  afterAll(async () => {
    await dropQueues(prefix, redis.url);
    await redis.stop();
    await db.drop();
  });

  it('the worker refuses to start, saying so, and starts once the policy is noeviction', async () => {
    const worker = startWorker({ DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
    try {
      expect(await exited(worker, 60_000)).not.toBe(0);
      expect(worker.output()).toMatch(/maxmemory-policy "allkeys-lru"; the job queues need "noeviction"/);
      expect(worker.output()).not.toMatch(/worker ready/);
    } finally {
      await worker.stop('SIGKILL');
    }

    const admin = new Redis(redis.url);
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    admin.disconnect();
    const again = startWorker({ DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
    try {
      await waitForOutput(again, /worker ready/);
    } finally {
      expect(await again.stop('SIGTERM')).toBe(0);
    }
  }, 120_000);

  it('the API refuses to start, as one process and as a cluster', async () => {
    const admin = new Redis(redis.url);
    await admin.config('SET', 'maxmemory-policy', 'volatile-lru');
    admin.disconnect();
    for (const workers of ['1', '2']) {
      const api = spawnApp('apps/api/src/main.ts', { PORT: '0', DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, API_WORKERS: workers, LOG_LEVEL: 'error' });
      try {
        expect(await exited(api, 60_000)).not.toBe(0);
        expect(api.output()).toMatch(/maxmemory-policy \\?"volatile-lru\\?"; the job queues need \\?"noeviction\\?"/);
      } finally {
        await api.stop('SIGKILL');
      }
    }
  }, 120_000);
});
