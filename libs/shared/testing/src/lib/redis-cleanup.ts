import { Redis } from 'ioredis';
import { redisOptionsFromEnv } from '@vitrine/shared/data-access';

/**
 * Deletes the keys under `prefix:` in the Redis and database that `redisUrl` names (REDIS_URL
 * by default, as the processes under test use it), and nothing else: no FLUSHDB, no other
 * database index, no other prefix. Answers how many keys went.
 */
export async function deleteKeysUnderPrefix(prefix: string, redisUrl: string | undefined = process.env['REDIS_URL']): Promise<number> {
  // An empty prefix or a glob character would widen the match beyond the caller's own keys.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix)) throw new Error(`refusing to delete keys under prefix "${prefix}"`);
  const redis = new Redis({ ...redisOptionsFromEnv(redisUrl ? { REDIS_URL: redisUrl } : {}), lazyConnect: true, maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
