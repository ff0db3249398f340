import { randomBytes } from 'node:crypto';
import { JobRunner, OutboxRelay, QueueRegistry, enqueueJob, jobsConfigFromEnv, type JobDefinition, type JobHandler } from '@vitrine/shared/jobs';
import { createTestDatabase, deleteKeysUnderPrefix, type TestDatabase } from '@vitrine/shared/testing';
import { FakeClock, licensingServices, seedAgreement } from '../../testing/licensing-harness';
import { insertSales } from '../../testing/sales';
import { ReviewRemindersService } from '../application/review-reminders.service';
import { RoyaltyAccrualService } from '../application/royalty-accrual.service';
import { RoyaltyStatementsService } from '../application/royalty-statements.service';
import { TermExpiryService } from '../application/term-expiry.service';
import { Clock } from '../application/clock';
import { AccrueOrderHandler, MonthlyStatementsHandler } from './licensing.handlers';
import { accrueOrderJob, monthlyStatementsJob } from './licensing.jobs';

/**
 * Licensing's jobs are safe to run twice, concurrently or late: they re-read state, and
 * unique keys (notices, agreements' status, statements per month, ledger entries) make the
 * second run a no-op. The last test runs two of them through the real outbox, relay and
 * BullMQ runner with duplicate enqueues.
 */
jest.setTimeout(120_000);

