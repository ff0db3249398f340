import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** Redis connection settings for BullMQ and heartbeats, from REDIS_URL. */
export function redisOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RedisOptions {
  const url = new URL(env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password || undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    // BullMQ workers need blocking commands to wait forever rather than fail.
    maxRetriesPerRequest: null,
  };
}

export interface RedisNode {
  host: string;
  port: number;
}

/**
 * The nodes of a Redis Cluster (REDIS_CLUSTER_NODES, `host:port,host:port`; any few of its
 * masters: the client discovers the rest), or null for a single Redis at REDIS_URL. With a
 * cluster, REDIS_URL still gives the credentials (its user and password), not the address.
 */
export function redisClusterNodesFromEnv(env: NodeJS.ProcessEnv = process.env): RedisNode[] | null {
  const raw = env['REDIS_CLUSTER_NODES']?.trim();
  if (!raw) return null;
  return raw.split(',').map((entry) => {
    const url = new URL(`redis://${entry.trim()}`);
    if (!url.hostname || !url.port) throw new Error(`REDIS_CLUSTER_NODES: "${entry.trim()}" is not host:port`);
    return { host: url.hostname, port: Number(url.port) };
  });
}

export type RedisClient = Redis | Cluster;

/**
 * A client of the configured Redis: a Cluster client when REDIS_CLUSTER_NODES is set, else one
 * to REDIS_URL; `overrides` are per-connection options (lazyConnect, retries, offline queue).
 */
export function createRedisClient(overrides: RedisOptions = {}, env: NodeJS.ProcessEnv = process.env): RedisClient {
  const options = { ...redisOptionsFromEnv(env), ...overrides };
  const nodes = redisClusterNodesFromEnv(env);
  if (!nodes) return new Redis(options);
  const { host: _host, port: _port, db, lazyConnect, enableOfflineQueue, ...perNode } = options;
  if (db) throw new Error('REDIS_URL selects a database, but a Redis Cluster has only database 0');
  return new Cluster(nodes, { redisOptions: perNode, lazyConnect, enableOfflineQueue: enableOfflineQueue ?? true });
}

/**
 * Key prefix so several environments (and test runs) can share one Redis. On a Redis Cluster
 * the prefix is a hash tag (`{vitrine}`) unless it has one: BullMQ's scripts touch several keys
 * of a queue at once, which a cluster allows only within one hash slot.
 */
export function queuePrefixFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const prefix = env['QUEUE_PREFIX'] ?? 'vitrine';
  return redisClusterNodesFromEnv(env) && !/\{[^}]+\}/.test(prefix) ? `{${prefix}}` : prefix;
}

/** Sorted set of live worker processes, scored by when their heartbeat expires (ms). */
export function workersKey(env: NodeJS.ProcessEnv = process.env): string {
  return `${queuePrefixFromEnv(env)}:workers`;
}
