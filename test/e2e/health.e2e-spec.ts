import { Redis } from 'ioredis';
import { redisOptionsFromEnv } from '@vitrine/shared/data-access';
import { startApi, type ApiHarness } from '../support/api-harness';

describe('GET /health', () => {
  let api: ApiHarness;
  const redis = new Redis({ ...redisOptionsFromEnv(), lazyConnect: true });
  const prefix = `health-test-${process.pid}`;

  beforeAll(async () => {
    process.env['QUEUE_PREFIX'] = prefix;
    api = await startApi();
  });
  afterAll(async () => {
    await redis.del(`${prefix}:workers`);
    redis.disconnect();
    await api.close();
    delete process.env['QUEUE_PREFIX'];
  });

  it('reports the database, Redis and live workers', async () => {
    const before = await (await fetch(`${api.baseUrl}/health`)).json();
    expect(before).toEqual({ status: 'degraded', database: 'up', redis: 'up', workers: 0 });

    // One live heartbeat and one that expired a second ago.
    await redis.zadd(`${prefix}:workers`, Date.now() + 15_000, 'test:1', Date.now() - 1_000, 'test:2');
    const res = await fetch(`${api.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up', redis: 'up', workers: 1 });
  });

  it('sends security headers (helmet)', async () => {
    const res = await fetch(`${api.baseUrl}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