describe('licensing jobs (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof licensingServices>>;
  let clock: FakeClock;

  beforeAll(async () => {
    db = await createTestDatabase();
    services = await licensingServices();
    clock = services.clock;
  });
  afterAll(async () => {
    await services.moduleRef.close();
    await db.drop();
  });

  async function submittedProposal(dueAt: Date) {
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'EUR', termStart: '2025-01-01', termEnd: '2025-12-31' });
    return db.prisma.licensingProposal.create({
      data: { museumId: a.museumId, brandId: a.brandId, status: 'SUBMITTED', stage: 'CONCEPT', content: {}, submissionNo: 1, submittedVersion: 1, submittedAt: new Date(dueAt.getTime() - 10 * 86_400_000), firstSubmittedAt: new Date(), reviewDueAt: dueAt, createdByUserId: a.brandId },
      select: { id: true, museumId: true },
    });
  }

  it('reminds the museum of a review once before it is due, and once when overdue', async () => {
    const reminders = services.get(ReviewRemindersService);
    const due = new Date('2025-06-11T12:00:00Z');
    const p = await submittedProposal(due);
    clock.set('2025-06-05T12:00:00Z');
    expect(await reminders.run()).toEqual({ reminded: 0, overdue: 0 });

    clock.set('2025-06-10T00:00:00Z');
    const runs = await Promise.all([reminders.run(), reminders.run(), reminders.remindSubmission(p.id, 1)]);
    const notices = await db.prisma.licensingNotification.findMany({ where: { proposalId: p.id } });
    expect(notices).toEqual([expect.objectContaining({ kind: 'REVIEW_DUE_SOON', museumId: p.museumId, brandId: null, dueAt: due, readAt: null })]);
    expect(runs[0].reminded + runs[1].reminded + (runs[2] ? 1 : 0)).toBe(1);
    // A stale job (an earlier submission) and a replay do nothing.
    expect(await reminders.remindSubmission(p.id, 0)).toBe(false);
    expect(await reminders.remindSubmission(p.id, 1)).toBe(false);

    clock.set('2025-06-12T00:00:00Z');
    expect(await reminders.run()).toEqual({ reminded: 0, overdue: 1 });
    expect(await reminders.run()).toEqual({ reminded: 0, overdue: 0 });

    // Decided meanwhile: no more notices for it.
    await db.prisma.licensingProposal.update({ where: { id: p.id }, data: { status: 'CHANGES_REQUESTED' } });
    expect(await reminders.remindSubmission(p.id, 1)).toBe(false);
    expect(await db.prisma.licensingNotification.count({ where: { proposalId: p.id } })).toBe(2);
  });

  it('expires an agreement after its sell-off period once, archives its products and tells both sides', async () => {
    const expiry = services.get(TermExpiryService);
    const ended = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'EUR', termStart: '2024-01-01', termEnd: '2024-12-31', sellOffDays: 30 }, { productStatus: 'PUBLISHED' });
    const sellingOff = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'EUR', termStart: '2024-01-01', termEnd: '2025-01-20', sellOffDays: 60 }, { productStatus: 'PUBLISHED' });
    clock.set('2025-01-30T10:00:00Z');
    expect(await expiry.expireOne(ended.agreementId)).toEqual({ expired: false, delisted: 0 }); // sell-off ends on 2025-01-30

    clock.set('2025-01-31T00:05:00Z');
    const [a, b] = await Promise.all([expiry.run(), expiry.run()]);
    expect(a.expired + b.expired).toBe(1);
    expect(await db.prisma.licenceAgreement.findUniqueOrThrow({ where: { id: ended.agreementId }, select: { status: true } })).toEqual({ status: 'EXPIRED' });
    expect(await db.prisma.product.findUniqueOrThrow({ where: { id: ended.productId }, select: { status: true } })).toEqual({ status: 'ARCHIVED' });
    expect(await db.prisma.licensedProduct.findUniqueOrThrow({ where: { productId: ended.productId }, select: { delistReason: true } })).toEqual({ delistReason: 'TERM_ENDED' });
    const notices = await db.prisma.licensingNotification.findMany({ where: { kind: 'AGREEMENT_EXPIRED', proposalId: ended.proposalId }, orderBy: { dedupeKey: 'asc' } });
    expect(notices.map((n) => [n.brandId, n.museumId])).toEqual([
      [ended.brandId, null],
      [null, ended.museumId],
    ]);
    expect(await expiry.expireOne(ended.agreementId)).toEqual({ expired: false, delisted: 0 });
    // Within its sell-off period a product keeps selling.
    expect(await db.prisma.product.findUniqueOrThrow({ where: { id: sellingOff.productId }, select: { status: true } })).toEqual({ status: 'PUBLISHED' });
  });

  it('takes off sale a product listed outside its agreement', async () => {
    const expiry = services.get(TermExpiryService);
    clock.set('2025-06-01T00:00:00Z');
    const noChina = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'EUR', termStart: '2025-01-01', termEnd: '2025-12-31', territory: ['FR'] }, { productStatus: 'PUBLISHED' });
    const amended = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'EUR', termStart: '2025-01-01', termEnd: '2025-12-31' }, { productStatus: 'PUBLISHED' });
    await db.prisma.licensingProposal.update({ where: { id: amended.proposalId }, data: { status: 'SUBMITTED', amendment: true } });
    const fine = await seedAgreement(db.prisma, { royaltyRateBps: 1000, currency: 'EUR', termStart: '2025-01-01', termEnd: '2025-12-31' }, { productStatus: 'PUBLISHED' });
    await expiry.run();
    const status = async (id: string) => (await db.prisma.product.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect([await status(noChina.productId), await status(amended.productId), await status(fine.productId)]).toEqual(['DRAFT', 'DRAFT', 'PUBLISHED']);
    expect((await expiry.run()).delisted).toBe(0);
  });

  it('runs accrual and statement jobs through the outbox and BullMQ once, however often they are enqueued', async () => {
    const prefix = `test-licensing-${randomBytes(4).toString('hex')}`;
    const config = { ...jobsConfigFromEnv({ QUEUE_PREFIX: prefix, OUTBOX_POLL_MS: '20' }) };
    const jobs = [accrueOrderJob, monthlyStatementsJob] as JobDefinition[];
    const queues = new QueueRegistry(config, jobs);
    const relay = new OutboxRelay(db.prisma, queues);
    const handlers = new Map<JobDefinition, JobHandler>([
      [accrueOrderJob as JobDefinition, new AccrueOrderHandler(services.get(RoyaltyAccrualService)) as unknown as JobHandler],
      [monthlyStatementsJob as JobDefinition, new MonthlyStatementsHandler(services.get(RoyaltyStatementsService), services.get(Clock)) as unknown as JobHandler],
    ]);
    const runner = new JobRunner(queues, handlers, [], { afterJob: () => relay.nudge() });
    clock.set('2025-09-03T00:00:00Z');
    const a = await seedAgreement(db.prisma, { royaltyRateBps: 2000, currency: 'CNY', termStart: '2025-01-01', termEnd: '2025-12-31' });
    const [sale] = await insertSales(db.prisma, [{ museumId: a.museumId, paidAt: new Date('2025-08-20T08:00:00Z'), lines: [{ productId: a.productId, quantity: 2, goodsMinor: 50_000, fxRate: '7.8' }] }]);
    for (let i = 0; i < 3; i++) {
      await db.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, accrueOrderJob, { orderId: sale!.orderId, event: 'paid' });
        await enqueueJob(tx, monthlyStatementsJob, { period: '2025-08-01' });
      });
    }
    // One row each: the accrual on its own queue (licensing-accruals), the statement on licensing's.
    expect(await db.prisma.outboxMessage.groupBy({ by: ['queue', 'name'], where: { queue: { startsWith: 'licensing' } }, _count: true, orderBy: { queue: 'asc' } })).toEqual([
      { queue: 'licensing', name: 'monthly-statements', _count: 1 },
      { queue: 'licensing-accruals', name: 'accrue-order', _count: 1 },
    ]);
    try {
      await runner.start();
      relay.start();
      const end = Date.now() + 30_000;
      while (Date.now() < end && (await db.prisma.royaltyStatement.count({ where: { agreementId: a.agreementId } })) === 0) await new Promise((r) => setTimeout(r, 100));
      // Both jobs ran; a second delivery of either would be a no-op anyway.
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await relay.stop();
      await runner.stop();
      await queues.close();
      await deleteKeysUnderPrefix(prefix);
    }
    const entries = await db.prisma.royaltyLedgerEntry.findMany({ where: { orderId: sale!.orderId } });
    expect(entries).toEqual([expect.objectContaining({ kind: 'ACCRUAL', units: 2, netSalesMinor: 50_000, royaltyMinor: 10_000, currency: 'CNY' })]);
    const statements = await db.prisma.royaltyStatement.findMany({ where: { agreementId: a.agreementId } });
    expect(statements).toEqual([expect.objectContaining({ royaltyMinor: 10_000, entryCount: 1 })]);
  });
});
