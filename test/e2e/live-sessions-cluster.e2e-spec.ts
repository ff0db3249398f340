import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Cluster, Redis } from 'ioredis';
import { PrivateRedisCluster, createUser } from '@vitrine/shared/testing';
import { createApp } from '../../apps/api/src/app/create-app';
import type { ApiHarness } from '../support/api-harness';
import { seedFx, seedShop, setStock, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { openSse, type SseClient } from '../support/sse-client';

jest.setTimeout(120_000);

/**
 * Live sessions on a Redis Cluster (REDIS_CLUSTER_NODES): two API apps share a session's channel
 * and its stock watch through a local three-master cluster, and nothing of it lands in the
 * single Redis.
 */
describe('live sessions on a Redis Cluster', () => {
  let cluster: PrivateRedisCluster;
  let api: ApiHarness;
  let close: () => Promise<void>;
  let second: NestExpressApplication;
  let secondUrl: string;
  let shop: Shop;
  let token: string;
  const viewers: SseClient[] = [];
  const prefix = `test-live-cluster-${randomBytes(4).toString('hex')}`;
  const single = new Redis({ lazyConnect: true });

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start(3);
    ({ api, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodes, LIVE_STOCK_POLL_MS: '200' }));
    second = await createApp();
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 12 });
    const manager = await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    token = await api.login(manager.email);
  });
  afterAll(async () => {
    for (const v of viewers) v.close();
    await second?.close();
    await close?.();
    single.disconnect();
    await cluster?.stop();
    delete process.env['QUEUE_PREFIX'];
    delete process.env['REDIS_CLUSTER_NODES'];
    delete process.env['LIVE_STOCK_POLL_MS'];
  });

  it('delivers a pin and a stock change to viewers of both API apps through the cluster', async () => {
    const scheduled = await api.gql(
      `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { id } }`,
      {
        i: {
          museumId: shop.museumId,
          title: 'Cluster live',
          streamUrl: 'https://live.example/cluster',
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 3600_000).toISOString(),
          productIds: shop.variants.map((v) => v.productId),
        },
      },
      token,
    );
    expect(scheduled.errors).toBeUndefined();
    const sessionId = scheduled.data.scheduleLiveSession.id;
    viewers.push(await openSse(`${api.baseUrl}/live/${sessionId}/events`), await openSse(`${secondUrl}/live/${sessionId}/events`));
    for (const v of viewers) await v.next((e) => e.event === 'snapshot');

    const pid = shop.variants[1]!.productId;
    const pinned = await fetch(`${secondUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation($i: PinLiveProductInput!) { pinLiveProduct(input: $i) { pinnedProductId } }`, variables: { i: { sessionId, productId: pid } } }),
    }).then((r) => r.json() as Promise<{ data?: unknown; errors?: unknown }>);
    expect(pinned.errors).toBeUndefined();
    for (const v of viewers) expect((await v.next((e) => e.event === 'pin')).data.productId).toBe(pid);

    await setStock(api.db.prisma, shop.locationId, shop.variants[1]!.id, 5);
    for (const v of viewers) await v.next((e) => e.event === 'stock' && e.data.products.some((x: any) => x.productId === pid && x.available === 5));

    // The watch's last reading is kept in the cluster (hash-tagged prefix), not in the single Redis.
    const key = `{${prefix}}:live:${sessionId}:stock`;
    const cc = new Cluster(cluster.nodes.split(',').map((n) => ({ host: '127.0.0.1', port: Number(n.split(':')[1]) })));
    try {
      expect(JSON.parse((await cc.get(key))!)).toMatchObject({ [pid]: 5 });
      expect(await single.exists(key)).toBe(0);
    } finally {
      cc.disconnect();
    }
  });
});
