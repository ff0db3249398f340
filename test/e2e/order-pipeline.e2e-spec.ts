import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * The whole pipeline in the real worker process (apps/worker/src/main.ts), against real
 * PostgreSQL and Redis, with the loopback customs and carrier: paid orders come out
 * delivered (or held, with customs' reason), each effect exactly once, whatever happens to
 * the worker in between.
 */
describe('order pipeline in the worker process', () => {
  let db: TestDatabase;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  const keys = signingKeys();
  const prefix = `test-pipeline-${randomBytes(4).toString('hex')}`;
  const held = new Set<string>();
  const env = () => ({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, CUSTOMS_GATEWAY_URL: customs.url, ...carrier.env, ...keys.env });

  beforeAll(async () => {
    db = await createTestDatabase();
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey, holdRule: (no) => (held.has(no) ? '查验: goods selected for inspection' : null) });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await customs.close();
    await carrier.close();
    await dropQueues(prefix);
    await db.drop();
  });

  it('takes 1,000 paid orders to delivered through a SIGKILL mid-way, with exactly one accepted customs message per order and document', async () => {
    const orders = await seedPaidOrders(db.prisma, 1_000);
    orders.orderNos.filter((_, i) => i % 50 === 7).forEach((no) => held.add(no));
    const ids = orders.orderIds;
    const moved = async () => 1_000 - ((await statusCounts(db.prisma, ids))['PAID'] ?? 0);

    const first = startWorker(env());
    await waitForOutput(first, /worker ready/);
    await until('a part of the orders declared', async () => (await moved()) >= 250, 60_000, first);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const atKill = await statusCounts(db.prisma, ids);
    expect(atKill['DELIVERED'] ?? 0).toBeLessThan(1_000);

    const second = startWorker(env());
    try {
      await until(
        'every order delivered or held',
        async () => {
          const c = await statusCounts(db.prisma, ids);
          return (c['DELIVERED'] ?? 0) + (c['HELD'] ?? 0) === 1_000;
        },
        90_000,
        second,
      );
    } finally {
      await second.stop('SIGTERM');
    }

    expect(await statusCounts(db.prisma, ids)).toEqual({ DELIVERED: 980, HELD: 20 });
    // Customs: one accepted declaration of each document per order, however often it was sent.
    for (const no of orders.orderNos) {
      for (const d of ['ORDER', 'PAYMENT', 'WAYBILL'] as const) expect(customs.acceptedCount(d, no)).toBe(1);
    }
    expect(customs.feed).toHaveLength(1_000);
    expect(customs.stats.badSignatures).toBe(0);
    // Our side: one message per order and document, with the receipts.
    const messages = await db.prisma.customsMessage.groupBy({ by: ['document', 'status'], where: { orderId: { in: ids } }, _count: true });
    expect(Object.fromEntries(messages.map((m) => [`${m.document}:${m.status}`, m._count]))).toEqual({
      'ORDER:CLEARED': 980,
      'ORDER:HELD': 20,
      'PAYMENT:ACCEPTED': 1_000,
      'WAYBILL:ACCEPTED': 1_000,
    });
    // The carrier: one waybill per order, one booking per cleared parcel.
    expect(carrier.waybills.size).toBe(1_000);
    expect(carrier.bookings.size).toBe(980);
    // Each order went through each status once: no transition twice.
    const history = await db.prisma.$queryRaw<{ order_id: string; to_status: string; n: bigint }[]>`
      SELECT order_id, to_status::text, count(*) AS n FROM order_status_changes WHERE order_id = ANY(${ids}::uuid[]) GROUP BY order_id, to_status HAVING count(*) > 1`;
    expect(history).toEqual([]);
    const paths = await db.prisma.$queryRaw<{ path: string; n: bigint }[]>`
      SELECT path, count(*) AS n FROM (
        SELECT string_agg(to_status::text, '>' ORDER BY id) AS path FROM order_status_changes WHERE order_id = ANY(${ids}::uuid[]) GROUP BY order_id) p
      GROUP BY path ORDER BY path`;
    expect(paths.map((p) => [p.path, Number(p.n)])).toEqual([
      ['PAID>CUSTOMS_SUBMITTED>CLEARED>SHIPPED>DELIVERED', 980],
      ['PAID>CUSTOMS_SUBMITTED>HELD', 20],
    ]);
    const heldReason = await db.prisma.orderStatusChange.findFirst({ where: { orderId: ids[7], toStatus: 'HELD' }, select: { reason: true } });
    expect(heldReason?.reason).toBe('held by customs: 查验: goods selected for inspection');
  }, 240_000);
});
