import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { PrivateRedisCluster, createUser } from '@vitrine/shared/testing';
import { startApi, type ApiHarness } from '../support/api-harness';
import { seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { purgeUnderReads } from '../support/shop-window-purge';
import { startApiProcess, type SpawnedProcess } from '../support/spawn-api';

/**
 * Issue 23: the shop-window purge of test/e2e/shop-window-purge-processes.e2e-spec.ts on a local
 * three-master Redis Cluster (REDIS_CLUSTER_NODES): two real API processes with the public cache
 * on hear each other's purge through the cluster, within the same bound, and nothing listens on
 * the single Redis.
 */
describe('a manager’s change clears the shop window of every API process on a Redis Cluster', () => {
  let cluster: PrivateRedisCluster;
  let api: ApiHarness;
  let shop: Shop;
  let slug: string;
  let token: string;
  const apis: { url: string; proc: SpawnedProcess }[] = [];
  const prefix = `test-purge-cluster-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start(3);
    api = await startApi();
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [1_000], stock: 5 });
    slug = (await api.db.prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId } })).slug;
    token = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const env = { DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodes, PUBLIC_CACHE_SECONDS: '30', DATABASE_POOL_SIZE: '6' };
    const started = await Promise.allSettled([startApiProcess(env), startApiProcess(env)]);
    for (const s of started) if (s.status === 'fulfilled') apis.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
  }, 180_000);
  afterAll(async () => {
    for (const a of apis) await a.proc.stop();
    await api?.close();
    await cluster?.stop();
  });

  it('answers price changes and a delisting through both processes within the bound, the purge carried by the cluster', async () => {
    // Each process listens on the cluster (the prefix hash-tagged there), none on the single Redis.
    const channel = `{${prefix}}:shop-window:changed`;
    const listeners = async () => {
      let n = 0;
      for (const port of cluster.ports) n += Number((await cluster.cli(port, 'PUBSUB', 'NUMSUB', channel)).split('\n')[1] ?? 0);
      return n;
    };
    expect(await listeners()).toBe(2);
    const single = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
    try {
      await single.connect();
      expect(await single.pubsub('NUMSUB', channel, `${prefix}:shop-window:changed`)).toEqual([channel, 0, `${prefix}:shop-window:changed`, 0]);
    } finally {
      single.disconnect();
    }
    const { latencies, reads } = await purgeUnderReads({ api, urls: apis.map((a) => a.url), shop, slug, managerToken: token, changes: 4 });
    expect(latencies).toHaveLength(5);
    expect(reads).toBeGreaterThan(50);
    console.log(`shop-window purge across two API processes on a Redis Cluster: ${reads} anonymous reads meanwhile; the other process answered after ${latencies.join(', ')} ms`);
  }, 120_000);
});
