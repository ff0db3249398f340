import { Redis } from 'ioredis';
import { deleteKeysUnderPrefix, PrivateRedis } from '@vitrine/shared/testing';
import { dropQueues } from '../support/worker-process';

/**
 * The queue cleanup of tests and benchmarks (bench:pipeline's included) deletes the keys under
 * its prefix in the Redis and database its REDIS_URL names, and nothing else: sentinels in
 * other database indexes and under other prefixes survive. A Redis of the test's own, so a
 * mistake here cannot touch the shared one.
 */
describe('queue cleanup touches only the named Redis database and prefix', () => {
  let redis: PrivateRedis;
  const clients: Redis[] = [];
  const db = (index: number) => {
    const client = new Redis({ host: '127.0.0.1', port: redis.port, db: index });
    clients.push(client);
    return client;
  };
  const savedUrl = process.env['REDIS_URL'];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    if (savedUrl === undefined) delete process.env['REDIS_URL'];
    else process.env['REDIS_URL'] = savedUrl;
    await redis.stop();
  });

  const seed = async () => {
    for (const index of [0, 3, 5]) {
      await db(index).mset(`bench-x:bull:q:1`, 'job', `bench-x:workers`, 'w', `bench-xy:kept`, 'other prefix', `sentinel`, 'no prefix');
    }
  };
  const keysOf = async (index: number) => (await db(index).keys('*')).sort();

  it('dropQueues follows REDIS_URL (database index included)', async () => {
    await seed();
    process.env['REDIS_URL'] = `redis://127.0.0.1:${redis.port}/3`;
    await dropQueues('bench-x');
    expect(await keysOf(3)).toEqual(['bench-xy:kept', 'sentinel']);
    // Other databases of the same Redis keep the same prefix's keys.
    for (const index of [0, 5]) expect(await keysOf(index)).toEqual(['bench-x:bull:q:1', 'bench-x:workers', 'bench-xy:kept', 'sentinel']);
  });

  it('deleteKeysUnderPrefix takes an explicit URL and refuses a prefix that would match more than its own keys', async () => {
    await seed();
    expect(await deleteKeysUnderPrefix('bench-x', `redis://127.0.0.1:${redis.port}/5`)).toBe(2);
    expect(await keysOf(5)).toEqual(['bench-xy:kept', 'sentinel']);
    expect(await keysOf(0)).toEqual(['bench-x:bull:q:1', 'bench-x:workers', 'bench-xy:kept', 'sentinel']);
    for (const bad of ['', '*', 'bench-*', 'a?b', 'x[y]']) {
      await expect(deleteKeysUnderPrefix(bad, `redis://127.0.0.1:${redis.port}/0`)).rejects.toThrow(/refusing/);
    }
    expect(await keysOf(0)).toHaveLength(4);
  });
});
