import type { RedisOptions } from 'ioredis';

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

/** Key prefix so several environments (and test runs) can share one Redis. */
export function queuePrefixFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env['QUEUE_PREFIX'] ?? 'vitrine';
}

/** Sorted set of live worker processes, scored by when their heartbeat expires (ms). */
export function workersKey(env: NodeJS.ProcessEnv = process.env): string {
  return `${queuePrefixFromEnv(env)}:workers`;
}
