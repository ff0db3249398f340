import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { DEAD_LETTER_QUEUE } from '@vitrine/shared/jobs';
import { createTestDatabase, PrivateRedis, type TestDatabase } from '@vitrine/shared/testing';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys, statusCounts } from '../support/pipeline-fixtures';
import { apiListening, spawnApp, waitForHttp, type SpawnedProcess } from '../support/spawn-api';
import { startStripeLoopback, type StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * Redis restarted (killed and started again, with its append-only file as in production)
 * while shoppers keep paying: the API (its own process) and the worker (its own process)
 * reconnect by themselves within 10 s, and every order placed before, during and after the
 * restart is paid and delivered exactly once.
 */
describe('Redis restarted under load', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  let stripe: StripeLoopback;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let api: SpawnedProcess;
  let worker: SpawnedProcess;
  let baseUrl = '';
  let shop: Shop;
  const keys = signingKeys();
  const prefix = `test-redis-restart-${randomBytes(4).toString('hex')}`;

  const gql = async (query: string, variables: Record<string, unknown>): Promise<any> => {
    const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return res.json();
  };
  const health = async () => {
    try {
      return (await (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })).json()) as { redis: string; workers: number };
    } catch {
      return null;
    }
  };

  /** A shopper checks out one unit and Stripe reports the payment: the order id. */
  const buyAndPay = async (n: number): Promise<string> => {
    const added = await gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } });
    const placed = await gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `${prefix}-${n}`, { cartToken: added.data.addCartLine.cartToken }) });
    if (placed.errors) throw new Error(`placeOrder ${n}: ${JSON.stringify(placed.errors)}`);
    const status = await stripe.deliver(baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId));
    if (status !== 200) throw new Error(`webhook of order ${n} answered ${status}`);
    return placed.data.placeOrder.orders[0].id as string;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await PrivateRedis.start({ persistent: true });
    stripe = await startStripeLoopback();
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
    await seedFx(db.prisma, '7.8000');
    shop = await seedShop(db.prisma, { prices: [2_500], stock: 200 });
    const shared = { DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, ...stripe.env };
    api = spawnApp('apps/api/src/main.ts', { ...shared, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '5' });
    worker = startWorker({ ...shared, ...customs.env, ...carrier.env, ...keys.env });
    baseUrl = await apiListening(api, 60_000);
    await waitForHttp(`${baseUrl}/health`, 60_000);
    await waitForOutput(worker, /worker ready/);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await api?.stop('SIGTERM');
    await customs.close();
    await carrier.close();
    await stripe.close();
    await dropQueues(prefix, redis.url);
    await redis.stop();
    await db.drop();
  });

  it('API and worker recover within 10 s and every order placed around the restart is delivered once', async () => {
    const orderIds: string[] = [];
    // Load before the restart.
    for (let n = 0; n < 10; n++) orderIds.push(await buyAndPay(n));

    await redis.down();
    // Shoppers keep paying while Redis is away: checkout and webhooks need only PostgreSQL.
    const during: Promise<string>[] = [];
    for (let n = 10; n < 20; n++) during.push(buyAndPay(n));
    orderIds.push(...(await Promise.all(during)));
    expect((await health())?.redis).toBe('down');
    await new Promise((r) => setTimeout(r, 2_000));

    await redis.up();
    // Timed from Redis ready (redis.up() resolves on redis-server's 'Ready to accept connections'),
    // each side by a check started within the bound: a check answered late on a loaded machine
    // does not count against the product, a process that stays away past 10 s still fails.
    const upAt = Date.now();
    // The API sees Redis again, and the worker's heartbeat is back.
    await until('the API reporting Redis up and a live worker', async () => {
      const h = await health();
      return h?.redis === 'up' && h.workers >= 1;
    }, 10_000, worker);
    // The worker processes again, also within 10 s of Redis ready: one of the orders paid while
    // Redis was away (their jobs wait in the outbox) leaves PAID. Not an order placed now, whose
    // checkout (three requests to a loaded API) would be timed too.
    const paidDuring = orderIds.slice(10, 20);
    await until('an order paid during the outage declared', async () => (await db.prisma.order.count({ where: { id: { in: paidDuring }, status: { not: 'PAID' } } })) > 0, upAt + 10_000 - Date.now(), worker);
    console.info(`redis restart: API and worker back ${Date.now() - upAt} ms after Redis was ready`);
    // And an order paid after the restart goes through (delivered below, with the others).
    orderIds.push(await buyAndPay(20));

    for (let n = 21; n < 30; n++) orderIds.push(await buyAndPay(n));
    await until('every order delivered', async () => (await statusCounts(db.prisma, orderIds))['DELIVERED'] === orderIds.length, 90_000, worker);
    expect(worker.child.exitCode).toBeNull();
    expect(api.child.exitCode).toBeNull();

    // Exactly once: one pass through each status per order, one accepted document of each kind, one shipment.
    const paths = await db.prisma.$queryRaw<{ path: string; n: bigint }[]>`
      SELECT path, count(*) AS n FROM (
        SELECT string_agg(to_status::text, '>' ORDER BY id) AS path FROM order_status_changes WHERE order_id = ANY(${orderIds}::uuid[]) GROUP BY order_id) p
      GROUP BY path`;
    expect(paths.map((p) => [p.path, Number(p.n)])).toEqual([['PENDING_PAYMENT>PAID>CUSTOMS_SUBMITTED>CLEARED>SHIPPED>DELIVERED', 30]]);
    const numbers = (await db.prisma.order.findMany({ where: { id: { in: orderIds } }, select: { number: true } })).map((o) => o.number);
    for (const no of numbers) for (const d of ['ORDER', 'PAYMENT', 'WAYBILL'] as const) expect(customs.acceptedCount(d, no)).toBe(1);
    const ships = await db.prisma.stockMovement.count({ where: { locationId: shop.locationId, kind: 'SHIP' } });
    expect(ships).toBe(30);
    const level = await db.prisma.stockLevel.findFirstOrThrow({ where: { locationId: shop.locationId } });
    expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 170, reserved: 0 });
    const deadLetters = new Queue(DEAD_LETTER_QUEUE, { connection: { host: '127.0.0.1', port: redis.port }, prefix });
    try {
      expect(await deadLetters.getJobCounts('waiting', 'delayed', 'failed')).toEqual({ waiting: 0, delayed: 0, failed: 0 });
    } finally {
      await deadLetters.close();
    }
    expect(worker.output()).not.toMatch(/failed for good/);
  }, 180_000);
});
