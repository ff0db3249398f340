import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { PrivateRedisCluster } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * Vitrine on a Redis Cluster (REDIS_CLUSTER_NODES): a local three-master cluster, the API and
 * a worker process pointed at it. A checkout is paid and goes through customs and the carrier
 * to DELIVERED, so the outbox relay, every queue, the worker heartbeat, the API's health and its
 * shop-window channel ran on the cluster; BullMQ's keys carry the prefix as a hash tag
 * (`{prefix}`), nothing lands in the single Redis, and a master that may evict keys stops the
 * worker from starting.
 */
describe('on a Redis Cluster', () => {
  let cluster: PrivateRedisCluster;
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let shop: Shop;
  const keys = signingKeys();
  const prefix = `test-cluster-${randomBytes(4).toString('hex')}`;
  const single = new Redis({ lazyConnect: true });

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start(3);
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodes }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500], stock: 10 });
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await customs?.close();
    await carrier?.close();
    await close?.();
    single.disconnect();
    await cluster?.stop();
    delete process.env['QUEUE_PREFIX'];
    delete process.env['REDIS_CLUSTER_NODES'];
  });

  it('takes an order from checkout to DELIVERED with every queue, the heartbeat and the health check on the cluster', async () => {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } });
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `cluster-${prefix}`, { cartToken: added.data.addCartLine.cartToken }) });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);

    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodes, ...customs.env, ...carrier.env, ...keys.env });
    try {
      await waitForOutput(worker, /worker ready/);
      // The API reads the worker's heartbeat from the cluster.
      await until('the worker seen by /health', async () => ((await (await fetch(`${api.baseUrl}/health`)).json()) as { workers: number }).workers === 1, 20_000, worker);
      expect(await (await fetch(`${api.baseUrl}/health/ready`)).json()).toMatchObject({ status: 'ready', redis: 'up' });
      await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 90_000, worker);
    } finally {
      await worker.stop('SIGTERM');
    }
    for (const d of ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY'] as const) expect(customs.acceptedCount(d, order.number)).toBe(1);

    // The queues' keys live on the cluster under the hash-tagged prefix, all in its one slot.
    const counts = await cluster.keyCountPerMaster();
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const slot = await cluster.cli(cluster.ports[0]!, 'CLUSTER', 'KEYSLOT', `{${prefix}}:order-pipeline:meta`);
    expect(await cluster.cli(cluster.ports[0]!, 'CLUSTER', 'KEYSLOT', `{${prefix}}:workers`)).toBe(slot);
    expect(counts.filter((n) => n > 0)).toHaveLength(1);
    // Nothing of this run reached the single Redis.
    await single.connect();
    expect(await single.keys(`*${prefix}*`)).toEqual([]);
  });

  it('refuses to start a worker when one master may evict keys', async () => {
    const port = cluster.ports[1]!;
    expect(await cluster.cli(port, 'CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru')).toBe('OK');
    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodes });
    try {
      // 'close', not 'exit': the refusal is among the last lines, which may still be in the pipe at 'exit'.
      const code = await worker.closed;
      expect(code).not.toBe(0);
      expect(worker.output()).toMatch(new RegExp(`Redis at 127\\.0\\.0\\.1:${port} \\(cluster\\) has maxmemory-policy "allkeys-lru"`));
    } finally {
      await worker.stop('SIGKILL');
      await cluster.cli(port, 'CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    }
  });
});
