import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { ApiHarness } from '../support/api-harness';
import type { Shop } from '../support/checkout-fixtures';
import { payableOrder as paidPayableOrder, startReversalFixture, unbalancedEntries, type ReversalFixture } from '../support/settlement-reversal-fixture';
import type { StripeEventLike, StripeLoopback } from '../support/stripe-loopback';
import type { SpawnedProcess } from '../support/spawn-api';
import { until, waitForOutput } from '../support/worker-process';

const BALANCE = `{ sellerBalance { payable { amount currency } pending { amount currency } } }`;
const CONNECT = `mutation($r: String!) { connectPayoutAccount(returnUrl: $r, refreshUrl: $r) { ready } }`;
const RUN = `mutation($k: String!) { runPayouts(runKey: $k) { paid { id amount { amount currency } stripeTransferId checkoutId transferGroup } failed { id } } }`;
const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!], $key: String) { refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $key) { refundId refundStatus amount } }`;
const PAYOUTS = `{ sellerPayouts { id status amount { amount } reversed { amount } } }`;
const sum = (xs: { amount: { amount: number } }[]) => xs.reduce((s, x) => s + x.amount.amount, 0);

/**
 * Issue 21, transfer reversals we ask for: a refund after the seller's share was transferred
 * reverses that part of the transfer at Stripe (through the SDK, to the loopback), under one
 * idempotency key per refund and transfer, posted to the ledger balanced by the worker's job
 * (planned in the refund's transaction); Stripe's transfer.reversed webhook for it posts nothing
 * again. A refund the seller's balance still covers reverses nothing. When the connected account
 * no longer holds the money (paid out to its bank), Stripe refuses (balance_insufficient): the
 * debt stays on the seller's payable balance and the next payout nets it. A lost dispute after a
 * payout is reversed the same way (issue 21: "transfer reversal where Stripe allows it").
 */
describe('settlement: transfer reversals after a refund of paid-out money', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let worker: SpawnedProcess;
  let shop: Shop;
  let manager: string;
  let operator: string;
  let n = 7700;
  let orderB: { id: string; lines: { id: string }[] };
  jest.setTimeout(240_000);

  let fixture: ReversalFixture;
  beforeAll(async () => {
    fixture = await startReversalFixture('reversal');
    ({ api, stripe, worker, shop, manager, operator } = fixture);
  });
  afterAll(() => fixture?.close());

  const payableOrder = (variant: number, quantity: number) => paidPayableOrder(fixture, variant, quantity, n++);
  const payable = async () => ((await api.gql(BALANCE, {}, manager)) as any).data.sellerBalance.payable[0]?.amount ?? 0;
  const reversalRequests = () => stripe.requests.filter((q) => q.method === 'POST' && /^\/v1\/transfers\/[^/]+\/reversals$/.test(q.path) && !q.replayed);
  const unbalanced = () => unbalancedEntries(api);

  it('reverses the refunded share from the transfer that carried it, once, balanced; the webhook that follows posts nothing more', async () => {
    const a = await payableOrder(0, 2);
    const b = await payableOrder(1, 2);
    orderB = b;
    expect((await api.gql(CONNECT, { r: 'https://console.example.test/settlement' }, manager)).errors).toBeUndefined();
    const acct = [...stripe.accounts.values()].find((x: any) => x.metadata.vitrine_seller_id === shop.museumId)!;
    expect(await stripe.deliverConnect(api.baseUrl, stripe.completeOnboarding(String(acct['id'])))).toBe(200);
    const owed = await payable();
    const run: any = await api.gql(RUN, { k: 'rev-run-1' }, operator);
    expect(run.errors).toBeUndefined();
    // One transfer per checkout, under its transfer group: A's and B's.
    expect(run.data.runPayouts.paid.map((p: any) => p.checkoutId).sort()).toEqual([a.checkoutId, b.checkoutId].sort());
    expect(sum(run.data.runPayouts.paid)).toBe(owed);
    const paid = run.data.runPayouts.paid.find((p: any) => p.checkoutId === a.checkoutId);
    const paidB = run.data.runPayouts.paid.find((p: any) => p.checkoutId === b.checkoutId);
    expect(await payable()).toBe(0);

    // The whole of order A refunded after its share was transferred: the seller owes it.
    const refund: any = await api.gql(REFUND, { id: a.id, reason: 'arrived broken', key: `rev-a-${randomUUID()}` }, manager);
    expect(refund.errors).toBeUndefined();
    const refundId = refund.data.refundOrder.refundId as string;
    const taken = -(await payable());
    expect(taken).toBeGreaterThan(0);
    // Planned in the refund's transaction: one outbox job for this refund and seller.
    const jobs = await api.db.prisma.$queryRaw<{ job_id: string; payload: any }[]>`SELECT job_id, payload FROM outbox_messages WHERE job_id LIKE 'settlement.transfer-reversal.%'`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).toMatchObject({ refundKey: `refund:${refundId}`, sellerType: 'MUSEUM', sellerId: shop.museumId, currency: 'CNY', parts: `${paid.id}=${taken}` });

    // The worker reverses it at Stripe and posts it: the seller's payable balance is back to zero.
    await until('the transfer reversal recorded', async () => (await api.db.prisma.sellerPayoutReversal.count()) === 1, 90_000, worker);
    expect(reversalRequests()).toHaveLength(1);
    expect(reversalRequests()[0]).toMatchObject({ path: `/v1/transfers/${paid.stripeTransferId}/reversals`, idempotencyKey: `vitrine-refund-reversal-${refundId}-${paid.id}` });
    expect(reversalRequests()[0]!.params).toMatchObject({ amount: String(taken), metadata: { vitrine_refund: `refund:${refundId}`, vitrine_payout_id: paid.id } });
    const transfer = stripe.transfers.get(paid.stripeTransferId)!;
    expect(transfer['amount_reversed']).toBe(taken);
    const trr = (transfer['reversals'] as any).data[0].id as string;
    const entry = await api.db.prisma.settlementJournalEntry.findUniqueOrThrow({ where: { eventKey: `transfer-reversal:${trr}` }, include: { lines: { include: { account: true } } } });
    expect(entry.kind).toBe('TRANSFER_REVERSAL');
    expect(entry.lines.map((l) => [l.account.kind, Number(l.amountMinor)]).sort()).toEqual([
      ['SELLER_PAYABLE', -taken],
      ['STRIPE_CLEARING', taken],
    ]);
    expect(await payable()).toBe(0);
    expect(taken).toBe(paid.amount.amount);
    expect(((await api.gql(PAYOUTS, {}, manager)) as any).data.sellerPayouts.sort((x: any, y: any) => (x.id === paid.id ? -1 : y.id === paid.id ? 1 : 0))).toEqual([
      { id: paid.id, status: 'PAID', amount: { amount: paid.amount.amount }, reversed: { amount: taken } },
      { id: paidB.id, status: 'PAID', amount: { amount: paidB.amount.amount }, reversed: { amount: 0 } },
    ]);

    // Stripe's transfer.reversed for that reversal (and a replay under another id): recorded already, nothing posted again.
    const entries = await api.db.prisma.settlementJournalEntry.count();
    const reversed: StripeEventLike = {
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'transfer.reversed',
      data: { object: structuredClone(transfer) },
    } as StripeEventLike;
    expect(await stripe.deliver(api.baseUrl, reversed)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, { ...reversed, id: `${reversed.id}_again` })).toBe(200);
    expect(await api.db.prisma.settlementJournalEntry.count()).toBe(entries);
    expect(await api.db.prisma.sellerPayoutReversal.count()).toBe(1);
    expect(await unbalanced()).toEqual([]);

    // A reversal of that CNY transfer in another currency: refused whole (422 CURRENCY_MISMATCH), nothing written, the event
    // left unclaimed (delivered again, refused again) rather than recorded as processed with the reversal dropped.
    const foreign = structuredClone(transfer) as any;
    foreign.reversals.data.unshift({ ...foreign.reversals.data[0], id: `trr_${randomUUID().replace(/-/g, '').slice(0, 24)}`, amount: 100, currency: 'eur' });
    foreign.amount_reversed += 100;
    const mismatch: StripeEventLike = { ...reversed, id: `evt_${randomUUID().replace(/-/g, '')}`, data: { object: foreign } } as StripeEventLike;
    expect(await stripe.deliver(api.baseUrl, mismatch)).toBe(422);
    expect(await stripe.deliver(api.baseUrl, mismatch)).toBe(422);
    expect(await api.db.prisma.settlementJournalEntry.count()).toBe(entries);
    expect(await api.db.prisma.sellerPayoutReversal.count()).toBe(1);
    expect(await api.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM processed_payment_events WHERE event_id = ${mismatch.id}`).toEqual([{ n: 0n }]);

    // A refund the seller's balance still covers (a new order became payable, not paid out yet) reverses nothing.
    await payableOrder(0, 3);
    const before = await payable();
    const part: any = await api.gql(REFUND, { id: b.id, reason: 'one unit scratched', lines: [{ lineId: b.lines[0].id, quantity: 1 }], key: `rev-b1-${randomUUID()}` }, manager);
    expect(part.errors).toBeUndefined();
    const after = await payable();
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThanOrEqual(0);
    expect(await api.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_messages WHERE job_id LIKE 'settlement.transfer-reversal.%'`).toEqual([{ n: 1n }]);
  });

  it('leaves the debt on the seller’s balance when its connected account no longer holds the money, and nets it from the next payout', async () => {
    const acct = [...stripe.accounts.values()].find((x: any) => x.metadata.vitrine_seller_id === shop.museumId)!;
    const run: any = await api.gql(RUN, { k: 'rev-run-2' }, operator);
    expect(run.data.runPayouts.paid).toHaveLength(1);
    // Order B's refunded unit was netted from the new checkout's money: it pays only the new checkout.
    expect(run.data.runPayouts.paid[0].transferGroup).toBe(`vitrine-checkout-${run.data.runPayouts.paid[0].checkoutId}`);
    expect(await payable()).toBe(0);
    // The connected account paid everything out to its bank: nothing left at Stripe to reverse.
    stripe.bankPayout(String(acct['id']), 'paid', stripe.accountBalances.get(String(acct['id']))!);
    expect(stripe.accountBalances.get(String(acct['id']))).toBe(0);

    // The rest of order B refunded: the seller owes it; Stripe refuses the reversal.
    const b = orderB;
    const refusedBefore = stripe.requests.filter((q) => /\/reversals$/.test(q.path)).length;
    const refund: any = await api.gql(REFUND, { id: b.id, reason: 'lost in transit', key: `rev-b2-${randomUUID()}` }, manager);
    expect(refund.errors).toBeUndefined();
    const debt = -(await payable());
    expect(debt).toBeGreaterThan(0);
    await until('Stripe asked for the reversal', async () => stripe.requests.filter((q) => /\/reversals$/.test(q.path)).length > refusedBefore, 90_000, worker);
    await waitForOutput(worker, new RegExp(`not reversed for refund:${refund.data.refundOrder.refundId} \\(balance_insufficient\\)`), 60_000);
    expect(await api.db.prisma.sellerPayoutReversal.count()).toBe(1);
    expect(-(await payable())).toBe(debt);

    // The next order past its window: the next run pays it less the debt.
    await payableOrder(1, 2);
    const owed = await payable();
    expect(owed).toBeGreaterThan(0);
    const next: any = await api.gql(RUN, { k: 'rev-run-3' }, operator);
    expect(sum(next.data.runPayouts.paid)).toBe(owed);
    for (const p of next.data.runPayouts.paid) expect(p.transferGroup).toBe(`vitrine-checkout-${p.checkoutId}`);
    expect(await payable()).toBe(0);
    expect(await unbalanced()).toEqual([]);
  });

  it('reverses what a lost dispute took from a paid-out seller, once, under the dispute’s own keys; its fee stays owed', async () => {
    const c = await payableOrder(0, 2);
    const run: any = await api.gql(RUN, { k: 'rev-run-4' }, operator);
    // One transfer: the money C made payable (paid, oldest first, under a checkout the earlier netting left owing).
    expect(run.data.runPayouts.paid).toHaveLength(1);
    const paid = run.data.runPayouts.paid[0];
    expect(await payable()).toBe(0);
    const reversalsBefore = await api.db.prisma.sellerPayoutReversal.count();
    const requestsBefore = reversalRequests().length;

    // The shopper's bank takes the whole charge back and the dispute is lost, after the seller's share was transferred.
    const opened = stripe.dispute(c.pi, 'product_not_received');
    expect(await stripe.deliver(api.baseUrl, opened)).toBe(200);
    const disputeId = (opened.data as any).object.id as string;
    const closed = stripe.closeDispute(disputeId, 'lost');
    expect(await stripe.deliver(api.baseUrl, closed)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, { ...closed, id: `${closed.id}_again` })).toBe(200);
    // What the dispute took from the seller's payable balance (read from its entry: the worker may have reversed it already).
    const lost = await api.db.prisma.settlementJournalEntry.findUniqueOrThrow({ where: { eventKey: `dispute-lost:${disputeId}` }, include: { lines: { include: { account: true } } } });
    const taken = lost.lines.filter((l) => l.account.kind === 'SELLER_PAYABLE').reduce((a, l) => a + Number(l.amountMinor), 0);
    expect(taken).toBe(paid.amount.amount);
    // Planned in the dispute's transaction, like a refund's: one job for the dispute and seller.
    const jobs = await api.db.prisma.$queryRaw<{ payload: any }[]>`SELECT payload FROM outbox_messages WHERE job_id LIKE ${`settlement.transfer-reversal.dispute-lost_${disputeId}.%`}`;
    expect(jobs.map((j) => j.payload)).toEqual([expect.objectContaining({ refundKey: `dispute-lost:${disputeId}`, sellerType: 'MUSEUM', sellerId: shop.museumId, currency: 'CNY', parts: `${paid.id}=${taken}` })]);

    // The worker reverses it from the transfer that carried it, under the dispute's idempotency key, and posts it once.
    await until('the dispute’s transfer reversal recorded', async () => (await api.db.prisma.sellerPayoutReversal.count()) === reversalsBefore + 1, 90_000, worker);
    const made = reversalRequests().slice(requestsBefore);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ path: `/v1/transfers/${paid.stripeTransferId}/reversals`, idempotencyKey: `vitrine-dispute-reversal-${disputeId}-${paid.id}` });
    expect(made[0]!.params).toMatchObject({ amount: String(taken), metadata: { vitrine_refund: `dispute-lost:${disputeId}`, vitrine_payout_id: paid.id } });
    // Stripe's fee on the dispute (the seller's, ADR 0014) is not money transferred: it stays owed, netted from the next payout.
    await until('the dispute fee posted', async () => (await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `dispute-fee:${disputeId}` } })) === 1, 90_000, worker);
    const fee = Number(((opened.data as any).object.balance_transactions[0] as any).fee);
    expect(await payable()).toBe(-fee);
    const rows = await api.db.prisma.sellerPayoutReversal.findMany({ where: { payoutId: paid.id } });
    expect(rows.map((r) => Number(r.amountMinor))).toEqual([taken]);
    expect(await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `transfer-reversal:${rows[0]!.stripeReversalId}`, kind: 'TRANSFER_REVERSAL' } })).toBe(1);
    expect(await unbalanced()).toEqual([]);
  });
});
