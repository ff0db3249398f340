import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Stripe from 'stripe';
import { OrdersSourcesModule, PaymentsPayoutProvider, PaymentsStripeFeeReader } from '@vitrine/orders';
import { PaymentsModule } from '@vitrine/payments';
import { BankPayoutsService, ConnectEventsService, SettlementJobsModule, bankPayoutJob } from '@vitrine/settlement';
import { DataAccessModule, PrismaService } from '@vitrine/shared/data-access';
import { createMuseum, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { startStripeLoopback, type StripeEventLike, type StripeLoopback } from '../support/stripe-loopback';

/**
 * Issue 21: a connected account's payout to its bank is matched to our transfers by what
 * Stripe says it carried (GET /v1/balance_transactions?payout=… on the connected account: each
 * transfer's money is its destination payment py_…), not by time. The webhook's transaction
 * records the payout and writes the `settlement.bank-payout` job without calling Stripe; the
 * worker's BankPayoutsService (real PostgreSQL, the real SDK against the Stripe loopback) lists
 * the payout's balance transactions and marks exactly those transfers. A transfer made before
 * the payout whose money was still pending is not marked; a failed list call throws (the job
 * retries) and writes nothing; matching twice changes nothing; a payout that carries a failed
 * payout's money again (payout_failure) marks it paid even when matched first; a payout reported
 * paid then failed ends failed; an older report changes nothing.
 */
jest.setTimeout(120_000);

describe('settlement: bank payouts matched by their balance transactions', () => {
  let stripe: StripeLoopback;
  let db: TestDatabase;
  let app: INestApplicationContext;
  let prisma: PrismaService;
  let sdk: Stripe;
  let accountId: string;
  let museumId: string;

  beforeAll(async () => {
    stripe = await startStripeLoopback();
    Object.assign(process.env, stripe.env, { STRIPE_MAX_NETWORK_RETRIES: '0' });
    db = await createTestDatabase();
    @Module({ imports: [DataAccessModule, OrdersSourcesModule, SettlementJobsModule.register({ imports: [PaymentsModule], feeReader: PaymentsStripeFeeReader, payouts: PaymentsPayoutProvider })] })
    class MatchingModule {}
    app = await NestFactory.createApplicationContext(MatchingModule, { logger: ['error'] });
    prisma = app.get(PrismaService);
    sdk = new Stripe(stripe.secretKey, { host: '127.0.0.1', port: Number(new URL(stripe.url).port), protocol: 'http', maxNetworkRetries: 0 });
    museumId = (await createMuseum(prisma)).id;
    accountId = (await sdk.accounts.create({ type: 'express', country: 'CN' })).id;
    stripe.completeOnboarding(accountId);
    await prisma.$executeRaw`INSERT INTO seller_payout_accounts (id, seller_type, seller_id, stripe_account_id, payouts_enabled) VALUES (gen_random_uuid(), 'MUSEUM', ${museumId}::uuid, ${accountId}, true)`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await stripe?.close();
  });

  /** A transfer made at Stripe and recorded PAID (with its destination payment, unless `withoutPayment`: a row older than the column). */
  async function transfer(amount: number, withoutPayment = false): Promise<{ id: string; transferId: string; payment: string }> {
    const tr = await sdk.transfers.create({ amount, currency: 'cny', destination: accountId });
    const payment = String(tr.destination_payment);
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO seller_payouts (id, run_key, seller_type, seller_id, stripe_account_id, amount_minor, currency, status, stripe_transfer_id, destination_payment_id, paid_at)
      VALUES (gen_random_uuid(), ${`run-${tr.id}`}, 'MUSEUM', ${museumId}::uuid, ${accountId}, ${amount}, 'CNY', 'PAID', ${tr.id}, ${withoutPayment ? null : payment}, now())
      RETURNING id::text`;
    return { id: rows[0]!.id, transferId: tr.id, payment };
  }

  /** The Connect webhook's transaction: settlement applies the event (no call to Stripe). */
  async function webhook(evt: StripeEventLike): Promise<string> {
    const o = evt.data.object;
    const at = new Date(evt.created * 1000);
    return prisma.$transaction((tx) =>
      app.get(ConnectEventsService).apply(tx, {
        kind: 'BANK_PAYOUT',
        accountId: String((evt as StripeEventLike & { account: string }).account),
        payoutId: String(o['id']),
        status: evt.type === 'payout.paid' ? 'paid' : 'failed',
        failureCode: (o['failure_code'] as string | null) ?? null,
        failureMessage: (o['failure_message'] as string | null) ?? null,
        amountMinor: Number(o['amount']),
        currency: String(o['currency']).toUpperCase(),
        createdAt: new Date(Number(o['created']) * 1000),
        at,
      }),
    );
  }

  const bank = async (...ids: string[]) => {
    const rows = await prisma.sellerPayout.findMany({ where: { id: { in: ids } }, select: { id: true, bankStatus: true, bankPayoutId: true, bankFailureCode: true } });
    return Object.fromEntries(rows.map((r) => [r.id, r.bankStatus === null ? null : `${r.bankStatus}:${r.bankPayoutId}`]));
  };
  const notPaidOut = async () => Number((await prisma.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(amount_minor - reversed_minor), 0)::float8 AS n FROM seller_payouts WHERE stripe_account_id = ${accountId} AND status = 'PAID' AND bank_status = 'FAILED'`)[0]!.n);
  const lists = () => stripe.requests.filter((q) => q.path === '/v1/balance_transactions').length;
  const match = (po: string) => app.get(BankPayoutsService).match(po);

  it('marks exactly the transfers whose money the payout took, not those made before it whose funds were pending; retried after a failed read; idempotent', async () => {
    const t1 = await transfer(10_000);
    const t2 = await transfer(20_000);
    const t3 = await transfer(40_000, true);
    // t2's money is still pending on the connected account: the payout Stripe makes now (after all three transfers) does not take it.
    stripe.holdFunds(t2.payment);
    const failed = stripe.bankPayout(accountId, 'failed');
    const po1 = String(failed.data.object['id']);
    expect(stripe.payoutTransactions(po1).map((t) => t['source']).sort()).toEqual([t1.payment, t3.payment].sort());

    // The webhook records it and writes the job, without asking Stripe.
    const before = stripe.requests.length;
    expect(await webhook(failed)).toBe('processed');
    expect(stripe.requests.length).toBe(before);
    expect(await prisma.outboxMessage.findMany({ where: { name: bankPayoutJob.name }, select: { jobId: true, payload: true } })).toEqual([
      { jobId: `settlement.bank-payout.${po1}.failed`, payload: { stripePayoutId: po1, status: 'failed' } },
    ]);
    expect(bankPayoutJob.attempts).toBeGreaterThanOrEqual(5);
    expect(bankPayoutJob.backoffMs).toBeGreaterThan(0);
    expect(await bank(t1.id, t2.id, t3.id)).toEqual({ [t1.id]: null, [t2.id]: null, [t3.id]: null });

    // Stripe does not answer the list: the job throws (and retries), nothing is written.
    stripe.failNextTo('/v1/balance_transactions', 1, 500);
    await expect(match(po1)).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect(await bank(t1.id, t2.id, t3.id)).toEqual({ [t1.id]: null, [t2.id]: null, [t3.id]: null });

    // The retry marks exactly t1 and t3 (t3's payment, not stored with it, was read from its transfer once).
    expect(await match(po1)).toEqual({ stripePayoutId: po1, status: 'failed', payments: 2, transfers: 2 });
    expect(stripe.requests.filter((q) => q.method === 'GET' && q.path === `/v1/transfers/${t3.transferId}`)).toHaveLength(1);
    expect((await prisma.sellerPayout.findUniqueOrThrow({ where: { id: t3.id } })).destinationPaymentId).toBe(t3.payment);
    const listed = stripe.requests.filter((q) => q.path === '/v1/balance_transactions' && q.params['payout'] === po1).at(-1)!;
    expect(listed).toMatchObject({ method: 'GET', stripeAccount: accountId, params: { payout: po1, limit: '100' } });
    expect(await bank(t1.id, t2.id, t3.id)).toEqual({ [t1.id]: `FAILED:${po1}`, [t2.id]: null, [t3.id]: `FAILED:${po1}` });
    expect(await notPaidOut()).toBe(50_000);

    // Delivered again (another event id) and matched again: nothing changes.
    expect(await webhook({ ...failed, id: `${failed.id}_again` })).toBe('processed');
    expect(await prisma.outboxMessage.count({ where: { name: bankPayoutJob.name } })).toBe(1);
    expect(await match(po1)).toMatchObject({ transfers: 0 });
    expect(await notPaidOut()).toBe(50_000);

    // t2's money becomes available; the next payout takes it and the failed payout's money (payout_failure): all three paid.
    stripe.releaseFunds(t2.payment);
    const paid = stripe.bankPayout(accountId, 'paid');
    const po2 = String(paid.data.object['id']);
    expect(stripe.payoutTransactions(po2).map((t) => [t['type'], t['source']])).toEqual([['payment', t2.payment], ['payout_failure', po1]]);
    expect(await webhook(paid)).toBe('processed');
    expect(await match(po2)).toMatchObject({ status: 'paid', transfers: 3 });
    expect(await bank(t1.id, t2.id, t3.id)).toEqual({ [t1.id]: `PAID:${po2}`, [t2.id]: `PAID:${po2}`, [t3.id]: `PAID:${po2}` });
    expect(await notPaidOut()).toBe(0);
    // The failed payout's job run late: another payout paid them, a failure is not assumed over it.
    const reads = lists();
    expect(await match(po1)).toMatchObject({ transfers: 0 });
    expect(lists()).toBeGreaterThan(reads);
    expect(await notPaidOut()).toBe(0);
  });

  it('a payout that carries a failed payout’s money again marks it paid even when matched before the failure; paid then failed ends failed; an older report changes nothing', async () => {
    const t4 = await transfer(7_000);
    const failed = stripe.bankPayout(accountId, 'failed');
    const po3 = String(failed.data.object['id']);
    const paid = stripe.bankPayout(accountId, 'paid');
    const po4 = String(paid.data.object['id']);
    expect(await webhook(failed)).toBe('processed');
    expect(await webhook(paid)).toBe('processed');
    // The paid payout's job runs first: it follows the payout_failure back to po3's balance transactions.
    expect(await match(po4)).toMatchObject({ status: 'paid', transfers: 1 });
    expect(stripe.requests.filter((q) => q.path === '/v1/balance_transactions' && q.params['payout'] === po3).length).toBeGreaterThanOrEqual(1);
    expect(await match(po3)).toMatchObject({ status: 'failed', transfers: 0 });
    expect(await bank(t4.id)).toEqual({ [t4.id]: `PAID:${po4}` });

    // Stripe reports po4 failed after it was paid (a later event): t4 is not paid out, with Stripe's reason.
    const later = { ...stripe.bankPayoutUpdated(po4, 'failed'), created: paid.created + 1 };
    expect(await webhook(later)).toBe('processed');
    expect((await prisma.outboxMessage.findMany({ where: { jobId: { startsWith: `settlement.bank-payout.${po4}.` } }, select: { jobId: true } })).map((r) => r.jobId).sort()).toEqual(
      [`settlement.bank-payout.${po4}.failed`, `settlement.bank-payout.${po4}.paid`],
    );
    expect(await match(po4)).toMatchObject({ status: 'failed', transfers: 1 });
    expect(await prisma.sellerPayout.findUniqueOrThrow({ where: { id: t4.id }, select: { bankStatus: true, bankFailureCode: true, bankFailureMessage: true } })).toEqual({
      bankStatus: 'FAILED',
      bankFailureCode: 'account_closed',
      bankFailureMessage: 'The bank account has been closed.',
    });
    expect(await notPaidOut()).toBe(7_000);
    // The paid report delivered again (older than the failure): not recorded, no job; a match still answers the failure.
    expect(await webhook({ ...paid, id: `${paid.id}_late` })).toBe('ignored');
    expect(await prisma.sellerBankPayout.findUniqueOrThrow({ where: { stripePayoutId: po4 }, select: { status: true } })).toEqual({ status: 'failed' });
    expect(await match(po4)).toMatchObject({ status: 'failed', transfers: 0 });
    expect(await notPaidOut()).toBe(7_000);
  });

  it('ignores a payout of an account that is not ours, and cannot mark another account’s transfers', async () => {
    const other = (await sdk.accounts.create({ type: 'express', country: 'CN' })).id;
    stripe.completeOnboarding(other);
    const t5 = await transfer(3_000);
    const theirs = stripe.bankPayout(other, 'failed');
    const jobs = await prisma.outboxMessage.count({ where: { name: bankPayoutJob.name } });
    expect(await webhook(theirs)).toBe('ignored');
    expect(await prisma.outboxMessage.count({ where: { name: bankPayoutJob.name } })).toBe(jobs);
    expect(await match(String(theirs.data.object['id']))).toEqual({ stripePayoutId: String(theirs.data.object['id']), skipped: 'NOT_RECORDED' });
    // Our payout's row names our account: its match reads only that account's transactions and updates only its transfers.
    const ours = stripe.bankPayout(accountId, 'paid');
    expect(await webhook(ours)).toBe('processed');
    expect(await match(String(ours.data.object['id']))).toMatchObject({ status: 'paid' });
    expect(await bank(t5.id)).toEqual({ [t5.id]: `PAID:${String(ours.data.object['id'])}` });
  });
});
