import { Test } from '@nestjs/testing';
import { CustomsModule, IdentityRecordsService } from '@vitrine/customs';
import { PipelineRepository } from '@vitrine/orders';
import { DataAccessModule, type PrismaService } from '@vitrine/shared/data-access';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { seedDemo } from '../../prisma/seed';
import { CHANGES_COMMENT, DEMO_PROPOSALS } from '../../prisma/seed/demo-licensing';
import { DEMO_ORDERS, DEMO_RESIDENT_ID, DEMO_RESIDENT_ID_MASKED } from '../../prisma/seed/demo-orders';
import { DEMO_PROMOTIONS } from '../../prisma/seed/demo-promotions';
import { stableId } from '../../prisma/seed/stable-id';

/**
 * `npm run db:seed` on a fresh database, twice: the demo data every role's screens need is
 * there, it obeys the invariants the real code keeps (ledger = levels, ID numbers only
 * encrypted and masked, proposals where the state machine put them), and the second run
 * changes nothing.
 */
jest.setTimeout(180_000);

/** Row counts of every table the seed writes, and a checksum of the rows the demo owns. */
async function snapshot(prisma: PrismaService): Promise<Record<string, unknown>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint; h: string | null }[]>(`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${name}" t`);
    out[name] = { n: Number(row!.n), h: row!.h };
  }
  return out;
}

