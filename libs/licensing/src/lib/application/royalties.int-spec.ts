import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { FakeClock, licensingServices, seedAgreement } from '../../testing/licensing-harness';
import { insertSales } from '../../testing/sales';
import { addMonths } from '../domain/periods';
import { accrueLine } from '../domain/royalty';
import { RoyaltyAccrualService } from './royalty-accrual.service';
import { RoyaltyStatementsService } from './royalty-statements.service';

/**
 * Royalties against the real database: random sales (some refunded, some unpaid) of
 * licensed products under agreements in EUR and CNY are run through the monthly statement
 * job, then checked: the ledger equals the order lines (each paid line accrues exactly
 * what the domain computes, each refund nets its line to zero), and the statements add up
 * to the ledger (every entry in exactly one statement). Re-runs and concurrent runs change
 * nothing.
 */
jest.setTimeout(240_000);

const FIRST = '2025-01-01';
const MONTHS = 4;
const rate = fc.integer({ min: 6_500_000, max: 8_500_000 }).map((n) => (n / 1_000_000).toFixed(6));
const saleArb = fc.record({
  agreement: fc.integer({ min: 0, max: 2 }),
  month: fc.integer({ min: 0, max: MONTHS - 1 }),
  day: fc.integer({ min: 1, max: 28 }),
  lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 5 }), goodsMinor: fc.integer({ min: 1, max: 2_000_000 }), fxRate: rate }), { minLength: 1, maxLength: 3 }),
  refundAfterDays: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null }),
  paid: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
});

