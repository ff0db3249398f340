import { Redis } from 'ioredis';
import { redisOptionsFromEnv } from '@vitrine/shared/data-access';
import { startApi, type ApiHarness } from '../support/api-harness';
import { TcpProxy } from '../support/tcp-proxy';

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

describe('GET /health/live and /health/ready (the orchestrator probes)', () => {
  let api: ApiHarness;
  let redisLink: TcpProxy;
  const before = process.env['REDIS_URL'];

  beforeAll(async () => {
    const target = new URL(before ?? 'redis://127.0.0.1:6379');
    redisLink = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 6379) });
    const through = new URL(target);
    through.hostname = '127.0.0.1';
    through.port = String(redisLink.port);
    process.env['REDIS_URL'] = through.toString();
    api = await startApi();
  });
  afterAll(async () => {
    await redisLink.restore();
    await api.close();
    await redisLink.close();
    if (before === undefined) delete process.env['REDIS_URL'];
    else process.env['REDIS_URL'] = before;
  });

  const probe = async (path: string) => {
    const res = await fetch(`${api.baseUrl}${path}`);
    return { status: res.status, body: await res.json() };
  };

  it('is ready with the database and Redis up; not ready (503) but still live while Redis is unreachable; ready again after', async () => {
    await expect(probe('/health/live')).resolves.toEqual({ status: 200, body: { status: 'live' } });
    await expect(probe('/health/ready')).resolves.toEqual({ status: 200, body: { status: 'ready', database: 'up', redis: 'up', draining: false } });

    await redisLink.cut();
    const down = await probe('/health/ready');
    expect(down).toMatchObject({ status: 503, body: { status: 'not-ready', database: 'up', redis: 'down' } });
    // Liveness asks nothing outside the process: an outage must not restart every pod.
    await expect(probe('/health/live')).resolves.toEqual({ status: 200, body: { status: 'live' } });

    await redisLink.restore();
    const deadline = Date.now() + 30_000;
    let again = await probe('/health/ready');
    while (again.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      again = await probe('/health/ready');
    }
    expect(again).toEqual({ status: 200, body: { status: 'ready', database: 'up', redis: 'up', draining: false } });
  });
});