describe('demo seed (real PostgreSQL)', () => {
  let db: TestDatabase;
  let first: Record<string, unknown>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma);
    first = await snapshot(db.prisma);
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('gives every museum stock, with a ledger that adds up to the levels', async () => {
    const locations = await db.prisma.stockLocation.findMany({ select: { museumId: true, brandId: true, kind: true } });
    expect(locations.filter((l) => l.kind === 'BONDED_WAREHOUSE_CN')).toHaveLength(1);
    expect(new Set(locations.filter((l) => l.museumId).map((l) => l.museumId)).size).toBe(3);
    expect(locations.filter((l) => l.brandId)).toHaveLength(1);
    const levels = await db.prisma.stockLevel.findMany({ select: { onHand: true, reserved: true } });
    expect(levels.length).toBeGreaterThan(200);
    expect(levels.filter((l) => l.onHand === 0)).toHaveLength(2);
    expect(levels.filter((l) => l.onHand > 0 && l.onHand <= 5).length).toBeGreaterThanOrEqual(3);
    const off = await db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM stock_levels l
      LEFT JOIN (SELECT variant_id, location_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved FROM stock_movements GROUP BY 1, 2) m
        ON m.variant_id = l.variant_id AND m.location_id = l.location_id
      WHERE coalesce(m.on_hand, 0) <> l.on_hand OR coalesce(m.reserved, 0) <> l.reserved`;
    expect(Number(off[0]!.n)).toBe(0);
    // Reserved units are exactly the committed reservations of the unshipped orders.
    const [committed] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT coalesce(sum(quantity), 0) AS n FROM stock_reservations WHERE status = 'COMMITTED'`;
    const [reserved] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT coalesce(sum(reserved), 0) AS n FROM stock_levels`;
    expect(Number(reserved!.n)).toBe(Number(committed!.n));
    expect(Number(reserved!.n)).toBeGreaterThan(0);
  });

  it('leaves Maison Demo’s proposals at their stages, with the agreement and a published co-branded product', async () => {
    const brand = await db.prisma.brand.findUniqueOrThrow({ where: { slug: 'maison-demo' }, select: { id: true } });
    const proposals = await db.prisma.licensingProposal.findMany({ where: { brandId: brand.id }, select: { id: true, status: true, stage: true, content: true } });
    expect(proposals).toHaveLength(Object.keys(DEMO_PROPOSALS).length);
    for (const expected of Object.values(DEMO_PROPOSALS)) {
      const p = proposals.find((r) => (r.content as { title?: { en?: string } }).title?.en === expected.en);
      expect({ title: expected.en, status: p?.status, stage: p?.stage }).toEqual({ title: expected.en, status: expected.status, stage: expected.stage });
    }
    const plate = proposals.find((p) => p.status === 'CHANGES_REQUESTED')!;
    const review = await db.prisma.licensingReview.findFirstOrThrow({ where: { proposalId: plate.id } });
    expect(review).toMatchObject({ decision: 'REQUEST_CHANGES', comment: CHANGES_COMMENT });
    const approved = proposals.find((p) => p.status === 'APPROVED')!;
    expect(await db.prisma.licensingReview.count({ where: { proposalId: approved.id, decision: 'APPROVE' } })).toBe(3);
    const agreement = await db.prisma.licenceAgreement.findUniqueOrThrow({ where: { proposalId: approved.id }, select: { status: true, products: { select: { productId: true, fulfilledByBrandId: true } } } });
    expect(agreement.status).toBe('ACTIVE');
    expect(agreement.products).toHaveLength(1);
    expect(agreement.products[0]!.fulfilledByBrandId).toBe(brand.id);
    const product = await db.prisma.product.findUniqueOrThrow({ where: { id: agreement.products[0]!.productId }, select: { status: true, nameEn: true, variants: { select: { id: true } } } });
    expect(product.status).toBe('PUBLISHED');
    // Named by final approval from the storefront and the brand: "The Louvre Shop × Maison Demo — …".
    expect(product.nameEn).toMatch(/Louvre.* × Maison Demo — La Joconde silk scarf$/);
    const brandStock = await db.prisma.stockLevel.findFirstOrThrow({ where: { variantId: product.variants[0]!.id, location: { brandId: brand.id } } });
    expect(brandStock.onHand - brandStock.reserved).toBeGreaterThan(0);
  });

  it('gives the demo shopper orders in every state, with snapshots, masked and encrypted ID numbers', async () => {
    const shopper = await db.prisma.user.findUniqueOrThrow({ where: { email: 'shopper@vitrine.test' }, select: { id: true } });
    const orders = await db.prisma.order.findMany({ where: { shopperUserId: shopper.id }, include: { lines: true, history: { orderBy: { id: 'asc' } } } });
    expect(orders).toHaveLength(DEMO_ORDERS.length);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['PAID', 'CUSTOMS_SUBMITTED', 'HELD', 'SHIPPED', 'DELIVERED', 'REFUNDED']));
    for (const o of orders) {
      expect(o.ordererIdMasked).toBe(DEMO_RESIDENT_ID_MASKED);
      expect(o.lines.length).toBeGreaterThan(0);
      expect(o.goodsMinor).toBe(o.lines.reduce((a, l) => a + l.goodsMinor, 0));
      expect(o.taxMinor).toBe(o.lines.reduce((a, l) => a + l.taxMinor, 0));
      expect(o.totalMinor).toBe(o.lines.reduce((a, l) => a + l.totalMinor, 0));
      expect(o.totalMinor).toBe(o.goodsMinor + o.shippingMinor + o.insuranceMinor + o.taxMinor);
      for (const l of o.lines) expect(l.fxRate.toFixed()).toBe(o.fxRate.toFixed());
      expect(o.history[o.history.length - 1]!.toStatus).toBe(o.status);
      expect(o.paidAt).not.toBeNull();
    }
    const held = orders.find((o) => o.status === 'HELD')!;
    expect(held.history[held.history.length - 1]!.reason).toMatch(/^held by customs: .+/);
    expect(orders.filter((o) => o.fulfilledByBrandId)).toHaveLength(DEMO_ORDERS.filter((o) => o.lines === 'co-branded').length);
    expect(orders.find((o) => o.customsMode === '1210')).toBeDefined();

    const identities = await db.prisma.customsIdentity.findMany();
    expect(identities).toHaveLength(1);
    expect(identities[0]!.idMasked).toBe(DEMO_RESIDENT_ID_MASKED);
    expect(identities[0]!.idCiphertext).not.toContain(DEMO_RESIDENT_ID);
    // Through the vault (the test environment's keys), the ciphertext opens to the number.
    const moduleRef = await Test.createTestingModule({ imports: [DataAccessModule, CustomsModule] }).compile();
    try {
      expect(await moduleRef.get(IdentityRecordsService).reveal(identities[0]!.id, { actor: 'test:demo-seed', purpose: 'TEST' })).toBe(DEMO_RESIDENT_ID);
    } finally {
      await moduleRef.close();
    }
    // The reveal is audited (append-only): the seed's own rerun below is compared from here.
    expect(await db.prisma.piiAccessAudit.count({ where: { identityId: identities[0]!.id, actor: 'test:demo-seed' } })).toBe(1);
    first = await snapshot(db.prisma);
  });

  it('stores the plain ID number nowhere in the database', async () => {
    const columns = await db.prisma.$queryRaw<{ t: string; c: string }[]>`
      SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`;
    const hits: string[] = [];
    for (const { t, c } of columns) {
      const [row] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}" WHERE "${c}"::text LIKE '%' || $1 || '%'`, DEMO_RESIDENT_ID);
      if (Number(row!.n)) hits.push(`${t}.${c}`);
    }
    expect(hits).toEqual([]);
  });

  it('leaves the orders where the worker pipeline never picks them up', async () => {
    const before = new Date(Date.now() + 60_000);
    // The sweep's own three reads (libs/orders pipeline repository), as of a minute from now.
    const sweep = new PipelineRepository(db.prisma);
    const [unstarted, lagging, unbooked] = await Promise.all([
      sweep.paidWithoutDeclaration(before, 1_000),
      sweep.lagging(before, 1_000),
      sweep.clearedNotBooked(before, 1_000),
    ]);
    expect({ unstarted, lagging, unbooked }).toEqual({ unstarted: [], lagging: [], unbooked: [] });
    const jobs = await db.prisma.outboxMessage.findMany({ select: { queue: true, name: true } });
    expect(jobs.filter((j) => !['licensing'].includes(j.queue))).toEqual([]);
    // The customs audit copies carry the masked number only.
    const messages = await db.prisma.customsMessage.findMany({ where: { document: { in: ['ORDER', 'PAYMENT'] } }, select: { xmlMasked: true } });
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.xmlMasked).toContain(DEMO_RESIDENT_ID_MASKED);
  });

  it('accrues royalty on the co-branded lines', async () => {
    const coBranded = DEMO_ORDERS.filter((o) => o.lines === 'co-branded').map((o) => stableId(`order:${o.key}`));
    const lines = await db.prisma.orderLine.count({ where: { orderId: { in: coBranded } } });
    const entries = await db.prisma.royaltyLedgerEntry.findMany({ where: { orderId: { in: coBranded } } });
    expect(entries).toHaveLength(lines);
    expect(entries.every((e) => e.kind === 'ACCRUAL' && e.royaltyMinor > 0)).toBe(true);
    // Last month's sale is on last month's statement; this month's wait for the monthly job.
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const statements = await db.prisma.royaltyStatement.findMany({ include: { entries: { select: { id: true } } } });
    expect(statements).toHaveLength(1);
    expect(statements[0]!.periodStart).toEqual(lastMonth);
    const reported = entries.filter((e) => e.statementId === statements[0]!.id);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.periodStart).toEqual(lastMonth);
    expect(statements[0]).toMatchObject({ entryCount: 1, units: reported[0]!.units, royaltyMinor: reported[0]!.royaltyMinor });
    expect(entries.filter((e) => e.statementId === null).every((e) => e.periodStart > lastMonth)).toBe(true);
  });

  it('gives each storefront promotions and coupon codes, and the platform a cross-museum threshold; the orders keep their prices', async () => {
    const promos = await db.prisma.promotion.findMany({ select: { museumId: true, kind: true, code: true, fundedBy: true, startsAt: true, endsAt: true, usedCount: true } });
    const now = Date.now();
    const live = promos.filter((p) => p.startsAt.getTime() <= now && p.endsAt.getTime() > now);
    expect(promos).toHaveLength(DEMO_PROMOTIONS.length);
    expect(new Set(live.filter((p) => p.museumId).map((p) => p.museumId)).size).toBe(3);
    expect(live.filter((p) => p.kind === 'COUPON').map((p) => p.code).sort()).toEqual(['BM10', 'LOUVRE20', 'ORSAY15']);
    expect(promos.find((p) => p.code === 'ORSAYSUMMER')!.endsAt.getTime()).toBeLessThan(now);
    expect(promos.filter((p) => p.museumId === null)).toEqual([expect.objectContaining({ kind: 'THRESHOLD', fundedBy: 'PLATFORM' })]);
    expect(promos.every((p) => p.usedCount === 0)).toBe(true);
    expect(await db.prisma.promotionRedemption.count()).toBe(0);
  });

  it('changes nothing when run again', async () => {
    await seedDemo(db.prisma);
    expect(await snapshot(db.prisma)).toEqual(first);
  });
});