describe('royalty ledger and monthly statements (real PostgreSQL)', () => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof licensingServices>>;
  let clock: FakeClock;
  let statements: RoyaltyStatementsService;
  let accrual: RoyaltyAccrualService;

  beforeAll(async () => {
    db = await createTestDatabase();
    services = await licensingServices();
    clock = services.clock;
    statements = services.get(RoyaltyStatementsService);
    accrual = services.get(RoyaltyAccrualService);
  });
  afterAll(async () => {
    await services.moduleRef.close();
    await db.drop();
  });

  async function reset() {
    await db.prisma.$executeRawUnsafe(
      'TRUNCATE royalty_ledger_entries, royalty_statements, licensed_products, licence_agreements, licensing_proposals, order_lines, orders, checkouts CASCADE',
    );
  }

  it('statements add up to the ledger and the ledger to the order lines (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(saleArb, { minLength: 1, maxLength: 14 }), fc.integer({ min: 0, max: 300_000 }), async (sales, advance) => {
        await reset();
        clock.set('2025-07-15T00:00:00Z');
        const terms = [
          { royaltyRateBps: 1000, currency: 'EUR' as const, advanceMinor: advance, minimumGuaranteeMinor: 400_000, termStart: '2024-06-01', termEnd: '2025-02-14' },
          { royaltyRateBps: 777, currency: 'CNY' as const, advanceMinor: 0, minimumGuaranteeMinor: 0, termStart: FIRST, termEnd: '2026-12-31' },
          { royaltyRateBps: 10_000, currency: 'EUR' as const, advanceMinor: 50, minimumGuaranteeMinor: 1_000_000, termStart: FIRST, termEnd: '2025-03-31', sellOffDays: 10 },
        ];
        const seeded: Awaited<ReturnType<typeof seedAgreement>>[] = [];
        for (const t of terms) seeded.push(await seedAgreement(db.prisma, t));
        const written = await insertSales(
          db.prisma,
          sales.map((s) => {
            const paidAt = s.paid ? new Date(`${addMonths(FIRST, s.month).slice(0, 8)}${String(s.day).padStart(2, '0')}T12:00:00Z`) : null;
            return {
              museumId: seeded[s.agreement]!.museumId,
              paidAt,
              refundedAt: paidAt && s.refundAfterDays !== null ? new Date(paidAt.getTime() + s.refundAfterDays * 86_400_000) : null,
              lines: s.lines.map((l) => ({ ...l, productId: seeded[s.agreement]!.productId })),
            };
          }),
        );

        for (let m = 0; m <= MONTHS; m++) await statements.runMonth(addMonths(FIRST, m));

        // The ledger against the order lines.
        const entries = await db.prisma.royaltyLedgerEntry.findMany({ orderBy: { id: 'asc' } });
        let expectedEntries = 0;
        sales.forEach((s, i) => {
          const { lineIds } = written[i]!;
          const t = terms[s.agreement]!;
          s.lines.forEach((l, j) => {
            const mine = entries.filter((e) => e.orderLineId === lineIds[j]);
            if (!s.paid) return expect(mine).toEqual([]);
            const paidAt = new Date(`${addMonths(FIRST, s.month).slice(0, 8)}${String(s.day).padStart(2, '0')}T12:00:00Z`);
            const refundedAt = s.refundAfterDays !== null ? new Date(paidAt.getTime() + s.refundAfterDays * 86_400_000) : null;
            const refundedInRange = refundedAt !== null && refundedAt < new Date(`${addMonths(FIRST, MONTHS + 1)}T00:00:00Z`);
            const expected = accrueLine({ quantity: l.quantity, netSaleMinor: l.goodsMinor, saleCurrency: 'CNY', fx: { base: 'EUR', quote: 'CNY', rate: l.fxRate } }, { rateBps: t.royaltyRateBps, currency: t.currency });
            const accrualEntry = mine.find((e) => e.kind === 'ACCRUAL')!;
            expect(accrualEntry).toMatchObject({ units: expected.units, saleMinor: expected.saleMinor, netSalesMinor: expected.netSalesMinor, royaltyMinor: expected.royaltyMinor, currency: t.currency });
            expectedEntries += 1;
            if (refundedInRange) {
              const reversal = mine.find((e) => e.kind === 'REVERSAL')!;
              expect([reversal.units, reversal.saleMinor, reversal.netSalesMinor, reversal.royaltyMinor]).toEqual([expected.units, expected.saleMinor, expected.netSalesMinor, expected.royaltyMinor].map((n) => (n === 0 ? 0 : -n)));
              expectedEntries += 1;
            }
            expect(mine).toHaveLength(refundedInRange ? 2 : 1);
          });
        });
        expect(entries).toHaveLength(expectedEntries);
        expect(entries.every((e) => e.statementId !== null)).toBe(true);

        // The statements against the ledger, per agreement.
        for (const a of seeded) {
          const list = await db.prisma.royaltyStatement.findMany({ where: { agreementId: a.agreementId }, orderBy: { periodStart: 'asc' } });
          const mineEntries = entries.filter((e) => e.agreementId === a.agreementId);
          const sum = <K extends 'units' | 'netSalesMinor' | 'royaltyMinor' | 'entryCount'>(k: K) => list.reduce((s, x) => s + x[k], 0);
          expect(sum('entryCount')).toBe(mineEntries.length);
          expect(sum('units')).toBe(mineEntries.reduce((s, e) => s + e.units, 0));
          expect(sum('netSalesMinor')).toBe(mineEntries.reduce((s, e) => s + e.netSalesMinor, 0));
          expect(sum('royaltyMinor')).toBe(mineEntries.reduce((s, e) => s + e.royaltyMinor, 0));
          for (const st of list) {
            const claimed = mineEntries.filter((e) => e.statementId === st.id);
            expect(claimed.reduce((s, e) => s + e.royaltyMinor, 0)).toBe(st.royaltyMinor);
            expect(claimed.every((e) => e.periodStart <= st.periodStart)).toBe(true);
          }
          if (list.length) expect(list[list.length - 1]!.cumulativeRoyaltyMinor).toBe(sum('royaltyMinor'));
          expect(new Set(list.map((s) => s.periodStart.toISOString())).size).toBe(list.length);
        }

        // Re-running every month books and writes nothing more.
        const before = await db.prisma.royaltyStatement.count();
        for (let m = 0; m <= MONTHS; m++) {
          const again = await statements.runMonth(addMonths(FIRST, m));
          expect([again.accrued, again.reversed, again.created]).toEqual([0, 0, 0]);
        }
        expect(await db.prisma.royaltyStatement.count()).toBe(before);
        expect(await db.prisma.royaltyLedgerEntry.count()).toBe(entries.length);
      }),
      { numRuns: 12 },
    );
  });

  it('writes each statement and entry once when two runs race', async () => {
    await reset();
    clock.set('2025-03-02T00:00:00Z');
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1500, currency: 'EUR', termStart: '2024-12-01', termEnd: '2025-12-31' });
    await insertSales(
      db.prisma,
      Array.from({ length: 40 }, (_, i) => ({ museumId: a.museumId, paidAt: new Date(Date.UTC(2025, 1, 1 + (i % 27), 10)), lines: [{ productId: a.productId, quantity: 1, goodsMinor: 10_000 + i, fxRate: '7.9' }] })),
    );
    const results = await Promise.allSettled([statements.runMonth('2025-02-01'), statements.runMonth('2025-02-01'), statements.runMonth('2025-02-01')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    await statements.runMonth('2025-02-01');
    expect(await db.prisma.royaltyLedgerEntry.count()).toBe(40);
    const list = await db.prisma.royaltyStatement.findMany({ where: { agreementId: a.agreementId } });
    expect(list).toHaveLength(1);
    expect(list[0]!.entryCount).toBe(40);
  });

  it('refuses a month that has not ended, and a late sale lands in the next statement', async () => {
    await reset();
    clock.set('2025-03-10T00:00:00Z');
    await expect(statements.runMonth('2025-03-01')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(statements.runMonth('2025-02-15')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'CNY', termStart: '2025-01-01', termEnd: '2025-12-31' });
    await statements.runMonth('2025-01-01');
    // A January sale that reaches the ledger only after January's statement was written.
    await insertSales(db.prisma, [{ museumId: a.museumId, paidAt: new Date('2025-01-31T23:59:00Z'), lines: [{ productId: a.productId, quantity: 1, goodsMinor: 12_345, fxRate: '7.8' }] }]);
    await statements.runMonth('2025-01-01');
    await statements.runMonth('2025-02-01');
    const [jan, feb] = await db.prisma.royaltyStatement.findMany({ where: { agreementId: a.agreementId }, orderBy: { periodStart: 'asc' } });
    expect([jan!.entryCount, jan!.royaltyMinor]).toEqual([0, 0]);
    expect([feb!.entryCount, feb!.royaltyMinor, feb!.netSalesMinor]).toEqual([1, 1235, 12_345]);
  });

  it('accrueOrder books nothing for an order of no licensed product, and still reverses a product licensed once', async () => {
    await reset();
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'CNY', termStart: '2025-01-01', termEnd: '2025-12-31' });
    const line = { productId: a.productId, quantity: 2, goodsMinor: 20_000, fxRate: '7.8' };
    const [unlicensed, accrued] = await insertSales(db.prisma, [
      { museumId: a.museumId, paidAt: new Date('2025-05-05T10:00:00Z'), lines: [line] },
      { museumId: a.museumId, paidAt: new Date('2025-05-06T10:00:00Z'), lines: [line] },
    ]);
    expect(await accrual.accrueOrder(accrued!.orderId)).toEqual({ accrued: 1, reversed: 0, skipped: 0 });
    // The product is no longer licensed: a sale never accrued has nothing to book...
    await db.prisma.licensedProduct.deleteMany({ where: { productId: a.productId } });
    expect(await accrual.accrueOrder(unlicensed!.orderId)).toEqual({ accrued: 0, reversed: 0, skipped: 0 });
    expect(await db.prisma.royaltyLedgerEntry.count({ where: { orderLineId: unlicensed!.lineIds[0]! } })).toBe(0);
    // ...but the one that accrued while it was still has its accrual reversed once refunded.
    await db.prisma.order.update({ where: { id: accrued!.orderId }, data: { refundedAt: new Date('2025-06-01T00:00:00Z') } });
    expect(await accrual.accrueOrder(accrued!.orderId)).toEqual({ accrued: 0, reversed: 1, skipped: 0 });
  });

  it('accrueOrders books the orders of a batch once, when two batches race, and nothing for orders of no licensed product', async () => {
    await reset();
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'CNY', termStart: '2025-01-01', termEnd: '2025-12-31' });
    const b = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'CNY', termStart: '2025-01-01', termEnd: '2025-12-31' });
    await db.prisma.licensedProduct.deleteMany({ where: { productId: b.productId } });
    const [licensed, other, unlicensed] = await insertSales(db.prisma, [
      { museumId: a.museumId, paidAt: new Date('2025-05-05T10:00:00Z'), lines: [{ productId: a.productId, quantity: 2, goodsMinor: 20_000, fxRate: '7.8' }] },
      { museumId: a.museumId, paidAt: new Date('2025-05-06T10:00:00Z'), lines: [{ productId: a.productId, quantity: 1, goodsMinor: 5_000, fxRate: '7.8' }] },
      { museumId: b.museumId, paidAt: new Date('2025-05-06T10:00:00Z'), lines: [{ productId: b.productId, quantity: 1, goodsMinor: 9_000, fxRate: '7.8' }] },
    ]);
    const ids = [licensed!.orderId, unlicensed!.orderId, other!.orderId, licensed!.orderId];
    const runs = await Promise.all([accrual.accrueOrders(ids), accrual.accrueOrders(ids)]);
    for (const run of runs) expect([...run]).toEqual([licensed!.orderId, unlicensed!.orderId, other!.orderId].map((id) => [id, undefined]));
    const entries = async (orderId: string) => db.prisma.royaltyLedgerEntry.findMany({ where: { orderId }, select: { kind: true, units: true, royaltyMinor: true } });
    expect(await entries(licensed!.orderId)).toEqual([{ kind: 'ACCRUAL', units: 2, royaltyMinor: 2_000 }]);
    expect(await entries(other!.orderId)).toEqual([{ kind: 'ACCRUAL', units: 1, royaltyMinor: 500 }]);
    expect(await entries(unlicensed!.orderId)).toEqual([]);
    // Refunded, the order's accrual is reversed once by the next batch that holds it.
    await db.prisma.order.update({ where: { id: licensed!.orderId }, data: { refundedAt: new Date('2025-06-01T00:00:00Z') } });
    await Promise.all([accrual.accrueOrders([licensed!.orderId, other!.orderId]), accrual.accrueOrders([licensed!.orderId])]);
    expect(await entries(licensed!.orderId)).toEqual(expect.arrayContaining([{ kind: 'ACCRUAL', units: 2, royaltyMinor: 2_000 }, { kind: 'REVERSAL', units: -2, royaltyMinor: -2_000 }]));
    expect(await entries(licensed!.orderId)).toHaveLength(2);
    expect(await entries(other!.orderId)).toHaveLength(1);
  });

  it('accrues and reverses through the explicit service once per line and per refund', async () => {
    await reset();
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1250, currency: 'EUR', termStart: '2025-01-01', termEnd: '2025-12-31' });
    const [sale] = await insertSales(db.prisma, [{ museumId: a.museumId, paidAt: new Date('2025-05-05T10:00:00Z'), lines: [{ productId: a.productId, quantity: 3, goodsMinor: 300_000, fxRate: '8.0' }] }]);
    const cmd = {
      orderLineId: sale!.lineIds[0]!,
      orderId: sale!.orderId,
      productId: a.productId,
      agreement: { id: a.agreementId, royaltyRateBps: 1250, currency: 'EUR' },
      quantity: 3,
      netAmount: { amount: 300_000, currency: 'CNY' },
      fxSnapshot: { base: 'EUR', quote: 'CNY', rate: '8.0' },
      paidAt: new Date('2025-05-05T10:00:00Z'),
    };
    const first = await accrual.accrue(cmd);
    expect(first).toMatchObject({ created: true, entry: { netSalesMinor: 37_500, royaltyMinor: 4_688, units: 3 } });
    expect((await accrual.accrue(cmd)).created).toBe(false);
    // The catch-up finds it already booked.
    expect((await accrual.accrueOrder(sale!.orderId)).accrued).toBe(0);

    const partial = { orderLineId: cmd.orderLineId, refundRef: 're_1', refundedNetAmount: { amount: 100_000, currency: 'CNY' }, units: 1, refundedAt: new Date('2025-06-01T00:00:00Z') };
    expect(await accrual.reverse(partial)).toMatchObject({ created: true, entry: { netSalesMinor: -12_500, royaltyMinor: -1_563, units: -1 } });
    expect((await accrual.reverse(partial))!.created).toBe(false);
    const rest = await accrual.reverse({ ...partial, refundRef: 're_2', refundedNetAmount: { amount: 200_000, currency: 'CNY' }, units: 2 });
    expect(rest!.entry).toMatchObject({ netSalesMinor: -25_000, royaltyMinor: -3_125, units: -2 });
    const left = await db.prisma.royaltyLedgerEntry.aggregate({ where: { orderLineId: cmd.orderLineId }, _sum: { units: true, saleMinor: true, netSalesMinor: true, royaltyMinor: true } });
    expect(left._sum).toEqual({ units: 0, saleMinor: 0, netSalesMinor: 0, royaltyMinor: 0 });
    expect(await accrual.reverse({ ...partial, refundRef: 're_3' })).toBeNull();
  });

  it('reverses the units of each partial refund that orders records, once, and what is left when the order is refunded whole', async () => {
    await reset();
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'CNY', termStart: '2025-01-01', termEnd: '2025-12-31' });
    const [sale] = await insertSales(db.prisma, [{ museumId: a.museumId, paidAt: new Date('2025-07-01T10:00:00Z'), lines: [{ productId: a.productId, quantity: 4, goodsMinor: 40_000, fxRate: '7.8' }] }]);
    const lineId = sale!.lineIds[0]!;
    const sum = async () =>
      (await db.prisma.royaltyLedgerEntry.aggregate({ where: { orderLineId: lineId }, _sum: { units: true, saleMinor: true, royaltyMinor: true } }))._sum;
    expect((await accrual.accrueOrder(sale!.orderId)).accrued).toBe(1);
    expect(await sum()).toEqual({ units: 4, saleMinor: 40_000, royaltyMinor: 4_000 });

    // Orders records a partial refund of one unit (what refundOrder writes for a Stripe refund).
    await db.prisma.orderLineRefund.create({ data: { orderId: sale!.orderId, orderLineId: lineId, providerRefundId: 're_partial', quantity: 1, goodsMinor: 10_000 } });
    expect((await accrual.accrueOrder(sale!.orderId)).reversed).toBe(1);
    expect(await sum()).toEqual({ units: 3, saleMinor: 30_000, royaltyMinor: 3_000 });
    // The job run again (a retry, a duplicate delivery) books nothing more.
    expect(await accrual.accrueOrder(sale!.orderId)).toMatchObject({ accrued: 0, reversed: 0 });
    expect(await sum()).toEqual({ units: 3, saleMinor: 30_000, royaltyMinor: 3_000 });

    // Then the rest is refunded: the order becomes REFUNDED and what is left is reversed.
    await db.prisma.order.update({ where: { id: sale!.orderId }, data: { refundedAt: new Date('2025-07-20T00:00:00Z'), status: 'REFUNDED' } });
    expect((await accrual.accrueOrder(sale!.orderId)).reversed).toBe(1);
    expect(await sum()).toEqual({ units: 0, saleMinor: 0, royaltyMinor: 0 });
  });

  it('accrues back the reversal of a partial refund Stripe reported failed, once, whichever job runs first', async () => {
    await reset();
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'CNY', termStart: '2025-01-01', termEnd: '2025-12-31' });
    const [sale] = await insertSales(db.prisma, [{ museumId: a.museumId, paidAt: new Date('2025-07-01T10:00:00Z'), lines: [{ productId: a.productId, quantity: 4, goodsMinor: 40_000, fxRate: '7.8' }] }]);
    const lineId = sale!.lineIds[0]!;
    const sum = async () =>
      (await db.prisma.royaltyLedgerEntry.aggregate({ where: { orderLineId: lineId }, _sum: { units: true, saleMinor: true, royaltyMinor: true } }))._sum;
    // Refunded and failed before any job ran: the jobs of both (concurrently) net to the sale.
    await db.prisma.orderLineRefund.create({
      data: { orderId: sale!.orderId, orderLineId: lineId, providerRefundId: 're_failed', quantity: 1, goodsMinor: 10_000, cancelledAt: new Date('2025-07-03T00:00:00Z') },
    });
    await Promise.all([accrual.accrueOrder(sale!.orderId), accrual.accrueOrder(sale!.orderId)]);
    expect(await sum()).toEqual({ units: 4, saleMinor: 40_000, royaltyMinor: 4_000 });
    expect(await accrual.accrueOrder(sale!.orderId)).toEqual({ accrued: 0, reversed: 0, skipped: 0 });
    expect(await db.prisma.royaltyLedgerEntry.count({ where: { orderLineId: lineId } })).toBe(3);
    // A later refund of the whole order reverses everything the line has.
    await db.prisma.order.update({ where: { id: sale!.orderId }, data: { refundedAt: new Date('2025-07-20T00:00:00Z'), status: 'REFUNDED' } });
    await accrual.accrueOrder(sale!.orderId);
    expect(await sum()).toEqual({ units: 0, saleMinor: 0, royaltyMinor: 0 });
  });
});
