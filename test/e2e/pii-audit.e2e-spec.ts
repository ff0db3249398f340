import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * Every decryption of a resident ID number leaves a row in pii_access_audit (who, why, when,
 * which identity, for which orders), and that table refuses UPDATE, DELETE and TRUNCATE even
 * to the superuser the tests connect as (a trigger; the REVOKE binds a non-owner app role).
 */
describe('decryption audit', () => {
  let db: TestDatabase;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  const keys = signingKeys();
  const prefix = `test-pii-audit-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await customs.close();
    await carrier.close();
    await dropQueues(prefix);
    await db.drop();
  });

  it('the worker building the customs messages writes one audit row per identity it opened, naming the orders', async () => {
    // 60 orders: two identities (one per 50 orders), declared by the real worker.
    const orders = await seedPaidOrders(db.prisma, 60, { withStock: true });
    const identities = await db.prisma.order.findMany({ where: { id: { in: orders.orderIds } }, select: { id: true, identityId: true } });
    const worker = startWorker({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('every order declared', async () => ((await statusCounts(db.prisma, orders.orderIds))['PAID'] ?? 0) === 0, 60_000, worker);
    } finally {
      await worker.stop('SIGTERM');
    }
    const audit = await db.prisma.piiAccessAudit.findMany({ orderBy: { id: 'asc' } });
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) {
      expect(a).toMatchObject({ actor: 'worker:declare-customs', purpose: 'CUSTOMS_DECLARATION' });
      expect(Date.now() - a.accessedAt.getTime()).toBeLessThan(120_000);
      // Each row names orders of that identity only.
      for (const orderId of a.orderIds) expect(identities.find((o) => o.id === orderId)!.identityId).toBe(a.identityId);
    }
    // Every order sent with an ID number is covered by an audit row of its identity.
    const covered = new Set(audit.flatMap((a) => a.orderIds));
    expect(orders.orderIds.filter((id) => !covered.has(id))).toEqual([]);
    expect(new Set(audit.map((a) => a.identityId))).toEqual(new Set(identities.map((o) => o.identityId)));
  }, 120_000);

  it('refuses to change or remove audit rows, whatever the role', async () => {
    const [row] = await db.prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO pii_access_audit (identity_id, actor, purpose, order_ids) VALUES (gen_random_uuid(), 'test', 'TEST', '{}') RETURNING id`;
    await expect(db.prisma.$executeRaw`UPDATE pii_access_audit SET actor = 'someone else' WHERE id = ${row!.id}`).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.prisma.$executeRaw`DELETE FROM pii_access_audit WHERE id = ${row!.id}`).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE pii_access_audit')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await db.prisma.piiAccessAudit.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ actor: 'test' });
  });
});
