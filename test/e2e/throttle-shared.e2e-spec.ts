import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { PrivateRedisCluster, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { apiListening, spawnApp, waitForHttp, type SpawnedProcess } from '../support/spawn-api';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const PER_EMAIL = 6;

/**
 * Behind a load balancer a client's sign-in attempts land on every API process in turn. With
 * THROTTLER_STORAGE=redis the processes count them together in Redis, so the per-email limit
 * holds for the whole deployment; with per-process counters (memory) the same client gets the
 * limit once per process. Two API processes, attempts alternating between them.
 */
describe('sign-in limits across API processes', () => {
  let db: TestDatabase;
  const redis = new Redis({ lazyConnect: true });
  const prefix = `test-throttle-${randomBytes(4).toString('hex')}`;
  const started: SpawnedProcess[] = [];

  async function spawnApi(storage: 'redis' | 'memory', env: Record<string, string> = {}): Promise<string> {
    const proc = spawnApp('apps/api/src/main.ts', {
      PORT: '0',
      DATABASE_URL: db.url,
      QUEUE_PREFIX: prefix,
      THROTTLER_STORAGE: storage,
      LOGIN_RATE_LIMIT: String(PER_EMAIL),
      LOG_LEVEL: 'silent',
      ...env,
    });
    started.push(proc);
    const url = await apiListening(proc, 90_000);
    await waitForHttp(`${url}/health`, 90_000);
    return url;
  }

  const attempt = async (url: string, email: string) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOGIN, variables: { i: { email, password: 'wrong-password' } } }) });
    const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
    return body.errors?.[0]?.extensions.code;
  };

  /** 2 × PER_EMAIL attempts on one email, alternating between the two processes. */
  const alternate = async (urls: string[], email: string) => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 2 * PER_EMAIL; i++) codes.push(await attempt(urls[i % 2]!, email));
    return codes;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await redis.connect();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(started.map((p) => p.stop()));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.drop();
  });

  it('counts every process’s attempts together in Redis (THROTTLER_STORAGE=redis)', async () => {
    const urls = await Promise.all([spawnApi('redis'), spawnApi('redis')]);
    const codes = await alternate(urls, 'shared@example.test');
    expect(codes).toEqual([...Array(PER_EMAIL).fill('INVALID_CREDENTIALS'), ...Array(PER_EMAIL).fill('THROTTLED')]);
    // Sent all at once, half to each process: still exactly the limit gets through in all
    // (Redis counts each attempt atomically, whichever process asks).
    const burst = await Promise.all(Array.from({ length: 2 * PER_EMAIL }, (_, i) => attempt(urls[i % 2]!, 'burst@example.test')));
    expect(burst.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(PER_EMAIL);
    expect(burst.filter((c) => c === 'THROTTLED')).toHaveLength(PER_EMAIL);
    // The counters are Redis keys under the deployment's prefix.
    expect((await redis.keys(`${prefix}:throttle:*`)).length).toBeGreaterThan(0);
  });

  it('counts them together on a Redis Cluster too (issue 23): the limit holds across processes, the counters live on the cluster', async () => {
    const cluster = await PrivateRedisCluster.start(3);
    const singleBefore = (await redis.keys(`${prefix}:*`)).sort();
    try {
      const env = { REDIS_CLUSTER_NODES: cluster.nodes };
      const urls = await Promise.all([spawnApi('redis', env), spawnApi('redis', env)]);
      const codes = await alternate(urls, 'cluster@example.test');
      expect(codes).toEqual([...Array(PER_EMAIL).fill('INVALID_CREDENTIALS'), ...Array(PER_EMAIL).fill('THROTTLED')]);
      const burst = await Promise.all(Array.from({ length: 2 * PER_EMAIL }, (_, i) => attempt(urls[i % 2]!, 'cluster-burst@example.test')));
      expect(burst.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(PER_EMAIL);
      // Counted on the cluster's masters: the single Redis gained no key under the prefix.
      expect((await cluster.keyCountPerMaster()).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect((await redis.keys(`${prefix}:*`)).sort()).toEqual(singleBefore);
    } finally {
      await Promise.all(started.splice(0).map((p) => p.stop()));
      await cluster.stop();
    }
  });

  it('lets each process count alone with per-process counters (THROTTLER_STORAGE=memory): the limit is met twice', async () => {
    const urls = await Promise.all([spawnApi('memory'), spawnApi('memory')]);
    const codes = await alternate(urls, 'per-process@example.test');
    expect(codes).toEqual(Array(2 * PER_EMAIL).fill('INVALID_CREDENTIALS'));
  });
});
