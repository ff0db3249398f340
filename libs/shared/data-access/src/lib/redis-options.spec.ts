import { createRedisClient, queuePrefixFromEnv, redisClusterNodesFromEnv, workersKey } from './redis-options';

describe('Redis settings', () => {
  it('reads a cluster from REDIS_CLUSTER_NODES, or none', () => {
    expect(redisClusterNodesFromEnv({})).toBeNull();
    expect(redisClusterNodesFromEnv({ REDIS_CLUSTER_NODES: ' ' })).toBeNull();
    expect(redisClusterNodesFromEnv({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001' })).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
    ]);
    expect(() => redisClusterNodesFromEnv({ REDIS_CLUSTER_NODES: 'redis-a.internal' })).toThrow(/not host:port/);
  });

  it('hash-tags the queue prefix on a cluster (BullMQ needs a queue in one slot), and keeps a tag already given', () => {
    expect(queuePrefixFromEnv({ QUEUE_PREFIX: 'shop' })).toBe('shop');
    expect(queuePrefixFromEnv({ QUEUE_PREFIX: 'shop', REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toBe('{shop}');
    expect(queuePrefixFromEnv({ REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toBe('{vitrine}');
    expect(queuePrefixFromEnv({ QUEUE_PREFIX: 'eu-{shop}', REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toBe('eu-{shop}');
    expect(workersKey({ REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toBe('{vitrine}:workers');
  });

  it('refuses a database number on a cluster (a cluster has only database 0)', () => {
    expect(() => createRedisClient({ lazyConnect: true }, { REDIS_URL: 'redis://127.0.0.1:6379/2', REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toThrow(/only database 0/);
    const cluster = createRedisClient({ lazyConnect: true }, { REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    expect(cluster.isCluster).toBe(true);
    cluster.disconnect();
  });
});
