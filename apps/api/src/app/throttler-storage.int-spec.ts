import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { SharedThrottlerStorage } from './throttler-storage';

describe('SharedThrottlerStorage', () => {
  const key = `k-${randomBytes(4).toString('hex')}`;

  it('counts in Redis: two storages (two processes) share one counter and one block', async () => {
    const prefix = `test-throttle-int-${randomBytes(4).toString('hex')}:throttle:`;
    const a = new SharedThrottlerStorage(new Redis({ keyPrefix: prefix, maxRetriesPerRequest: 1 }));
    const b = new SharedThrottlerStorage(new Redis({ keyPrefix: prefix, maxRetriesPerRequest: 1 }));
    const check = new Redis();
    try {
      const hits = [];
      for (let i = 0; i < 4; i++) hits.push(await (i % 2 ? b : a).increment(key, 60_000, 3, 60_000, 'login'));
      expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, true],
      ]);
      expect((await check.keys(`${prefix}*`)).sort()).toEqual([`${prefix}{${key}:login}:blocked`, `${prefix}{${key}:login}:hits`]);
    } finally {
      const keys = await check.keys(`${prefix}*`);
      if (keys.length) await check.del(...keys);
      check.disconnect();
      a.onApplicationShutdown();
      b.onApplicationShutdown();
    }
  });

  it('counts in the process while Redis does not answer, so limits still hold', async () => {
    // Nothing listens on port 1.
    const storage = new SharedThrottlerStorage(new Redis({ port: 1, maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true }));
    try {
      const hits = [];
      for (let i = 0; i < 3; i++) hits.push(await storage.increment(key, 60_000, 2, 60_000, 'login'));
      expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
    } finally {
      storage.onApplicationShutdown();
    }
  });
});
