import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { bullConnectionFromEnv } from '@vitrine/shared/jobs';
import { createMuseum, createProduct, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * Unpaid orders past their hold are cancelled and their stock released on time, once, with
 * two worker processes running the same timetable (one scheduler id, so one run per tick).
 */
describe('reservation expiry with several workers', () => {
  let db: TestDatabase;
  const prefix = `test-expiry-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await dropQueues(prefix);
    await db.drop();
  });

  it('cancels each expired order and releases its units exactly once, within seconds of its hold', async () => {
    const museum = await createMuseum(db.prisma);
    const location = await db.prisma.stockLocation.create({ data: { museumId: museum.id, code: 'PARIS', name: 'Paris', kind: 'EU_WAREHOUSE' } });
    const variantId = (await createProduct(db.prisma, museum.id)).variants[0]!.id;
    const identityId = randomUUID();
    await db.prisma.customsIdentity.create({ data: { id: identityId, idHash: randomUUID(), idCiphertext: 'sealed', idMasked: '110***********002X' } });
    // Every hold ends in an hour for now; once the workers run, 25 are moved to end soon.
    const later = new Date(Date.now() + 3_600_000);
    const orders = Array.from({ length: 30 }, (_, i) => ({ id: randomUUID(), checkoutId: randomUUID(), hold: later, expires: i < 25 }));
    await db.prisma.stockLevel.create({ data: { variantId, locationId: location.id, onHand: 100, reserved: 30 } });
    await db.prisma.stockMovement.createMany({
      data: [
        { variantId, locationId: location.id, kind: 'RECEIPT', onHandDelta: 100, reservedDelta: 0, reference: 'test' },
        ...orders.map((o) => ({ variantId, locationId: location.id, kind: 'RESERVE' as const, onHandDelta: 0, reservedDelta: 1, reference: o.id })),
      ],
    });
    for (const o of orders) {
      await db.prisma.checkout.create({
        data: {
          id: o.checkoutId, idempotencyKey: o.checkoutId, fingerprint: 'f', cartId: randomUUID(), identityId, goodsMinor: 100, shippingMinor: 0, insuranceMinor: 0, taxMinor: 0, totalMinor: 100,
          idConsentAt: new Date(), riskNoticeAcceptedAt: new Date(), consentVersion: 'v1', holdExpiresAt: o.hold,
        },
      });
      await db.prisma.order.create({
        data: {
          id: o.id, number: `EXP-${o.id.slice(0, 8)}`, checkoutId: o.checkoutId, museumId: museum.id, identityId, customsMode: '9610', stockLocationId: location.id,
          goodsMinor: 100, shippingMinor: 0, insuranceMinor: 0, taxMinor: 0, totalMinor: 100, fxRate: '7.8', fxMarginBps: 0, fxSource: 'test', fxEffectiveAt: new Date(),
          ordererName: '王芳', ordererIdMasked: '110***********002X', recipientName: '王芳', recipientPhone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', street: '1', postalCode: '200001',
          holdExpiresAt: o.hold,
        },
      });
      await db.prisma.stockReservation.create({ data: { ownerId: o.id, variantId, locationId: location.id, quantity: 1, expiresAt: o.hold } });
    }

    const env = { DATABASE_URL: db.url, QUEUE_PREFIX: prefix, RESERVATION_EXPIRY_EVERY_MS: '500' };
    const workers = [startWorker(env), startWorker(env)];
    try {
      await Promise.all(workers.map((w) => waitForOutput(w, /worker ready/)));
      // Both workers are up: 25 holds end in two seconds.
      const expired = orders.filter((o) => o.expires).map((o) => o.id);
      const holdEnds = new Date(Date.now() + 2_000);
      await db.prisma.$transaction([
        db.prisma.order.updateMany({ where: { id: { in: expired } }, data: { holdExpiresAt: holdEnds } }),
        db.prisma.checkout.updateMany({ where: { id: { in: orders.filter((o) => o.expires).map((o) => o.checkoutId) } }, data: { holdExpiresAt: holdEnds } }),
        db.prisma.stockReservation.updateMany({ where: { ownerId: { in: expired } }, data: { expiresAt: holdEnds } }),
      ]);
      await until('the expired orders cancelled', async () => (await db.prisma.order.count({ where: { id: { in: expired }, status: 'CANCELLED' } })) === 25, 40_000, workers[0]);
      const cancelled = await db.prisma.order.findMany({ where: { id: { in: expired } }, select: { cancelledAt: true } });
      // On time, judged by the runs themselves rather than by a wall-clock allowance a loaded
      // machine can exceed: the expiry runs every RESERVATION_EXPIRY_EVERY_MS (500 ms, not the
      // 15 s default), and the first run that started after the holds ended had cancelled every
      // one of them by the time it finished (BullMQ's record of each run: processedOn, finishedOn).
      const expiryQueue = new Queue('reservation-expiry', { connection: bullConnectionFromEnv(), prefix });
      try {
        expect((await expiryQueue.getJobSchedulers()).filter((s) => s.key === 'expire-reservations').map((s) => s.every)).toEqual([500]);
        const runs = (await expiryQueue.getJobs(['completed'], 0, -1)).filter((j) => j.processedOn !== undefined && j.finishedOn !== undefined).sort((x, y) => x.processedOn! - y.processedOn!);
        const firstAfter = runs.find((j) => j.processedOn! >= holdEnds.getTime());
        expect(firstAfter).toBeDefined();
        for (const o of cancelled) expect(o.cancelledAt!.getTime()).toBeLessThanOrEqual(firstAfter!.finishedOn!);
        console.info(
          `reservation expiry: ${runs.length} runs kept; the first after the holds ended started ${firstAfter!.processedOn! - holdEnds.getTime()} ms after, ` +
            `finished ${firstAfter!.finishedOn! - holdEnds.getTime()} ms after; cancellations ${Math.max(...cancelled.map((o) => o.cancelledAt!.getTime() - holdEnds.getTime()))} ms after at the latest`,
        );
      } finally {
        await expiryQueue.close();
      }
      await new Promise((r) => setTimeout(r, 1_500));
      // Once: one release and one cancellation per order, whatever the two workers did.
      const releases = await db.prisma.stockMovement.groupBy({ by: ['reference'], where: { kind: 'RELEASE' }, _count: true });
      expect(releases).toHaveLength(25);
      expect(releases.every((r) => r._count === 1)).toBe(true);
      expect(await db.prisma.orderStatusChange.count({ where: { orderId: { in: expired }, toStatus: 'CANCELLED' } })).toBe(25);
      expect(await db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId: location.id } } })).toMatchObject({ onHand: 100, reserved: 5 });
      expect(await db.prisma.order.count({ where: { id: { in: orders.filter((o) => !o.expires).map((o) => o.id) }, status: 'PENDING_PAYMENT' } })).toBe(5);
      const queue = new Queue('reservation-expiry', { connection: bullConnectionFromEnv(), prefix });
      expect((await queue.getJobSchedulers()).filter((s) => s.key === 'expire-reservations')).toHaveLength(1);
      await queue.close();
    } finally {
      await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    }
  }, 120_000);
});
