import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { redisClusterNodesFromEnv, type RedisNode } from '@vitrine/shared/data-access';

/**
 * BullMQ keeps jobs, locks and schedules in Redis keys: a Redis allowed to evict keys under
 * memory pressure drops jobs silently. BullMQ only warns about it; we refuse to run.
 */
export class RedisEvictionPolicyError extends Error {
  constructor(
    readonly policy: string,
    where: string,
  ) {
    super(
      `Redis at ${where} has maxmemory-policy "${policy}"; the job queues need "noeviction" (with eviction, Redis silently deletes jobs when memory runs short). ` +
        'Set `maxmemory-policy noeviction` in redis.conf (or `CONFIG SET maxmemory-policy noeviction`) and start again.',
    );
    this.name = 'RedisEvictionPolicyError';
  }
}

/** The policy from `INFO memory` (what BullMQ reads too; CONFIG is often disabled on managed Redis). */
export function evictionPolicyOf(info: string): string | null {
  const line = info.split(/\r?\n/).find((l) => l.startsWith('maxmemory_policy:'));
  return line ? line.slice('maxmemory_policy:'.length).trim() : null;
}

/**
 * Throws RedisEvictionPolicyError unless the Redis of `options` runs with `noeviction`.
 * `waitForRedis`: keep reconnecting until Redis answers (the worker, which cannot work without
 * it); otherwise answer 'unreachable' after `timeoutMs` (the API, which serves without Redis).
 */
export async function assertNoEviction(
  options: RedisOptions,
  opts: { waitForRedis: boolean; timeoutMs?: number },
  cluster: RedisNode[] | null = redisClusterNodesFromEnv(),
): Promise<'noeviction' | 'unreachable'> {
  if (cluster) return assertNoEvictionOnCluster(options, opts, cluster);
  const where = `${options.host ?? '127.0.0.1'}:${options.port ?? 6379}/${options.db ?? 0}`;
  const redis = new Redis({
    ...options,
    lazyConnect: true,
    ...(opts.waitForRedis ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 0, connectTimeout: opts.timeoutMs ?? 2_000, retryStrategy: () => null }),
  });
  redis.on('error', () => undefined);
  try {
    let info: string;
    try {
      if (!opts.waitForRedis) await redis.connect();
      info = await redis.info('memory');
    } catch (error) {
      if (opts.waitForRedis) throw error;
      return 'unreachable';
    }
    const policy = evictionPolicyOf(info) ?? (await redis.config('GET', 'maxmemory-policy').then((r) => String((r as string[])[1] ?? ''), () => ''));
    if (policy !== 'noeviction') throw new RedisEvictionPolicyError(policy || 'unknown', where);
    return 'noeviction';
  } finally {
    redis.disconnect();
  }
}

/** On a Redis Cluster every master holds queue keys: each must run with `noeviction`. */
async function assertNoEvictionOnCluster(options: RedisOptions, opts: { waitForRedis: boolean; timeoutMs?: number }, nodes: RedisNode[]): Promise<'noeviction' | 'unreachable'> {
  const { host: _host, port: _port, db: _db, ...perNode } = options;
  const cluster = new Cluster(nodes, {
    lazyConnect: true,
    redisOptions: { ...perNode, ...(opts.waitForRedis ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 0, connectTimeout: opts.timeoutMs ?? 2_000 }) },
    ...(opts.waitForRedis ? {} : { clusterRetryStrategy: () => null }),
  });
  cluster.on('error', () => undefined);
  try {
    try {
      await cluster.connect();
    } catch (error) {
      if (opts.waitForRedis) throw error;
      return 'unreachable';
    }
    for (const master of cluster.nodes('master')) {
      const policy = evictionPolicyOf(await master.info('memory')) ?? 'unknown';
      if (policy !== 'noeviction') throw new RedisEvictionPolicyError(policy, `${master.options.host}:${master.options.port} (cluster)`);
    }
    return 'noeviction';
  } finally {
    cluster.disconnect();
  }
}
