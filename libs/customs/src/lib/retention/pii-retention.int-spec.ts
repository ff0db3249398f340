import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PrismaService } from '@vitrine/shared/data-access';
import { createMuseum, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { PiiRetentionService } from './application/pii-retention.service';
import { PiiRetentionRepository } from './infrastructure/pii-retention.repository';
import { NoOtherPersonalData, TestIdentityOrdersSource } from '../../testing/orders-source';

const DAY = 86_400_000;
type Status = 'PENDING_PAYMENT' | 'PAID' | 'CUSTOMS_SUBMITTED' | 'CLEARED' | 'HELD' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'REFUNDED';

/**
 * The retention rule against real PostgreSQL, case by case: which orders keep a ciphertext,
 * which let it go, and a row an in-flight checkout holds is skipped (not waited on, not purged).
 */
describe('PII retention rule (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let service: PiiRetentionService;
  let museumId: string;
  let locationId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService({ url: db.url, poolSize: 4 });
    service = new PiiRetentionService(new PiiRetentionRepository(prisma, new TestIdentityOrdersSource(), new NoOtherPersonalData()), { daysAfterRelease: 90, everyMs: 1_000, batchSize: 2 });
    museumId = (await createMuseum(prisma)).id;
    locationId = (await prisma.stockLocation.create({ data: { museumId, code: 'PARIS', name: 'Paris', kind: 'EU_WAREHOUSE' } })).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  /** An identity unused for 200 days, with orders in the given states. */
  async function identityWith(orders: { status: Status; releasedDaysAgo?: number; refundedDaysAgo?: number; cancelledDaysAgo?: number; updatedDaysAgo?: number }[]): Promise<string> {
    const identityId = randomUUID();
    const long = new Date(Date.now() - 200 * DAY);
    await prisma.customsIdentity.create({ data: { id: identityId, idHash: randomUUID(), idCiphertext: 'v1.sealed', idMasked: '110***********002X', lastUsedAt: long } });
    for (const o of orders) {
      const checkoutId = randomUUID();
      const orderId = randomUUID();
      const ago = (d?: number) => (d === undefined ? null : new Date(Date.now() - d * DAY));
      await prisma.checkout.create({
        data: {
          id: checkoutId, idempotencyKey: checkoutId, fingerprint: 'f', cartId: randomUUID(), identityId, goodsMinor: 100, shippingMinor: 0, insuranceMinor: 0, taxMinor: 0, totalMinor: 100,
          idConsentAt: long, riskNoticeAcceptedAt: long, consentVersion: 'v1', holdExpiresAt: long,
        },
      });
      await prisma.order.create({
        data: {
          id: orderId, number: `RET-${orderId.slice(0, 8)}`, checkoutId, museumId, identityId, customsMode: '9610', stockLocationId: locationId, status: o.status,
          goodsMinor: 100, shippingMinor: 0, insuranceMinor: 0, taxMinor: 0, totalMinor: 100, fxRate: '7.8', fxMarginBps: 0, fxSource: 'test', fxEffectiveAt: long,
          ordererName: '王芳', ordererIdMasked: '110***********002X', recipientName: '王芳', recipientPhone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', street: '1', postalCode: '200001',
          holdExpiresAt: long, createdAt: long, refundedAt: ago(o.refundedDaysAgo), cancelledAt: ago(o.cancelledDaysAgo), updatedAt: ago(o.updatedDaysAgo) ?? new Date(),
        },
      });
      if (o.releasedDaysAgo !== undefined) {
        await prisma.orderStatusChange.create({ data: { orderId, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'released', createdAt: ago(o.releasedDaysAgo)! } });
      }
    }
    return identityId;
  }
  const sealed = async (id: string) => (await prisma.customsIdentity.findUniqueOrThrow({ where: { id } })).idCiphertext !== null;

  it('keeps what customs may still need and destroys the rest, once', async () => {
    const purge = {
      deliveredLongAgo: await identityWith([{ status: 'DELIVERED', releasedDaysAgo: 91 }]),
      refundedBeforeRelease: await identityWith([{ status: 'REFUNDED', refundedDaysAgo: 120 }]),
      cancelledUnpaid: await identityWith([{ status: 'CANCELLED', cancelledDaysAgo: 150 }]),
      // Released long ago with no status history (older data): its last update stands for the release.
      noHistory: await identityWith([{ status: 'DELIVERED', updatedDaysAgo: 100 }]),
      noOrders: await identityWith([]),
    };
    const keep = {
      releasedRecently: await identityWith([{ status: 'SHIPPED', releasedDaysAgo: 89 }]),
      returnedRecently: await identityWith([{ status: 'REFUNDED', releasedDaysAgo: 200, refundedDaysAgo: 20 }]),
      held: await identityWith([{ status: 'HELD', updatedDaysAgo: 300 }]),
      declared: await identityWith([{ status: 'CUSTOMS_SUBMITTED', updatedDaysAgo: 300 }]),
      unpaid: await identityWith([{ status: 'PENDING_PAYMENT', updatedDaysAgo: 300 }]),
      oneLiveOfTwo: await identityWith([{ status: 'DELIVERED', releasedDaysAgo: 300 }, { status: 'PAID', updatedDaysAgo: 300 }]),
      oneRecentOfTwo: await identityWith([{ status: 'DELIVERED', releasedDaysAgo: 300 }, { status: 'DELIVERED', releasedDaysAgo: 30 }]),
    };
    // Batches of 2: the walk goes on past kept rows.
    expect(await service.purgeExpired()).toBe(Object.keys(purge).length);
    for (const [name, id] of Object.entries(purge)) expect([name, await sealed(id)]).toEqual([name, false]);
    for (const [name, id] of Object.entries(keep)) expect([name, await sealed(id)]).toEqual([name, true]);
    const after = await prisma.customsIdentity.findMany({ orderBy: { id: 'asc' } });
    expect(await service.run()).toEqual({ expired: 0, requested: 0, completed: 0, waiting: 0 });
    expect(await prisma.customsIdentity.findMany({ orderBy: { id: 'asc' } })).toEqual(after);
  });

  it('skips a row an in-flight checkout holds, without waiting, and takes it at the next run', async () => {
    const id = await identityWith([{ status: 'DELIVERED', releasedDaysAgo: 100 }]);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const checkout = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM customs_identities WHERE id = ${id}::uuid FOR UPDATE`;
      locked();
      await held;
    }, { timeout: 20_000 });
    await isLocked;
    // Without waiting, seen by PostgreSQL itself rather than by a wall-clock allowance a loaded
    // machine can exceed: no session of this database waits for a lock while the purge runs (a row
    // lock waited for shows as an ungranted lock in pg_locks, on the holder's transaction id). And it returns while the row is still
    // held: a purge that waited would return only when the holder's 20 s timeout rolled it back.
    const watcher = new Client({ connectionString: db.url });
    await watcher.connect();
    let purging = true;
    let waitedFor = 0;
    const watching = (async () => {
      while (purging) {
        const r = await watcher.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`);
        waitedFor = Math.max(waitedFor, r.rows[0]!.n);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const started = Date.now();
    try {
      await service.purgeExpired();
    } finally {
      purging = false;
      await watching;
      await watcher.end();
    }
    expect(waitedFor).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await sealed(id)).toBe(true);
    release();
    await checkout;
    expect(await service.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await sealed(id)).toBe(false);
  });
});
